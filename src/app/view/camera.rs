//! The world's cameras: one clears the window, one draws the world into the central
//! panel's rectangle and glides between the trees and the forest.

use super::draw::{Caption, GoalTitle, LinkLine};
use super::layout::{self, Key};
use super::{Token, ViewSystems, WORLD_LAYER, WorldRect};
use crate::app::access::ReducedMotion;
use crate::app::screens::Screen;
use crate::app::screens::play::{PlayUi, View};
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{
    CameraOutputMode, CameraUpdateSystems, ClearColorConfig, NormalizedRenderTarget, RenderTarget,
    Viewport,
};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::PrimaryEguiContext;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Play), enter)
        .add_systems(OnExit(Screen::Play), exit)
        .add_systems(
            Update,
            (place_camera, keep_captions_readable, show_goals_in_forest)
                .chain()
                .in_set(ViewSystems::Camera),
        )
        .add_systems(
            PostUpdate,
            keep_cameras_on_the_window_size.before(CameraUpdateSystems),
        );
}

/// Every camera on a window must take the window's size in the same frame.
///
/// Bevy's `camera_system` reads a window's size into a camera only on `WindowResized` or
/// when the camera changed. A size set on `Window::resolution` from code (the monkey, the
/// layout check) gets its `WindowResized` only once the window system confirms it (a frame
/// later on X11); until then the world camera, changed every frame, had the new size and
/// the others the old. Bevy sizes a window's shared depth and main textures each from the
/// first camera its own query meets: when those differed, wgpu rejected the pass
/// ("Attachments have differing sizes") and Bevy quit. A touched projection re-reads it.
fn keep_cameras_on_the_window_size(
    primary: Query<Entity, With<PrimaryWindow>>,
    windows: Query<&Window>,
    mut cameras: Query<(&Camera, &RenderTarget, &mut Projection)>,
) {
    let primary = primary.iter().next();
    for (camera, target, mut projection) in &mut cameras {
        let Some(NormalizedRenderTarget::Window(w)) = target.normalize(primary) else {
            continue;
        };
        let Ok(window) = windows.get(w.entity()) else {
            continue;
        };
        if target_is_stale(camera.physical_target_size(), window.physical_size()) {
            projection.set_changed();
        }
    }
}

/// Whether a camera's idea of its window's size lags the window (a camera not yet sized
/// is left to Bevy, which sizes it when it is added).
fn target_is_stale(camera: Option<UVec2>, window: UVec2) -> bool {
    camera.is_some_and(|c| c != window)
}

#[derive(Component)]
pub(super) struct WorldCamera;

#[derive(Component)]
struct ClearCamera;

fn enter(mut commands: Commands, mut egui_camera: Query<&mut Camera, With<PrimaryEguiContext>>) {
    for mut c in &mut egui_camera {
        c.clear_color = ClearColorConfig::None;
        c.order = 10;
    }
    commands.spawn((
        Camera2d,
        Camera {
            order: -2,
            // The three cameras share the window's intermediate texture: only the last
            // (egui's) copies it to the window. Each copy is a full-window pass, which a
            // software renderer (a page's SwiftShader) pays for by the pixel.
            output_mode: CameraOutputMode::Skip,
            ..default()
        },
        // Sees nothing: it only clears the window under the panels.
        RenderLayers::layer(31),
        // A software renderer pays for every sample: flat shapes need no multisampling.
        Msaa::Off,
        ClearCamera,
        DespawnOnExit(Screen::Play),
    ));
    commands.spawn((
        Camera2d,
        Camera {
            order: -1,
            clear_color: ClearColorConfig::None,
            output_mode: CameraOutputMode::Skip,
            ..default()
        },
        RenderLayers::layer(WORLD_LAYER),
        Msaa::Off,
        WorldCamera,
        DespawnOnExit(Screen::Play),
    ));
}

fn exit(mut egui_camera: Query<&mut Camera, With<PrimaryEguiContext>>) {
    for mut c in &mut egui_camera {
        c.clear_color = ClearColorConfig::Default;
        c.order = 0;
    }
}

/// Keeps the world camera on the central panel and glides its zoom toward the view.
fn place_camera(
    time: Res<Time>,
    still: Option<Res<ReducedMotion>>,
    rect: Res<WorldRect>,
    ui: Option<Res<PlayUi>>,
    windows: Query<&Window>,
    mut camera: Query<(&mut Camera, &mut Transform, &mut Projection), With<WorldCamera>>,
    nodes_pos: Query<(&Token, &Transform), Without<WorldCamera>>,
) {
    let Ok((mut camera, mut transform, mut projection)) = camera.single_mut() else {
        return;
    };
    let [x, y, w, h] = rect.0;
    if w < 8.0 || h < 8.0 {
        camera.is_active = false;
        return;
    }
    if !camera.is_active {
        camera.is_active = true;
    }
    // Only a real change is written: a changed viewport makes the renderer redo its views.
    let viewport = Viewport {
        physical_position: UVec2::new(x as u32, y as u32),
        physical_size: UVec2::new(w as u32, h as u32),
        ..default()
    };
    let same = camera.viewport.as_ref().is_some_and(|v| {
        v.physical_position == viewport.physical_position
            && v.physical_size == viewport.physical_size
    });
    if !same {
        camera.viewport = Some(viewport);
    }
    let forest = ui.as_ref().is_some_and(|u| u.view == View::Forest);
    // Trees: close on the people (you and below); forest: everything, goals included.
    let framed = nodes_pos
        .iter()
        .filter(|(t, _)| forest || !matches!(t.key, Key::Goal(_)))
        .map(|(_, tr)| (tr.translation.x, tr.translation.y));
    let [x0, y0, x1, mut y1] = layout::bounds(framed);
    if forest {
        // Room above the goals for their titles, which grow as the camera pulls out.
        y1 = y1.max(layout::GOAL_Y + 150.0);
    }
    // The projection maps logical pixels to world units; the viewport is in physical ones.
    let ppl = windows.single().map_or(1.0, |w| w.scale_factor());
    let (lw, lh) = (w / ppl, h / ppl);
    let target_scale = ((x1 - x0) / lw).max((y1 - y0) / lh) * 1.1;
    let target_scale = if forest {
        target_scale.max(1.0)
    } else {
        target_scale.clamp(0.6, 3.0)
    };
    let target = Vec2::new((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    // With reduced motion the camera cuts to its place instead of gliding.
    let k = if still.is_some_and(|s| s.0) {
        1.0
    } else {
        1.0 - (-time.delta_secs() * 6.0).exp()
    };
    transform.translation.x += (target.x - transform.translation.x) * k;
    transform.translation.y += (target.y - transform.translation.y) * k;
    if let Projection::Orthographic(o) = projection.as_mut() {
        o.scale += (target_scale - o.scale) * k;
    }
}

/// The trees view frames the people, so the goals and the links up to them would be cut
/// at its top edge: they are shown in the forest view only.
fn show_goals_in_forest(
    ui: Option<Res<PlayUi>>,
    mut tokens: Query<(&Token, &mut Visibility), Without<LinkLine>>,
    mut links: Query<(&LinkLine, &mut Visibility), Without<Token>>,
) {
    let forest = ui.as_ref().is_some_and(|u| u.view == View::Forest);
    let shown = |goal: bool| {
        if goal && !forest {
            Visibility::Hidden
        } else {
            Visibility::Inherited
        }
    };
    for (t, mut v) in &mut tokens {
        v.set_if_neq(shown(matches!(t.key, Key::Goal(_))));
    }
    for (l, mut v) in &mut links {
        v.set_if_neq(shown(l.to_goal));
    }
}

/// Captions grow with the camera's zoom-out (up to 2.5×) so names stay readable in the forest.
fn keep_captions_readable(
    camera: Query<&Projection, With<WorldCamera>>,
    mut captions: Query<(&mut Transform, Has<GoalTitle>), With<Caption>>,
) {
    let Ok(Projection::Orthographic(o)) = camera.single() else {
        return;
    };
    for (mut t, goal) in &mut captions {
        let s = caption_scale(o.scale, goal);
        if (t.scale.x - s).abs() > 0.01 {
            t.scale = Vec3::splat(s);
        }
    }
}

/// How much a caption grows at a camera zoom: with the zoom, up to 2.5×, and a goal's title
/// no wider than the gap to the next goal, where two long titles ran into one another.
fn caption_scale(zoom: f32, goal: bool) -> f32 {
    let most = if goal {
        (layout::GOAL_SPACING - GOAL_TITLE_GAP) / layout::GOAL_TITLE_WIDTH
    } else {
        2.5
    };
    zoom.clamp(1.0, most)
}

/// World units kept free between two goals' titles.
const GOAL_TITLE_GAP: f32 = 30.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goal_titles_grow_with_the_zoom_but_never_into_the_next_goal() {
        // Far out, as on a small screen showing a whole organisation.
        for zoom in [1.0, 1.5, 2.0, 3.0, 6.0] {
            let width = layout::GOAL_TITLE_WIDTH * caption_scale(zoom, true);
            assert!(
                width <= layout::GOAL_SPACING - GOAL_TITLE_GAP,
                "zoom {zoom}: a title {width} wide beside goals {} apart",
                layout::GOAL_SPACING
            );
        }
        // They still grow as the camera pulls out, as the people's names do.
        assert!(caption_scale(3.0, true) > 1.5);
        assert_eq!(caption_scale(3.0, false), 2.5);
    }

    /// A size set from code, before the window system confirms it: the camera that
    /// changed this frame and the one that did not must agree on the window's size.
    #[test]
    fn every_camera_takes_a_size_set_from_code_in_the_same_frame() {
        use bevy::asset::AssetEvent;
        use bevy::render::camera::camera_system;
        use bevy::render::texture::ManualTextureViews;
        use bevy::window::{
            WindowCreated, WindowResized, WindowResolution, WindowScaleFactorChanged,
        };

        let mut app = App::new();
        app.add_message::<WindowResized>()
            .add_message::<WindowCreated>()
            .add_message::<WindowScaleFactorChanged>()
            .add_message::<AssetEvent<Image>>()
            .init_resource::<Assets<Image>>()
            .init_resource::<ManualTextureViews>()
            .add_systems(
                PostUpdate,
                (
                    camera_system.in_set(CameraUpdateSystems),
                    keep_cameras_on_the_window_size.before(CameraUpdateSystems),
                ),
            );
        let window = app
            .world_mut()
            .spawn((
                Window {
                    resolution: WindowResolution::new(800, 600),
                    ..default()
                },
                PrimaryWindow,
            ))
            .id();
        let still = app.world_mut().spawn(Camera2d).id();
        let moving = app.world_mut().spawn(Camera2d).id();
        app.update();
        let size =
            |app: &App, e: Entity| app.world().get::<Camera>(e).unwrap().physical_target_size();
        assert_eq!(size(&app, still), Some(UVec2::new(800, 600)));

        // As the monkey does: no `WindowResized` until the window system answers.
        app.world_mut()
            .get_mut::<Window>(window)
            .unwrap()
            .resolution = WindowResolution::new(1920, 1080);
        // As `place_camera` does every frame.
        app.world_mut()
            .get_mut::<Projection>(moving)
            .unwrap()
            .set_changed();
        app.update();
        assert_eq!(size(&app, moving), Some(UVec2::new(1920, 1080)));
        assert_eq!(size(&app, still), size(&app, moving));
    }

    #[test]
    fn a_camera_lags_its_window_only_when_sized_otherwise() {
        let w = UVec2::new(1920, 1080);
        assert!(target_is_stale(Some(UVec2::new(800, 600)), w));
        assert!(!target_is_stale(Some(w), w));
        assert!(!target_is_stale(None, w));
    }
}
