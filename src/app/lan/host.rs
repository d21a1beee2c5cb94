//! The facilitator's side: starting to host, seating connections, and each frame the
//! clock, the class state to every team, the class on disk and each finished team's result.

use super::door::{self, Door, Heard, Say};
use super::renet_link::{PROTOCOL_ID, connection_config};
use super::{LanHost, ROOM_FILE, ToHost, ToTeam, is_local, now};
use crate::app::AppSystems;
use crate::app::discovery::{self, Beacon};
use crate::class::network::lan_addresses;
use crate::class::results::ResultFile;
use crate::class::room::{HostMsg, Refusal, Room};
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};

/// A class is a room of 5–40 teams; room for a few spare seats.
const MAX_TEAMS: usize = crate::class::seat::SEATS_MAX;
/// How long a connection that flooded the host has to read why before it is dropped.
const FLOOD_DROP_SECONDS: f32 = 1.0;
/// How often the host repeats the class state (a team's countdown stays in step).
const BROADCAST_SECONDS: f32 = 1.0;
/// How often the host writes the class's clock to disk when nothing else changed.
const SAVE_SECONDS: f32 = 5.0;

impl ToTeam {
    fn of(m: HostMsg) -> ToTeam {
        ToTeam(m.to_json())
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_observer(seat_left)
        .add_observer(check_peer)
        // What arrives from the network is input, like a key; what goes out reacts to the
        // frame's commands (a week played, the clock moved).
        .add_systems(
            Update,
            (
                host_receive.in_set(AppSystems::RecordInput),
                host_tick.in_set(AppSystems::React),
            )
                // Checked before each: a command between the sets may stop the class.
                .distributive_run_if(resource_exists::<LanHost>),
        );
}

/// Stops hosting: each team is told at once, renet's and browsers' alike.
pub(super) fn stop(world: &mut World) {
    if let Some(mut server) = world.remove_resource::<RenetServer>()
        && let Some(mut t) = world.get_resource_mut::<NetcodeServerTransport>()
    {
        // Sends each team the disconnect now: they see "the host left" at once.
        t.disconnect_all(&mut server);
    }
    world.remove_resource::<NetcodeServerTransport>();
    // The door closes with the host's resource: its threads close each browser's socket.
    world.remove_resource::<LanHost>();
    let browsers: Vec<Entity> = world
        .query_filtered::<Entity, With<BrowserTeam>>()
        .iter(world)
        .collect();
    for e in browsers {
        world.despawn(e);
    }
}
use std::collections::{BTreeMap, BTreeSet};
use std::net::{SocketAddr, UdpSocket};
use std::path::PathBuf;

/// Why this computer cannot host the class; the facilitator reads it on the hosting panel.
#[derive(Debug, thiserror::Error)]
pub enum HostError {
    #[error("cannot listen on port {port}: {why} (is another class hosted on this computer?)")]
    Port { port: u16, why: std::io::Error },
    #[error("{0}")]
    Socket(std::io::Error),
    #[error("cannot create the results folder {}: {why}", folder.display())]
    Folder {
        folder: PathBuf,
        why: std::io::Error,
    },
}

/// Starts hosting `room` on `bind`; returns the addresses teams can type. Browsers get the
/// web build found beside the game (`door::web_folder`).
pub fn host(
    world: &mut World,
    room: Room,
    bind: SocketAddr,
    folder: PathBuf,
) -> Result<Vec<SocketAddr>, HostError> {
    host_serving(world, room, bind, folder, door::web_folder())
}

/// `host`, serving browsers the web build in `web` (none: a page cannot be had here).
pub fn host_serving(
    world: &mut World,
    room: Room,
    bind: SocketAddr,
    folder: PathBuf,
    web: Option<PathBuf>,
) -> Result<Vec<SocketAddr>, HostError> {
    super::stop(world);
    let socket = UdpSocket::bind(bind).map_err(|why| HostError::Port {
        port: bind.port(),
        why,
    })?;
    let bound = socket.local_addr().map_err(HostError::Socket)?;
    let server = RenetServer::new(connection_config(world.resource::<RepliconChannels>()));
    let transport = NetcodeServerTransport::new(
        ServerConfig {
            current_time: now(),
            max_clients: MAX_TEAMS,
            protocol_id: PROTOCOL_ID,
            public_addresses: vec![bound],
            authentication: ServerAuthentication::Unsecure,
        },
        socket,
    )
    .map_err(HostError::Socket)?;
    // The class's folder exists from the start: comparing before anyone finishes shows an
    // empty class, not a missing folder.
    std::fs::create_dir_all(&folder).map_err(|why| HostError::Folder {
        folder: folder.clone(),
        why,
    })?;
    let mut addresses = Vec::new();
    if bound.ip().is_unspecified() {
        addresses.extend(
            lan_addresses()
                .into_iter()
                .map(|ip| SocketAddr::new(ip, bound.port())),
        );
    } else {
        addresses.push(bound);
    }
    // Port 7879 beside the game's port (any free port when the game's is).
    let beacon_at = SocketAddr::new(
        bind.ip(),
        if bind.port() == 0 { 0 } else { discovery::PORT },
    );
    let mut problems = Vec::new();
    let beacon = match Beacon::new(beacon_at, &room.code.text(), bound.port()) {
        Ok(b) => Some(b),
        Err(e) => {
            problems.push(format!(
                "Teams cannot find this computer by the code (port {}: {e}); they type the address.",
                beacon_at.port()
            ));
            None
        }
    };
    // Browser teams: the same port number, over TCP.
    let door = match Door::open(bound, web.clone(), room.code.text()) {
        Ok(d) => Some(d),
        Err(e) => {
            problems.push(format!(
                "Teams cannot join from a browser (TCP port {}: {e}); they join from the game.",
                bound.port()
            ));
            None
        }
    };
    if door.is_some() && web.is_none() {
        problems.push(
            "Teams cannot join from a browser: the web build is not beside this game (build it with scripts/web.sh build, or set FOREST_AND_TREES_WEB to its folder)."
                .to_string(),
        );
    }
    let problem = (!problems.is_empty()).then(|| problems.join(" "));
    world.insert_resource(server);
    world.insert_resource(transport);
    world.insert_resource(LanHost {
        room,
        addresses: addresses.clone(),
        folder,
        seats: BTreeMap::new(),
        gates: BTreeMap::new(),
        flooded: BTreeMap::new(),
        written: BTreeSet::new(),
        last_sent: None,
        // Once, reset on each send: the next repeat counts from the last send.
        broadcast: Timer::from_seconds(BROADCAST_SECONDS, TimerMode::Once),
        saved: None,
        save_due: Timer::from_seconds(SAVE_SECONDS, TimerMode::Once),
        problem,
        beacon,
        door,
        browsers: BTreeMap::new(),
        browser_ids: BTreeMap::new(),
    });
    Ok(addresses)
}

/// Refuses a peer that is not on the local network.
fn check_peer(
    add: On<Add, ConnectedClient>,
    ids: Query<&NetworkId>,
    transport: Option<Res<NetcodeServerTransport>>,
    mut kick: MessageWriter<DisconnectRequest>,
) {
    let (Ok(id), Some(t)) = (ids.get(add.entity), transport) else {
        return;
    };
    if t.client_addr(id.get()).is_some_and(|a| !is_local(a.ip())) {
        kick.write(DisconnectRequest { client: add.entity });
    }
}

fn seat_left(remove: On<Remove, ConnectedClient>, host: Option<ResMut<LanHost>>) {
    if let Some(mut host) = host {
        left(&mut host, remove.entity);
    }
}

/// A connection closed, renet's or a browser's.
fn left(host: &mut LanHost, connection: Entity) {
    host.gates.remove(&connection);
    host.flooded.remove(&connection);
    host.browsers.remove(&connection);
    if let Some(team) = host.seats.remove(&connection) {
        // The team may already sit on a newer connection.
        if !host.seats.values().any(|t| *t == team) {
            host.room.left(&team);
        }
    }
}

/// A browser team's connection, an entity as renet's clients are, so seats and gates
/// work alike.
#[derive(Component)]
struct BrowserTeam;

/// What the host says to one connection, or does to it: sent the same way to renet's and
/// to browsers'.
struct Outbox<'a, 't, 'k> {
    to: &'a mut MessageWriter<'t, ToClients<ToTeam>>,
    kick: &'a mut MessageWriter<'k, DisconnectRequest>,
}

impl Outbox<'_, '_, '_> {
    fn say(&mut self, host: &LanHost, connection: Entity, m: HostMsg) {
        match host.browsers.get(&connection) {
            Some(tx) => {
                let _ = tx.send(Say::Text(m.to_json()));
            }
            None => {
                self.to.write(ToClients {
                    targets: SendTargets::Single(connection.into()),
                    message: ToTeam::of(m),
                });
            }
        }
    }

    fn drop(&mut self, host: &LanHost, connection: Entity) {
        match host.browsers.get(&connection) {
            Some(tx) => {
                let _ = tx.send(Say::Close);
            }
            None => {
                self.kick.write(DisconnectRequest { client: connection });
            }
        }
    }
}

fn host_receive(
    time: Res<Time>,
    mut commands: Commands,
    mut host: ResMut<LanHost>,
    mut from: MessageReader<FromClient<ToHost>>,
    mut to: MessageWriter<ToClients<ToTeam>>,
    mut kick: MessageWriter<DisconnectRequest>,
) {
    let dt = time.delta_secs();
    let host = &mut *host;
    let mut out = Outbox {
        to: &mut to,
        kick: &mut kick,
    };
    for gate in host.gates.values_mut() {
        gate.tick(dt);
    }
    // A connection that flooded has had time to read why: it is dropped now.
    let mut due = Vec::new();
    for (client, left) in &mut host.flooded {
        if *left > 0.0 {
            *left -= dt;
            if *left <= 0.0 {
                due.push(*client);
            }
        }
    }
    for client in due {
        out.drop(host, client);
    }
    let arrived: Vec<(Entity, String)> = from
        .read()
        .filter_map(|FromClient { client_id, message }| {
            client_id.entity().map(|e| (e, message.0.clone()))
        })
        .collect();
    for (entity, text) in arrived {
        take(host, &mut out, entity, &text);
    }
    // Browsers' connections, strictly in order: a text is read only while its connection
    // is open, so an answer never goes to one that has closed.
    let heard = host.door.as_ref().map(Door::heard).unwrap_or_default();
    for h in heard {
        match h {
            Heard::Opened { id, to } => {
                let e = commands.spawn(BrowserTeam).id();
                host.browser_ids.insert(id, e);
                host.browsers.insert(e, to);
            }
            Heard::Text { id, text } => {
                if let Some(e) = host.browser_ids.get(&id).copied() {
                    take(host, &mut out, e, &text);
                }
            }
            Heard::Closed { id } => {
                if let Some(e) = host.browser_ids.remove(&id) {
                    left(host, e);
                    commands.entity(e).despawn();
                }
            }
        }
    }
}

/// One message from a team's connection, read as the room says, and its answer.
fn take(host: &mut LanHost, out: &mut Outbox, connection: Entity, text: &str) {
    // Not read at all: a flood costs the host a lookup a message.
    if host.flooded.contains_key(&connection) {
        return;
    }
    if !host.gates.entry(connection).or_default().admit() {
        out.say(
            host,
            connection,
            HostMsg::Refused(Refusal::Flood.to_string()),
        );
        host.flooded.insert(connection, FLOOD_DROP_SECONDS);
        return;
    }
    // The room decides (engine-free, fuzzed in src/untrusted.rs); this only carries it.
    let seat = host.seats.get(&connection).cloned();
    let (answer, now) = host.room.receive(seat.as_deref(), text);
    if let Some(name) = now {
        host.seats.insert(connection, name);
    }
    if let Some(m) = answer {
        out.say(host, connection, m);
    }
}

fn host_tick(time: Res<Time>, mut host: ResMut<LanHost>, mut to: MessageWriter<ToClients<ToTeam>>) {
    if let Some(b) = &host.beacon {
        b.answer();
    }
    host.room.clock.tick(time.delta_secs());
    broadcast(&mut host, time.delta(), &mut to);
    save(&mut host, time.delta());
    write_results(&mut host);
}

/// The class state to every team: at once when it changed, otherwise now and then (a
/// team's countdown stays in step).
fn broadcast(
    host: &mut LanHost,
    dt: std::time::Duration,
    to: &mut MessageWriter<ToClients<ToTeam>>,
) {
    host.broadcast.tick(dt);
    let state = host.room.state();
    let changed = host.last_sent.as_ref().is_none_or(|s| {
        s.announced != state.announced
                || s.clock.turn() != state.clock.turn()
                // Time given: every team's countdown shows it at once.
                || s.clock.left() < state.clock.left()
    });
    if changed || host.broadcast.is_finished() {
        host.broadcast.reset();
        let json = HostMsg::Class(state.clone()).to_json();
        for tx in host.browsers.values() {
            let _ = tx.send(Say::Text(json.clone()));
        }
        to.write(ToClients {
            targets: SendTargets::CLIENTS_ONLY,
            message: ToTeam(json),
        });
        host.last_sent = Some(state);
    }
}

/// The class on disk, for a facilitator's computer that fails: at once when a team, an
/// announcement or the week changed, otherwise now and then for the countdown.
fn save(host: &mut LanHost, dt: std::time::Duration) {
    host.save_due.tick(dt);
    let mark = host.room.mark();
    if host.saved.as_ref() != Some(&mark) || host.save_due.is_finished() {
        let path = host.folder.join(ROOM_FILE);
        if let Err(e) = host.room.save().write(&path) {
            host.problem = Some(crate::store::write_failed(
                crate::store::Saved::Class,
                &path,
                &e,
            ));
        }
        host.saved = Some(mark);
        host.save_due.reset();
    }
}

/// Each finished team's result, from the host's own replay, once.
fn write_results(host: &mut LanHost) {
    let code = host.room.code.text();
    let finished: Vec<_> = host
        .room
        .teams
        .iter()
        .filter(|t| t.sim.is_finished() && !host.written.contains(&t.name))
        .map(|t| ResultFile::of(&t.sim, &t.name, Some(&code)))
        .collect();
    for r in finished {
        if let Err(e) = r.write(&host.folder) {
            host.problem = Some(format!(
                "Could not write results to {}: {e}",
                host.folder.display()
            ));
        }
        host.written.insert(r.team);
    }
}
