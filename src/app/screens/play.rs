//! The play screen: the week's plan on the left, the team in the middle (trees or
//! forest), the metrics and their causes on the right, the log and warnings below.
//! Everything the player does becomes a `session::Command`.

use super::Screen;
use crate::app::keys::play as binds;
use crate::app::lan::{LanTeam, Link};
use crate::app::player_settings::PlayerSettings;
use crate::app::session::{Command, Session, WeekPlayed};
use crate::app::ui::hud::Metric;
use crate::app::ui::{causes, charts, dilemma, hud, log, plan, style, team, tutorial};
use crate::app::view::layout::{self, Key};
use crate::app::view::{Hovered, WorldRect};
use crate::store::settings::Speed;
use bevy::input::keyboard::Key as Typed;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use sim::whatif::{ChoiceEffect, choice_effects, preview};
use sim::{Activity, Metrics, Plan, WeekReport};

/// Height of the log and warnings panel under the team view, in points.
const LOG_HEIGHT: f32 = 170.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Trees,
    Forest,
}

/// What the play screen shows; none of it is part of the run.
#[derive(Resource, Default)]
pub struct PlayUi {
    pub selected: usize,
    pub view: View,
    pub causes: Option<Metric>,
    pub help: bool,
    pub paused: bool,
    pub filter: log::Filter,
    pub charts: bool,
    /// The week that just ended, shown for a moment: (text, seconds left).
    pub banner: Option<(String, f32)>,
    /// The team opened in the trees view of a large organisation.
    pub focus: Option<usize>,
    /// Turn mode, or how fast weeks pass in continuous mode.
    pub speed: Speed,
    /// Seconds of the current week elapsed in continuous mode.
    pub elapsed: f32,
    /// The continuous speed Space stopped, which it starts again.
    pub stopped_at: Option<Speed>,
    /// The metrics as the run began ((level id, seed) → metrics): week 1's change is
    /// against them.
    start: Option<((String, u64), Metrics)>,
    /// "Restart this level" was pressed once: the pause menu asks before it throws the run away.
    pub confirm_restart: bool,
    /// (week, plan) → the likely week, recomputed only when either changes.
    preview: Option<(u32, Plan, WeekReport)>,
    /// (week, plan, dilemma) → each choice's likely effect (easy difficulty only).
    choice_effects: Option<(u32, Plan, String, Vec<ChoiceEffect>)>,
    /// Tutorial steps the player has closed.
    pub tutorial_closed: Vec<usize>,
}

pub fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Play),
        |mut commands: Commands, settings: Res<PlayerSettings>, session: Option<Res<Session>>| {
            // A run picked up again does not show the guide cards of weeks already played.
            let tutorial_closed = session.map_or_else(Vec::new, |s| {
                let week = s.sim.next_week();
                (0..s.sim.level.tutorial.len())
                    .filter(|i| s.sim.level.tutorial[*i].week < week)
                    .collect()
            });
            commands.insert_resource(PlayUi {
                speed: settings.settings.default_speed,
                tutorial_closed,
                ..PlayUi::default()
            })
        },
    )
    .add_systems(
        Update,
        (keyboard, advance, banner)
            .run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
    )
    .add_systems(
        EguiPrimaryContextPass,
        play_ui.run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
    );
}

fn keyboard(
    keys: Res<ButtonInput<KeyCode>>,
    typed: Option<Res<ButtonInput<Typed>>>,
    session: Res<Session>,
    mut ui: ResMut<PlayUi>,
    mut out: MessageWriter<Command>,
) {
    if binds::MENU.pressed(&keys) {
        // Esc closes what is open over the play screen first; only then the menu.
        if ui.causes.is_some() || ui.help || ui.charts {
            ui.causes = None;
            ui.help = false;
            ui.charts = false;
        } else {
            ui.paused = !ui.paused;
            ui.confirm_restart = false;
        }
    }
    let shift = keys.pressed(KeyCode::ShiftLeft) || keys.pressed(KeyCode::ShiftRight);
    // "?" as typed, whatever the layout puts it on, or F1.
    let question = typed
        .as_ref()
        .is_some_and(|t| t.just_pressed(Typed::Character("?".into())));
    if question || binds::HELP.pressed(&keys) {
        ui.help = !ui.help;
    }
    if ui.paused || !session.open_dilemmas().is_empty() {
        return;
    }
    // The open tutorial card answers to G (got it) and T (try its split), as its buttons do.
    let sim = &session.sim;
    if let Some(i) = tutorial::current(&sim.level.tutorial, sim.next_week(), &ui.tutorial_closed)
        && !sim.is_finished()
    {
        if binds::GOT_IT.pressed(&keys) {
            ui.tutorial_closed.push(i);
        } else if binds::TRY_IT.pressed(&keys)
            && let Some(share) = sim.level.tutorial[i].try_share
        {
            out.write(Command::SetShare(share));
            ui.tutorial_closed.push(i);
        }
    }
    let n = Activity::ALL.len();
    if binds::DOWN.pressed(&keys) {
        ui.selected = (ui.selected + 1) % n;
    }
    if binds::UP.pressed(&keys) {
        ui.selected = (ui.selected + n - 1) % n;
    }
    let a = Activity::ALL[ui.selected];
    let step = if shift { 4.0 } else { 1.0 };
    if binds::MORE.pressed(&keys) {
        out.write(Command::SetHours(a, session.draft.get(a) + step));
    }
    if binds::LESS.pressed(&keys) {
        out.write(Command::SetHours(a, session.draft.get(a) - step));
    }
    if binds::KEEP_PLAN.pressed(&keys) {
        out.write(Command::KeepLastPlan);
    }
    if binds::CHARTS.pressed(&keys) {
        ui.charts = !ui.charts;
    }
    if binds::CLOCK.pressed(&keys) {
        // In continuous mode Space pauses time; in turn mode it starts the clock.
        if ui.speed == Speed::Turns {
            ui.speed = ui.stopped_at.take().unwrap_or(Speed::Normal);
        } else {
            ui.stopped_at = Some(ui.speed);
            ui.speed = Speed::Turns;
        }
        ui.elapsed = 0.0;
    }
    // Without a mouse: O opens the next team at this level of a large organisation, I goes
    // into the open team's first team, Backspace goes back up.
    for (key, step) in [
        (binds::NEXT_TEAM, layout::Drill::Next),
        (binds::INTO_TEAM, layout::Drill::Into),
        (binds::UP_TEAM, layout::Drill::Up),
    ] {
        if key.pressed(&keys) {
            ui.focus = layout::drill(&session.sim.state.org, ui.focus, step);
        }
    }
    if binds::VIEW.pressed(&keys) {
        ui.view = if ui.view == View::Trees {
            View::Forest
        } else {
            View::Trees
        };
    }
    if binds::END_WEEK.pressed(&keys) {
        out.write(Command::EndWeek);
    }
}

/// A short banner when a week ends, fading out: the week's turn is felt, not only counted.
fn banner(
    time: Res<Time>,
    session: Res<Session>,
    mut played: MessageReader<WeekPlayed>,
    mut ui: ResMut<PlayUi>,
) {
    if let Some(p) = played.read().last()
        && let Some(w) = session.sim.state.history.last()
    {
        let before = session
            .sim
            .state
            .history
            .len()
            .checked_sub(2)
            .map(|i| session.sim.state.history[i].metrics.clone());
        // Points, rounded; a change that rounds to nothing is said as ±0, never -0.
        let change = |now: f64, then: Option<f64>| {
            then.map_or(String::new(), |t| match ((now - t) * 100.0).round() {
                0.0 => " (±0)".to_string(),
                d => format!(" ({d:+.0})"),
            })
        };
        let text = format!(
            "Week {} done · morale {:.0}%{} · delivery {:.0}%{}",
            p.week,
            w.metrics.morale * 100.0,
            change(w.metrics.morale, before.as_ref().map(|b| b.morale)),
            w.metrics.delivery * 100.0,
            change(w.metrics.delivery, before.as_ref().map(|b| b.delivery)),
        );
        ui.banner = Some((text, BANNER_SECONDS));
    }
    if let Some((_, left)) = &mut ui.banner {
        *left -= time.delta_secs();
        if *left <= 0.0 {
            ui.banner = None;
        }
    }
}

const BANNER_SECONDS: f32 = 2.5;

/// Continuous mode: the week ends by itself when its time is up, unless the game is
/// paused, a window is open or a decision is waiting.
fn advance(
    time: Res<Time>,
    session: Res<Session>,
    mut ui: ResMut<PlayUi>,
    mut out: MessageWriter<Command>,
) {
    let Some(total) = ui.speed.seconds_per_week() else {
        return;
    };
    if ui.paused || ui.help || !session.open_dilemmas().is_empty() || session.sim.is_finished() {
        return;
    }
    ui.elapsed += time.delta_secs();
    if ui.elapsed >= total {
        ui.elapsed = 0.0;
        out.write(Command::EndWeek);
    }
}

/// A LAN class: the link, the class's week and countdown, what was announced, and why a
/// week cannot end yet.
fn class_bar(ui: &mut egui::Ui, session: &Session, lan: &LanTeam) {
    ui.horizontal_wrapped(|ui| {
        let (text, color) = match &lan.link {
            Link::Seated => (format!("Class {} at {}", lan.code, lan.host), style::FOREST),
            Link::Connecting | Link::Greeting => (
                format!("Joining the class at {}...", lan.host),
                style::MUTED,
            ),
            Link::Lost(why) => (
                format!(
                    "Not connected to {} ({why}): trying again; you can keep planning",
                    lan.host
                ),
                style::WARN,
            ),
            Link::Refused(why) => (
                format!("Your facilitator's computer refused: {why}"),
                style::BAD,
            ),
        };
        ui.label(egui::RichText::new(text).color(color));
        if let Some(class) = &session.lan {
            let c = &class.clock;
            let clock = if c.over {
                "time is up: finish your weeks".to_string()
            } else if !c.started() {
                "waiting for your facilitator to start".to_string()
            } else if !c.running {
                format!("class week {} of {}, paused", c.week, c.weeks)
            } else {
                let left = c.left();
                let mine = session.sim.next_week();
                // A team that is ahead waits for the class: say when its week opens.
                let tail = if mine > c.week && !session.sim.is_finished() {
                    format!("your week {mine} opens in {}:{:02}", left / 60, left % 60)
                } else {
                    format!("{}:{:02} left", left / 60, left % 60)
                };
                format!("class week {} of {} · {tail}", c.week, c.weeks)
            };
            ui.label(egui::RichText::new(clock).strong().color(style::TREES));
            let week = session.sim.next_week();
            if let Some(a) = class.announced.get(&week).filter(|a| !a.is_empty()) {
                let mut titles: Vec<String> = a
                    .deck
                    .iter()
                    .filter_map(|id| session.sim.level.events.iter().find(|e| &e.id == id))
                    .map(|e| e.title.clone())
                    .collect();
                titles.extend(a.custom.iter().map(|e| {
                    if e.text.is_empty() {
                        e.title.clone()
                    } else {
                        format!("{} ({})", e.title, e.text)
                    }
                }));
                ui.label(
                    egui::RichText::new(format!(
                        "Announced, happens next week: {}",
                        titles.join(" · ")
                    ))
                    .color(style::TREES),
                );
            }
        }
    });
    let notices = [
        lan.notice.clone(),
        session.notice.as_ref().map(|n| n.to_string()),
    ];
    for n in notices.into_iter().flatten() {
        ui.label(egui::RichText::new(n).color(style::WARN));
    }
}

/// The mouse wheel zooms between the trees (in) and the forest (out).
#[allow(clippy::too_many_arguments)] // a Bevy system: one parameter per resource it reads
fn play_ui(
    mut contexts: EguiContexts,
    session: Res<Session>,
    mut state: ResMut<PlayUi>,
    keys: Res<ButtonInput<KeyCode>>,
    mut catalog: ResMut<super::Catalog>,
    mut world_rect: Option<ResMut<WorldRect>>,
    hovered: Option<Res<Hovered>>,
    mut out: MessageWriter<Command>,
    mut next: ResMut<NextState<Screen>>,
    lan: Option<Res<LanTeam>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Tab is the game's key for the view here, not egui's focus move: a focused button
    // would take the next Enter, which ends the week, as a click too.
    ctx.input_mut(|i| {
        i.consume_key(egui::Modifiers::NONE, egui::Key::Tab);
        i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab);
    });
    let sim = &session.sim;
    let level = &sim.level;
    let budget = sim.budget();
    let now = sim.metrics();
    // After week 1 the change is against the team as the level starts, kept once a run.
    let run = (level.id.clone(), sim.seed);
    if state.start.as_ref().is_none_or(|(r, _)| *r != run) {
        let start = sim::Sim::new(level.clone(), sim.seed).metrics();
        state.start = Some((run, start));
    }
    let before: Option<Metrics> = match sim.state.history.len() {
        0 => None,
        1 => state.start.as_ref().map(|(_, m)| m.clone()),
        n => Some(sim.state.history[n - 2].metrics.clone()),
    };
    let week = sim.next_week().min(level.weeks);
    let stale = state
        .preview
        .as_ref()
        .is_none_or(|(w, p, _)| *w != week || *p != session.draft);
    let foresee = level.difficulty.shows_preview();
    if stale && !sim.is_finished() && foresee {
        state.preview = preview(sim, &session.draft).map(|r| (week, session.draft, r));
    }
    let mut root = style::root(ctx, "play");

    egui::Panel::top("play_top")
        .frame(style::frame().inner_margin(10.0))
        .show(&mut root, |ui| {
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(&level.title)
                        .size(22.0)
                        .color(style::FOREST)
                        .strong(),
                );
                ui.label(style::body(format!(
                    "{} · week {week} of {} · {budget:.0} h this week",
                    level.role.label(),
                    level.weeks
                )));
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Menu (Esc)").clicked() {
                        state.paused = true;
                    }
                    if ui.button("Keys (?)").clicked() {
                        state.help = !state.help;
                    }
                    if ui.button("Charts (C)").clicked() {
                        state.charts = !state.charts;
                    }
                    let mut speed = state.speed;
                    egui::ComboBox::from_id_salt("speed")
                        .selected_text(speed.label())
                        .show_ui(ui, |ui| {
                            for s in Speed::ALL {
                                ui.selectable_value(&mut speed, s, s.label());
                            }
                        });
                    if speed != state.speed {
                        state.speed = speed;
                        state.elapsed = 0.0;
                    }
                    if let Some(total) = state.speed.seconds_per_week() {
                        let left = (total - state.elapsed).max(0.0);
                        ui.add(
                            egui::ProgressBar::new(state.elapsed / total)
                                .desired_width(90.0)
                                .text(format!("{left:.0} s")),
                        );
                    }
                    // A LAN class's clock says when a week may end.
                    let held = session
                        .lan
                        .as_ref()
                        .and_then(|c| c.clock.may_play(sim.next_week()).err());
                    let end = ui.add_enabled(
                        session.open_dilemmas().is_empty() && held.is_none(),
                        egui::Button::new(
                            egui::RichText::new("End week (Enter)").size(17.0).strong(),
                        ),
                    );
                    let end = match &held {
                        Some(why) => end.on_disabled_hover_text(format!("Not yet: {why}")),
                        None => end,
                    };
                    if end.clicked() {
                        out.write(Command::EndWeek);
                    }
                    if ui
                        .add_enabled(
                            !session.decisions.is_empty(),
                            egui::Button::new("Keep last plan (K)"),
                        )
                        .clicked()
                    {
                        out.write(Command::KeepLastPlan);
                    }
                });
            });
            if let Some(e) = &session.save_error {
                ui.label(egui::RichText::new(e).color(style::WARN));
            }
            // A row of its own: beside the title the toolbar would cover it.
            let scrutiny = sim.scrutiny_hours();
            if scrutiny >= 0.5 && !sim.is_finished() {
                ui.label(
                    style::body(format!(
                        "Status reports for {} take {scrutiny:.0} h of this week: their confidence in you is {:.0}%",
                        level.role.above(),
                        sim.state.confidence * 100.0
                    ))
                    .color(style::WARN),
                );
            }
            if let Some(lan) = &lan {
                class_bar(ui, &session, lan);
            }
            if !session.inject.is_empty() && session.lan.is_none() {
                let titles: Vec<&str> = session
                    .inject
                    .iter()
                    .filter_map(|id| level.events.iter().find(|e| &e.id == id))
                    .map(|e| e.title.as_str())
                    .collect();
                ui.label(
                    egui::RichText::new(format!("Announced for next week: {}", titles.join(" · ")))
                        .color(style::TREES),
                );
            }
        });
    egui::Panel::left("play_plan")
        .frame(style::frame())
        .exact_size(430.0)
        .show(&mut root, |ui| {
            let pv = state
                .preview
                .as_ref()
                .filter(|_| foresee)
                .map(|(_, _, r)| (r, &now));
            let deductions = sim.budget_deductions();
            for c in plan::show(ui, &session.draft, budget, &deductions, state.selected, pv) {
                out.write(c);
            }
            if !foresee {
                ui.label(style::muted(
                    "Hard: what the plan does stays hidden until the week is played.",
                ));
            }
        });
    egui::Panel::right("play_hud")
        .frame(style::frame())
        .exact_size(300.0)
        .show(&mut root, |ui| {
            if let Some(m) = hud::show(ui, &now, before.as_ref(), &sim.state.history) {
                state.causes = Some(m);
            }
        });
    // A fixed height the log's lists scroll within: sized to its content, the panel grew
    // past the window's bottom edge and cut the newest lines.
    egui::Panel::bottom("play_log")
        .frame(style::frame())
        .exact_size(LOG_HEIGHT)
        .show(&mut root, |ui| {
            let warnings = log::warnings(sim);
            let mut filter = state.filter;
            log::show(ui, level, &sim.state.history, &mut filter, &warnings);
            state.filter = filter;
        });
    let central = egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            // Wrapped: at a large interface scale the hint goes to a second line instead of
            // under the team panel.
            ui.horizontal_wrapped(|ui| {
                if ui
                    .selectable_label(state.view == View::Trees, "Trees: people and work")
                    .clicked()
                {
                    state.view = View::Trees;
                }
                if ui
                    .selectable_label(state.view == View::Forest, "Forest: goals and vision")
                    .clicked()
                {
                    state.view = View::Forest;
                }
                ui.label(style::muted("Tab: switch · wheel: 5% of the week a notch"))
                    .on_hover_text(
                        "Zooming is deciding: each notch of the mouse wheel over the team \
                         moves 5% of the week's hours toward the trees (in) or the forest \
                         (out), keeping your mix within each family, and the view follows.",
                    );
            });
            if let Some(m) = state.focus {
                ui.horizontal(|ui| {
                    let name = sim.state.org.seats[m]
                        .person
                        .as_ref()
                        .map_or("an empty seat", |p| p.name.as_str());
                    ui.label(style::body(format!("Inside the team of {name}")));
                    if ui.small_button("Back to your direct reports").clicked() {
                        state.focus = None;
                    }
                });
            }
            ui.separator();
            // The organisation is drawn in the 2D world here; the strip below it holds the
            // work (trees) or how far the vision has reached (forest).
            let strip = 150.0;
            let size = egui::vec2(
                ui.available_width(),
                (ui.available_height() - strip).max(60.0),
            );
            let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
            let ppp = ctx.pixels_per_point();
            if let Some(world) = world_rect.as_deref_mut() {
                let r = [
                    rect.min.x * ppp,
                    rect.min.y * ppp,
                    rect.width() * ppp,
                    rect.height() * ppp,
                ];
                if world.0 != r {
                    world.0 = r;
                }
            }
            let hovered_key = hovered.as_ref().and_then(|h| h.0);
            if let Some(key) = hovered_key
                && let Some(text) = hover_text(sim, key)
            {
                let clicked = response.clicked();
                response.on_hover_text_at_pointer(text);
                if clicked
                    && let Key::Group(lead) | Key::Seat(lead) = key
                    && sim.state.org.seats[lead].leads
                    && sim.state.org.seats.len() > crate::app::view::layout::SHOW_EVERYONE
                {
                    state.focus = Some(lead);
                }
            }
            egui::ScrollArea::vertical()
                .id_salt("strip")
                .show(ui, |ui| match state.view {
                    View::Trees => team::work(ui, &sim.state.items, sim.next_week()),
                    View::Forest => {
                        // Left-aligned, not the columns' justified lines.
                        let left = egui::Layout::top_down(egui::Align::LEFT);
                        ui.columns(2, |cols| {
                            cols[0].with_layout(left, |ui| team::vision_reach(ui, &sim.state.org));
                            cols[1].with_layout(left, |ui| {
                                team::coming(ui, &sim.state.items, sim.next_week())
                            });
                        });
                    }
                });
            rect
        });

    // Zooming is deciding: over the team view, each wheel step moves five points of the
    // week's hours toward the trees (in) or the forest (out), and the view follows.
    // Raw wheel events, not the smoothed scroll, so one notch is one step.
    let wheel: f32 = ctx.input(|i| {
        i.raw
            .events
            .iter()
            .map(|e| {
                if let egui::Event::MouseWheel { delta, .. } = e {
                    delta.y
                } else {
                    0.0
                }
            })
            .sum()
    });
    let modal_open = state.paused || !session.open_dilemmas().is_empty();
    if wheel != 0.0 && !modal_open && central.response.contains_pointer() {
        let step = if wheel > 0.0 { -0.05 } else { 0.05 };
        let share = (((session.draft.vision_share() + step) * 20.0).round() / 20.0).clamp(0.0, 1.0);
        out.write(Command::Rebalance(share));
        state.view = if share > 0.5 {
            View::Forest
        } else {
            View::Trees
        };
    }

    if let Some(metric) = state.causes {
        let mut open = true;
        egui::Window::new(format!("Why did {} move?", metric.label().to_lowercase()))
            .open(&mut open)
            .collapsible(false)
            .default_width(460.0)
            .anchor(egui::Align2::RIGHT_TOP, [-320.0, 70.0])
            .show(ctx, |ui| {
                causes::show(ui, metric, &sim.state.history);
            });
        if !open {
            state.causes = None;
        }
    }
    // A tutorial card sits where the banner would: the card is what to read then.
    let guiding = tutorial::current(&level.tutorial, week, &state.tutorial_closed).is_some();
    if let Some((text, left)) = state.banner.as_ref().filter(|_| !guiding) {
        // Solid while it is read, then a short fade.
        let alpha = (left / 0.6).min(1.0);
        // Over the top of the team drawing: the work list and the log below stay readable.
        egui::Area::new(egui::Id::new("week_banner"))
            .fixed_pos(central.inner.center_top() + egui::vec2(0.0, 8.0))
            .pivot(egui::Align2::CENTER_TOP)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::NONE
                    .fill(style::PANEL.gamma_multiply(alpha))
                    .stroke(egui::Stroke::new(1.0, style::FOREST.gamma_multiply(alpha)))
                    .inner_margin(14.0)
                    .corner_radius(6.0)
                    .show(ui, |ui| {
                        // One line: a wrapped "(+1)" on its own line read as a second figure.
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(text)
                                    .size(20.0)
                                    .color(style::TEXT.gamma_multiply(alpha)),
                            )
                            .extend(),
                        )
                    });
            });
    }
    if state.charts {
        let mut open = true;
        egui::Window::new("Your team, week by week")
            .open(&mut open)
            .default_size([620.0, 320.0])
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                charts::metrics(ui, &sim.state.history, None, 260.0)
            });
        state.charts = open;
    }
    if state.help {
        egui::Window::new("Keys")
            .collapsible(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                for b in binds::ALL {
                    ui.horizontal(|ui| {
                        ui.add_sized(
                            [150.0, 18.0],
                            egui::Label::new(
                                egui::RichText::new(b.label).monospace().color(style::TREES),
                            ),
                        );
                        ui.label(style::body(b.does));
                    });
                }
            });
    }
    if let Some(d) = session.open_dilemmas().first() {
        let key = binds::CHOOSE.which(&keys).map(|i| i + 1);
        let foresight = if level.difficulty.shows_choice_effects() {
            let fresh = state
                .choice_effects
                .as_ref()
                .is_none_or(|(w, p, id, _)| *w != week || *p != session.draft || *id != d.id);
            if fresh {
                let effects = choice_effects(sim, &session.draft, &d.id, &session.choices);
                state.choice_effects = Some((week, session.draft, d.id.clone(), effects));
            }
            let effects = state.choice_effects.as_ref().map_or(&[][..], |e| &e.3[..]);
            dilemma::Foresight::Effects(effects)
        } else if level.difficulty.shows_preview() {
            dilemma::Foresight::Hints
        } else {
            dilemma::Foresight::Hidden
        };
        if let Some(choice) = dilemma::show(ctx, d, key, foresight) {
            out.write(Command::Choose {
                dilemma: d.id.clone(),
                choice,
            });
        }
    } else if let Some(i) = tutorial::current(&level.tutorial, week, &state.tutorial_closed)
        && !state.paused
        && !sim.is_finished()
    {
        match tutorial::show(ctx, &level.tutorial[i], i, level.tutorial.len()) {
            Some(tutorial::Action::Try(share)) => {
                out.write(Command::SetShare(share));
                state.tutorial_closed.push(i);
            }
            Some(tutorial::Action::Done) => state.tutorial_closed.push(i),
            None => {}
        }
    } else if state.paused {
        egui::Modal::new(egui::Id::new("pause")).show(ctx, |ui| {
            ui.label(style::heading("Paused"));
            ui.label(style::muted("Your run is saved after every week."));
            ui.add_space(8.0);
            if style::menu_button(ui, "Resume").clicked() {
                state.paused = false;
            }
            if style::menu_button(ui, "Save a copy").clicked() {
                out.write(Command::SaveCopy);
            }
            if let Some(n) = &session.notice {
                ui.label(style::muted(n.to_string()));
            }
            // Only in an offline class: in a LAN class the host's announcements arrive on
            // their own, and a run of one's own has no facilitator.
            if session.lan.is_none() && session.class.is_some() {
                egui::CollapsingHeader::new("An event your facilitator announced")
                    .id_salt("inject")
                    .show(ui, |ui| {
                        ui.label(style::muted(
                            "Pick the code on the projector: it happens next week, in every team's game alike.",
                        ));
                        for (i, e) in level.events.iter().enumerate() {
                            let on = session.inject.contains(&e.id);
                            if ui
                                .selectable_label(on, format!("E{} · {}", i + 1, e.title))
                                .clicked()
                            {
                                out.write(Command::Inject(e.id.clone()));
                            }
                        }
                    });
            }
            let mut restart = false;
            if state.confirm_restart {
                ui.label(style::body(
                    "Start this level again? The new run replaces this one's autosave: \
                     \"Save a copy\" first keeps it.",
                ));
                ui.horizontal(|ui| {
                    restart = style::menu_button(ui, "Yes, restart").clicked();
                    if style::menu_button(ui, "No").clicked() {
                        state.confirm_restart = false;
                    }
                });
            } else if style::menu_button(ui, "Restart this level").clicked() {
                state.confirm_restart = true;
            }
            if restart {
                state.confirm_restart = false;
                // From its briefing: a new run, a new seed, the difficulty chosen again.
                if level.id == "sandbox" {
                    next.set(Screen::Sandbox);
                } else {
                    if let Some(i) = catalog
                        .entries
                        .iter()
                        .position(|e| e.level.as_ref().is_ok_and(|l| l.id == level.id))
                    {
                        catalog.selected = i;
                    }
                    next.set(Screen::Briefing);
                }
            }
            if style::menu_button(ui, "Back to the title").clicked() {
                next.set(Screen::Title);
            }
        });
    }
    Ok(())
}

/// What the tooltip over a person or a team in the world says.
fn hover_text(sim: &sim::Sim, key: Key) -> Option<String> {
    let org = &sim.state.org;
    match key {
        Key::Seat(i) => Some(match &org.seats.get(i)?.person {
            Some(p) => team::person_tooltip(p),
            None => org.seats[i].hire_week.map_or("An empty seat".into(), |w| {
                format!("An empty seat: a hire arrives in week {w}")
            }),
        }),
        Key::Group(lead) => match layout::group_kind(org, lead) {
            layout::Kind::Group {
                count,
                at_risk,
                mood,
                alignment,
            } => Some(team::group_tooltip(count, at_risk, mood, alignment)),
            _ => None,
        },
        Key::Goal(g) => {
            let goal = sim.level.goals.get(g)?;
            let done = sim.state.goal_progress.get(g).copied().unwrap_or(0.0);
            Some(format!(
                "{}: {:.0}% reached ({:.1} of {:.1} aligned person-weeks)",
                goal.title,
                100.0 * (done / goal.target).min(1.0),
                done.min(goal.target),
                goal.target
            ))
        }
        Key::You => Some(format!(
            "You: {:.0} hours this week, {:.0}% on the forest",
            sim.budget(),
            sim.state
                .history
                .last()
                .map_or(50.0, |w| w.vision_share * 100.0)
        )),
    }
}
