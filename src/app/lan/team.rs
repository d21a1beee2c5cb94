//! A team's side: joining a class, connecting (again), and each frame the link, the host's
//! messages and the weeks the host has not been sent yet.

use super::{
    LanTeam, Link, PROTOCOL_ID, RETRY_SECONDS, ToHost, ToTeam, connection_config, now, stop,
};
use crate::app::screens::Screen;
use crate::app::session::{SaveDir, Session};
use crate::class::room::{ClassState, HostMsg, TeamMsg};
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::RenetClient;
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};
use sim::Decision;
use std::collections::BTreeMap;
use std::hash::{BuildHasher, RandomState};
use std::net::{Ipv4Addr, SocketAddr, UdpSocket};

/// A key for this installation's seats: the same game coming back after a crash takes its
/// team's seat again at once; another computer waits until the host sees the seat free.
fn seat_key(data: &std::path::Path) -> u64 {
    let path = data.join("lan-key");
    if let Some(k) = crate::store::disk::read_to_string(&path)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        return k;
    }
    // A secret: std's hasher is keyed at random for each process.
    let fresh = RandomState::new().hash_one((now(), std::process::id(), data));
    let _ = crate::store::disk::write_atomic(&path, fresh.to_string().as_bytes());
    fresh
}

/// Joins the class at `host` with the session's run, which must be the class's: its
/// membership (code and team) is what the team says hello with.
pub fn join(world: &mut World, host: SocketAddr) {
    stop(world);
    // No week ends before the host's welcome says where the class is.
    let Some(mut s) = world.get_resource_mut::<Session>() else {
        return;
    };
    let Some(class) = s.class.clone() else {
        return;
    };
    s.lan = Some(ClassState {
        clock: crate::class::room::Clock::new(s.sim.level.weeks, 60),
        announced: BTreeMap::new(),
    });
    let key = seat_key(&world.resource::<SaveDir>().0);
    world.insert_resource(LanTeam {
        host,
        class,
        key,
        link: Link::Connecting,
        sent: 0,
        // Once, reset when a wait starts: finished, it stays so until the next reset.
        retry: Timer::from_seconds(RETRY_SECONDS, TimerMode::Once),
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
            lan.retry.reset();
        }
        Err(e) => world.resource_mut::<LanTeam>().link = Link::Lost(e.to_string()),
    }
}

pub(super) fn team_link(
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
        lan.retry.tick(time.delta());
        if lan.retry.is_finished() {
            lan.link = Link::Connecting;
        }
    }
    match &lan.link {
        Link::Refused(_) => {}
        Link::Connecting if connected => {
            lan.retry.reset();
            // Say hello with every week played, so the host can take up where it was.
            let played: Vec<Decision> = session.map(|s| s.decisions.clone()).unwrap_or_default();
            to.write(ToHost::of(&TeamMsg::Hello {
                version: env!("CARGO_PKG_VERSION").into(),
                code: lan.class.code.clone(),
                team: lan.class.team.clone(),
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
            lan.retry.reset();
        }
        Link::Lost(_) if dropped => {
            lan.retry.tick(time.delta());
            if lan.retry.is_finished() {
                commands.queue(connect);
            }
        }
        _ => {}
    }
}

pub(super) fn team_receive(
    mut lan: ResMut<LanTeam>,
    mut from: MessageReader<ToTeam>,
    session: Option<ResMut<Session>>,
    mut next: ResMut<NextState<Screen>>,
) {
    // Only the class's own run listens to its host.
    let Some(mut session) = session.filter(|s| s.class.as_ref() == Some(&lan.class)) else {
        from.clear();
        return;
    };
    for ToTeam(json) in from.read() {
        let m = match HostMsg::from_json(json) {
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
                        Err(e) => Some(e.to_string()),
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
                    Err(e) => Some(e.to_string()),
                };
                // The weeks played again go to the host again.
                lan.sent = record.len();
            }
            HostMsg::Class(class) => session.lan = Some(class.clone()),
        }
    }
}

pub(super) fn team_send(
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
