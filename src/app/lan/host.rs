//! The facilitator's side: starting to host, seating connections, and each frame the
//! clock, the class state to every team, the class on disk and each finished team's result.

use super::{
    BROADCAST_SECONDS, FLOOD_DROP_SECONDS, LanHost, MAX_TEAMS, PROTOCOL_ID, ROOM_FILE,
    SAVE_SECONDS, ToHost, ToTeam, connection_config, is_local, now, stop,
};
use crate::app::discovery::{self, Beacon};
use crate::class::network::lan_addresses;
use crate::class::results::ResultFile;
use crate::class::room::{HostMsg, Refusal, Room};
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};
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

/// Starts hosting `room` on `bind`; returns the addresses teams can type.
pub fn host(
    world: &mut World,
    room: Room,
    bind: SocketAddr,
    folder: PathBuf,
) -> Result<Vec<SocketAddr>, HostError> {
    stop(world);
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
    let (beacon, problem) = match Beacon::new(beacon_at, &room.code.text(), bound.port()) {
        Ok(b) => (Some(b), None),
        Err(e) => (
            None,
            Some(format!(
                "Teams cannot find this computer by the code (port {}: {e}); they type the address.",
                beacon_at.port()
            )),
        ),
    };
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
    });
    Ok(addresses)
}

/// Refuses a peer that is not on the local network.
pub(super) fn check_peer(
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

pub(super) fn seat_left(remove: On<Remove, ConnectedClient>, host: Option<ResMut<LanHost>>) {
    let Some(mut host) = host else {
        return;
    };
    host.gates.remove(&remove.entity);
    host.flooded.remove(&remove.entity);
    if let Some(team) = host.seats.remove(&remove.entity) {
        // The team may already sit on a newer connection.
        if !host.seats.values().any(|t| *t == team) {
            host.room.left(&team);
        }
    }
}

pub(super) fn host_receive(
    time: Res<Time>,
    mut host: ResMut<LanHost>,
    mut from: MessageReader<FromClient<ToHost>>,
    mut to: MessageWriter<ToClients<ToTeam>>,
    mut kick: MessageWriter<DisconnectRequest>,
) {
    let dt = time.delta_secs();
    let host = &mut *host;
    for gate in host.gates.values_mut() {
        gate.tick(dt);
    }
    // A connection that flooded has had time to read why: it is dropped now.
    for (client, left) in &mut host.flooded {
        if *left > 0.0 {
            *left -= dt;
            if *left <= 0.0 {
                kick.write(DisconnectRequest { client: *client });
            }
        }
    }
    for FromClient { client_id, message } in from.read() {
        let Some(entity) = client_id.entity() else {
            continue;
        };
        // Not read at all: a flood costs the host a lookup a message.
        if host.flooded.contains_key(&entity) {
            continue;
        }
        let reply = |m: HostMsg| ToClients {
            targets: SendTargets::Single(entity.into()),
            message: ToTeam::of(m),
        };
        if !host.gates.entry(entity).or_default().admit() {
            to.write(reply(HostMsg::Refused(Refusal::Flood.to_string())));
            host.flooded.insert(entity, FLOOD_DROP_SECONDS);
            continue;
        }
        // The room decides (engine-free, fuzzed in src/untrusted.rs); this only carries it.
        let seat = host.seats.get(&entity).cloned();
        let (answer, now) = host.room.receive(seat.as_deref(), &message.0);
        if let Some(name) = now {
            host.seats.insert(entity, name);
        }
        if let Some(m) = answer {
            to.write(reply(m));
        }
    }
}

pub(super) fn host_tick(
    time: Res<Time>,
    mut host: ResMut<LanHost>,
    mut to: MessageWriter<ToClients<ToTeam>>,
) {
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
        to.write(ToClients {
            targets: SendTargets::CLIENTS_ONLY,
            message: ToTeam::of(HostMsg::Class(state.clone())),
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
