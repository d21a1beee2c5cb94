//! The page around the game, in a browser only: a player's own level file opened through the
//! browser's file picker, and files handed to the player as downloads. What the game does
//! with them is plain code elsewhere (`Catalog::open_file`, the debrief), tested natively.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Files the player picked, (name, bytes), until the game takes them (a page has one
    /// thread; the picker answers between frames).
    static PICKED: RefCell<Vec<(String, Vec<u8>)>> = const { RefCell::new(Vec::new()) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The class this page was served for, and the computer that served it, as the join form
/// shows it: the facilitator's game names its class in the page's head (`lan::door`).
pub fn served_class() -> Option<(String, String)> {
    let selector = format!("meta[name=\"{}\"]", crate::class::network::CLASS_META);
    let code = document()?
        .query_selector(&selector)
        .ok()??
        .get_attribute("content")?;
    let location = web_sys::window()?.location();
    let name = location.hostname().ok()?;
    // A page cannot look a name up: the one name every computer knows is itself.
    let ip = if name == "localhost" {
        "127.0.0.1".to_string()
    } else {
        name
    };
    let port = location.port().ok().filter(|p| !p.is_empty());
    Some((code, format!("{ip}:{}", port.as_deref().unwrap_or("80"))))
}

/// Opens the browser's file picker for level files; what the player picks arrives through
/// `take_picked` a frame or more later. Nothing arrives if the player cancels.
pub fn pick_level_file() -> Result<(), String> {
    let input: web_sys::HtmlInputElement = document()
        .ok_or("no page")?
        .create_element("input")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an input element")?;
    input.set_type("file");
    input.set_accept(".ron");
    let picker = input.clone();
    let changed = Closure::once_into_js(move |_: web_sys::Event| {
        let Some(files) = picker.files() else {
            return;
        };
        for i in 0..files.length() {
            let Some(file) = files.get(i) else { continue };
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                if let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await
                {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    PICKED.with(|p| p.borrow_mut().push((name, bytes)));
                }
            });
        }
    });
    input.set_onchange(Some(changed.unchecked_ref()));
    input.click();
    Ok(())
}

/// The files picked since the last call.
pub fn take_picked() -> Vec<(String, Vec<u8>)> {
    PICKED.with(|p| std::mem::take(&mut *p.borrow_mut()))
}

/// Hands `text` to the player as a file named `name` (the browser saves it where it saves
/// downloads, or asks).
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let js = |e: JsValue| format!("{e:?}");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js)?;
    let link: web_sys::HtmlAnchorElement = document()
        .ok_or("no page")?
        .create_element("a")
        .map_err(js)?
        .dyn_into()
        .map_err(|_| "not a link element")?;
    link.set_href(&url);
    link.set_download(name);
    // In the page while it is clicked (some browsers ignore a click on a detached link),
    // and the file's address kept a minute for browsers that fetch it after the click.
    let body = document().and_then(|d| d.body()).ok_or("no page")?;
    body.append_child(&link).map_err(js)?;
    link.click();
    link.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(w) = web_sys::window() {
        let _ =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    }
    Ok(())
}
