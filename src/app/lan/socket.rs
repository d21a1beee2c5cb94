//! A page's link to the facilitator's game (browser only): a WebSocket to the host's door
//! (`ws://HOST/ws`), carrying the same JSON texts as desktop games' renet messages. The
//! browser's callbacks queue what happened; a system reads the queue once a frame.

use super::team::{team_link, team_send};
use super::{LanTeam, Link, ToHost, ToTeam, Wire};
use crate::app::AppSystems;
use bevy::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

/// The host repeats the class every second: this long without a word (or without an answer
/// to the connection), the link is taken for lost and tried again, as renet's is.
const SILENT_SECONDS: f32 = 5.0;

enum Event {
    Open,
    Text(String),
    Closed(Option<String>),
}

/// The open socket; a non-send resource, as the browser's objects are.
struct Socket {
    ws: WebSocket,
    inbox: Rc<RefCell<VecDeque<Event>>>,
    quiet: f32,
    // Held so the browser's callbacks live as long as the socket.
    _open: Closure<dyn FnMut()>,
    _message: Closure<dyn FnMut(MessageEvent)>,
    _close: Closure<dyn FnMut(CloseEvent)>,
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        let _ = self.ws.close();
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ToHost>()
        .add_message::<ToTeam>()
        .add_systems(
            Update,
            (
                pump.in_set(AppSystems::RecordInput).before(team_link),
                send.in_set(AppSystems::React).after(team_send),
            )
                .distributive_run_if(resource_exists::<LanTeam>),
        );
}

fn open(url: &str) -> Result<Socket, String> {
    let ws = WebSocket::new(url).map_err(|e| {
        e.as_string()
            .or_else(|| js_sys::Error::from(e).message().as_string())
            .unwrap_or_default()
    })?;
    let inbox = Rc::new(RefCell::new(VecDeque::new()));
    let q = inbox.clone();
    let on_open = Closure::<dyn FnMut()>::new(move || q.borrow_mut().push_back(Event::Open));
    let q = inbox.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        // The host sends text only; anything else is not the class's.
        if let Some(text) = e.data().as_string() {
            q.borrow_mut().push_back(Event::Text(text));
        }
    });
    let q = inbox.clone();
    let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
        let why = e.reason();
        q.borrow_mut()
            .push_back(Event::Closed((!why.is_empty()).then_some(why)));
    });
    ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
    Ok(Socket {
        ws,
        inbox,
        quiet: 0.0,
        _open: on_open,
        _message: on_message,
        _close: on_close,
    })
}

/// Connects (again) to the team's host: the door on the port the page came from.
pub(super) fn connect(world: &mut World) {
    let Some(lan) = world.get_resource::<LanTeam>() else {
        return;
    };
    let url = format!("ws://{}/ws", lan.host);
    close(world);
    match open(&url) {
        Ok(socket) => {
            world.insert_non_send(socket);
            *world.resource_mut::<Wire>() = Wire::default();
            let mut lan = world.resource_mut::<LanTeam>();
            lan.link = Link::Connecting;
            lan.retry.reset();
        }
        Err(why) => {
            *world.resource_mut::<Wire>() = Wire {
                connected: false,
                dropped: true,
                why: Some(why.clone()),
            };
            world.resource_mut::<LanTeam>().link = Link::Lost(why);
        }
    }
}

/// Closes the socket, if one is open.
pub(super) fn close(world: &mut World) {
    world.remove_non_send::<Socket>();
}

/// What the socket heard since the last frame: the link's state and the host's messages.
fn pump(
    time: Res<Time>,
    socket: Option<NonSendMut<Socket>>,
    mut wire: ResMut<Wire>,
    mut to: MessageWriter<ToTeam>,
) {
    let Some(mut socket) = socket else {
        wire.connected = false;
        wire.dropped = true;
        return;
    };
    let events: Vec<Event> = socket.inbox.borrow_mut().drain(..).collect();
    for e in events {
        match e {
            Event::Open => {
                socket.quiet = 0.0;
                *wire = Wire {
                    connected: true,
                    ..default()
                };
            }
            Event::Text(text) => {
                socket.quiet = 0.0;
                to.write(ToTeam(text));
            }
            Event::Closed(why) => {
                *wire = Wire {
                    connected: false,
                    dropped: true,
                    why,
                };
            }
        }
    }
    // Also while connecting: a browser may wait minutes for a computer that is not there.
    if !wire.dropped {
        socket.quiet += time.delta_secs();
        if socket.quiet > SILENT_SECONDS {
            let _ = socket.ws.close();
            let why = if wire.connected {
                "the facilitator's computer stopped answering"
            } else {
                "the facilitator's computer does not answer"
            };
            *wire = Wire {
                connected: false,
                dropped: true,
                why: Some(why.into()),
            };
        }
    }
}

/// The team's messages of this frame, to the host.
fn send(socket: Option<NonSend<Socket>>, mut from: MessageReader<ToHost>) {
    let Some(socket) = socket else {
        from.clear();
        return;
    };
    for ToHost(text) in from.read() {
        if socket.ws.ready_state() == WebSocket::OPEN {
            let _ = socket.ws.send_with_str(text);
        }
    }
}
