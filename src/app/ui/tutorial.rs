//! A tutorial card: one guided step of the level, with an offer to try the split it
//! suggests. It does not block the screen: the player can look around while it is open.

use super::style;
use crate::i18n;
use crate::t;
use bevy_egui::egui::{self, RichText};
use sim::TutorialStep;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Action {
    /// Set the week's plan to this vision share.
    Try(f64),
    /// The player has read the step.
    Done,
}

/// The step to show in `week`: the latest one begun by then, until the next begins, unless
/// the player has closed it.
pub fn current(steps: &[TutorialStep], week: u32, closed: &[usize]) -> Option<usize> {
    let i = steps.iter().rposition(|s| s.week <= week)?;
    (!closed.contains(&i)).then_some(i)
}

/// The card low in the column of `over` (the team view), over the work list and the log:
/// the people stay in view above it, the plan's hours and the metrics beside it.
pub fn show(
    ctx: &egui::Context,
    step: &TutorialStep,
    index: usize,
    of: usize,
    over: egui::Rect,
) -> Option<Action> {
    let mut action = None;
    let width = (over.width() - 24.0).clamp(240.0, 520.0);
    egui::Window::new(t!("tutorial-title"))
        .id(egui::Id::new(("tutorial", index)))
        .collapsible(false)
        .resizable(false)
        .default_width(width)
        .max_width(width)
        .pivot(egui::Align2::CENTER_BOTTOM)
        .fixed_pos(egui::pos2(
            over.center().x,
            ctx.content_rect().bottom() - 8.0,
        ))
        .show(ctx, |ui| {
            ui.label(
                RichText::new(t!("tutorial-step", step = index + 1, of = of))
                    .size(13.0)
                    .color(style::pal().muted),
            );
            ui.label(
                RichText::new(i18n::text(&step.title))
                    .size(21.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.label(style::body(i18n::text(&step.text)));
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                if let Some(share) = step.try_share {
                    let label = match share {
                        s if s >= 1.0 => t!("tutorial-try-forest"),
                        s if s <= 0.0 => t!("tutorial-try-trees"),
                        s => t!("tutorial-try-share", percent = format!("{:.0}", s * 100.0)),
                    };
                    if ui.button(RichText::new(label).size(16.0)).clicked() {
                        action = Some(Action::Try(share));
                    }
                }
                if ui
                    .button(RichText::new(t!("tutorial-got-it")).size(16.0))
                    .clicked()
                {
                    action = Some(Action::Done);
                }
            });
        });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(week: u32) -> TutorialStep {
        TutorialStep {
            week,
            title: format!("w{week}"),
            text: String::new(),
            try_share: None,
        }
    }

    #[test]
    fn a_step_shows_from_its_week_until_the_next_or_until_closed() {
        let steps = [step(1), step(2), step(6)];
        assert_eq!(current(&steps, 1, &[]), Some(0));
        assert_eq!(current(&steps, 4, &[]), Some(1));
        assert_eq!(current(&steps, 4, &[1]), None);
        assert_eq!(current(&steps, 7, &[1]), Some(2));
    }
}
