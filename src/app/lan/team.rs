//! A team's side: joining a class, connecting (again), and each frame the link, the host's
//! messages and the weeks the host has not been sent yet.

#[cfg(not(target_arch = "wasm32"))]
use super::renet_link::connect;
#[cfg(target_arch = "wasm32")]
use super::socket::connect;
use super::{LanTeam, Link, RETRY_SECONDS, ToHost, ToTeam, Wire, stop};
use crate::app::screens::Screen;
use crate::app::session::{SaveDir, Session};
use crate::class::room::{ClassState, HostMsg, TeamMsg};
use bevy::prelude::*;
use sim::Decision;
use std::collections::BTreeMap;
use std::net::SocketAddr;

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
    let fresh = fresh_key(data);
    let _ = crate::store::disk::write_atomic(&path, fresh.to_string().as_bytes());
    fresh
}

/// A secret: std's hasher is keyed at random for each process.
#[cfg(not(target_arch = "wasm32"))]
fn fresh_key(data: &std::path::Path) -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one((super::now(), std::process::id(), data))
}

/// A secret: a page has no process, and std's hasher has fixed keys there; the browser's
/// random source (crypto.getRandomValues) it is. Without one, the time is all there is.
#[cfg(target_arch = "wasm32")]
fn fresh_key(_: &std::path::Path) -> u64 {
    getrandom::u64().unwrap_or_else(|_| super::now().as_nanos() as u64)
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

pub(super) fn team_link(
    time: Res<Time>,
    mut commands: Commands,
    mut lan: ResMut<LanTeam>,
    wire: Res<Wire>,
    session: Option<Res<Session>>,
    mut to: MessageWriter<ToHost>,
) {
    let (connected, dropped) = (wire.connected, wire.dropped);
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
            let why = wire
                .why
                .clone()
                .unwrap_or_else(|| "the connection dropped".to_string());
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
    wire: Res<Wire>,
    mut to: MessageWriter<ToHost>,
) {
    let Some(mut session) = session else {
        return;
    };
    // The countdown runs on between the host's updates (never past the week's end).
    if let Some(class) = session.lan.as_mut() {
        class.clock.tick_display(time.delta_secs());
    }
    if lan.link != Link::Seated || !wire.connected {
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
