//! The week's plan: hours per activity in two families, the forest/trees balance, the
//! budget left, and what the plan will likely do.

use super::hud::Metric;
use super::style;
use crate::app::session::Command;
use crate::i18n;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::{Activity, Family, Metrics, Plan, WeekReport};

/// Draws the plan editor; returns the commands the player gave.
pub fn show(
    ui: &mut egui::Ui,
    draft: &Plan,
    budget: f64,
    deductions: &[(String, f64)],
    selected: usize,
    preview: Option<(&WeekReport, &Metrics)>,
) -> Vec<Command> {
    let mut out = Vec::new();
    ui.spacing_mut().slider_width = 130.0;
    ui.label(style::heading(t!("plan-title")));
    hours_left(ui, draft, budget, deductions);
    balance_bar(ui, draft);
    for family in [Family::Vision, Family::Execution] {
        family_sliders(ui, draft, budget, family, selected, &mut out);
    }
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        for (label, share) in [
            (t!("plan-all-trees"), 0.0),
            ("30/70".to_string(), 0.3),
            (t!("plan-even"), 0.5),
            ("70/30".to_string(), 0.7),
            (t!("plan-all-forest"), 1.0),
        ] {
            if ui
                .small_button(label)
                .on_hover_text(t!(
                    "plan-share-hover",
                    percent = format!("{:.0}", share * 100.0)
                ))
                .clicked()
            {
                out.push(Command::SetShare(share));
            }
        }
    });
    if let Some((report, now)) = preview {
        likely(ui, &report.metrics, now);
    }
    out
}

/// Hours planned and left, those left idle, and every hour the week lost or gained.
fn hours_left(ui: &mut egui::Ui, draft: &Plan, budget: f64, deductions: &[(String, f64)]) {
    let used = draft.total();
    ui.label(
        style::muted(t!(
            "plan-hours",
            used = format!("{used:.0}"),
            budget = format!("{budget:.0}"),
            left = format!("{:.0}", (budget - used).max(0.0))
        ))
        .size(15.0),
    );
    // Hours left unplanned do nothing: say so, rather than let a week pass half-used.
    let idle = budget - used;
    if idle >= 0.5 {
        ui.label(
            RichText::new(t!("plan-idle", hours = format!("{idle:.0}")))
                .color(style::pal().warn)
                .size(14.0),
        );
    }
    // Every hour the week lost (or gained), with what took it: the budget is never a
    // silent number.
    if !deductions.is_empty() {
        let parts: Vec<String> = deductions
            .iter()
            .map(|(why, h)| {
                if *h >= 0.0 {
                    t!(
                        "plan-lost",
                        hours = format!("{h:.0}"),
                        why = i18n::text(why)
                    )
                } else {
                    t!(
                        "plan-gained",
                        hours = format!("{:.0}", -h),
                        why = i18n::text(why)
                    )
                }
            })
            .collect();
        ui.label(style::muted(t!("plan-this-week", changes = parts.join(" · "))).size(13.0));
    }
}

/// One family's activities, a slider each.
fn family_sliders(
    ui: &mut egui::Ui,
    draft: &Plan,
    budget: f64,
    family: Family,
    selected: usize,
    out: &mut Vec<Command>,
) {
    let used = draft.total();
    let (title, color) = match family {
        Family::Vision => (t!("plan-forest"), style::pal().forest),
        Family::Execution => (t!("plan-trees"), style::pal().trees),
    };
    ui.add_space(4.0);
    ui.label(
        RichText::new(t!(
            "plan-family",
            family = title,
            hours = format!("{:.0}", draft.family_hours(family))
        ))
        .size(16.0)
        .color(color)
        .strong(),
    );
    for (i, a) in Activity::ALL
        .iter()
        .enumerate()
        .filter(|(_, a)| a.family() == family)
    {
        // The slider shows tenths of an hour. It gets the value already rounded, so its
        // own rounding is never mistaken for the player moving it.
        let exact = draft.get(*a);
        let mut hours = (exact * 10.0).round() / 10.0;
        let room = (budget - (used - hours)).max(0.0);
        let (name, effect) = (i18n::text(a.label()), i18n::text(a.effect()));
        ui.horizontal(|ui| {
            let marker = if i == selected { "> " } else { "  " };
            let text = RichText::new(format!("{marker}{name}"))
                .size(14.0)
                .color(style::pal().text);
            // A fixed-width, left-aligned label column keeps the sliders lined up.
            let label = ui.allocate_ui_with_layout(
                egui::vec2(205.0, 18.0),
                egui::Layout::left_to_right(egui::Align::Center),
                |ui| {
                    ui.set_min_width(205.0);
                    // A name longer than the column (some languages run long) ends in "…".
                    ui.set_max_width(205.0);
                    ui.add(egui::Label::new(text).truncate())
                },
            );
            label.inner.on_hover_text(&effect);
            // The slider's range is the whole budget; what does not fit is cut by the session.
            let response = style::slider(
                ui,
                &mut hours,
                0.0..=budget.max(1.0),
                &name,
                (" h", 1),
                |s| s,
            )
            .on_hover_text(t!(
                "plan-slider-hover",
                effect = effect,
                room = format!("{room:.1}")
            ));
            if response.changed() && (hours - exact).abs() >= 0.05 {
                out.push(Command::SetHours(*a, hours));
            }
        });
    }
}

/// What the plan will likely do this week, in points.
fn likely(ui: &mut egui::Ui, next: &Metrics, now: &Metrics) {
    ui.add_space(6.0);
    ui.label(
        RichText::new(t!("plan-likely"))
            .size(15.0)
            .color(style::pal().muted)
            .strong(),
    );
    ui.horizontal_wrapped(|ui| {
        for (metric, change) in [
            (Metric::Morale, next.morale - now.morale),
            (Metric::Alignment, next.alignment - now.alignment),
            (Metric::Delivery, next.delivery - now.delivery),
            (Metric::Goals, next.goal_progress - now.goal_progress),
        ] {
            ui.label(style::muted(metric.short()));
            ui.label(style::delta(change, true));
        }
    });
}

/// One bar: the share of planned hours on the forest (green) and the trees (amber).
pub fn balance_bar(ui: &mut egui::Ui, plan: &Plan) {
    let share = plan.vision_share() as f32;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width().min(320.0), 22.0),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let split = rect.left() + rect.width() * share;
    painter.rect_filled(
        egui::Rect::from_min_max(rect.min, egui::pos2(split, rect.bottom())),
        3.0,
        style::pal().forest,
    );
    painter.rect_filled(
        egui::Rect::from_min_max(egui::pos2(split, rect.top()), rect.max),
        3.0,
        style::pal().trees,
    );
    let text = t!(
        "plan-balance",
        forest = format!("{:.0}", share * 100.0),
        trees = format!("{:.0}", (1.0 - share) * 100.0)
    );
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(14.0),
        egui::Color32::BLACK,
    );
}
