//! The host's door for browser teams (desktop only). Browsers cannot speak renet's UDP, so
//! the class's port number over TCP answers them: the web build's files for the page to load,
//! and at `/ws` a WebSocket per browser team carrying the same JSON text as renet's
//! messages. A thread per connection (a bounded number); the game reads what they heard once
//! a frame, in order. Only peers of the local network are answered, as renet's are, and
//! only the class's own page may open a socket.

use crate::class::network::{CLASS_META, is_local};
use crate::class::seat::MESSAGE_MAX;
use std::io::{self, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant, UNIX_EPOCH};
use tungstenite::Message;
use tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tungstenite::protocol::WebSocketConfig;

/// The files of the web build a page asks for (`scripts/web.sh` writes them); nothing
/// else of the folder is served.
const FILES: [(&str, &str); 4] = [
    ("index.html", "text/html; charset=utf-8"),
    ("forest-and-trees.js", "text/javascript"),
    ("forest-and-trees_bg.wasm", "application/wasm"),
    ("restart-audio-context.js", "text/javascript"),
];
/// A request's head larger than this is not a page's.
const HEAD_MAX: usize = 8 * 1024;
/// How long a connection may take to say what it wants.
const HEAD_SECONDS: u64 = 5;
/// How often a browser's socket is asked for a sign of life, and how long the host waits
/// for one before the seat is given up (a closed laptop sends no goodbye); as renet's.
const PING_SECONDS: u64 = 1;
const SILENT_SECONDS: u64 = 5;
/// Connections served at once: a full class loading the page and holding its sockets, with
/// room for reloads. More are turned away at once: nobody can tie the host up with threads.
const CONNECTIONS_MAX: usize = 4 * crate::class::seat::SEATS_MAX;
/// Connections of one computer at once: a page's files and its socket, and a reload. One
/// computer cannot take every other team's place.
const CONNECTIONS_PER_PEER: usize = 8;
/// What a message costs the host beyond its text while it waits for the game (an empty
/// message is not free).
const MESSAGE_COST: usize = 64;
/// What one browser's messages may hold of the host's memory before the game has read
/// them, as renet's channel allows a desktop team; more, and the connection is dropped.
const IN_FLIGHT_MAX: usize = 2 * MESSAGE_MAX;
/// The longest a file may take to send: the wasm over a slow Wi-Fi takes seconds; a peer
/// reading a trickle is not waited for longer.
const SEND_SECONDS: u64 = 300;
/// How long a connection's thread waits for the browser before looking at the game's queue.
const POLL: Duration = Duration::from_millis(20);

/// What a browser team's connection did, for the game to read, in the order it happened.
#[derive(Debug)]
pub enum Heard {
    /// A team's socket is open: the game's messages for it go into `to`.
    Opened {
        id: u64,
        to: mpsc::Sender<Say>,
    },
    Text {
        id: u64,
        text: String,
    },
    Closed {
        id: u64,
    },
}

/// What the game has for a browser team's connection.
#[derive(Debug)]
pub enum Say {
    Text(String),
    /// Closes the connection (a team that flooded).
    Close,
}

/// A message on its way to the game, counted against its connection's allowance until the
/// game takes it.
struct Carried {
    heard: Heard,
    in_flight: Arc<AtomicUsize>,
}

/// The listening door; dropping it closes every browser team's connection.
pub struct Door {
    pub addr: SocketAddr,
    /// The web build served, when one was found.
    pub files: Option<PathBuf>,
    heard: Mutex<mpsc::Receiver<Carried>>,
    stop: Arc<AtomicBool>,
    /// The listening thread, waited for on closing so that the port is free again at once.
    listening: Option<std::thread::JoinHandle<()>>,
}

impl Door {
    /// Listens on `bind` (TCP), serving the web build in `files` and the class `code`.
    pub fn open(bind: SocketAddr, files: Option<PathBuf>, code: String) -> io::Result<Door> {
        let listener = TcpListener::bind(bind)?;
        let addr = listener.local_addr()?;
        // Polled, so the thread sees the door close without a connection arriving.
        listener.set_nonblocking(true)?;
        let (tell, heard) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Shared {
            files: files.clone(),
            code,
            cache: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(1),
            open: AtomicUsize::new(0),
            per_peer: Mutex::new(std::collections::BTreeMap::new()),
            stop: stop.clone(),
        });
        let listening = std::thread::Builder::new()
            .name("class door".into())
            .spawn(move || accept(listener, shared, tell))?;
        Ok(Door {
            addr,
            files,
            heard: Mutex::new(heard),
            stop,
            listening: Some(listening),
        })
    }

    /// Everything heard since the last call, in order.
    pub fn heard(&self) -> Vec<Heard> {
        let Ok(rx) = self.heard.lock() else {
            return Vec::new();
        };
        rx.try_iter()
            .map(|c| {
                if let Heard::Text { text, .. } = &c.heard {
                    c.in_flight
                        .fetch_sub(text.len() + MESSAGE_COST, Ordering::Relaxed);
                }
                c.heard
            })
            .collect()
    }
}

impl Drop for Door {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.listening.take() {
            let _ = t.join();
        }
    }
}

/// The web build's folder: `FOREST_AND_TREES_WEB`, else `web` beside the game's program,
/// else where `scripts/web.sh` builds it. A folder counts when it holds the page.
pub fn web_folder() -> Option<PathBuf> {
    let from_env = std::env::var_os("FOREST_AND_TREES_WEB").map(PathBuf::from);
    let beside = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(|d| d.join("web")));
    let built = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/forest-and-trees/target"))
        })
        .map(|t| t.join("web"));
    [from_env, beside, built]
        .into_iter()
        .flatten()
        .find(|d| d.join(FILES[0].0).is_file())
}

struct Shared {
    files: Option<PathBuf>,
    code: String,
    /// Files read once and shared by every connection (the wasm is tens of megabytes).
    cache: Mutex<Vec<Cached>>,
    next_id: AtomicU64,
    /// Connections being served, and of each computer.
    open: AtomicUsize,
    per_peer: Mutex<std::collections::BTreeMap<IpAddr, usize>>,
    stop: Arc<AtomicBool>,
}

/// A file as last read: its path, bytes and validator.
type Cached = (PathBuf, Arc<Vec<u8>>, String);

impl Shared {
    /// A file's bytes and its validator (size and time: a new build is a new file), read
    /// from the cache while the file is unchanged.
    fn read(&self, path: &Path) -> io::Result<(Arc<Vec<u8>>, String)> {
        let meta = std::fs::metadata(path)?;
        let time = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_millis());
        let tag = format!("\"{}-{time}\"", meta.len());
        let mut cache = self.cache.lock().map_err(|_| io::Error::other("cache"))?;
        if let Some((_, bytes, _)) = cache.iter().find(|(p, _, t)| p == path && *t == tag) {
            return Ok((bytes.clone(), tag));
        }
        let bytes = Arc::new(std::fs::read(path)?);
        cache.retain(|(p, _, _)| p != path);
        cache.push((path.to_path_buf(), bytes.clone(), tag.clone()));
        Ok((bytes, tag))
    }
}

impl Shared {
    /// Counts a connection from `peer` in, if there is room for it.
    fn admit(&self, peer: IpAddr) -> bool {
        let Ok(mut per_peer) = self.per_peer.lock() else {
            return false;
        };
        let mine = per_peer.entry(peer).or_default();
        if *mine >= CONNECTIONS_PER_PEER || self.open.load(Ordering::Relaxed) >= CONNECTIONS_MAX {
            return false;
        }
        *mine += 1;
        self.open.fetch_add(1, Ordering::Relaxed);
        true
    }

    fn release(&self, peer: IpAddr) {
        self.open.fetch_sub(1, Ordering::Relaxed);
        if let Ok(mut per_peer) = self.per_peer.lock()
            && let Some(n) = per_peer.get_mut(&peer)
        {
            *n -= 1;
            if *n == 0 {
                per_peer.remove(&peer);
            }
        }
    }
}

/// Counts a connection while it is served.
struct Counted<'a>(&'a Shared, IpAddr);

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        self.0.release(self.1);
    }
}

fn accept(listener: TcpListener, shared: Arc<Shared>, tell: mpsc::Sender<Carried>) {
    while !shared.stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, peer)) if !shared.admit(peer.ip()) => drop(stream),
            Ok((stream, peer)) => {
                let (mine, tell) = (shared.clone(), tell.clone());
                let spawned = std::thread::Builder::new()
                    .name("class door connection".into())
                    .spawn(move || {
                        let _counted = Counted(&mine, peer.ip());
                        // Whatever goes wrong with one connection is that connection's end.
                        let _ = serve(stream, peer, &mine, &tell);
                    });
                if spawned.is_err() {
                    shared.release(peer.ip());
                }
            }
            // Nothing waiting; or a connection reset before it was taken, or out of file
            // handles for a moment.
            Err(_) => std::thread::sleep(POLL),
        }
    }
}

fn serve(
    stream: TcpStream,
    peer: SocketAddr,
    shared: &Shared,
    tell: &mpsc::Sender<Carried>,
) -> io::Result<()> {
    // Some systems hand the listener's non-blocking mode on to what it accepts.
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(HEAD_SECONDS)))?;
    // A write that makes no progress for this long: the peer is gone.
    stream.set_write_timeout(Some(Duration::from_secs(30)))?;
    let mut stream = stream;
    if !is_local(peer.ip()) {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain",
            b"Only computers of the class's own network may join.",
            false,
        );
    }
    let head = peek_head(&stream)?;
    let mut headers = [httparse::EMPTY_HEADER; 32];
    let mut req = httparse::Request::new(&mut headers);
    let Ok(httparse::Status::Complete(len)) = req.parse(&head) else {
        return respond(&mut stream, "400 Bad Request", "text/plain", b"", false);
    };
    let path = req.path.unwrap_or("/").split('?').next().unwrap_or("/");
    let header = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .and_then(|h| std::str::from_utf8(h.value).ok())
            .unwrap_or("")
            .to_string()
    };
    if path == "/ws" {
        return team_socket(stream, shared, tell);
    }
    // The page by a name: a name can be pointed anywhere (a page of the internet could
    // read the class through it), and the page's socket would be refused.
    if !by_number(&header("host")) {
        return respond(
            &mut stream,
            "403 Forbidden",
            "text/plain; charset=utf-8",
            b"Open the address shown on the facilitator's screen (its numbers, as http://192.168.1.20:7878/).",
            false,
        );
    }
    let gzip = header("accept-encoding").contains("gzip");
    let known = header("if-none-match");
    let method = req.method.unwrap_or("").to_string();
    let path = path.to_string();
    // The head is read now: what follows it is not looked at (a page's GETs have no body).
    let mut skip = vec![0; len];
    stream.read_exact(&mut skip)?;
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"",
            false,
        );
    }
    let asked = Asked {
        path: &path,
        gzip,
        known: &known,
        head_only: method == "HEAD",
    };
    file(&mut stream, shared, &asked)
}

/// The request's head, left unread in the stream (a WebSocket's handshake reads it again).
fn peek_head(stream: &TcpStream) -> io::Result<Vec<u8>> {
    let deadline = Instant::now() + Duration::from_secs(HEAD_SECONDS);
    let mut buf = vec![0; HEAD_MAX];
    loop {
        let n = stream.peek(&mut buf)?;
        if n == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        if let Some(end) = buf[..n].windows(4).position(|w| w == b"\r\n\r\n") {
            buf.truncate(end + 4);
            return Ok(buf);
        }
        if n == HEAD_MAX || Instant::now() > deadline {
            return Err(io::ErrorKind::InvalidData.into());
        }
        // Peek returns at once while part of the head has come: wait for the rest.
        std::thread::sleep(POLL);
    }
}

/// What a page asked for.
struct Asked<'a> {
    path: &'a str,
    /// It takes gzip.
    gzip: bool,
    /// The validator of the copy it has (`If-None-Match`).
    known: &'a str,
    head_only: bool,
}

fn file(stream: &mut TcpStream, shared: &Shared, asked: &Asked) -> io::Result<()> {
    let name = if asked.path == "/" {
        FILES[0].0
    } else {
        asked.path.trim_start_matches('/')
    };
    let Some((name, kind)) = FILES.iter().find(|(n, _)| *n == name) else {
        return respond(
            stream,
            "404 Not Found",
            "text/plain",
            b"Not a file of the game.",
            asked.head_only,
        );
    };
    let Some(folder) = &shared.files else {
        return respond(
            stream,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"The facilitator's game has no web build beside it: build it with scripts/web.sh build, or set FOREST_AND_TREES_WEB.",
            asked.head_only,
        );
    };
    let plain = folder.join(name);
    if *name == FILES[0].0 {
        let page = std::fs::read_to_string(&plain)?;
        let page = with_class(&page, &shared.code);
        return respond(stream, "200 OK", kind, page.as_bytes(), asked.head_only);
    }
    // The wasm is tens of megabytes: 30 teams over the room's Wi-Fi take the packed copy.
    let packed = plain.with_file_name(format!("{name}.gz"));
    let ((bytes, tag), packed) = match shared.read(&packed) {
        Ok(b) if asked.gzip => (b, true),
        _ => (shared.read(&plain)?, false),
    };
    // A page opened again keeps its copy while the build is the same.
    if asked.known == tag {
        write!(
            stream,
            "HTTP/1.1 304 Not Modified\r\nETag: {tag}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n"
        )?;
        return stream.flush();
    }
    let encoding = if packed {
        "Content-Encoding: gzip\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}ETag: {tag}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        bytes.len()
    )?;
    if !asked.head_only {
        send_within(
            stream,
            &bytes,
            Duration::from_secs(SEND_SECONDS),
            &shared.stop,
        )?;
    }
    stream.flush()
}

/// Writes `bytes` in pieces, giving up once `limit` has passed or the class stopped.
fn send_within(
    stream: &mut TcpStream,
    bytes: &[u8],
    limit: Duration,
    stop: &AtomicBool,
) -> io::Result<()> {
    let deadline = Instant::now() + limit;
    for piece in bytes.chunks(64 * 1024) {
        if Instant::now() > deadline || stop.load(Ordering::Relaxed) {
            return Err(io::ErrorKind::TimedOut.into());
        }
        stream.write_all(piece)?;
    }
    Ok(())
}

/// The page, naming the class it is served for.
pub fn with_class(page: &str, code: &str) -> String {
    let meta = format!("<meta name=\"{CLASS_META}\" content=\"{code}\">");
    match page.find("</head>") {
        Some(at) => format!("{}{meta}{}", &page[..at], &page[at..]),
        None => format!("{meta}{page}"),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    kind: &str,
    body: &[u8],
    head_only: bool,
) -> io::Result<()> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()?;
    let _ = stream.shutdown(Shutdown::Write);
    Ok(())
}

/// A page of the class may open the socket; another site's page in the same browser may
/// not, nor one reaching this computer by a name (a name can be pointed anywhere, so a
/// page of the internet could say it is ours: the class's address is a number).
fn same_origin(req: &Request) -> bool {
    let get = |n: &str| req.headers().get(n).and_then(|v| v.to_str().ok());
    match (get("origin"), get("host")) {
        (Some(origin), Some(host)) => origin
            .strip_prefix("http://")
            .is_some_and(|o| same_place(o, host)),
        // Not a browser's request: a browser always says where its page came from.
        _ => false,
    }
}

/// A `host:port` split in two (port 80 when none is said).
fn split(s: &str) -> (String, String) {
    match s.rsplit_once(':') {
        // An IPv6 number without a port has colons but ends in "]".
        Some((h, p)) if !p.ends_with(']') => (h.to_string(), p.to_string()),
        _ => (s.to_string(), "80".to_string()),
    }
}

/// This computer's loopback by name or number.
fn here(h: &str) -> bool {
    matches!(h, "localhost" | "127.0.0.1" | "[::1]")
}

/// A `Host` that is a number, or this computer's own name.
fn by_number(host: &str) -> bool {
    let (h, _) = split(host);
    here(&h) || h.trim_matches(['[', ']']).parse::<IpAddr>().is_ok()
}

/// Two `host:port`s of one place, reached by number: the same, or this computer by its
/// loopback name (a page opened at `localhost` reaches the host at 127.0.0.1).
fn same_place(a: &str, b: &str) -> bool {
    let ((ha, pa), (hb, pb)) = (split(a), split(b));
    pa == pb && ((ha == hb && by_number(b)) || (here(&ha) && here(&hb)))
}

fn team_socket(stream: TcpStream, shared: &Shared, tell: &mpsc::Sender<Carried>) -> io::Result<()> {
    let config = WebSocketConfig::default()
        .max_message_size(Some(MESSAGE_MAX))
        .max_frame_size(Some(MESSAGE_MAX));
    let check = |req: &Request, resp: Response| -> Result<Response, ErrorResponse> {
        if same_origin(req) {
            Ok(resp)
        } else {
            let mut no = ErrorResponse::new(Some("Only the class's own page may join.".into()));
            *no.status_mut() = tungstenite::http::StatusCode::FORBIDDEN;
            Err(no)
        }
    };
    let mut ws = tungstenite::accept_hdr_with_config(stream, check, Some(config))
        .map_err(|e| io::Error::other(e.to_string()))?;
    ws.get_mut().set_read_timeout(Some(POLL))?;
    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let in_flight = Arc::new(AtomicUsize::new(0));
    let carry = |heard: Heard| {
        tell.send(Carried {
            heard,
            in_flight: in_flight.clone(),
        })
    };
    let (to, says) = mpsc::channel();
    if carry(Heard::Opened { id, to }).is_err() {
        return Ok(());
    }
    let stop = &shared.stop;
    let mut heard_at = Instant::now();
    let mut pinged_at = Instant::now();
    let ended = loop {
        if stop.load(Ordering::Relaxed) {
            break Some("the facilitator stopped hosting");
        }
        let mut close = None;
        loop {
            match says.try_recv() {
                Ok(Say::Text(t)) => {
                    if ws.write(Message::text(t)).is_err() {
                        close = Some("");
                        break;
                    }
                }
                Ok(Say::Close) => {
                    close = Some("too many messages");
                    break;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    close = Some("the facilitator stopped hosting");
                    break;
                }
            }
        }
        if close.is_some() {
            break close;
        }
        if pinged_at.elapsed() > Duration::from_secs(PING_SECONDS) {
            pinged_at = Instant::now();
            let _ = ws.write(Message::Ping(Default::default()));
        }
        match ws.flush() {
            Ok(()) => {}
            Err(tungstenite::Error::Io(e)) if would_block(&e) => {}
            Err(_) => break None,
        }
        if heard_at.elapsed() > Duration::from_secs(SILENT_SECONDS) {
            break None;
        }
        match ws.read() {
            Ok(m) => {
                heard_at = Instant::now();
                let text = match m {
                    Message::Text(t) => t.as_str().to_string(),
                    // Read as the room reads any text: not the class's, so refused.
                    Message::Binary(b) => String::from_utf8_lossy(&b).into_owned(),
                    _ => continue,
                };
                // More than the game has read yet: a flood, dropped as renet drops one.
                let cost = text.len() + MESSAGE_COST;
                if in_flight.fetch_add(cost, Ordering::Relaxed) + cost > IN_FLIGHT_MAX {
                    break Some("too many messages");
                }
                if carry(Heard::Text { id, text }).is_err() {
                    break Some("the facilitator stopped hosting");
                }
            }
            Err(tungstenite::Error::Io(e)) if would_block(&e) => {}
            Err(_) => break None,
        }
    };
    if let Some(why) = ended {
        let _ = ws.close(Some(tungstenite::protocol::CloseFrame {
            code: tungstenite::protocol::frame::coding::CloseCode::Away,
            reason: why.into(),
        }));
        let _ = ws.flush();
    }
    let _ = carry(Heard::Closed { id });
    Ok(())
}

fn would_block(e: &io::Error) -> bool {
    // A read timeout is WouldBlock on Unix and TimedOut on Windows.
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_class_page_reached_by_number_is_the_same_origin() {
        assert!(same_place("192.168.1.20:7878", "192.168.1.20:7878"));
        assert!(same_place("[fe80::1]:7878", "[fe80::1]:7878"));
        assert!(same_place("localhost:7878", "127.0.0.1:7878"));
        assert!(
            !same_place("localhost:8080", "127.0.0.1:7878"),
            "another port"
        );
        assert!(!same_place("evil.example", "192.168.1.20:7878"));
        assert!(!same_place("192.168.1.21:7878", "192.168.1.20:7878"));
        // A name pointed at the host by its owner (DNS rebinding) is not the class's page.
        assert!(!same_place("evil.example:7878", "evil.example:7878"));
        assert!(
            !same_place("[fe80::1]", "[fe80::1]:7878"),
            "port 80 is not 7878"
        );
        assert!(by_number("[fe80::1]") && by_number("10.0.0.2:7878") && by_number("localhost"));
        assert!(!by_number("laptop.local:7878"));
    }

    #[test]
    fn the_page_names_its_class_in_its_head() {
        let page = "<html><head><title>x</title></head><body></body></html>";
        let served = with_class(page, "FT-ABCD-2345");
        assert!(
            served
                .contains("<meta name=\"forest-and-trees-class\" content=\"FT-ABCD-2345\"></head>")
        );
    }
}
