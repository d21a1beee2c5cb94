//! The world in motion: mood changes pulse, leavers drift away and fade, new hires grow
//! into their seats, and the vision's dots travel the links.

use super::draw::{Badge, Shapes, draw};
use super::layout::{Key, Node};
use super::{Token, ViewSystems, WORLD_LAYER};
use crate::app::screens::Screen;
use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        (pulse, leave, arrive, flow)
            .chain()
            .in_set(ViewSystems::Animate),
    )
    .add_observer(on_left)
    .add_observer(on_mood);
}

/// A dot travelling a link: the vision on its way.
#[derive(Component)]
pub(super) struct FlowDot {
    pub(super) from: Key,
    pub(super) to: Key,
    pub(super) phase: f32,
}

/// A short swell when a mood changes.
#[derive(Component)]
pub(super) struct Pulse(f32);

/// A leaver's token drifting down and fading.
#[derive(Component)]
pub(super) struct Leaving(f32);

/// A new token fading in.
#[derive(Component)]
pub(super) struct Arriving(pub(super) f32);

/// Someone at this token left; their token goes with an animation.
#[derive(EntityEvent)]
pub(super) struct PersonLeft {
    pub(super) entity: Entity,
}

/// This token's mood changed.
#[derive(EntityEvent)]
pub(super) struct MoodChanged {
    pub(super) entity: Entity,
}

const PULSE_SECONDS: f32 = 0.7;
const LEAVE_SECONDS: f32 = 1.6;
const ARRIVE_SECONDS: f32 = 0.8;

/// A changed mood swells its badge for a moment.
fn pulse(
    mut commands: Commands,
    time: Res<Time>,
    mut pulses: Query<(Entity, &mut Pulse, &Children)>,
    mut badges: Query<&mut Transform, With<Badge>>,
) {
    for (entity, mut pulse, children) in &mut pulses {
        pulse.0 += time.delta_secs();
        let fade = 1.0 - (pulse.0 / PULSE_SECONDS).min(1.0);
        let swell = 1.0 + 0.8 * fade * (pulse.0 * 18.0).sin().abs();
        for child in children.iter() {
            if let Ok(mut t) = badges.get_mut(child) {
                t.scale = Vec3::splat(8.0 * swell);
            }
        }
        if pulse.0 >= PULSE_SECONDS {
            commands.entity(entity).remove::<Pulse>();
        }
    }
}

/// A leaver's ghost drifts down, shrinks and goes.
fn leave(
    mut commands: Commands,
    time: Res<Time>,
    mut leaving: Query<(Entity, &mut Leaving, &mut Transform)>,
) {
    for (entity, mut leave, mut t) in &mut leaving {
        leave.0 += time.delta_secs();
        t.translation.y -= 40.0 * time.delta_secs();
        t.scale = Vec3::splat((1.0 - leave.0 / LEAVE_SECONDS).max(0.05));
        if leave.0 >= LEAVE_SECONDS {
            commands.entity(entity).despawn();
        }
    }
}

/// A new hire grows into their seat.
fn arrive(
    mut commands: Commands,
    time: Res<Time>,
    mut arriving: Query<(Entity, &mut Arriving, &mut Transform)>,
) {
    for (entity, mut arrive, mut t) in &mut arriving {
        arrive.0 += time.delta_secs();
        t.scale = Vec3::splat((arrive.0 / ARRIVE_SECONDS).clamp(0.05, 1.0));
        if arrive.0 >= ARRIVE_SECONDS {
            t.scale = Vec3::ONE;
            commands.entity(entity).remove::<Arriving>();
        }
    }
}

/// The vision's dots travel their links, from the goals down.
fn flow(
    time: Res<Time>,
    tokens: Query<(&Token, &Transform), Without<FlowDot>>,
    mut dots: Query<(&mut FlowDot, &mut Transform)>,
) {
    let at = |key: Key| {
        tokens
            .iter()
            .find(|(tk, _)| tk.key == key)
            .map(|(_, tr)| tr.translation.truncate())
    };
    for (mut dot, mut t) in &mut dots {
        dot.phase = (dot.phase + time.delta_secs() * 0.35).fract();
        if let (Some(a), Some(b)) = (at(dot.from), at(dot.to)) {
            let p = a.lerp(b, dot.phase);
            t.translation.x = p.x;
            t.translation.y = p.y;
        }
    }
}

fn on_mood(ev: On<MoodChanged>, mut commands: Commands) {
    commands.entity(ev.entity).insert(Pulse(0.0));
}

/// A copy of the leaver's token drifts down and fades; the seat redraws as it is now.
fn on_left(
    ev: On<PersonLeft>,
    mut commands: Commands,
    tokens: Query<(&Token, &Transform)>,
    shapes: Option<Res<Shapes>>,
) {
    let (Ok((token, t)), Some(shapes)) = (tokens.get(ev.entity), shapes) else {
        return;
    };
    let node = Node {
        key: token.key,
        x: t.translation.x,
        y: t.translation.y,
        kind: token.kind.clone(),
    };
    let mut ghost = commands.spawn((
        Leaving(0.0),
        Transform::from_xyz(node.x, node.y, 0.8),
        Visibility::default(),
        RenderLayers::layer(WORLD_LAYER),
        DespawnOnExit(Screen::Play),
    ));
    draw(&mut ghost, &node, &shapes);
}
