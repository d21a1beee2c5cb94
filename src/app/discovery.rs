//! Finding the facilitator's computer on the local network by the class code, so teams need
//! not type an address: a team's game broadcasts "who hosts class FT-…?" on UDP port 7879 and
//! the host of that class answers with the port of its game server. Only peers of the local
//! network are answered or believed. The class itself runs over bevy_replicon (`app::lan`).

use crate::class::network::is_local;
use bevy::time::{Timer, TimerMode};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::time::Duration;

/// The port a host listens on for teams looking for it.
pub const PORT: u16 = 7879;
const ASK: &str = "FTLAN1 FIND ";
const TELL: &str = "FTLAN1 HERE ";
/// How long a team's game listens for answers.
pub const LISTEN: Duration = Duration::from_secs(2);

/// The host's side: answers teams looking for its class.
pub struct Beacon {
    socket: UdpSocket,
    code: String,
    game_port: u16,
}

impl Beacon {
    /// Listens on `bind` (port 7879 on every interface; any port in tests).
    pub fn new(bind: SocketAddr, code: &str, game_port: u16) -> std::io::Result<Beacon> {
        let socket = UdpSocket::bind(bind)?;
        socket.set_nonblocking(true)?;
        Ok(Beacon {
            socket,
            code: code.to_string(),
            game_port,
        })
    }

    pub fn local_addr(&self) -> std::io::Result<SocketAddr> {
        self.socket.local_addr()
    }

    /// Answers every question waiting; never blocks.
    pub fn answer(&self) {
        let mut buf = [0u8; 128];
        // A bounded number a frame: a flood cannot hold the host's frame.
        for _ in 0..64 {
            let Ok((n, from)) = self.socket.recv_from(&mut buf) else {
                return;
            };
            let asked = std::str::from_utf8(&buf[..n])
                .ok()
                .and_then(|t| t.strip_prefix(ASK));
            if asked.is_some_and(|c| c.trim() == self.code) && is_local(from.ip()) {
                let reply = format!("{TELL}{} {}", self.code, self.game_port);
                let _ = self.socket.send_to(reply.as_bytes(), from);
            }
        }
    }
}

/// The team's side: asks, then collects answers for a moment.
pub struct Finder {
    socket: UdpSocket,
    code: String,
    pub found: Vec<SocketAddr>,
    /// Runs out `LISTEN` after asking.
    listening: Timer,
}

impl Finder {
    /// Asks every address of `targets` (broadcast addresses and this computer) for `code`.
    pub fn ask(code: &str, targets: &[SocketAddr]) -> std::io::Result<Finder> {
        let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))?;
        socket.set_broadcast(true)?;
        socket.set_nonblocking(true)?;
        let question = format!("{ASK}{code}");
        let mut sent = 0;
        for t in targets {
            if socket.send_to(question.as_bytes(), t).is_ok() {
                sent += 1;
            }
        }
        if sent == 0 {
            return Err(std::io::Error::other("no network to ask on"));
        }
        Ok(Finder {
            socket,
            code: code.to_string(),
            found: Vec::new(),
            listening: Timer::new(LISTEN, TimerMode::Once),
        })
    }

    /// Where to ask on this computer's networks: every interface's broadcast address, the
    /// general broadcast, and this computer itself.
    pub fn targets(port: u16) -> Vec<SocketAddr> {
        let mut out = vec![
            SocketAddr::from((Ipv4Addr::BROADCAST, port)),
            SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        ];
        for b in crate::class::network::interfaces()
            .into_iter()
            .filter_map(|i| i.broadcast)
        {
            out.push(SocketAddr::from((b, port)));
        }
        out.sort();
        out.dedup();
        out
    }

    /// Reads the answers that arrived; `dt` is the time since the last call.
    pub fn poll(&mut self, dt: Duration) {
        self.listening.tick(dt);
        let mut buf = [0u8; 128];
        while let Ok((n, from)) = self.socket.recv_from(&mut buf) {
            let Some(told) = std::str::from_utf8(&buf[..n])
                .ok()
                .and_then(|t| t.strip_prefix(TELL))
            else {
                continue;
            };
            let mut parts = told.split_whitespace();
            let (Some(code), Some(port)) = (parts.next(), parts.next()) else {
                continue;
            };
            let Ok(port) = port.parse::<u16>() else {
                continue;
            };
            if code == self.code && is_local(from.ip()) {
                let at = SocketAddr::new(normal(from.ip()), port);
                if !self.found.contains(&at) {
                    self.found.push(at);
                }
            }
        }
    }

    pub fn done(&self) -> bool {
        self.listening.is_finished()
    }
}

/// An IPv4 address seen through an IPv6 socket reads as plain IPv4.
fn normal(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_team_finds_the_host_of_its_class_and_no_other() {
        let host = Beacon::new("127.0.0.1:0".parse().unwrap(), "FT-S8NE-A001", 7878).unwrap();
        let other = Beacon::new("127.0.0.1:0".parse().unwrap(), "FT-0000-0000", 9999).unwrap();
        let targets = [host.local_addr().unwrap(), other.local_addr().unwrap()];
        let mut finder = Finder::ask("FT-S8NE-A001", &targets).unwrap();
        for _ in 0..200 {
            host.answer();
            other.answer();
            finder.poll(Duration::from_millis(5));
            if !finder.found.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        assert_eq!(finder.found, vec!["127.0.0.1:7878".parse().unwrap()]);
    }
}
