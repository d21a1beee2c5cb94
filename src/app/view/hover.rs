//! What is under the pointer in the world, for the play screen's tooltip and clicks.

use super::camera::WorldCamera;
use super::layout::Key;
use super::{Hovered, Token, ViewSystems};
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, hover.in_set(ViewSystems::Hover));
}

/// Finds the token under the pointer, in world coordinates of the world camera.
fn hover(
    windows: Query<&Window>,
    camera: Query<(&Camera, &GlobalTransform), With<WorldCamera>>,
    tokens: Query<(&Token, &GlobalTransform, &Visibility)>,
    mut hovered: ResMut<Hovered>,
) {
    let (Ok(window), Ok((camera, at))) = (windows.single(), camera.single()) else {
        hovered.0 = None;
        return;
    };
    hovered.0 = window.cursor_position().and_then(|cursor| {
        under_pointer(
            camera,
            at,
            cursor,
            // A goal hidden in the trees view has no tooltip.
            tokens
                .iter()
                .filter(|(_, _, v)| **v != Visibility::Hidden)
                .map(|(t, g, _)| (t.key, g.translation().truncate())),
        )
    });
}

/// World units from a token's centre within which the pointer is over it.
const HOVER_RADIUS: f32 = 30.0;

/// The token under the window's logical `cursor`, seen through `camera` and its viewport.
pub fn under_pointer(
    camera: &Camera,
    at: &GlobalTransform,
    cursor: Vec2,
    tokens: impl Iterator<Item = (Key, Vec2)>,
) -> Option<Key> {
    if !camera.logical_viewport_rect()?.contains(cursor) {
        return None;
    }
    // viewport_to_world_2d subtracts the viewport's corner itself: subtracting it here too
    // put the hover spot off by the width of the side panel.
    let world = camera.viewport_to_world_2d(at, cursor).ok()?;
    tokens
        .map(|(k, p)| (k, p.distance(world)))
        .filter(|(_, d)| *d < HOVER_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::camera::{CameraProjection, RenderTargetInfo, Viewport};

    /// The world camera as the play screen places it: its viewport is the central panel,
    /// right of a side panel, on a window scaled 1.5 (a projector's interface scale).
    fn camera_beside_a_panel() -> (Camera, GlobalTransform) {
        let scale = 1.5;
        let viewport = Viewport {
            physical_position: UVec2::new(450, 60),
            physical_size: UVec2::new(900, 600),
            ..default()
        };
        let mut projection = OrthographicProjection {
            scale: 2.0,
            ..OrthographicProjection::default_2d()
        };
        projection.update(900.0 / scale, 600.0 / scale);
        let mut camera = Camera {
            viewport: Some(viewport),
            ..default()
        };
        camera.computed.target_info = Some(RenderTargetInfo {
            physical_size: UVec2::new(1920, 1080),
            scale_factor: scale,
        });
        camera.computed.clip_from_view = projection.get_clip_from_view();
        let at = GlobalTransform::from(Transform::from_xyz(40.0, -20.0, 0.0));
        (camera, at)
    }

    #[test]
    fn the_person_under_the_pointer_is_the_one_hovered() {
        let (camera, at) = camera_beside_a_panel();
        let people = [
            (Key::Seat(0), Vec2::new(140.0, -70.0)),
            (Key::Seat(1), Vec2::new(-200.0, 90.0)),
        ];
        // The viewport's centre in the window's logical pixels: (450 + 900 / 2) / 1.5 and
        // (60 + 600 / 2) / 1.5; the camera looks at (40, -20), two world units a pixel.
        let centre = Vec2::new(600.0, 240.0);
        for (key, spot) in people {
            let d = (spot - Vec2::new(40.0, -20.0)) / 2.0;
            let cursor = centre + Vec2::new(d.x, -d.y);
            assert_eq!(
                under_pointer(&camera, &at, cursor, people.into_iter()),
                Some(key),
                "pointer at {cursor}"
            );
        }
        // Over the side panel, left of the viewport: nothing in the world.
        assert_eq!(
            under_pointer(&camera, &at, Vec2::new(100.0, 300.0), people.into_iter()),
            None
        );
    }
}
