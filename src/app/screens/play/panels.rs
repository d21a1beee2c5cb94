//! The play screen drawn: the top bar, the plan, the metrics, the log and the team, then
//! whatever is open over them.

use super::{Overlay, PlayUi, View, overlays, toolbar};
use crate::app::lan::LanTeam;
use crate::app::session::{Command, Session};
use crate::app::ui::{hud, log, plan, style, team};
use crate::app::view::layout::{self, Key};
use crate::app::view::{Hovered, WorldRect};
use crate::i18n;
use crate::t;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, egui};
use sim::Metrics;
use sim::whatif::preview;

/// Height of the log and warnings panel under the team view, in points.
const LOG_HEIGHT: f32 = 170.0;
/// Width of the metrics panel on the right, in points.
pub(crate) const HUD_WIDTH: f32 = 316.0;

/// The run and what the screen shows of it.
#[derive(SystemParam)]
pub(super) struct Screen<'w> {
    pub session: Res<'w, Session>,
    pub state: ResMut<'w, PlayUi>,
    pub overlay: Res<'w, State<Overlay>>,
    pub next_overlay: ResMut<'w, NextState<Overlay>>,
    pub keys: Res<'w, ButtonInput<KeyCode>>,
    pub out: MessageWriter<'w, Command>,
    pub still: Res<'w, crate::app::access::ReducedMotion>,
}

/// Where the 2D world is drawn and what in it is under the pointer.
#[derive(SystemParam)]
pub(super) struct World<'w> {
    rect: Option<ResMut<'w, WorldRect>>,
    hovered: Option<Res<'w, Hovered>>,
}

pub(super) fn play_ui(
    mut contexts: EguiContexts,
    mut screen: Screen,
    mut world: World,
    mut catalog: ResMut<crate::app::screens::Catalog>,
    mut next: ResMut<NextState<crate::app::screens::Screen>>,
    lan: Option<Res<LanTeam>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    refresh(&mut screen);
    let overlay = *screen.overlay.get();
    let mut root = style::root(ctx, "play");
    let Screen {
        session,
        state,
        out,
        ..
    } = &mut screen;
    let opened = egui::Panel::top("play_top")
        .frame(style::frame().inner_margin(10.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("play-region-toolbar"));
            toolbar::show(ui, session, state, overlay, lan.as_deref(), out)
        })
        .inner;
    side_panels(&mut root, &mut screen);
    let central = egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("play-region-team"));
            team_view(ui, &mut screen, &mut world)
        });
    let wheel_open = overlay.is_menu() || !screen.session.open_dilemmas().is_empty();
    if !wheel_open && central.response.contains_pointer() {
        wheel(ctx, &mut screen);
    }
    let opened = opened.or(overlays::show(
        ctx,
        &mut screen,
        central.inner,
        &mut catalog,
        &mut next,
    ));
    if let Some(o) = opened {
        screen.next_overlay.set(o);
    }
    if let Some(text) = &screen.state.last_result {
        style::status(ctx, "week_result", text);
    }
    Ok(())
}

/// The metrics as the run began, and the likely week, kept until the plan changes.
fn refresh(screen: &mut Screen) {
    let sim = &screen.session.sim;
    // After week 1 the change is against the team as the level starts, kept once a run.
    let run = (sim.level.id.clone(), sim.seed);
    if screen.state.start.as_ref().is_none_or(|(r, _)| *r != run) {
        let start = sim::Sim::new(sim.level.clone(), sim.seed).metrics();
        screen.state.start = Some((run, start));
    }
    let week = sim.next_week().min(sim.level.weeks);
    let draft = screen.session.draft;
    let stale = screen
        .state
        .preview
        .as_ref()
        .is_none_or(|(w, p, _)| *w != week || *p != draft);
    if stale && !sim.is_finished() && sim.level.difficulty.shows_preview() {
        screen.state.preview = preview(sim, &draft).map(|r| (week, draft, r));
    }
}

/// The plan on the left, the metrics on the right, the log below.
fn side_panels(root: &mut egui::Ui, screen: &mut Screen) {
    let sim = &screen.session.sim;
    let now = sim.metrics();
    let foresee = sim.level.difficulty.shows_preview();
    egui::Panel::left("play_plan")
        .frame(style::frame())
        .exact_size(430.0)
        .show(root, |ui| {
            style::region(ui, &t!("play-region-week"));
            let pv = screen
                .state
                .preview
                .as_ref()
                .filter(|_| foresee)
                .map(|(_, _, r)| (r, &now));
            let deductions = sim.budget_deductions();
            let budget = sim.budget();
            let draft = &screen.session.draft;
            for c in plan::show(ui, draft, budget, &deductions, screen.state.selected, pv) {
                screen.out.write(c);
            }
            if !foresee {
                ui.label(style::muted(t!("play-hard-hidden")));
            }
        });
    let before: Option<Metrics> = match sim.state.history.len() {
        0 => None,
        1 => screen.state.start.as_ref().map(|(_, m)| m.clone()),
        n => Some(sim.state.history[n - 2].metrics.clone()),
    };
    // Wide enough for "Confidence above" and its why? inside the frame's margin (at 300
    // the buttons ran into the window's edge); it grows to fit a language's longer names.
    egui::Panel::right("play_hud")
        .frame(style::frame())
        .resizable(false)
        .default_size(HUD_WIDTH)
        .size_range(HUD_WIDTH..=HUD_WIDTH + 140.0)
        .show(root, |ui| {
            style::region(ui, &t!("play-region-metrics"));
            if let Some(m) = hud::show(ui, &now, before.as_ref(), &sim.state.history) {
                screen.next_overlay.set(Overlay::Why(m));
            }
        });
    // A fixed height the log's lists scroll within: sized to its content, the panel grew
    // past the window's bottom edge and cut the newest lines.
    egui::Panel::bottom("play_log")
        .frame(style::frame())
        .exact_size(LOG_HEIGHT)
        .show(root, |ui| {
            style::region(ui, &t!("play-region-log"));
            let warnings = log::warnings(sim);
            log::show(
                ui,
                &sim.level,
                &sim.state.history,
                &mut screen.state.filter,
                &warnings,
            );
        });
}

/// The view switch, the team drawn in the 2D world, and the work or the vision's reach
/// under it. Returns the rect of the team view.
fn team_view(ui: &mut egui::Ui, screen: &mut Screen, world: &mut World) -> egui::Rect {
    let sim = &screen.session.sim;
    let state = &mut screen.state;
    view_switch(ui, state, sim);
    ui.separator();
    // The organisation is drawn in the 2D world here; the strip below it holds the
    // work (trees) or how far the vision has reached (forest).
    let strip = 150.0;
    let size = egui::vec2(
        ui.available_width(),
        (ui.available_height() - strip).max(60.0),
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let ppp = ui.ctx().pixels_per_point();
    if let Some(world_rect) = world.rect.as_deref_mut() {
        let r = [
            rect.min.x * ppp,
            rect.min.y * ppp,
            rect.width() * ppp,
            rect.height() * ppp,
        ];
        if world_rect.0 != r {
            world_rect.0 = r;
        }
    }
    let hovered_key = world.hovered.as_ref().and_then(|h| h.0);
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
}

/// Trees or forest, and which team of a large organisation is open.
fn view_switch(ui: &mut egui::Ui, state: &mut PlayUi, sim: &sim::Sim) {
    // Wrapped: at a large interface scale the hint goes to a second line instead of
    // under the team panel.
    ui.horizontal_wrapped(|ui| {
        if ui
            .selectable_label(state.view == View::Trees, t!("play-view-trees"))
            .clicked()
        {
            state.view = View::Trees;
        }
        if ui
            .selectable_label(state.view == View::Forest, t!("play-view-forest"))
            .clicked()
        {
            state.view = View::Forest;
        }
        ui.label(style::muted(t!("play-view-hint")))
            .on_hover_text(t!("play-view-hint-more"));
    });
    if let Some(m) = state.focus {
        ui.horizontal(|ui| {
            let inside = match &sim.state.org.seats[m].person {
                Some(p) => t!("play-inside-team", name = p.name.as_str()),
                None => t!("play-inside-empty-seat"),
            };
            ui.label(style::body(inside));
            if ui.small_button(t!("play-back-direct-reports")).clicked() {
                state.focus = None;
            }
        });
    }
}

/// Zooming is deciding: over the team view, each wheel step moves five points of the
/// week's hours toward the trees (in) or the forest (out), and the view follows.
fn wheel(ctx: &egui::Context, screen: &mut Screen) {
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
    if wheel == 0.0 {
        return;
    }
    let step = if wheel > 0.0 { -0.05 } else { 0.05 };
    let share =
        (((screen.session.draft.vision_share() + step) * 20.0).round() / 20.0).clamp(0.0, 1.0);
    screen.out.write(Command::Rebalance(share));
    screen.state.view = if share > 0.5 {
        View::Forest
    } else {
        View::Trees
    };
}

/// What the tooltip over a person or a team in the world says.
fn hover_text(sim: &sim::Sim, key: Key) -> Option<String> {
    let org = &sim.state.org;
    match key {
        Key::Seat(i) => Some(match &org.seats.get(i)?.person {
            Some(p) => team::person_tooltip(p),
            None => org.seats[i].hire_week.map_or_else(
                || t!("play-empty-seat"),
                |w| t!("play-empty-seat-hire", week = w),
            ),
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
            Some(t!(
                "play-goal-hover",
                goal = i18n::text(&goal.title),
                percent = format!("{:.0}", 100.0 * (done / goal.target).min(1.0)),
                done = format!("{:.1}", done.min(goal.target)),
                target = format!("{:.1}", goal.target)
            ))
        }
        Key::You => Some(t!(
            "play-you-hover",
            hours = format!("{:.0}", sim.budget()),
            forest = format!(
                "{:.0}",
                sim.state
                    .history
                    .last()
                    .map_or(50.0, |w| w.vision_share * 100.0)
            )
        )),
    }
}
