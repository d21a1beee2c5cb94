//! The world in motion: mood changes pulse, leavers drift away and fade, new hires grow
//! into their seats, and the vision's dots travel the links.

use super::draw::{Badge, Shapes, draw};
use super::layout::{Key, Node};
use super::{Token, ViewSystems, WORLD_LAYER};
use crate::app::access::ReducedMotion;
use crate::app::screens::Screen;
use bevy::camera::visibility::RenderLayers;
use bevy::prelude::*;
use std::time::Duration;

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
pub(super) struct Pulse(Timer);

impl Pulse {
    fn new() -> Self {
        Self(Timer::new(PULSE_TIME, TimerMode::Once))
    }
}

/// A leaver's token drifting down and fading.
#[derive(Component)]
pub(super) struct Leaving(Timer);

impl Leaving {
    fn new() -> Self {
        Self(Timer::new(LEAVE_TIME, TimerMode::Once))
    }
}

/// A new token fading in.
#[derive(Component)]
pub(super) struct Arriving(Timer);

impl Arriving {
    pub(super) fn new() -> Self {
        Self(Timer::new(ARRIVE_TIME, TimerMode::Once))
    }
}

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

// In whole milliseconds, so that a run of frames ends an animation exactly on time.
const PULSE_TIME: Duration = Duration::from_millis(700);
const LEAVE_TIME: Duration = Duration::from_millis(1600);
const ARRIVE_TIME: Duration = Duration::from_millis(800);

/// A changed mood swells its badge for a moment.
fn pulse(
    mut commands: Commands,
    time: Res<Time>,
    mut pulses: Query<(Entity, &mut Pulse, &Children)>,
    mut badges: Query<&mut Transform, With<Badge>>,
) {
    for (entity, mut pulse, children) in &mut pulses {
        pulse.0.tick(time.delta());
        let fade = pulse.0.fraction_remaining();
        let swell = 1.0 + 0.8 * fade * (pulse.0.elapsed_secs() * 18.0).sin().abs();
        for child in children.iter() {
            if let Ok(mut t) = badges.get_mut(child) {
                t.scale = Vec3::splat(8.0 * swell);
            }
        }
        if pulse.0.is_finished() {
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
        leave.0.tick(time.delta());
        t.translation.y -= 40.0 * time.delta_secs();
        t.scale = Vec3::splat(leave.0.fraction_remaining().max(0.05));
        if leave.0.is_finished() {
            commands.entity(entity).despawn();
        }
    }
}

/// A new hire grows into their seat.
fn arrive(
    mut commands: Commands,
    time: Res<Time>,
    still: Option<Res<ReducedMotion>>,
    mut arriving: Query<(Entity, &mut Arriving, &mut Transform)>,
) {
    // With reduced motion a new hire is simply there.
    let step = if still.is_some_and(|s| s.0) {
        ARRIVE_TIME
    } else {
        time.delta()
    };
    for (entity, mut arrive, mut t) in &mut arriving {
        arrive.0.tick(step);
        t.scale = Vec3::splat(arrive.0.fraction().clamp(0.05, 1.0));
        if arrive.0.is_finished() {
            t.scale = Vec3::ONE;
            commands.entity(entity).remove::<Arriving>();
        }
    }
}

/// The vision's dots travel their links, from the goals down.
fn flow(
    time: Res<Time>,
    still: Option<Res<ReducedMotion>>,
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
        // With reduced motion the dots stand at the middle of their links.
        dot.phase = if still.as_ref().is_some_and(|s| s.0) {
            0.5
        } else {
            (dot.phase + time.delta_secs() * 0.35).fract()
        };
        if let (Some(a), Some(b)) = (at(dot.from), at(dot.to)) {
            let p = a.lerp(b, dot.phase);
            t.translation.x = p.x;
            t.translation.y = p.y;
        }
    }
}

fn on_mood(ev: On<MoodChanged>, mut commands: Commands, still: Option<Res<ReducedMotion>>) {
    if !still.is_some_and(|s| s.0) {
        commands.entity(ev.entity).insert(Pulse::new());
    }
}

/// A copy of the leaver's token drifts down and fades; the seat redraws as it is now.
fn on_left(
    ev: On<PersonLeft>,
    mut commands: Commands,
    tokens: Query<(&Token, &Transform)>,
    shapes: Option<Res<Shapes>>,
    still: Option<Res<ReducedMotion>>,
) {
    // With reduced motion the seat simply redraws as it is now.
    if still.is_some_and(|s| s.0) {
        return;
    }
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
        Leaving::new(),
        Transform::from_xyz(node.x, node.y, 0.8),
        Visibility::default(),
        RenderLayers::layer(WORLD_LAYER),
        DespawnOnExit(Screen::Play),
    ));
    draw(&mut ghost, &node, &shapes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::ecs::system::RunSystemOnce;

    /// Moves the clock a tenth of a second and runs `system` once, `frames` times.
    fn run_frames<M>(world: &mut World, frames: usize, system: impl IntoSystem<(), (), M> + Copy) {
        for _ in 0..frames {
            world
                .resource_mut::<Time>()
                .advance_by(Duration::from_millis(100));
            world.run_system_once(system).unwrap();
        }
    }

    #[test]
    fn with_reduced_motion_a_mood_change_does_not_pulse_and_a_leaver_leaves_no_ghost() {
        for (still, pulses) in [(false, true), (true, false)] {
            let mut world = World::new();
            world.insert_resource(ReducedMotion(still));
            world.add_observer(on_mood);
            let token = world.spawn(Transform::default()).id();
            world.trigger(MoodChanged { entity: token });
            world.flush();
            assert_eq!(
                world.get::<Pulse>(token).is_some(),
                pulses,
                "still: {still}"
            );
        }
    }

    #[test]
    fn pulses_arrivals_and_leavers_take_their_time_then_end() {
        let mut world = World::new();
        world.init_resource::<Time>();
        let hire = world.spawn((Arriving::new(), Transform::default())).id();
        let ghost = world.spawn((Leaving::new(), Transform::default())).id();

        // A new hire grows for 0.8 s, then sits at full size.
        run_frames(&mut world, 4, arrive);
        let half = world.get::<Transform>(hire).unwrap().scale.x;
        assert!((half - 0.5).abs() < 0.01, "half way: {half}");
        run_frames(&mut world, 4, arrive);
        assert!(world.get::<Arriving>(hire).is_none());
        assert_eq!(world.get::<Transform>(hire).unwrap().scale, Vec3::ONE);

        // A leaver's ghost drifts down for 1.6 s, then goes.
        run_frames(&mut world, 15, leave);
        let t = world.get::<Transform>(ghost).unwrap();
        assert!(t.translation.y < -59.0 && t.scale.x < 0.1, "{t:?}");
        run_frames(&mut world, 1, leave);
        assert!(world.get_entity(ghost).is_err());

        // A changed mood swells the badge for 0.7 s, then leaves it at its size.
        let token = world.spawn(Pulse::new()).id();
        let badge = world
            .spawn((
                Badge,
                Transform::from_scale(Vec3::splat(8.0)),
                ChildOf(token),
            ))
            .id();
        run_frames(&mut world, 1, pulse);
        assert!(world.get::<Transform>(badge).unwrap().scale.x > 8.5);
        run_frames(&mut world, 6, pulse);
        assert!(world.get::<Pulse>(token).is_none());
        assert_eq!(
            world.get::<Transform>(badge).unwrap().scale,
            Vec3::splat(8.0)
        );
    }
}
