//! Desktop games' link (desktop only): replicon's two messages over renet's UDP transport
//! (netcode, unsecure: only peers of the local network are accepted). Here the plugin, a
//! team's connecting and closing, and the team's view of its connection (`Wire`).

use super::{LanTeam, Link, ToHost, ToTeam, Wire, now};
use crate::app::AppSystems;
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon_renet::netcode::{ClientAuthentication, NetcodeClientTransport};
use bevy_replicon_renet::renet::ConnectionConfig;
use bevy_replicon_renet::{RenetChannelsExt, RenetClient, RepliconRenetPlugins};
use std::hash::{BuildHasher, RandomState};
use std::net::{Ipv4Addr, UdpSocket};

/// netcode refuses peers of another protocol id: other games on the same port.
pub(super) const PROTOCOL_ID: u64 = 0x4654_4c41_4e00_0001; // "FTLAN" v1
/// What a team's connection may have in flight on a channel before renet drops it: a
/// message as long as the host reads, and room for the weeks behind it.
const TEAM_CHANNEL_BYTES: usize = 2 * crate::class::seat::MESSAGE_MAX;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((RepliconPlugins, RepliconRenetPlugins))
        .add_client_message::<ToHost>(Channel::Ordered)
        .add_server_message::<ToTeam>(Channel::Ordered)
        // Welcome goes out as soon as a team says hello, before replicon's own handshake.
        .make_message_independent::<ToTeam>()
        .add_systems(
            Update,
            wire.in_set(AppSystems::RecordInput)
                .before(super::team::team_link)
                .run_if(resource_exists::<LanTeam>),
        );
    super::host::plugin(app);
}

pub(super) fn connection_config(channels: &RepliconChannels) -> ConnectionConfig {
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

/// Replicon's own state, not renet's: it turns a frame later, and a message written
/// before it does never leaves this computer.
fn wire(client: Option<Res<RenetClient>>, state: Res<State<ClientState>>, mut wire: ResMut<Wire>) {
    let dropped = client.as_ref().is_none_or(|c| c.is_disconnected());
    *wire = Wire {
        connected: *state.get() == ClientState::Connected,
        dropped,
        why: client
            .as_ref()
            .and_then(|c| c.disconnect_reason())
            .map(|r| r.to_string()),
    };
}

/// Connects (again) to the team's host.
pub(super) fn connect(world: &mut World) {
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

/// Closes a team's connection, telling the host.
pub(super) fn close(world: &mut World) {
    if let Some(mut t) = world.get_resource_mut::<NetcodeClientTransport>() {
        t.disconnect();
    }
    world.remove_resource::<NetcodeClientTransport>();
    world.remove_resource::<RenetClient>();
}
