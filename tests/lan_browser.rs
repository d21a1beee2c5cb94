//! Browser teams at a LAN class, from the host's side: the host's door serves the web build
//! (naming its class in the page, packed when the browser accepts it, nothing else of the
//! folder), and a WebSocket per browser team carries the same JSON as desktop games. A test
//! client stands for the page: it says hello, plays a week, leaves and comes back, and floods.
//! The page's own side is played in Chromium by tests/lan_web.rs (scripts/web_team.py).
#![cfg(feature = "gui")]

mod common;

use common::app::{answer_cards, app, join_class, session, temp_dir};

use bevy::prelude::*;
use forest_and_trees::app::lan::{self, LanHost};
use forest_and_trees::app::screens::join::JoinForm;
use forest_and_trees::app::session::Command;
use forest_and_trees::class::ClassCode;
use forest_and_trees::class::room::{HostMsg, TeamMsg};
use forest_and_trees::class::seat::{BURST, MESSAGE_MAX};
use sim::Difficulty;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant, SystemTime};
use tungstenite::client::IntoClientRequest;
use tungstenite::{Message, WebSocket};

/// One request, as a browser makes it: (status line, head, body).
fn get(door: SocketAddr, path: &str, headers: &str) -> (String, String, Vec<u8>) {
    let mut s = TcpStream::connect(door).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {door}\r\n{headers}\r\n").unwrap();
    let mut all = Vec::new();
    s.read_to_end(&mut all).unwrap();
    let end = all.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8(all[..end].to_vec()).unwrap();
    let status = head.lines().next().unwrap().to_string();
    (status, head, all[end + 4..].to_vec())
}

/// A page's socket to the door, saying it came from `origin`; the refusal's status if the
/// door refuses it.
fn socket(door: SocketAddr, origin: Option<&str>) -> Result<WebSocket<TcpStream>, u16> {
    socket_as(door, &door.to_string(), origin)
}

/// `socket`, the page having reached the door as `host` (its `Host` header).
fn socket_as(
    door: SocketAddr,
    host: &str,
    origin: Option<&str>,
) -> Result<WebSocket<TcpStream>, u16> {
    let mut req = format!("ws://{host}/ws").into_client_request().unwrap();
    if let Some(o) = origin {
        req.headers_mut().insert("Origin", o.parse().unwrap());
    }
    let stream = TcpStream::connect(door).unwrap();
    match tungstenite::client(req, stream) {
        Ok((ws, _)) => {
            ws.get_ref()
                .set_read_timeout(Some(Duration::from_millis(5)))
                .unwrap();
            Ok(ws)
        }
        Err(tungstenite::HandshakeError::Failure(tungstenite::Error::Http(r))) => {
            Err(r.status().as_u16())
        }
        Err(e) => panic!("the handshake failed otherwise: {e}"),
    }
}

/// The host's frames run until the page hears a message `want` accepts, or the socket
/// closes (None).
fn hear(
    ws: &mut WebSocket<TcpStream>,
    host: &mut App,
    want: impl Fn(&HostMsg) -> bool,
) -> Option<HostMsg> {
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the host did not say it"
        );
        host.update();
        match ws.read() {
            Ok(Message::Text(t)) => {
                let m = HostMsg::from_json(t.as_str()).expect("the host speaks the class's JSON");
                if want(&m) {
                    return Some(m);
                }
            }
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return None,
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

fn say(ws: &mut WebSocket<TcpStream>, m: &TeamMsg) {
    ws.send(Message::text(m.to_json())).unwrap();
}

fn hello(code: &str, played: Vec<sim::Decision>) -> TeamMsg {
    TeamMsg::Hello {
        version: env!("CARGO_PKG_VERSION").into(),
        code: code.into(),
        team: "Browser".into(),
        key: 0x5eed,
        played,
    }
}

fn room_team(host: &App) -> (usize, bool) {
    let h = host.world().resource::<LanHost>();
    let t = h.room.teams.iter().find(|t| t.name == "Browser").unwrap();
    (t.decisions.len(), t.connected)
}

#[test]
fn the_host_serves_the_page_and_seats_a_browser_team_over_its_socket() {
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Normal, 33);
    let text = code.text();
    let host_dir = temp_dir("door-host");
    let web = temp_dir("door-web");
    let page = "<!doctype html><html><head><title>Forest</title></head><body></body></html>";
    std::fs::write(web.join("index.html"), page).unwrap();
    std::fs::write(web.join("forest-and-trees_bg.wasm"), b"\0asm plain").unwrap();
    std::fs::write(web.join("forest-and-trees_bg.wasm.gz"), b"packed").unwrap();
    std::fs::write(web.join("notes.txt"), b"not the game's").unwrap();
    let mut host = app(&host_dir);
    let (room, _, folder) = lan::room_for(code, &crunch, 1, &host_dir, SystemTime::now());
    let bind: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let typed = lan::host_serving(
        host.world_mut(),
        room,
        bind,
        folder,
        Some(web.to_path_buf()),
    )
    .expect("the host listens on loopback")[0];
    let door = host.world().resource::<LanHost>().door_addr().unwrap();
    assert_eq!(door.port(), typed.port(), "one port number for both");
    assert_eq!(
        host.world().resource::<LanHost>().page_addresses(),
        vec![format!("http://{door}/")],
        "the facilitator's screen names the page"
    );

    // The page, naming its class; the packed wasm when the browser takes it.
    let (status, _, body) = get(door, "/", "");
    assert_eq!(status, "HTTP/1.1 200 OK");
    let body = String::from_utf8(body).unwrap();
    assert!(
        body.contains(&format!(
            "<meta name=\"forest-and-trees-class\" content=\"{text}\">"
        )),
        "{body}"
    );
    let (_, head, body) = get(
        door,
        "/forest-and-trees_bg.wasm",
        "Accept-Encoding: gzip, br\r\n",
    );
    assert!(head.contains("Content-Encoding: gzip"), "{head}");
    assert!(head.contains("application/wasm"), "{head}");
    assert_eq!(body, b"packed");
    let (_, head, body) = get(door, "/forest-and-trees_bg.wasm", "");
    assert!(!head.contains("Content-Encoding"), "{head}");
    assert_eq!(body, b"\0asm plain");
    // A page opened again keeps the copy it has while the build is the same.
    let tag = head
        .lines()
        .find_map(|l| l.strip_prefix("ETag: "))
        .expect("a validator")
        .to_string();
    let (status, _, body) = get(
        door,
        "/forest-and-trees_bg.wasm",
        &format!("If-None-Match: {tag}\r\n"),
    );
    assert_eq!(status, "HTTP/1.1 304 Not Modified");
    assert!(body.is_empty());
    for other in [
        "/notes.txt",
        "/../Cargo.toml",
        "/forest-and-trees_bg.wasm.gz",
    ] {
        let (status, _, _) = get(door, other, "");
        assert_eq!(status, "HTTP/1.1 404 Not Found", "{other}");
    }

    // Only the class's own page may open a socket.
    assert_eq!(socket(door, None).err(), Some(403), "no browser's request");
    assert_eq!(
        socket(door, Some("http://elsewhere.example")).err(),
        Some(403),
        "another site's page"
    );
    // Nor a page that reaches this computer by a name its owner points here (DNS
    // rebinding): its origin and host agree, but the class's address is a number.
    let named = format!("evil.example:{}", door.port());
    assert_eq!(
        socket_as(door, &named, Some(&format!("http://{named}"))).err(),
        Some(403),
        "a page by a name"
    );
    let origin = format!("http://{door}");
    let mut ws = socket(door, Some(&origin)).expect("the class's page");

    // Seated by the same hello as a desktop game's.
    say(&mut ws, &hello(&text, Vec::new()));
    let welcome = hear(&mut ws, &mut host, |m| matches!(m, HostMsg::Welcome { .. }));
    assert!(
        matches!(&welcome, Some(HostMsg::Welcome { team, record, .. }) if team == "Browser" && record.is_empty()),
        "{welcome:?}"
    );
    assert_eq!(room_team(&host), (0, true));
    // The class's state comes every second, as to every team.
    assert!(hear(&mut ws, &mut host, |m| matches!(m, HostMsg::Class(_))).is_some());

    // A week played in the page is replayed by the host.
    host.world_mut()
        .resource_mut::<LanHost>()
        .room
        .clock
        .running = true;
    let player_dir = temp_dir("door-player");
    let mut player = app(&player_dir);
    join_class(&mut player, &JoinForm::new(&text, "Browser", ""));
    answer_cards(&mut player);
    player.world_mut().write_message(Command::SetShare(0.4));
    player.world_mut().write_message(Command::EndWeek);
    player.update();
    let played = session(&player).decisions.clone();
    assert_eq!(played.len(), 1);
    say(
        &mut ws,
        &TeamMsg::Played {
            week: 1,
            decision: played[0].clone(),
        },
    );
    let started = Instant::now();
    while room_team(&host).0 < 1 {
        host.update();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "week 1 never arrived"
        );
        std::thread::sleep(Duration::from_millis(2));
    }

    // The tab is closed: the seat is free. Opened again, the page takes up its weeks.
    ws.close(None).unwrap();
    let _ = hear(&mut ws, &mut host, |_| false);
    let started = Instant::now();
    while room_team(&host).1 {
        host.update();
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the seat stayed taken"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut ws = socket(door, Some(&origin)).unwrap();
    say(&mut ws, &hello(&text, Vec::new()));
    let welcome = hear(&mut ws, &mut host, |m| matches!(m, HostMsg::Welcome { .. }));
    assert!(
        matches!(&welcome, Some(HostMsg::Welcome { record, .. }) if *record == played),
        "the host's record comes back: {welcome:?}"
    );

    // A page that floods is told why and closed, as a desktop game is.
    for _ in 0..(BURST + 5) {
        say(&mut ws, &hello(&text, Vec::new()));
    }
    let refused = hear(&mut ws, &mut host, |m| matches!(m, HostMsg::Refused(_)));
    assert!(
        matches!(&refused, Some(HostMsg::Refused(why)) if why.contains("messages at once")),
        "{refused:?}"
    );
    assert_eq!(
        hear(&mut ws, &mut host, |_| false),
        None,
        "the socket is closed"
    );

    // A page that says something and is closed at once: the host's answer goes nowhere and
    // the class carries on (the answer must not go to renet, which has no such client).
    let mut brief = socket(door, Some(&origin)).unwrap();
    brief.send(Message::text("not the class's")).unwrap();
    brief.close(None).unwrap();
    let _ = brief.flush();
    std::thread::sleep(Duration::from_millis(100));
    for _ in 0..10 {
        host.update();
        std::thread::sleep(Duration::from_millis(5));
    }

    // A page that sends more than the host has read (two megabytes in flight, as renet
    // allows a desktop team) is dropped before the host's frame comes.
    let mut ws = socket(door, Some(&origin)).unwrap();
    let big = "x".repeat(MESSAGE_MAX - 64);
    for _ in 0..3 {
        let _ = ws.send(Message::text(big.clone()));
    }
    let started = Instant::now();
    // The door says why as it closes: the game never read these (no frame ran).
    let why = loop {
        match ws.read() {
            Ok(Message::Close(f)) => break f.map(|f| f.reason.to_string()),
            Ok(_) => {}
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(e) => panic!("the socket ended without saying why: {e}"),
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "a page that floods the door is not dropped"
        );
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(why.as_deref(), Some("too many messages"));

    // Stopping the class closes the door; hosting again takes the same port at once.
    host.world_mut()
        .run_system_cached(|mut c: Commands| c.queue(lan::stop))
        .unwrap();
    host.update();
    assert!(
        TcpStream::connect(door).is_err() || get_fails(door),
        "the door still answers"
    );
    let (room, _, folder) = lan::room_for(code, &crunch, 1, &host_dir, SystemTime::now());
    lan::host_serving(
        host.world_mut(),
        room,
        door,
        folder,
        Some(web.to_path_buf()),
    )
    .expect("the class is hosted again on its port");
    assert_eq!(host.world().resource::<LanHost>().door_addr(), Some(door));
}

/// After the door closed, a connection made in the moment before gets no answer.
fn get_fails(door: SocketAddr) -> bool {
    let Ok(mut s) = TcpStream::connect(door) else {
        return true;
    };
    s.set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap();
    let _ = write!(s, "GET / HTTP/1.1\r\nHost: {door}\r\n\r\n");
    let mut buf = [0; 16];
    !matches!(s.read(&mut buf), Ok(n) if n > 0)
}
