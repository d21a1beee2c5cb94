//! The LAN class: the facilitator's game hosts, team games join by address and class code.
//! bevy_replicon carries two message types over renet (UDP); everything they say is plain
//! data from `crate::class::room`. The host runs the `Room`: it replays each team's decisions,
//! ticks the class clock, and tells every team the clock and the announcements.
//! Only addresses of the local network are used, on both sides.

use super::discovery::{self, Beacon};
use super::screens::Screen;
use super::session::{SaveDir, Session};
use crate::class::results::ResultFile;
use crate::class::room::{ClassState, HostMsg, Room, RoomMark, RoomSave, TeamMsg};
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::netcode::{
    ClientAuthentication, NetcodeClientTransport, NetcodeServerTransport, ServerAuthentication,
    ServerConfig,
};
use bevy_replicon_renet::renet::ConnectionConfig;
use bevy_replicon_renet::{RenetChannelsExt, RenetClient, RenetServer, RepliconRenetPlugins};
use serde::{Deserialize, Serialize};
use sim::Decision;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::{BuildHasher, RandomState};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs, UdpSocket};
use std::path::PathBuf;
use std::time::SystemTime;

/// The port a host listens on unless told otherwise.
pub const PORT: u16 = 7878;
/// netcode refuses peers of another protocol id: other games on the same port.
const PROTOCOL_ID: u64 = 0x4654_4c41_4e00_0001; // "FTLAN" v1
/// A class is a room of 5–40 teams; room for a few spare seats.
const MAX_TEAMS: usize = 64;
/// How often the host repeats the class state (a team's countdown stays in step).
const BROADCAST_SECONDS: f32 = 1.0;
/// How often the host writes the class's clock to disk when nothing else changed.
const SAVE_SECONDS: f32 = 5.0;
/// The hosted class, kept in its results folder.
pub const ROOM_FILE: &str = "room.ron";
/// How long a team waits before trying a lost connection again.
const RETRY_SECONDS: f32 = 3.0;

/// A team's message, as carried: JSON, because the game's records skip empty fields and
/// replicon's compact encoding cannot tell a skipped field from the next one. JSON also
/// keeps every float exact (`float_roundtrip`): the host replays the very same plans.
#[derive(Message, Serialize, Deserialize, Clone, Debug)]
pub struct ToHost(String);

/// The host's message, as carried (JSON, as `ToHost`).
#[derive(Message, Serialize, Deserialize, Clone, Debug)]
pub struct ToTeam(String);

impl ToHost {
    fn of(m: &TeamMsg) -> ToHost {
        ToHost(serde_json::to_string(m).expect("a team message serialises"))
    }
}

impl ToTeam {
    fn of(m: HostMsg) -> ToTeam {
        ToTeam(serde_json::to_string(&m).expect("a host message serialises"))
    }
}

/// The facilitator's side, while hosting.
#[derive(Resource)]
pub struct LanHost {
    pub room: Room,
    /// The address teams type (the port, and this computer's LAN address when found).
    pub addresses: Vec<SocketAddr>,
    /// Where the host writes each team's verified result when it finishes.
    pub folder: PathBuf,
    /// Connection → team name.
    seats: BTreeMap<Entity, String>,
    written: BTreeSet<String>,
    last_sent: Option<ClassState>,
    since: f32,
    /// The class as last written to `room.ron`, and seconds since.
    saved: Option<RoomMark>,
    since_saved: f32,
    /// A problem writing results, shown to the facilitator.
    pub problem: Option<String>,
    /// Answers teams that look for this class by its code.
    beacon: Option<Beacon>,
}

impl LanHost {
    /// Where teams' searches by code reach this host, when it can be found.
    pub fn beacon_addr(&self) -> Option<SocketAddr> {
        self.beacon.as_ref().and_then(|b| b.local_addr().ok())
    }
}

/// How a team's link to the host stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Link {
    Connecting,
    /// Connected; the hello is sent and the host's welcome awaited.
    Greeting,
    /// Connected and seated by the host.
    Seated,
    /// The connection dropped or could not be made: the game keeps trying.
    Lost(String),
    /// The host refused the team (wrong code, a name in use...): no more tries.
    Refused(String),
}

/// The team's side, while in a LAN class.
#[derive(Resource)]
pub struct LanTeam {
    pub host: SocketAddr,
    pub code: String,
    pub team: String,
    key: u64,
    pub link: Link,
    /// Weeks of the session the host has been sent.
    sent: usize,
    retry: f32,
    /// A message for the players about the last thing the host corrected.
    pub notice: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.add_plugins((RepliconPlugins, RepliconRenetPlugins))
        .add_client_message::<ToHost>(Channel::Ordered)
        .add_server_message::<ToTeam>(Channel::Ordered)
        // Welcome goes out as soon as a team says hello, before replicon's own handshake.
        .make_message_independent::<ToTeam>()
        .add_systems(OnEnter(Screen::Title), |mut c: Commands| c.queue(leave))
        .add_observer(seat_left)
        .add_observer(check_peer)
        .add_systems(
            Update,
            (host_receive, host_tick)
                .chain()
                .run_if(resource_exists::<LanHost>),
        )
        .add_systems(
            Update,
            (team_link, team_receive, team_send)
                .chain()
                .run_if(resource_exists::<LanTeam>),
        );
}

/// This computer's IPv4 networks: (address, netmask) of each interface that is up.
fn networks() -> Vec<(Ipv4Addr, Ipv4Addr)> {
    if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.addr {
            if_addrs::IfAddr::V4(a) => Some((a.ip, a.netmask)),
            if_addrs::IfAddr::V6(_) => None,
        })
        .collect()
}

/// Whether an address belongs to the local network (nothing of a class leaves it): a
/// private, link-local or loopback address, or one in a network this computer is on (some
/// campuses give lab computers public addresses).
pub fn is_local(ip: IpAddr) -> bool {
    is_local_in(ip, &networks())
}

fn is_local_in(ip: IpAddr, networks: &[(Ipv4Addr, Ipv4Addr)]) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || networks.iter().any(|(net, mask)| {
                    !mask.is_unspecified()
                        && u32::from(*net) & u32::from(*mask) == u32::from(v4) & u32::from(*mask)
                })
        }
        IpAddr::V6(v6) => {
            let first = v6.segments()[0];
            v6.is_loopback() || (first & 0xfe00) == 0xfc00 || (first & 0xffc0) == 0xfe80
        }
    }
}

/// Reads what a player typed as the host's address: `192.168.1.20`, `teacher-pc:7878`.
pub fn parse_host(typed: &str) -> Result<SocketAddr, String> {
    let t = typed.trim();
    if t.is_empty() {
        return Err("type the address shown on your facilitator's screen".into());
    }
    let with_port = if t.parse::<IpAddr>().is_ok() || !t.contains(':') {
        format!("{t}:{PORT}")
    } else {
        t.to_string()
    };
    let addr = with_port
        .to_socket_addrs()
        .map_err(|e| format!("\"{t}\" is not an address here: {e}"))?
        .find(|a| a.is_ipv4())
        .ok_or_else(|| format!("\"{t}\" has no IPv4 address"))?;
    if !is_local(addr.ip()) {
        return Err(format!(
            "{} is not on this computer's network: a class only connects to computers in the room",
            addr.ip()
        ));
    }
    Ok(addr)
}

/// The addresses teams can type for this computer: every IPv4 interface but loopback.
fn lan_addresses() -> Vec<IpAddr> {
    let mut out: Vec<IpAddr> = networks()
        .into_iter()
        .map(|(ip, _)| ip)
        .filter(|ip| !ip.is_loopback() && !ip.is_unspecified())
        .map(IpAddr::V4)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn connection_config(channels: &RepliconChannels) -> ConnectionConfig {
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: channels.client_configs(),
        ..Default::default()
    }
}

fn now() -> std::time::Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

/// Starts hosting `room` on `bind`; returns the addresses teams can type.
pub fn host(
    world: &mut World,
    room: Room,
    bind: SocketAddr,
    folder: PathBuf,
) -> Result<Vec<SocketAddr>, String> {
    stop(world);
    let socket = UdpSocket::bind(bind).map_err(|e| {
        format!(
            "cannot listen on port {}: {e} (is another class hosted on this computer?)",
            bind.port()
        )
    })?;
    let bound = socket.local_addr().map_err(|e| e.to_string())?;
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
    .map_err(|e| e.to_string())?;
    // The class's folder exists from the start: comparing before anyone finishes shows an
    // empty class, not a missing folder.
    std::fs::create_dir_all(&folder)
        .map_err(|e| format!("cannot create the results folder {}: {e}", folder.display()))?;
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
        written: BTreeSet::new(),
        last_sent: None,
        since: 0.0,
        saved: None,
        since_saved: 0.0,
        problem,
        beacon,
    });
    Ok(addresses)
}

/// A saved class younger than this is resumed; an older one with the same code is another
/// class (codes repeat when a level is run again with the same seed).
const RESUME_HOURS: u64 = 12;

/// The class to host and its folder under `results`: the class saved there if it is this
/// code's and recent (the facilitator's computer failed, or the game was closed), else a
/// new class in a folder of its own. The message says which.
pub fn room_for(
    code: crate::class::ClassCode,
    level: &sim::Level,
    seconds_per_week: u32,
    results: &std::path::Path,
    now: SystemTime,
) -> (Room, Option<String>, PathBuf) {
    let base = format!("lan-{}", code.text().replace('-', "").to_lowercase());
    let folder = |n: u32| {
        results.join(if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        })
    };
    let last = (1..).take_while(|n| folder(*n).exists()).last();
    let Some(last) = last else {
        return (Room::new(code, level, seconds_per_week), None, folder(1));
    };
    let path = folder(last).join(ROOM_FILE);
    let recent = std::fs::metadata(&path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| now.duration_since(t).ok())
        .is_some_and(|age| age.as_secs() < RESUME_HOURS * 3600);
    if !recent {
        let fresh = folder(last + 1);
        let said = format!(
            "A new class: the earlier one with this code is kept in {}.",
            folder(last).display()
        );
        return (Room::new(code, level, seconds_per_week), Some(said), fresh);
    }
    let restored = RoomSave::load(&path).and_then(|save| {
        if save.code != code.text() {
            return Err(format!("{} is of class {}", path.display(), save.code));
        }
        Room::restore(&save, level, seconds_per_week)
    });
    match restored {
        Ok(room) => {
            let said = format!(
                "Resumed this class as it was saved: {} teams, week {} (paused).",
                room.teams.len(),
                room.clock.week
            );
            (room, Some(said), folder(last))
        }
        Err(e) => {
            // Kept, not overwritten: a facilitator may still want what is in it.
            let said = match crate::store::set_aside(&path) {
                Some(aside) => format!(
                    "Started the class afresh: {e} (kept as {})",
                    aside.display()
                ),
                None => format!("Started the class afresh: {e}"),
            };
            (
                Room::new(code, level, seconds_per_week),
                Some(said),
                folder(last),
            )
        }
    }
}

/// Stops hosting or leaves the class, telling the other side.
pub fn stop(world: &mut World) {
    if let Some(mut server) = world.remove_resource::<RenetServer>()
        && let Some(mut t) = world.get_resource_mut::<NetcodeServerTransport>()
    {
        // Sends each team the disconnect now: they see "the host left" at once.
        t.disconnect_all(&mut server);
    }
    if let Some(mut t) = world.get_resource_mut::<NetcodeClientTransport>() {
        t.disconnect();
    }
    world.remove_resource::<NetcodeServerTransport>();
    world.remove_resource::<RenetServer>();
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    world.remove_resource::<LanHost>();
    world.remove_resource::<LanTeam>();
}

/// Leaves the LAN class this game joined (back on the title, or an offline class).
pub fn leave(world: &mut World) {
    if !world.contains_resource::<LanTeam>() {
        return;
    }
    if let Some(mut t) = world.get_resource_mut::<NetcodeClientTransport>() {
        t.disconnect();
    }
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
    world.remove_resource::<LanTeam>();
    if let Some(mut s) = world.get_resource_mut::<Session>() {
        s.lan = None;
    }
}

/// A key for this installation's seats: the same game coming back after a crash takes its
/// team's seat again at once; another computer waits until the host sees the seat free.
fn seat_key(data: &std::path::Path) -> u64 {
    let path = data.join("lan-key");
    if let Some(k) = std::fs::read_to_string(&path)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        return k;
    }
    // A secret: std's hasher is keyed at random for each process.
    let fresh = RandomState::new().hash_one((now(), std::process::id(), data));
    let _ = std::fs::create_dir_all(data);
    let _ = std::fs::write(&path, fresh.to_string());
    fresh
}

/// Joins the class at `host` as `team` (the session must be the class's run).
pub fn join(world: &mut World, host: SocketAddr, code: &str, team: &str) {
    stop(world);
    // No week ends before the host's welcome says where the class is.
    if let Some(mut s) = world.get_resource_mut::<Session>() {
        s.lan = Some(ClassState {
            code: code.to_string(),
            clock: crate::class::room::Clock::new(s.sim.level.weeks, 60),
            announced: BTreeMap::new(),
        });
    }
    let key = seat_key(&world.resource::<SaveDir>().0);
    world.insert_resource(LanTeam {
        host,
        code: code.to_string(),
        team: team.trim().to_string(),
        key,
        link: Link::Connecting,
        sent: 0,
        retry: 0.0,
        notice: None,
    });
    connect(world);
}

fn connect(world: &mut World) {
    let Some(lan) = world.get_resource::<LanTeam>() else {
        return;
    };
    let host = lan.host;
    let socket = match UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)) {
        Ok(s) => s,
        Err(e) => {
            world.resource_mut::<LanTeam>().link = Link::Lost(format!("no network here: {e}"));
            return;
        }
    };
    // A new id each attempt: the host ignores one it still counts as connected.
    let client_id = RandomState::new().hash_one((now(), lan.key));
    let auth = ClientAuthentication::Unsecure {
        client_id,
        protocol_id: PROTOCOL_ID,
        server_addr: host,
        user_data: None,
    };
    match NetcodeClientTransport::new(now(), auth, socket) {
        Ok(t) => {
            // Removed first: replicon starts "connecting" only when the client resource is
            // added, and replacing it in place is not an addition.
            world.remove_resource::<RenetClient>();
            world.remove_resource::<NetcodeClientTransport>();
            let client = RenetClient::new(connection_config(world.resource::<RepliconChannels>()));
            world.insert_resource(client);
            world.insert_resource(t);
            let mut lan = world.resource_mut::<LanTeam>();
            lan.link = Link::Connecting;
            lan.retry = 0.0;
        }
        Err(e) => world.resource_mut::<LanTeam>().link = Link::Lost(e.to_string()),
    }
}

// ---- host ----

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
    let Some(mut host) = host else {
        return;
    };
    if let Some(team) = host.seats.remove(&remove.entity) {
        // The team may already sit on a newer connection.
        if !host.seats.values().any(|t| *t == team) {
            host.room.left(&team);
        }
    }
}

fn host_receive(
    mut host: ResMut<LanHost>,
    mut from: MessageReader<FromClient<ToHost>>,
    mut to: MessageWriter<ToClients<ToTeam>>,
) {
    for FromClient { client_id, message } in from.read() {
        let Some(entity) = client_id.entity() else {
            continue;
        };
        let reply = |m: HostMsg| ToClients {
            targets: SendTargets::Single(entity.into()),
            message: ToTeam::of(m),
        };
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

fn host_tick(time: Res<Time>, mut host: ResMut<LanHost>, mut to: MessageWriter<ToClients<ToTeam>>) {
    let dt = time.delta_secs();
    if let Some(b) = &host.beacon {
        b.answer();
    }
    host.room.clock.tick(dt);
    host.since += dt;
    let state = host.room.state();
    let changed = host
        .last_sent
        .as_ref()
        .is_none_or(|s| s.announced != state.announced || s.clock.turn() != state.clock.turn());
    if changed || host.since >= BROADCAST_SECONDS {
        host.since = 0.0;
        to.write(ToClients {
            targets: SendTargets::CLIENTS_ONLY,
            message: ToTeam::of(HostMsg::Class(state.clone())),
        });
        host.last_sent = Some(state);
    }
    // The class on disk, for a facilitator's computer that fails: at once when a team, an
    // announcement or the week changed, otherwise now and then for the countdown.
    host.since_saved += dt;
    let mark = host.room.mark();
    if host.saved.as_ref() != Some(&mark) || host.since_saved >= SAVE_SECONDS {
        let path = host.folder.join(ROOM_FILE);
        if let Err(e) = host.room.save().write(&path) {
            host.problem = Some(format!(
                "Could not save the class to {}: {e}",
                path.display()
            ));
        }
        host.saved = Some(mark);
        host.since_saved = 0.0;
    }
    // Each finished team's result, from the host's own replay, once.
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

// ---- team ----

fn team_link(
    time: Res<Time>,
    mut commands: Commands,
    mut lan: ResMut<LanTeam>,
    client: Option<Res<RenetClient>>,
    state: Res<State<ClientState>>,
    session: Option<Res<Session>>,
    mut to: MessageWriter<ToHost>,
) {
    // Replicon's own state, not renet's: it turns a frame later, and a message written
    // before it does never leaves this computer.
    let connected = *state.get() == ClientState::Connected;
    let dropped = client.as_ref().is_none_or(|c| c.is_disconnected());
    if lan.link == Link::Greeting && connected {
        // A welcome that does not come: say hello again.
        lan.retry += time.delta_secs();
        if lan.retry >= RETRY_SECONDS {
            lan.link = Link::Connecting;
        }
    }
    match &lan.link {
        Link::Refused(_) => {}
        Link::Connecting if connected => {
            lan.retry = 0.0;
            // Say hello with every week played, so the host can take up where it was.
            let played: Vec<Decision> = session.map(|s| s.decisions.clone()).unwrap_or_default();
            to.write(ToHost::of(&TeamMsg::Hello {
                version: env!("CARGO_PKG_VERSION").into(),
                code: lan.code.clone(),
                team: lan.team.clone(),
                key: lan.key,
                played,
            }));
            // Seated on the host's welcome; until then nothing more is sent.
            lan.link = Link::Greeting;
        }
        Link::Seated | Link::Connecting | Link::Greeting if dropped => {
            let why = client
                .as_ref()
                .and_then(|c| c.disconnect_reason())
                .map_or("the connection dropped".to_string(), |r| r.to_string());
            lan.link = Link::Lost(why);
            lan.retry = 0.0;
        }
        Link::Lost(_) if dropped => {
            lan.retry += time.delta_secs();
            if lan.retry >= RETRY_SECONDS {
                commands.queue(connect);
            }
        }
        _ => {}
    }
}

fn team_receive(
    mut lan: ResMut<LanTeam>,
    mut from: MessageReader<ToTeam>,
    session: Option<ResMut<Session>>,
    mut next: ResMut<NextState<Screen>>,
) {
    // Only the class's own run listens to its host.
    let Some(mut session) =
        session.filter(|s| s.class.as_ref().is_some_and(|c| c.code == lan.code))
    else {
        from.clear();
        return;
    };
    for ToTeam(json) in from.read() {
        let m = match serde_json::from_str::<HostMsg>(json) {
            Ok(m) => m,
            Err(e) => {
                lan.link = Link::Refused(format!(
                    "the facilitator's game sent a message this game cannot read ({e}): install the same version"
                ));
                continue;
            }
        };
        match &m {
            HostMsg::Welcome { record, class, .. } => {
                session.lan = Some(class.clone());
                if *record != session.decisions {
                    lan.notice = match session.resume_from(record) {
                        Ok(false) => None,
                        Ok(true) => Some(format!(
                            "Your facilitator's computer has your team at week {}: you carry on from there.",
                            session.decisions.len() + 1
                        )),
                        Err(e) => Some(e),
                    };
                }
                // Weeks beyond the host's record go to it now.
                lan.sent = record.len();
                lan.link = Link::Seated;
                if session.sim.is_finished() {
                    next.set(Screen::Debrief);
                }
            }
            HostMsg::Refused(why) => lan.link = Link::Refused(why.clone()),
            HostMsg::Rejected {
                week,
                reason,
                record,
                class,
            } => {
                // Most often an event was announced while this week was on its way: the
                // team's own weeks are played again with it. An announcement only schedules
                // next week's event, so those weeks come out the same.
                session.lan = Some(class.clone());
                lan.notice = match session.resume_from(record) {
                    Ok(false) => None,
                    Ok(true) => Some(format!(
                        "Your facilitator's computer did not take week {week}: {reason}. You carry on from week {}.",
                        session.decisions.len() + 1
                    )),
                    Err(e) => Some(e),
                };
                // The weeks played again go to the host again.
                lan.sent = record.len();
            }
            HostMsg::Class(class) => session.lan = Some(class.clone()),
        }
    }
}

fn team_send(
    time: Res<Time>,
    mut lan: ResMut<LanTeam>,
    session: Option<ResMut<Session>>,
    state: Res<State<ClientState>>,
    mut to: MessageWriter<ToHost>,
) {
    let Some(mut session) = session else {
        return;
    };
    // The countdown runs on between the host's updates (never past the week's end).
    if let Some(class) = session.lan.as_mut() {
        class.clock.tick_display(time.delta_secs());
    }
    if lan.link != Link::Seated || *state.get() != ClientState::Connected {
        return;
    }
    while lan.sent < session.decisions.len() {
        let week = lan.sent as u32 + 1;
        to.write(ToHost::of(&TeamMsg::Played {
            week,
            decision: session.decisions[lan.sent].clone(),
        }));
        lan.sent += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_addresses_of_the_room_are_local() {
        let campus = [(
            "130.225.10.7".parse().unwrap(),
            "255.255.255.0".parse().unwrap(),
        )];
        for ip in [
            "192.168.1.20",
            "10.0.0.3",
            "172.20.1.1",
            "127.0.0.1",
            "169.254.3.4",
            "130.225.10.99",
        ] {
            assert!(is_local_in(ip.parse().unwrap(), &campus), "{ip}");
        }
        for ip in ["8.8.8.8", "130.225.11.99", "172.32.0.1"] {
            assert!(!is_local_in(ip.parse().unwrap(), &campus), "{ip}");
        }
    }

    #[test]
    fn a_recent_class_is_resumed_and_an_old_one_with_the_same_code_kept_apart() {
        let level = crate::catalog::load_all(
            &crate::catalog::levels_dir(),
            std::path::Path::new("/nonexistent"),
            &[],
        )
        .into_iter()
        .find_map(|e| e.level.ok().filter(|l| l.id == "crunch"))
        .unwrap();
        let code = crate::class::ClassCode::new(&level, sim::Difficulty::Normal, 3);
        let scratch = crate::scratch::Scratch::new("lan-room");
        let results = scratch.join("results");
        let now = SystemTime::now();
        let (mut room, said, first) = room_for(code, &level, 60, &results, now);
        assert_eq!(said, None);
        room.clock.week = 4;
        std::fs::create_dir_all(&first).unwrap();
        room.save().write(&first.join(ROOM_FILE)).unwrap();
        // An hour later: the same class comes back.
        let hour = std::time::Duration::from_secs(3600);
        let (back, said, folder) = room_for(code, &level, 60, &results, now + hour);
        assert_eq!((back.clock.week, folder.clone()), (4, first.clone()));
        assert!(said.unwrap().starts_with("Resumed"));
        // Next week, the same code is another class, in a folder of its own.
        let (fresh, said, folder) = room_for(code, &level, 60, &results, now + hour * 24 * 7);
        assert_eq!(fresh.clock.week, 1);
        assert_ne!(folder, first);
        assert!(said.unwrap().contains("kept in"));
    }

    #[test]
    fn a_typed_address_gets_the_port_and_a_far_one_is_refused() {
        assert_eq!(
            parse_host(" 192.168.1.20 ").unwrap(),
            SocketAddr::from(([192, 168, 1, 20], PORT))
        );
        assert_eq!(
            parse_host("127.0.0.1:9000").unwrap(),
            SocketAddr::from(([127, 0, 0, 1], 9000))
        );
        assert!(
            parse_host("8.8.8.8")
                .unwrap_err()
                .contains("not on this computer's network")
        );
        assert!(parse_host("").is_err());
        assert!(parse_host("192.168.1.20:99999").is_err());
    }
}
