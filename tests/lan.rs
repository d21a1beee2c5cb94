//! A LAN class on the loopback interface: a host and four team games (headless apps in one
//! process), a whole level played against the host's clock, events announced by the host,
//! a team game killed and started again, a late joiner, and the host's class table equal
//! to what `compare` gives for the teams' own result files. And a rogue classmate's game
//! that floods and lies while two honest teams play.
#![cfg(feature = "gui")]

mod common;

use common::app::{Scratch, answer_cards, app, join_class, rows, session, temp_dir};

use bevy::prelude::*;
use bevy_replicon::shared::message::registry::RemoteMessageRegistry;
use bevy_replicon_renet::RenetClient;
use forest_and_trees::app::discovery::Finder;
use forest_and_trees::app::lan::{self, LanHost, LanTeam, Link, ToHost, ToTeam};
use forest_and_trees::app::screens::Screen;
use forest_and_trees::app::screens::join::JoinForm;
use forest_and_trees::app::session::Command;
use forest_and_trees::class::ClassCode;
use forest_and_trees::class::results;
use forest_and_trees::class::room::{HostMsg, RoomSave, TeamMsg};
use forest_and_trees::class::seat::{BURST, MESSAGE_MAX};
use sim::CustomEvent;
use sim::Difficulty;
use sim::Effect;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant, SystemTime};

/// A team game: the join screen's form, filled in and begun.
fn team(data: &Path, code: &str, name: &str, host: SocketAddr) -> App {
    let mut app = app(data);
    join_class(&mut app, &JoinForm::new(code, name, &host.to_string()));
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Play);
    app.update();
    app
}

fn link(app: &App) -> Link {
    app.world().resource::<LanTeam>().link.clone()
}

/// What a team does each frame: answers open dilemmas, sets its split, ends the week
/// (the host's clock decides whether it may).
fn play(app: &mut App, share: f64) {
    if session(app).sim.is_finished() {
        return;
    }
    answer_cards(app);
    app.world_mut().write_message(Command::SetShare(share));
    app.world_mut().write_message(Command::EndWeek);
}

/// The result files the team games in `dirs` wrote, gathered in one folder as a
/// facilitator collects them.
fn gather<'a>(name: &str, dirs: impl IntoIterator<Item = &'a Scratch>) -> Scratch {
    let gathered = temp_dir(name);
    for d in dirs {
        for f in std::fs::read_dir(d.join("results")).unwrap() {
            let p = f.unwrap().path();
            if p.extension().is_some_and(|x| x == "json") {
                std::fs::copy(&p, gathered.join(p.file_name().unwrap())).unwrap();
            }
        }
    }
    gathered
}

/// A host game on loopback with a new class of Crunch (Normal, `seed`), its folder named
/// `dir`: what the tests read of it.
struct Hosted {
    crunch: std::sync::Arc<sim::Level>,
    code: ClassCode,
    text: String,
    host_dir: Scratch,
    host: App,
    said: Option<String>,
    folder: std::path::PathBuf,
    addr: SocketAddr,
}

fn host_crunch(seed: u64, dir: &str) -> Hosted {
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Normal, seed);
    let host_dir = temp_dir(dir);
    let mut host = app(&host_dir);
    let (room, said, folder) = lan::room_for(code, &crunch, 1, &host_dir, SystemTime::now());
    let bind = "127.0.0.1:0".parse().unwrap();
    let addr = lan::host(host.world_mut(), room, bind, folder.clone())
        .expect("the host listens on loopback")[0];
    Hosted {
        text: code.text(),
        crunch,
        code,
        host_dir,
        host,
        said,
        folder,
        addr,
    }
}

#[test]
fn a_class_on_the_lan_plays_a_level_and_the_hosts_table_equals_compare() {
    let Hosted {
        crunch,
        code,
        text,
        host_dir,
        mut host,
        said,
        folder,
        addr,
    } = host_crunch(21, "host");
    assert_eq!(said, None, "a new class");

    // A team's game finds the host by the class code alone.
    let beacon = host.world().resource::<LanHost>().beacon_addr().unwrap();
    let mut finder = Finder::ask(&text, &[beacon]).unwrap();
    while finder.found.is_empty() && !finder.done() {
        host.update();
        finder.poll(Duration::from_millis(3));
        std::thread::sleep(Duration::from_millis(3));
    }
    assert_eq!(finder.found, vec![addr]);

    let names = ["North", "South", "East"];
    let shares = [0.3, 0.45, 0.6];
    let dirs: Vec<Scratch> = names.iter().map(|n| temp_dir(n)).collect();
    let mut teams: Vec<App> = names
        .iter()
        .zip(&dirs)
        .map(|(n, d)| team(d, &text, n, addr))
        .collect();

    let started = Instant::now();
    let pump = |host: &mut App, teams: &mut [App], shares: &[f64]| {
        for (t, s) in teams.iter_mut().zip(shares) {
            play(t, *s);
            t.update();
        }
        host.update();
        std::thread::sleep(Duration::from_millis(3));
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the class took too long"
        );
    };

    // Everyone is seated before the clock starts, and nobody plays before it does.
    while teams.iter().any(|t| link(t) != Link::Seated) {
        pump(&mut host, &mut teams, &shares);
    }
    for _ in 0..20 {
        pump(&mut host, &mut teams, &shares);
    }
    assert!(teams.iter().all(|t| session(t).decisions.is_empty()));
    assert!(
        session(&teams[0])
            .notice
            .as_ref()
            .is_some_and(|n| n.to_string().contains("not started")),
        "{:?}",
        session(&teams[0]).notice
    );

    // The facilitator starts the clock and announces a deck event in week 1.
    {
        let mut h = host.world_mut().resource_mut::<LanHost>();
        h.room.clock.running = true;
        assert_eq!(h.room.toggle_deck("fire-drill").unwrap(), Some(2));
    }
    // Nobody runs ahead of the class.
    while session(&teams[0]).decisions.len() < 2 {
        pump(&mut host, &mut teams, &shares);
        let class_week = host.world().resource::<LanHost>().room.clock.week as usize;
        assert!(
            teams
                .iter()
                .all(|t| session(t).decisions.len() <= class_week)
        );
    }
    // A facilitator's own event, announced now, reaches everyone alike.
    let ceo = CustomEvent {
        title: "The CEO visits".into(),
        text: "She asks every team what the goal is.".into(),
        effects: vec![Effect::Alignment(-0.05)],
    };
    let happens = host
        .world_mut()
        .resource_mut::<LanHost>()
        .room
        .announce_custom(ceo.clone())
        .unwrap();

    // A pause holds everyone, and every game shows it.
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = false;
    for _ in 0..30 {
        pump(&mut host, &mut teams, &shares);
    }
    let held: Vec<usize> = teams.iter().map(|t| session(t).decisions.len()).collect();
    for _ in 0..60 {
        pump(&mut host, &mut teams, &shares);
    }
    for (t, n) in teams.iter().zip(&held) {
        assert_eq!(
            session(t).decisions.len(),
            *n,
            "no week ends during a pause"
        );
        assert!(!session(t).lan.as_ref().unwrap().clock.running);
    }
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = true;

    // South's game is killed mid-run (no goodbye) and started again on the same computer.
    while session(&teams[1]).decisions.len() < 4 {
        pump(&mut host, &mut teams, &shares);
    }
    let before = session(&teams[1]).decisions.clone();
    drop(teams.remove(1));
    for _ in 0..10 {
        let (h, t) = (&mut host, &mut teams);
        pump(h, t, &[shares[0], shares[2]]);
    }
    teams.insert(1, team(&dirs[1], &text, "South", addr));
    // West joins late and catches up.
    let west_dir = temp_dir("West");
    teams.push(team(&west_dir, &text, "West", addr));
    let shares = [0.3, 0.45, 0.6, 0.5];
    while link(&teams[1]) != Link::Seated {
        pump(&mut host, &mut teams, &shares);
    }
    pump(&mut host, &mut teams, &shares);
    assert!(
        session(&teams[1]).decisions.starts_with(&before),
        "South resumes where it was: {} weeks, had {}; host has {}",
        session(&teams[1]).decisions.len(),
        before.len(),
        host.world()
            .resource::<LanHost>()
            .room
            .team("South")
            .unwrap()
            .decisions
            .len()
    );

    // The facilitator's game is closed mid-class and started again: the class comes back
    // from its folder, paused, and every team finds its way back on its own, losing nothing.
    while host.world().resource::<LanHost>().room.teams.len() < 4 {
        pump(&mut host, &mut teams, &shares);
    }
    for _ in 0..20 {
        pump(&mut host, &mut teams, &shares);
    }
    lan::stop(host.world_mut());
    drop(host);
    for _ in 0..20 {
        for t in teams.iter_mut() {
            t.update();
        }
        std::thread::sleep(Duration::from_millis(3));
    }
    assert!(teams.iter().all(|t| matches!(link(t), Link::Lost(_))));
    let played: Vec<usize> = teams.iter().map(|t| session(t).decisions.len()).collect();
    let mut host = app(&host_dir);
    let (room, said, again) = lan::room_for(code, &crunch, 1, &host_dir, SystemTime::now());
    assert_eq!(again, folder, "the class resumes in its own folder");
    assert!(said.unwrap().starts_with("Resumed"));
    assert_eq!(room.teams.len(), 4);
    assert!(!room.clock.running);
    lan::host(host.world_mut(), room, addr, folder.clone()).expect("the port is free again");
    let back = Instant::now();
    while teams.iter().any(|t| link(t) != Link::Seated) {
        pump(&mut host, &mut teams, &shares);
        if back.elapsed() > Duration::from_secs(20) {
            panic!("{:?}", teams.iter().map(link).collect::<Vec<_>>());
        }
    }
    pump(&mut host, &mut teams, &shares);
    for (t, n) in teams.iter().zip(&played) {
        assert!(session(t).decisions.len() >= *n, "no team loses a week");
    }
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = true;

    while teams.iter().any(|t| !session(t).sim.is_finished())
        || host
            .world()
            .resource::<LanHost>()
            .room
            .teams
            .iter()
            .any(|t| !t.sim.is_finished())
    {
        pump(&mut host, &mut teams, &shares);
    }
    for _ in 0..5 {
        pump(&mut host, &mut teams, &shares);
    }

    // Every game ran the same events in the same weeks: the announcements are in every
    // team's record of the week they were announced.
    let room = &host.world().resource::<LanHost>().room;
    assert_eq!(room.teams.len(), 4);
    for t in &room.teams {
        assert_eq!(t.decisions[0].inject, vec!["fire-drill".to_string()]);
        assert_eq!(t.decisions[happens as usize - 2].custom, vec![ceo.clone()]);
        assert!(
            t.sim.state.history[happens as usize - 1]
                .events
                .iter()
                .any(|e| e == "The CEO visits")
        );
    }
    // An announcement that crossed a week on its way costs no team a week.
    for t in [&teams[0], &teams[2], &teams[3]] {
        assert_eq!(t.world().resource::<LanTeam>().notice, None);
    }
    // The host's record of each team is the team's own run.
    for (t, name) in teams.iter().zip(["North", "South", "East", "West"]) {
        let ours = &room.team(name).unwrap().decisions;
        assert_eq!(&session(t).decisions, ours, "{name}");
    }

    // Each team's game wrote its result; gathered in one folder they compare offline
    // exactly as the host's table ranks them.
    let gathered = gather("gathered", dirs.iter().chain([&west_dir]));
    let levels = vec![(*crunch).clone()];
    let offline = results::compare(&gathered, &levels).unwrap();
    let hosted = room.comparison(&folder.clone());
    assert_eq!(rows(&hosted).len(), 4);
    assert_eq!(rows(&hosted), rows(&offline));
    assert!(rows(&hosted).iter().all(|r| r.3), "every result verifies");
    // The host wrote its own verified copy of every team's result too.
    let written = results::compare(&folder.clone(), &levels).unwrap();
    assert_eq!(rows(&written), rows(&offline));
    // The teams played different splits: the table is a real ranking.
    let scores: Vec<u64> = rows(&hosted).iter().map(|r| r.1).collect();
    assert!(scores.windows(2).all(|w| w[0] != w[1]));
}

/// What a rogue's game has heard from the host.
#[derive(Resource, Default)]
struct Heard(Vec<String>);

fn hear(mut from: MessageReader<ToTeam>, mut heard: ResMut<Heard>) {
    heard.0.extend(from.read().map(|m| m.0.clone()));
}

/// The reasons of every refusal the rogue has heard.
fn refusals(rogue: &App) -> Vec<String> {
    rogue
        .world()
        .resource::<Heard>()
        .0
        .iter()
        .filter_map(|m| match HostMsg::from_json(m) {
            Ok(HostMsg::Refused(why)) => Some(why),
            _ => None,
        })
        .collect()
}

/// A classmate's game that says hello as North from another computer (another seat key),
/// and listens to everything the host says.
fn rogue_game(data: &Path, code: &str, host: SocketAddr) -> App {
    let mut rogue = team(data, code, "North", host);
    rogue.init_resource::<Heard>().add_systems(Update, hear);
    rogue
}

/// When each of the first `n` weeks was first seen.
fn stamp(seen: &mut Vec<Instant>, n: usize, now: Instant) {
    if n > seen.len() {
        seen.resize(n, now);
    }
}

fn rogue_connected(rogue: &App) -> bool {
    rogue
        .world()
        .get_resource::<RenetClient>()
        .is_some_and(|c| c.is_connected())
}

fn hello_as(code: &str, team: &str, version: &str) -> String {
    TeamMsg::Hello {
        version: version.into(),
        code: code.into(),
        team: team.into(),
        key: 0xbad,
        played: Vec::new(),
    }
    .to_json()
}

#[test]
fn a_rogue_classmate_is_refused_and_the_honest_teams_play_on() {
    let Hosted {
        crunch,
        text,
        // Kept to the end: the host's folder goes with it.
        host_dir: _host_dir,
        mut host,
        folder,
        addr,
        ..
    } = host_crunch(33, "rogue-host");
    let names = ["North", "South"];
    let shares = [0.3, 0.6];
    let dirs: Vec<Scratch> = names
        .iter()
        .map(|n| temp_dir(&format!("honest-{n}")))
        .collect();
    let mut teams: Vec<App> = names
        .iter()
        .zip(&dirs)
        .map(|(n, d)| team(d, &text, n, addr))
        .collect();
    let started = Instant::now();
    // Each frame: the honest teams, the rogue, the host; when each honest week left its
    // game and when the host had it.
    let mut sent: Vec<Vec<Instant>> = vec![Vec::new(); 2];
    let mut landed: Vec<Vec<Instant>> = vec![Vec::new(); 2];
    let mut pump = |host: &mut App, teams: &mut [App], rogue: Option<&mut App>| {
        for (i, t) in teams.iter_mut().enumerate() {
            play(t, shares[i]);
            t.update();
            let now = Instant::now();
            stamp(&mut sent[i], session(t).decisions.len(), now);
        }
        if let Some(r) = rogue {
            r.update();
        }
        host.update();
        let now = Instant::now();
        let room = &host.world().resource::<LanHost>().room;
        for (i, n) in names.iter().enumerate() {
            let played = room.team(n).map_or(0, |t| t.decisions.len());
            stamp(&mut landed[i], played, now);
        }
        std::thread::sleep(Duration::from_millis(3));
        assert!(started.elapsed() < Duration::from_secs(120), "too long");
    };
    while teams.iter().any(|t| link(t) != Link::Seated) {
        pump(&mut host, &mut teams, None);
    }
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = true;

    // The rogue's game asks for North's seat: refused, with the reason.
    let rogue_dir = temp_dir("rogue");
    let mut rogue = rogue_game(&rogue_dir, &text, addr);
    while !matches!(link(&rogue), Link::Refused(_)) {
        pump(&mut host, &mut teams, Some(&mut rogue));
    }
    assert!(refusals(&rogue)[0].contains("already playing"));

    // Then whatever it likes, each answered with why, while the honest teams play.
    let version = env!("CARGO_PKG_VERSION");
    let mut asked: Vec<(String, &str)> = vec![
        (hello_as(&text, "South", version), "already playing"),
        (hello_as(&text, " south! ", version), "already playing"),
        (hello_as(&text, "Rogue\u{202e}", version), "invisible"),
        (hello_as(&text, "Rogue", "0.0.1"), "version"),
        (hello_as("FT-0000-0000", "Rogue", version), "hosts class"),
        ("{\"Hello\": ".into(), "cannot read"),
        ("x".repeat(MESSAGE_MAX + 1), "bytes in one message"),
    ];
    let week = TeamMsg::Played {
        week: 1,
        decision: session(&teams[0])
            .decisions
            .first()
            .cloned()
            .unwrap_or_default(),
    };
    asked.push((week.to_json(), "say hello first"));
    // Bytes that are no text at all (invalid UTF-8) never reach the room: no answer.
    let channel = rogue
        .world()
        .resource::<RemoteMessageRegistry>()
        .client_message_channel::<ToHost>()
        .unwrap() as u8;
    for bytes in [vec![2, 0xff, 0xfe], vec![0xff; 64]] {
        rogue
            .world_mut()
            .resource_mut::<RenetClient>()
            .send_message(channel, bytes);
    }
    for (m, _) in &asked {
        rogue.world_mut().write_message(ToHost(m.clone()));
    }
    while refusals(&rogue).len() < 1 + asked.len() {
        pump(&mut host, &mut teams, Some(&mut rogue));
    }
    for (got, (_, why)) in refusals(&rogue)[1..].iter().zip(&asked) {
        assert!(got.contains(why), "{why:?} not in {got:?}");
    }

    // Floods, again and again: each connection is heard for a burst, told why, dropped;
    // the rogue's game comes back and floods anew until the honest teams are done.
    let mut floods = 0;
    let mut heard_in_floods = Vec::new();
    while teams.iter().any(|t| !session(t).sim.is_finished()) {
        if rogue_connected(&rogue) {
            for _ in 0..500 {
                rogue.world_mut().write_message(ToHost("{}".into()));
            }
        } else if rogue
            .world()
            .get_resource::<RenetClient>()
            .is_some_and(|c| c.is_disconnected())
        {
            heard_in_floods.push(refusals(&rogue));
            floods += 1;
            rogue = rogue_game(&rogue_dir, &text, addr);
        }
        pump(&mut host, &mut teams, Some(&mut rogue));
    }
    for _ in 0..10 {
        pump(&mut host, &mut teams, None);
    }
    assert!(floods >= 3, "the rogue was dropped {floods} times");
    for heard in &heard_in_floods[1..] {
        // Its stolen hello, a burst of unreadable messages, and why it was dropped.
        assert!(heard.len() <= 1 + BURST as usize + 1, "{}", heard.len());
        assert!(
            heard.last().unwrap().contains("messages at once"),
            "{heard:?}"
        );
    }

    // Every honest week landed within a second of leaving its game.
    let mut slowest = Duration::ZERO;
    for (s, l) in sent.iter().zip(&landed) {
        assert_eq!(s.len(), crunch.weeks as usize);
        for (s, l) in s.iter().zip(l) {
            slowest = slowest.max(l.saturating_duration_since(*s));
        }
    }
    eprintln!("slowest honest week under {floods} floods: {slowest:?}");
    assert!(slowest < Duration::from_secs(1), "{slowest:?}");

    // The host kept nothing of the rogue's: its room, the class on disk, the results.
    let room = &host.world().resource::<LanHost>().room;
    let kept: Vec<&str> = room.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(kept, names);
    let saved = RoomSave::load(&folder.join(lan::ROOM_FILE)).unwrap();
    for ((name, _, weeks), t) in saved.teams.iter().zip(&teams) {
        assert_eq!(weeks, &session(t).decisions, "{name}");
        assert_eq!(t.world().resource::<LanTeam>().notice, None);
    }
    assert_eq!(saved.teams.len(), 2);
    let gathered = gather("rogue-gathered", &dirs);
    let levels = vec![(*crunch).clone()];
    let offline = results::compare(&gathered, &levels).unwrap();
    assert_eq!(rows(&offline).len(), 2);
    assert_eq!(rows(&room.comparison(&folder)), rows(&offline));
    assert_eq!(
        rows(&results::compare(&folder, &levels).unwrap()),
        rows(&offline)
    );
}
