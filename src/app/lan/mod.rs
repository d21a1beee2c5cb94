//! The LAN class: the facilitator's game hosts, team games join by address and class code.
//! bevy_replicon carries two message types over renet (UDP); everything they say is plain
//! data from `crate::class::room`. The host runs the `Room`: it replays each team's decisions,
//! ticks the class clock, and tells every team the clock and the announcements.
//! Only addresses of the local network are used, on both sides.
//! Here: the plugin, the resources and leaving; `host` and `team` hold each side's systems.
//! The rules that need no engine (messages, addresses, resuming) are in `crate::class`.

mod host;
mod team;

pub use crate::class::network::{PORT, is_local, parse_host};
pub use crate::class::room_save::{ROOM_FILE, room_for};
pub use host::host;
pub use team::join;

use super::discovery::Beacon;
use super::screens::Screen;
use super::session::Session;
use crate::app::AppSystems;
use crate::class::room::{ClassState, HostMsg, Room, RoomMark, TeamMsg};
use crate::class::seat::Gate;
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::netcode::{NetcodeClientTransport, NetcodeServerTransport};
use bevy_replicon_renet::renet::ConnectionConfig;
use bevy_replicon_renet::{RenetChannelsExt, RenetClient, RenetServer, RepliconRenetPlugins};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::PathBuf;
use web_time::SystemTime;

/// netcode refuses peers of another protocol id: other games on the same port.
const PROTOCOL_ID: u64 = 0x4654_4c41_4e00_0001; // "FTLAN" v1
/// A class is a room of 5–40 teams; room for a few spare seats.
const MAX_TEAMS: usize = crate::class::seat::SEATS_MAX;
/// What a team's connection may have in flight on a channel before renet drops it: a
/// message as long as the host reads, and room for the weeks behind it.
const TEAM_CHANNEL_BYTES: usize = 2 * crate::class::seat::MESSAGE_MAX;
/// How long a connection that flooded the host has to read why before it is dropped.
const FLOOD_DROP_SECONDS: f32 = 1.0;
/// How often the host repeats the class state (a team's countdown stays in step).
const BROADCAST_SECONDS: f32 = 1.0;
/// How often the host writes the class's clock to disk when nothing else changed.
const SAVE_SECONDS: f32 = 5.0;
/// How long a team waits before trying a lost connection again.
const RETRY_SECONDS: f32 = 3.0;

/// A team's message, as carried (JSON: see `crate::class::wire`). Any text at all may
/// arrive: the host reads it as `Room::receive` says.
#[derive(Message, Serialize, Deserialize, Clone, Debug)]
pub struct ToHost(pub String);

/// The host's message, as carried (JSON, as `ToHost`).
#[derive(Message, Serialize, Deserialize, Clone, Debug)]
pub struct ToTeam(pub String);

impl ToHost {
    fn of(m: &TeamMsg) -> ToHost {
        ToHost(m.to_json())
    }
}

impl ToTeam {
    fn of(m: HostMsg) -> ToTeam {
        ToTeam(m.to_json())
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
    /// Connection → its allowance of messages.
    gates: BTreeMap<Entity, Gate>,
    /// Connections that flooded: seconds until each is dropped (its messages are not read).
    flooded: BTreeMap<Entity, f32>,
    written: BTreeSet<String>,
    last_sent: Option<ClassState>,
    /// Until the class state is repeated to every team.
    broadcast: Timer,
    /// The class as last written to `room.ron`, and until it is written again regardless.
    saved: Option<RoomMark>,
    save_due: Timer,
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
    /// The run this link is for: the session's own class, which alone is sent to the host.
    pub class: crate::class::Membership,
    key: u64,
    pub link: Link,
    /// Weeks of the session the host has been sent.
    sent: usize,
    /// Until a lost connection, or an unanswered hello, is tried again.
    retry: Timer,
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
        .add_observer(host::seat_left)
        .add_observer(host::check_peer)
        // What arrives from the network is input, like a key; what goes out reacts to the
        // frame's commands (a week played, the clock moved).
        .add_systems(
            Update,
            (
                host::host_receive.in_set(AppSystems::RecordInput),
                host::host_tick.in_set(AppSystems::React),
            )
                // Checked before each: a command between the sets may stop the class.
                .distributive_run_if(resource_exists::<LanHost>),
        )
        .add_systems(
            Update,
            (
                (team::team_link, team::team_receive)
                    .chain()
                    .in_set(AppSystems::RecordInput),
                team::team_send.in_set(AppSystems::React),
            )
                .distributive_run_if(resource_exists::<LanTeam>),
        );
}

fn connection_config(channels: &RepliconChannels) -> ConnectionConfig {
    let mut from_teams = channels.client_configs();
    for c in &mut from_teams {
        c.max_memory_usage_bytes = TEAM_CHANNEL_BYTES;
    }
    ConnectionConfig {
        server_channels_config: channels.server_configs(),
        client_channels_config: from_teams,
        ..Default::default()
    }
}

fn now() -> std::time::Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
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
