//! Colours, sizes and the root `Ui` every screen draws into.

use crate::t;
use bevy_egui::egui::{self, Color32, RichText};

pub use super::theme::pal;

/// A root `Ui` over the whole window (egui 0.36 shows panels inside a `Ui`).
pub fn root(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new().max_rect(ctx.viewport_rect()),
    )
}

/// Names the part of the screen this `Ui` holds, for screen readers: a region they can
/// list and jump to. (egui makes every `Ui` an unnamed container.)
pub fn region(ui: &egui::Ui, name: &str) {
    ui.ctx().accesskit_node_builder(ui.unique_id(), |node| {
        node.set_role(egui::accesskit::Role::Region);
        node.set_label(name);
    });
}

/// Names a control for screen readers where no label beside it says what it is.
pub fn name(response: egui::Response, name: &str) -> egui::Response {
    response
        .ctx
        .accesskit_node_builder(response.id, |node| node.set_label(name));
    response
}

/// A slider and the box showing its value, both named `name` (egui's own value box has
/// no name a screen reader could say). `tune` sets the slider's range
/// shape; `suffix` and `decimals` are shared by both.
pub fn slider<N: egui::emath::Numeric>(
    ui: &mut egui::Ui,
    value: &mut N,
    range: std::ops::RangeInclusive<N>,
    name: &str,
    (suffix, decimals): (&str, usize),
    tune: impl FnOnce(egui::Slider<'_>) -> egui::Slider<'_>,
) -> egui::Response {
    let slider = tune(egui::Slider::new(value, range.clone()).show_value(false));
    let slid = self::name(ui.add(slider), name);
    let typed = ui.add(
        egui::DragValue::new(value)
            .range(range)
            .suffix(suffix)
            .max_decimals(decimals),
    );
    slid | self::name(typed, name)
}

/// A sentence screen readers announce when it changes (a polite status), drawn nowhere:
/// the week's result reaches them even while a guide card hides the banner.
pub fn status(ctx: &egui::Context, id: &str, text: &str) {
    use egui::accesskit::{Live, Role};
    ctx.accesskit_node_builder(egui::Id::new(id), |node| {
        node.set_role(Role::Status);
        node.set_label(text);
        node.set_live(Live::Polite);
    });
}

/// Panels draw no background of their own: the window is cleared to the same colour, and
/// on a software renderer every filled pixel costs frame time.
/// A footer's Back and the button that goes on; each true when clicked.
pub fn back_and_go(ui: &mut egui::Ui, go: &str) -> (bool, bool) {
    let back = ui.button(RichText::new(t!("back")).size(18.0)).clicked();
    let go = ui.button(RichText::new(go).size(18.0)).clicked();
    (back, go)
}

pub fn frame() -> egui::Frame {
    egui::Frame::NONE.inner_margin(14.0)
}

pub fn heading(text: impl Into<String>) -> RichText {
    RichText::new(text).size(22.0).color(pal().text).strong()
}

pub fn body(text: impl Into<String>) -> RichText {
    RichText::new(text).size(16.0).color(pal().text)
}

pub fn muted(text: impl Into<String>) -> RichText {
    RichText::new(text).size(14.0).color(pal().muted)
}

/// Three stars, `earned` of them filled, drawn as shapes (no font needs the glyph), with
/// the count in words beside them for readers and tests.
pub fn stars(ui: &mut egui::Ui, earned: u8, size: f32) -> egui::Response {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 2.0;
        for k in 0..3u8 {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
            let c = rect.center();
            let (outer, inner) = (size * 0.5, size * 0.2);
            let point = |i: usize, r: f32| {
                let a = std::f32::consts::TAU * i as f32 / 10.0 - std::f32::consts::FRAC_PI_2;
                egui::pos2(c.x + r * a.cos(), c.y + r * a.sin())
            };
            let filled = k < earned;
            let colour = if filled { pal().warn } else { pal().muted };
            // A star is not convex: a pentagon for its body and a triangle per point.
            let body: Vec<egui::Pos2> = (0..5).map(|i| point(2 * i + 1, inner)).collect();
            let mut shapes = Vec::new();
            for i in 0..5 {
                shapes.push(vec![
                    point(2 * i, outer),
                    point(2 * i + 1, inner),
                    point((2 * i + 9) % 10, inner),
                ]);
            }
            if filled {
                ui.painter().add(egui::Shape::convex_polygon(
                    body,
                    colour,
                    egui::Stroke::NONE,
                ));
                for s in shapes {
                    ui.painter()
                        .add(egui::Shape::convex_polygon(s, colour, egui::Stroke::NONE));
                }
            } else {
                let outline: Vec<egui::Pos2> = (0..10)
                    .map(|i| point(i, if i % 2 == 0 { outer } else { inner }))
                    .collect();
                ui.painter().add(egui::Shape::closed_line(
                    outline,
                    egui::Stroke::new(1.5, colour),
                ));
            }
        }
        // The stars sit close together; the words stand apart from the last one.
        ui.add_space(4.0);
        ui.label(muted(t!("style-stars", earned = earned)));
    })
    .response
}

/// A large button for menus.
pub fn menu_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    // At least 260 wide, wider for a long label ("Continue: …") rather than wrapping it.
    ui.add(
        egui::Button::new(RichText::new(text).size(19.0))
            .min_size(egui::vec2(260.0, 40.0))
            .wrap_mode(egui::TextWrapMode::Extend),
    )
}

/// A trend arrow (drawn, so it needs no glyph) and the change in points, coloured by
/// whether it is good news.
pub fn trend(ui: &mut egui::Ui, change: f64, higher_is_better: bool) -> egui::Response {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 14.0), egui::Sense::hover());
        let text = delta(change, higher_is_better);
        let color = delta_color(change, higher_is_better);
        let c = rect.center();
        let points = if change.abs() * 100.0 < 0.05 {
            vec![
                egui::pos2(c.x - 5.0, c.y - 4.0),
                egui::pos2(c.x + 5.0, c.y),
                egui::pos2(c.x - 5.0, c.y + 4.0),
            ]
        } else if change > 0.0 {
            vec![
                egui::pos2(c.x, c.y - 6.0),
                egui::pos2(c.x + 5.0, c.y + 4.0),
                egui::pos2(c.x - 5.0, c.y + 4.0),
            ]
        } else {
            vec![
                egui::pos2(c.x - 5.0, c.y - 4.0),
                egui::pos2(c.x + 5.0, c.y - 4.0),
                egui::pos2(c.x, c.y + 6.0),
            ]
        };
        ui.painter().add(egui::Shape::convex_polygon(
            points,
            color,
            egui::Stroke::NONE,
        ));
        ui.label(text);
    })
    .response
}

/// A change in points: a tenth of a point where that matters, whole points from ten on, so
/// the HUD's row keeps its "why?" button in view.
pub fn delta_text(change: f64) -> String {
    let points = change * 100.0;
    // A change too small to show is no change, not "-0.0".
    if points.abs() < 0.05 {
        "0.0".into()
    } else if points.abs() >= 9.95 {
        format!("{:+.0}", points)
    } else {
        format!("{:+.1}", points)
    }
}

/// Green for good news, red for bad, grey for no change.
pub fn delta_color(change: f64, higher_is_better: bool) -> Color32 {
    let points = change * 100.0;
    if points.abs() < 0.05 {
        pal().muted
    } else if (points >= 0.0) == higher_is_better {
        pal().good
    } else {
        pal().bad
    }
}

/// "+2.1" / "-0.4" in points of a 0–100 scale, coloured by direction.
pub fn delta(change: f64, higher_is_better: bool) -> RichText {
    RichText::new(delta_text(change))
        .size(15.0)
        .color(delta_color(change, higher_is_better))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_of_ten_points_or_more_is_shown_in_whole_points() {
        assert_eq!(delta_text(0.034), "+3.4");
        assert_eq!(delta_text(-0.1234), "-12");
        assert_eq!(delta_text(0.0996), "+10");
        assert_eq!(delta_text(-0.0004), "0.0");
    }
}
