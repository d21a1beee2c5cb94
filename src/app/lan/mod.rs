//! The LAN class: the facilitator's game hosts, team games join by address and class code.
//! bevy_replicon carries two message types over renet (UDP) between desktop games; a page
//! in a browser, which cannot speak UDP, carries the same JSON over a WebSocket to the host's
//! door (`door`, which also serves the page). Everything they say is plain data from
//! `crate::class::room`. The host runs the `Room`: it replays each team's decisions,
//! ticks the class clock, and tells every team the clock and the announcements.
//! Only addresses of the local network are used, on both sides.
//! Here: the plugin, the resources and leaving; `host` and `team` hold each side's systems,
//! `renet_link` and `socket` a team's connection on the desktop and in a page.
//! The rules that need no engine (messages, addresses, resuming) are in `crate::class`.

#[cfg(not(target_arch = "wasm32"))]
mod door;
#[cfg(not(target_arch = "wasm32"))]
mod host;
#[cfg(not(target_arch = "wasm32"))]
mod renet_link;
#[cfg(target_arch = "wasm32")]
mod socket;
mod team;

pub use crate::class::network::{PORT, is_local, parse_host};
pub use crate::class::room_save::{ROOM_FILE, room_for};
#[cfg(not(target_arch = "wasm32"))]
pub use door::with_class;
#[cfg(not(target_arch = "wasm32"))]
pub use host::{HostError, host, host_serving};
pub use team::join;

#[cfg(not(target_arch = "wasm32"))]
use super::discovery::Beacon;
use super::screens::Screen;
use super::session::Session;
use crate::app::AppSystems;
use crate::class::room::{ClassState, Room, RoomMark, TeamMsg};
use crate::class::seat::Gate;
use bevy::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::PathBuf;
use web_time::SystemTime;

/// How long a team waits before trying a lost connection again.
const RETRY_SECONDS: f32 = 3.0;

/// A team's message, as carried (JSON: see `crate::class::wire`). Any text at all may
/// arrive: the host reads it as `Room::receive` says.
#[derive(Message, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ToHost(pub String);

/// The host's message, as carried (JSON, as `ToHost`).
#[derive(Message, Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ToTeam(pub String);

impl ToHost {
    fn of(m: &TeamMsg) -> ToHost {
        ToHost(m.to_json())
    }
}

/// The facilitator's side, while hosting. A page cannot host: there the type is only
/// what the facilitation screens read, and never made.
#[derive(Resource)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
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
    #[cfg(not(target_arch = "wasm32"))]
    beacon: Option<Beacon>,
    /// Serves the web build and browser teams' sockets.
    #[cfg(not(target_arch = "wasm32"))]
    door: Option<door::Door>,
    /// Browser teams' connections (entities of their own, as renet's clients are) and
    /// where the game's messages for each go.
    #[cfg(not(target_arch = "wasm32"))]
    browsers: BTreeMap<Entity, std::sync::mpsc::Sender<door::Say>>,
    #[cfg(not(target_arch = "wasm32"))]
    browser_ids: BTreeMap<u64, Entity>,
}

impl LanHost {
    /// The address a browser team opens, for each address teams type: only when the web
    /// build was found to serve (never in a page, which cannot host).
    pub fn page_addresses(&self) -> Vec<String> {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(d) = self.door.as_ref().filter(|d| d.files.is_some()) {
            return self
                .addresses
                .iter()
                .map(|a| format!("http://{}/", SocketAddr::new(a.ip(), d.addr.port())))
                .collect();
        }
        Vec::new()
    }
}

/// Hosting needs the desktop game: a page cannot listen on the network.
#[cfg(target_arch = "wasm32")]
pub fn host(_: &mut World, _: Room, _: SocketAddr, _: PathBuf) -> Result<Vec<SocketAddr>, String> {
    Err(crate::t!("title-browser-class"))
}

#[cfg(not(target_arch = "wasm32"))]
impl LanHost {
    /// Where teams' searches by code reach this host, when it can be found.
    pub fn beacon_addr(&self) -> Option<SocketAddr> {
        self.beacon.as_ref().and_then(|b| b.local_addr().ok())
    }

    /// Where the browser teams' door listens (TCP), when it does.
    pub fn door_addr(&self) -> Option<SocketAddr> {
        self.door.as_ref().map(|d| d.addr)
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

/// A team's connection as the team's systems see it, whichever way it is carried (renet on
/// the desktop, a WebSocket in a page); each carrier keeps it up to date before they run.
#[derive(Resource, Default, Debug)]
struct Wire {
    /// Messages may be sent.
    connected: bool,
    /// The connection is gone (or was never made), with why when known.
    dropped: bool,
    why: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Wire>()
        .add_systems(OnEnter(Screen::Title), |mut c: Commands| c.queue(leave))
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
    #[cfg(not(target_arch = "wasm32"))]
    renet_link::plugin(app);
    #[cfg(target_arch = "wasm32")]
    socket::plugin(app);
}

fn now() -> std::time::Duration {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
}

/// Stops hosting or leaves the class, telling the other side.
pub fn stop(world: &mut World) {
    #[cfg(not(target_arch = "wasm32"))]
    host::stop(world);
    world.remove_resource::<LanHost>();
    close(world);
    world.remove_resource::<LanTeam>();
}

/// Closes the team's connection, if any.
fn close(world: &mut World) {
    #[cfg(not(target_arch = "wasm32"))]
    renet_link::close(world);
    #[cfg(target_arch = "wasm32")]
    socket::close(world);
    *world.resource_mut::<Wire>() = Wire::default();
}

/// The facilitator's computer a run goes back to when it is continued or loaded: on the page a
/// facilitator's game served, a run of that page's class. That computer served the page, so
/// it is there; played alone, the team's weeks would never reach its table. (On the desktop a
/// class's run plays on as it was left: its host may be long gone, and Join takes a team back
/// in.)
pub fn page_class_host(
    session: &Session,
    page: Option<&crate::app::platform::PageClass>,
) -> Option<SocketAddr> {
    let page = page?;
    let code = crate::class::ClassCode::parse(&page.code).ok()?;
    let ours = session.class.as_ref()?.code == code.text();
    ours.then(|| parse_host(&page.host).ok()).flatten()
}

/// Leaves the LAN class this game joined (back on the title, or an offline class).
pub fn leave(world: &mut World) {
    if !world.contains_resource::<LanTeam>() {
        return;
    }
    close(world);
    world.remove_resource::<LanTeam>();
    if let Some(mut s) = world.get_resource_mut::<Session>() {
        s.lan = None;
    }
}
