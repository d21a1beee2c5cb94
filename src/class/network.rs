//! The local-network rules of a class, without the engine: nothing of a class leaves the
//! room, so only addresses of the local network are used, on both sides.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};

/// The port a host listens on unless told otherwise (UDP for desktop games, TCP for pages).
pub const PORT: u16 = 7878;

/// The name of the meta tag by which the page a host serves names its class: the page then
/// offers to join it.
pub const CLASS_META: &str = "forest-and-trees-class";

/// One IPv4 network this computer is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interface {
    pub ip: Ipv4Addr,
    pub netmask: Ipv4Addr,
    pub broadcast: Option<Ipv4Addr>,
}

/// This computer's IPv4 interfaces that are up.
#[cfg(not(target_arch = "wasm32"))]
pub fn interfaces() -> Vec<Interface> {
    if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| match i.addr {
            if_addrs::IfAddr::V4(a) => Some(Interface {
                ip: a.ip,
                netmask: a.netmask,
                broadcast: a.broadcast,
            }),
            if_addrs::IfAddr::V6(_) => None,
        })
        .collect()
}

/// A browser page cannot list the computer's networks: only the private ranges count.
#[cfg(target_arch = "wasm32")]
pub fn interfaces() -> Vec<Interface> {
    Vec::new()
}

/// This computer's IPv4 networks: (address, netmask) of each interface that is up.
fn networks() -> Vec<(Ipv4Addr, Ipv4Addr)> {
    interfaces()
        .into_iter()
        .map(|i| (i.ip, i.netmask))
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

/// Why a typed address is not one a team can join; the player reads it under the field.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AddressError {
    #[error("type the address shown on your facilitator's screen")]
    Empty,
    #[error("\"{typed}\" is not an address here: {why}")]
    Unresolved { typed: String, why: String },
    #[error("\"{0}\" has no IPv4 address")]
    NoIpv4(String),
    #[error(
        "{0} is not on this computer's network: a class only connects to computers in the room"
    )]
    NotLocal(IpAddr),
}

/// Reads what a player typed as the host's address: `192.168.1.20`, `teacher-pc:7878`.
pub fn parse_host(typed: &str) -> Result<SocketAddr, AddressError> {
    let t = typed.trim();
    if t.is_empty() {
        return Err(AddressError::Empty);
    }
    let with_port = if t.parse::<IpAddr>().is_ok() || !t.contains(':') {
        format!("{t}:{PORT}")
    } else {
        t.to_string()
    };
    let addr = with_port
        .to_socket_addrs()
        .map_err(|e| AddressError::Unresolved {
            typed: t.to_string(),
            why: e.to_string(),
        })?
        .find(|a| a.is_ipv4())
        .ok_or_else(|| AddressError::NoIpv4(t.to_string()))?;
    if !is_local(addr.ip()) {
        return Err(AddressError::NotLocal(addr.ip()));
    }
    Ok(addr)
}

/// The addresses teams can type for this computer: every IPv4 interface but loopback.
pub fn lan_addresses() -> Vec<IpAddr> {
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
                .to_string()
                .contains("not on this computer's network")
        );
        assert!(parse_host("").is_err());
        assert!(parse_host("192.168.1.20:99999").is_err());
    }
}
