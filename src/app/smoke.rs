//! The window smoke test: wait for the first screen, take a screenshot, refuse a blank
//! frame, quit. `.ci/run` runs it under Xvfb with Mesa's software Vulkan.

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use std::path::PathBuf;

/// Frames to let egui lay out and the renderer warm up before the capture.
const WARM_UP_FRAMES: u32 = 30;
/// Frames to wait for the capture before giving up.
const TIMEOUT_FRAMES: u32 = 600;

#[derive(Resource)]
struct Smoke {
    path: PathBuf,
    frames: u32,
    requested: bool,
}

pub fn plugin(path: PathBuf) -> impl Fn(&mut App) {
    move |app: &mut App| {
        app.insert_resource(Smoke {
            path: path.clone(),
            frames: 0,
            requested: false,
        })
        .add_systems(Update, capture);
    }
}

fn capture(mut commands: Commands, mut smoke: ResMut<Smoke>, mut exit: MessageWriter<AppExit>) {
    smoke.frames += 1;
    if smoke.frames == WARM_UP_FRAMES && !smoke.requested {
        smoke.requested = true;
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(smoke.path.clone()))
            .observe(check_not_blank);
    }
    if smoke.frames > TIMEOUT_FRAMES {
        error!("smoke test: no screenshot after {TIMEOUT_FRAMES} frames");
        exit.write(AppExit::from_code(3));
    }
}

/// A frame of one colour means nothing was drawn.
fn check_not_blank(captured: On<ScreenshotCaptured>, mut exit: MessageWriter<AppExit>) {
    let Some(data) = captured.image.data.as_deref() else {
        error!("smoke test: the screenshot has no pixels");
        exit.write(AppExit::from_code(4));
        return;
    };
    let first = data.get(..4).unwrap_or_default();
    let differing = data.chunks_exact(4).filter(|px| *px != first).count();
    let total = (data.len() / 4).max(1);
    info!("smoke test: {differing} of {total} pixels differ from the first");
    if differing * 100 < total {
        error!("smoke test: the frame is blank");
        exit.write(AppExit::from_code(5));
    } else {
        exit.write(AppExit::Success);
    }
}
