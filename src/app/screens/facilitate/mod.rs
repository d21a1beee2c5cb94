//! The facilitator's projector view: pick a level, a difficulty and a seed, show the class
//! code large, run a round timer every team can read from the back of the room, reveal the
//! level's best band after the round, and end on its questions. Offline, teams pick
//! announced events from their menu; hosted on the LAN (`app::lan`), the clock, the pause
//! and the events reach every team's game, and the host shows each team's progress.

mod projector;
mod setup;

use super::compare::CompareState;
use super::{Catalog, Screen};
use crate::app::AppSystems;
use crate::app::band::BandSweep;
use crate::app::keys::{self, facilitate as binds};
use crate::app::lan::{self, LanHost};
use crate::app::player_settings::PlayerSettings;
use crate::app::session::SaveDir;
use crate::app::ui::style;
use crate::class::ClassCode;
use crate::class::room::Clock;
use crate::t;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::CustomEvent;
use sim::Effect;
use sim::whatif::Band;
use sim::{Difficulty, Level};
use std::sync::Arc;

#[derive(Resource)]
pub struct Facilitation {
    /// Index into the catalog's playable levels.
    pub level: usize,
    pub difficulty: Difficulty,
    pub seed: u64,
    /// The round clock of an offline class (a hosted class runs the room's).
    pub clock: Clock,
    pub band: Option<Band>,
    pending: Option<BandSweep>,
    pub questions: bool,
    /// The deck event shown to the class, by index.
    pub announced: Option<usize>,
    pub custom: CustomForm,
    /// Why hosting could not start.
    pub hosting_error: Option<String>,
    /// A field of the screen has the keyboard: letters typed there are not shortcuts.
    typing: bool,
}

impl Default for Facilitation {
    fn default() -> Self {
        Facilitation {
            level: 0,
            difficulty: Difficulty::Normal,
            seed: 1,
            clock: Clock::new(1, 90),
            band: None,
            pending: None,
            questions: false,
            announced: None,
            custom: CustomForm::default(),
            hosting_error: None,
            typing: false,
        }
    }
}

/// The facilitator's own event, as typed (LAN classes).
#[derive(Clone, Debug, Default)]
pub struct CustomForm {
    pub title: String,
    pub text: String,
    /// Points (−20..20) of morale, trust and alignment for everyone.
    pub morale: i32,
    pub trust: i32,
    pub alignment: i32,
    /// Person-weeks of unplanned work, due two weeks after it happens.
    pub work: u32,
    /// What the last announcement did, for the facilitator.
    pub said: Option<Result<String, crate::class::room::AnnounceError>>,
    /// The last one announced, shown to the class.
    pub shown: Option<CustomEvent>,
}

impl CustomForm {
    pub fn event(&self) -> CustomEvent {
        let mut effects = Vec::new();
        let points = |p: i32| f64::from(p.clamp(-20, 20)) / 100.0;
        if self.morale != 0 {
            effects.push(Effect::Morale(points(self.morale)));
        }
        if self.trust != 0 {
            effects.push(Effect::Trust(points(self.trust)));
        }
        if self.alignment != 0 {
            effects.push(Effect::Alignment(points(self.alignment)));
        }
        if self.work > 0 {
            effects.push(Effect::ExtraWork {
                effort: f64::from(self.work.min(20)),
                due_in: 2,
            });
        }
        CustomEvent {
            title: self.title.trim().to_string(),
            text: self.text.trim().to_string(),
            effects,
        }
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<Facilitation>()
        .add_systems(
            Update,
            (
                tick.in_set(AppSystems::TickTimers),
                facilitate_keys.in_set(AppSystems::RecordInput),
            )
                .run_if(in_state(Screen::Facilitate)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            facilitate_ui.run_if(in_state(Screen::Facilitate)),
        );
}

fn levels(catalog: &Catalog) -> Vec<&Level> {
    catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .collect()
}

/// The level chosen on the projector (the last, if the catalogue shrank under the choice).
fn chosen<'a>(all: &[&'a Level], f: &Facilitation) -> Option<&'a Level> {
    all.get(f.level.min(all.len().saturating_sub(1))).copied()
}

fn tick(
    time: Res<Time>,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    host: Option<Res<LanHost>>,
) {
    let weeks = levels(&catalog).get(f.level).map_or(1, |l| l.weeks);
    f.clock.weeks = weeks;
    // A hosted class runs the room's clock (`lan::host`).
    if host.is_none() {
        f.clock.tick(time.delta_secs());
    }
    let arrived = f.pending.as_mut().and_then(BandSweep::poll);
    if let Some(b) = arrived {
        f.band = Some(b);
        f.pending = None;
    }
}

fn big(text: impl Into<String>, size: f32) -> egui::RichText {
    egui::RichText::new(text)
        .size(size)
        .color(style::pal().text)
}

/// Where a hosted class's results go, and the compare screen they open in.
#[derive(SystemParam)]
struct Folders<'w> {
    settings: Res<'w, PlayerSettings>,
    data: Res<'w, SaveDir>,
    compare: ResMut<'w, CompareState>,
}

/// What the facilitator asked of the LAN this frame.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hosting {
    Keep,
    Start,
    Stop,
}

/// The projector's keys, in `Update` so that they work (and are tested) without the UI.
fn facilitate_keys(
    keys: Res<ButtonInput<KeyCode>>,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    mut host: Option<ResMut<LanHost>>,
    mut compare: ResMut<CompareState>,
    mut next: ResMut<NextState<Screen>>,
) {
    // Keys typed into a field (an event's title) are not shortcuts; Esc there only leaves
    // the field (egui lets go of it), and the next Esc leaves the screen.
    if f.typing {
        return;
    }
    if binds::BACK.pressed(&keys) {
        next.set(Screen::Title);
        return;
    }
    let f = &mut *f;
    // A hosted class runs the room's clock.
    let clock = match host.as_deref_mut() {
        Some(h) => &mut h.room.clock,
        None => &mut f.clock,
    };
    if binds::CLOCK.pressed(&keys) {
        clock.running = !clock.running;
    }
    if binds::NEXT_WEEK.pressed(&keys) && !clock.over {
        clock.next_week();
    }
    if binds::MORE_TIME.pressed(&keys) {
        clock.add_time(MORE_TIME);
    }
    if binds::QUESTIONS.pressed(&keys) {
        f.questions = !f.questions;
    }
    if binds::REVEAL.pressed(&keys)
        && let Some(level) = chosen(&levels(&catalog), f)
    {
        let difficulty = host
            .as_ref()
            .map_or(f.difficulty, |h| h.room.code.difficulty);
        reveal_band(f, level, difficulty);
    }
    if binds::COMPARE.pressed(&keys) {
        open_compare(host.as_deref(), &mut compare, &mut next);
    }
}

/// Seconds the facilitator's "more time" gives the class's week.
pub const MORE_TIME: u32 = 30;

/// Starts the sweep of the best band, once.
fn reveal_band(f: &mut Facilitation, level: &Level, difficulty: Difficulty) {
    if f.band.is_none() && f.pending.is_none() {
        f.pending = Some(BandSweep::start(Arc::new(level.at(difficulty))));
    }
}

/// The compare screen; a hosted class compares the host's own verified results.
fn open_compare(room: Option<&LanHost>, compare: &mut CompareState, next: &mut NextState<Screen>) {
    if let Some(h) = room {
        compare.folder = h.folder.display().to_string();
    }
    next.set(Screen::Compare);
}

fn facilitate_ui(
    mut contexts: EguiContexts,
    catalog: Res<Catalog>,
    mut f: ResMut<Facilitation>,
    mut host: Option<ResMut<LanHost>>,
    mut folders: Folders,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let all = levels(&catalog);
    let Some(level) = chosen(&all, &f) else {
        next.set(Screen::Title);
        return Ok(());
    };
    // Letters typed into a field (an event's title) are not shortcuts.
    f.typing = ctx.egui_wants_keyboard_input();
    let f = &mut *f;
    let mut room: Option<&mut LanHost> = host.as_deref_mut();
    // A hosted class's code and clock are the room's; the setup is locked while hosting.
    let code = room.as_ref().map_or_else(
        || ClassCode::new(level, f.difficulty, f.seed),
        |h| h.room.code,
    );
    let mut clock = room
        .as_ref()
        .map_or_else(|| f.clock.clone(), |h| h.room.clock.clone());
    let clock = &mut clock;
    let mut root = style::root(ctx, "facilitate");
    egui::Panel::bottom("facilitate_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("facilitate-actions"));
            ui.horizontal(|ui| {
                if ui.button(big(t!("back"), 18.0)).clicked() {
                    next.set(Screen::Title);
                }
                if ui.button(big(t!("facilitate-compare"), 18.0)).clicked() {
                    open_compare(room.as_deref(), &mut folders.compare, &mut next);
                }
                ui.label(style::muted(keys::hint(&binds::ALL)));
            });
        });
    let hosting = egui::Panel::left("facilitate_setup")
        .frame(style::frame())
        .exact_size(380.0)
        .show(&mut root, |ui| {
            style::region(ui, &t!("facilitate-setup"));
            egui::ScrollArea::vertical()
                .show(ui, |ui| setup::setup(ui, f, &mut room, &all, &code, clock))
                .inner
        })
        .inner;
    let (reveal, free) = egui::CentralPanel::default()
        .frame(style::frame().inner_margin(28.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("facilitate-projector"));
            projector::projector(ui, f, room.as_deref(), level, clock)
        })
        .inner;
    if reveal {
        reveal_band(f, level, code.difficulty);
    }
    if let (Some(h), Some(team)) = (room.as_deref_mut(), free) {
        h.room.free_seat(&team);
    }
    match room {
        Some(h) => h.room.clock = clock.clone(),
        None => f.clock = clock.clone(),
    }
    let results_dir = folders.settings.settings.results_dir(&folders.data.0);
    match hosting {
        Hosting::Keep => {}
        Hosting::Stop => {
            commands.queue(lan::stop);
            f.hosting_error = None;
        }
        Hosting::Start => start_hosting(&mut commands, f, code, level, &results_dir),
    }
    Ok(())
}

fn start_hosting(
    commands: &mut Commands,
    f: &mut Facilitation,
    code: ClassCode,
    level: &Level,
    results_dir: &std::path::Path,
) {
    let (room, said, lan_folder) = lan::room_for(
        code,
        level,
        f.clock.seconds_per_week,
        results_dir,
        web_time::SystemTime::now(),
    );
    f.custom.said = said.map(Ok);
    let bind = std::net::SocketAddr::from(([0, 0, 0, 0], lan::PORT));
    f.hosting_error = None;
    commands.queue(move |world: &mut World| {
        let error = lan::host(world, room, bind, lan_folder)
            .err()
            .map(|e| e.to_string());
        world.resource_mut::<Facilitation>().hosting_error = error;
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_makes_a_bounded_event_with_only_the_effects_set() {
        let form = CustomForm {
            title: "  The CEO visits ".into(),
            morale: -50,
            work: 3,
            ..CustomForm::default()
        };
        let e = form.event();
        assert_eq!(e.title, "The CEO visits");
        assert_eq!(
            e.effects,
            vec![
                Effect::Morale(-0.2),
                Effect::ExtraWork {
                    effort: 3.0,
                    due_in: 2
                }
            ]
        );
    }
}
