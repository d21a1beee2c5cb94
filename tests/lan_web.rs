//! A LAN class with browser teams, end to end: a desktop host serving the web build, one
//! desktop team, and two teams playing in Chromium (scripts/web_team.py, real keys and
//! clicks) play a level to the end; the host's table equals what the offline `compare` gives
//! for the three teams' own result files (the browser teams' downloaded ones). One browser
//! team's tab is closed mid-class and opened again: it takes its seat and its weeks back.
//!
//! Needs the web build and Chromium: scripts/test.sh builds the one, installs the other and
//! runs this with `--ignored` (FOREST_AND_TREES_WEB names the build's folder).
#![cfg(feature = "gui")]

mod common;

use common::app::{answer_cards, app, join_class, rows, session, temp_dir};

use bevy::prelude::*;
use forest_and_trees::app::lan::{self, LanHost, LanTeam, Link};
use forest_and_trees::app::screens::Screen;
use forest_and_trees::app::screens::join::JoinForm;
use forest_and_trees::app::session::Command;
use forest_and_trees::class::ClassCode;
use forest_and_trees::class::results;
use sim::Difficulty;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command as Process};
use std::time::{Duration, Instant, SystemTime};

/// A browser team: its own Chromium under its own virtual display.
/// `how`: the key that answers its cards, and the week its tab is closed and opened again.
fn browser_team(url: &str, team: &str, folder: &std::path::Path, how: &[&str]) -> Child {
    // The repository as `cargo test` names it now (a shared target folder may hold a
    // binary another clone built).
    let repo = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from);
    let script = repo.join("scripts/web_team.py");
    Process::new("python3")
        .arg(script)
        .args([url, team])
        .arg(folder)
        .args(how)
        // Each its own display: keys go to the window that has the focus.
        .env_remove("DISPLAY")
        .spawn()
        .expect("python3 runs scripts/web_team.py")
}

#[test]
#[ignore = "needs the web build and Chromium: scripts/test.sh runs it"]
fn two_browser_teams_and_a_desktop_team_play_a_class_and_the_table_equals_compare() {
    let web = PathBuf::from(
        std::env::var_os("FOREST_AND_TREES_WEB").expect("FOREST_AND_TREES_WEB names the web build"),
    );
    assert!(
        web.join("index.html").is_file(),
        "{}: no web build",
        web.display()
    );
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Normal, 58);
    let text = code.text();
    let host_dir = temp_dir("web-class-host");
    let mut host = app(&host_dir);
    // Two seconds a week: the browsers' software rendering sets the pace, not the clock.
    let (room, _, folder) = lan::room_for(code, &crunch, 2, &host_dir, SystemTime::now());
    let bind: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let addr = lan::host_serving(
        host.world_mut(),
        room,
        bind,
        folder.clone(),
        Some(web.clone()),
    )
    .expect("the host listens on loopback")[0];
    let page = host.world().resource::<LanHost>().page_addresses()[0].clone();

    let desk_dir = temp_dir("web-class-desk");
    let mut desk = app(&desk_dir);
    join_class(&mut desk, &JoinForm::new(&text, "Desk", &addr.to_string()));
    desk.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Play);
    desk.update();

    // Beside the web build, kept after the test: each team's screenshots, browser log and
    // downloaded result.
    let shots = web.parent().unwrap().join("web-lan-test");
    let _ = std::fs::remove_dir_all(&shots);
    let outs = [shots.join("amber"), shots.join("birch")];
    // Each answers every card its own way (the desktop team takes the first, with its own
    // split); Amber's tab is closed in week 4 and opened again, and joins again; Birch's in
    // week 6, and continues its run from the title.
    let teams: [(&str, &[&str]); 2] = [("Amber", &["2", "4"]), ("Birch", &["1", "6:continue"])];
    let mut browsers: Vec<Child> = teams
        .iter()
        .zip(&outs)
        .map(|((n, how), o)| browser_team(&page, n, o, how))
        .collect();

    let started = Instant::now();
    let mut exits = [None, None];
    let mut pump = |host: &mut App, desk: &mut App, exits: &mut [Option<bool>; 2]| {
        if !session(desk).sim.is_finished() {
            answer_cards(desk);
            desk.world_mut().write_message(Command::SetShare(0.35));
            desk.world_mut().write_message(Command::EndWeek);
        }
        desk.update();
        host.update();
        for (b, e) in browsers.iter_mut().zip(exits.iter_mut()) {
            if e.is_none()
                && let Some(status) = b.try_wait().unwrap()
            {
                *e = Some(status.success());
            }
        }
        assert!(
            exits.iter().all(|e| *e != Some(false)),
            "a browser team failed: its output is above"
        );
        assert!(
            started.elapsed() < Duration::from_secs(600),
            "the class took too long"
        );
        std::thread::sleep(Duration::from_millis(5));
    };

    // Everyone is seated before the clock starts: the browsers load the page first.
    let seated = |host: &App| {
        let room = &host.world().resource::<LanHost>().room;
        room.teams.len() == 3 && room.teams.iter().all(|t| t.connected)
    };
    while !seated(&host) || desk.world().resource::<LanTeam>().link != Link::Seated {
        pump(&mut host, &mut desk, &mut exits);
    }
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = true;
    let done = |host: &App| {
        host.world()
            .resource::<LanHost>()
            .room
            .teams
            .iter()
            .all(|t| t.sim.is_finished())
    };
    while !done(&host) || exits.iter().any(Option::is_none) {
        pump(&mut host, &mut desk, &mut exits);
    }

    // The host's record of the desktop team is its own run; the browsers' records are
    // checked through their downloaded results below.
    let room = &host.world().resource::<LanHost>().room;
    assert_eq!(
        room.team("Desk").unwrap().decisions,
        session(&desk).decisions
    );

    // The three teams' own result files, gathered as a facilitator collects them, compare
    // offline exactly as the host's table ranks them.
    let gathered = temp_dir("web-class-gathered");
    let desk_results = desk_dir.join("results");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&desk_results)
        .unwrap()
        .map(|f| f.unwrap().path())
        .collect();
    for o in &outs {
        files.extend(std::fs::read_dir(o).unwrap().map(|f| f.unwrap().path()));
    }
    for f in files
        .iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
    {
        std::fs::copy(f, gathered.join(f.file_name().unwrap())).unwrap();
    }
    let levels = vec![(*crunch).clone()];
    let offline = results::compare(&gathered, &levels).unwrap();
    let hosted = room.comparison(&folder);
    let mut names: Vec<String> = rows(&hosted).into_iter().map(|r| r.0).collect();
    names.sort();
    assert_eq!(names, ["Amber", "Birch", "Desk"]);
    assert_eq!(rows(&hosted), rows(&offline));
    assert!(rows(&hosted).iter().all(|r| r.3), "every result verifies");
    // The teams played differently: the table is a real ranking.
    let mut scores: Vec<u64> = rows(&hosted).iter().map(|r| r.1).collect();
    scores.dedup();
    assert_eq!(scores.len(), 3, "{:?}", rows(&hosted));
}
