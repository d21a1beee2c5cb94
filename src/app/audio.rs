//! Sound: synthesised UI sounds and a calm music loop, at the volumes of the settings.
//! Only added with a window; with no sound device Bevy plays nothing and logs a warning,
//! and the effects it could not play are dropped.

use super::player_settings::PlayerSettings;
use super::session::{Command, Session, WeekPlayed};
use crate::synth;
use bevy::audio::Volume;
use bevy::prelude::*;

#[derive(Resource)]
struct Sounds {
    click: Handle<AudioSource>,
    rise: Handle<AudioSource>,
    fall: Handle<AudioSource>,
    alert: Handle<AudioSource>,
}

#[derive(Component)]
struct Music;

/// A sound effect not yet playing. With no sound device Bevy never plays it (nor despawns
/// it): after `UNPLAYED` it is dropped, or every click would leave an entity behind.
#[derive(Component)]
struct Effect(Timer);

const UNPLAYED: std::time::Duration = std::time::Duration::from_secs(5);

pub fn plugin(app: &mut App) {
    app.add_systems(Startup, setup)
        .add_systems(
            Update,
            (on_commands, on_week)
                .run_if(resource_exists::<Sounds>)
                .in_set(crate::app::AppSystems::React),
        )
        .add_systems(
            Update,
            music_volume.run_if(resource_changed::<PlayerSettings>),
        )
        .add_systems(Update, drop_unplayed);
}

fn source(sources: &mut Assets<AudioSource>, samples: &[f32]) -> Handle<AudioSource> {
    sources.add(AudioSource {
        bytes: synth::wav(samples).into(),
    })
}

fn setup(
    mut commands: Commands,
    mut sources: ResMut<Assets<AudioSource>>,
    settings: Res<PlayerSettings>,
) {
    let sounds = Sounds {
        click: source(&mut sources, &synth::click()),
        rise: source(&mut sources, &synth::chime(true)),
        fall: source(&mut sources, &synth::chime(false)),
        alert: source(&mut sources, &synth::alert()),
    };
    let music = source(&mut sources, &synth::music());
    commands.spawn((
        Music,
        AudioPlayer::new(music),
        PlaybackSettings::LOOP.with_volume(Volume::Linear(settings.settings.music_volume)),
    ));
    commands.insert_resource(sounds);
}

fn play(commands: &mut Commands, sound: &Handle<AudioSource>, settings: &PlayerSettings) {
    let volume = settings.settings.effects_volume;
    if volume > 0.0 {
        commands.spawn((
            AudioPlayer::new(sound.clone()),
            PlaybackSettings::DESPAWN.with_volume(Volume::Linear(volume)),
            Effect(Timer::new(UNPLAYED, TimerMode::Once)),
        ));
    }
}

/// A soft click for each thing the player does to the plan or a card.
fn on_commands(
    mut commands: Commands,
    mut reader: MessageReader<Command>,
    sounds: Res<Sounds>,
    settings: Res<PlayerSettings>,
) {
    let acted = reader.read().any(|c| {
        matches!(
            c,
            Command::Choose { .. } | Command::KeepLastPlan | Command::SetShare(_)
        )
    });
    if acted {
        play(&mut commands, &sounds.click, &settings);
    }
}

/// A chime when a week ends (rising if delivery and morale went up), and an alert when
/// the coming week brings a decision.
fn on_week(
    mut commands: Commands,
    mut reader: MessageReader<WeekPlayed>,
    sounds: Res<Sounds>,
    settings: Res<PlayerSettings>,
    session: Option<Res<Session>>,
) {
    if reader.read().last().is_none() {
        return;
    }
    let Some(session) = session else { return };
    let h = &session.sim.state.history;
    let rose = match h.len() {
        0 | 1 => true,
        n => {
            h[n - 1].metrics.morale + h[n - 1].metrics.delivery
                >= h[n - 2].metrics.morale + h[n - 2].metrics.delivery
        }
    };
    play(
        &mut commands,
        if rose { &sounds.rise } else { &sounds.fall },
        &settings,
    );
    if !session.sim.is_finished() && !session.sim.dilemmas_now().is_empty() {
        play(&mut commands, &sounds.alert, &settings);
    }
}

/// Effects that never started playing are dropped; a playing one despawns when it ends.
fn drop_unplayed(
    mut commands: Commands,
    time: Res<Time>,
    mut effects: Query<(Entity, &mut Effect), Without<AudioSink>>,
) {
    for (entity, mut effect) in &mut effects {
        if effect.0.tick(time.delta()).is_finished() {
            commands.entity(entity).despawn();
        }
    }
}

fn music_volume(settings: Res<PlayerSettings>, mut music: Query<&mut AudioSink, With<Music>>) {
    for mut sink in &mut music {
        sink.set_volume(Volume::Linear(settings.settings.music_volume));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::ecs::system::RunSystemOnce;

    #[test]
    fn an_effect_that_never_plays_is_dropped_after_five_seconds() {
        let mut world = World::new();
        world.init_resource::<Time>();
        let effect = world
            .spawn(Effect(Timer::new(UNPLAYED, TimerMode::Once)))
            .id();
        for (seconds, there) in [(4, true), (1, false)] {
            world
                .resource_mut::<Time>()
                .advance_by(std::time::Duration::from_secs(seconds));
            world.run_system_once(drop_unplayed).unwrap();
            assert_eq!(
                world.get_entity(effect).is_ok(),
                there,
                "after +{seconds} s"
            );
        }
    }
}
