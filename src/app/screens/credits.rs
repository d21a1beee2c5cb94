//! Credits: who made what, and the licences of the fonts built into the game.

use super::Screen;
use crate::app::ui::style;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The game's credits, kept in the repository beside the assets they describe.
const CREDITS: &str = include_str!("../../../assets/CREDITS.md"); // i18n: not words

pub fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        credits_ui.run_if(in_state(Screen::Credits)),
    );
}

fn credits_ui(mut contexts: EguiContexts, mut next: ResMut<NextState<Screen>>) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "credits");
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("credits-title"));
            ui.label(
                egui::RichText::new(t!("credits-title"))
                    .size(32.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.add_space(10.0);
            egui::ScrollArea::vertical()
                .max_height(ui.available_height() - 60.0)
                .show(ui, |ui| {
                    for (heading, text) in plain(CREDITS) {
                        ui.label(if heading {
                            style::heading(text)
                        } else {
                            style::body(text)
                        });
                    }
                });
            if style::menu_button(ui, &t!("back")).clicked() {
                next.set(Screen::Title);
            }
        });
    Ok(())
}

/// The credits' Markdown as plain text: headings, paragraphs joined from their wrapped
/// lines, table rows with their pipes turned into dots, and no code marks or emphasis.
fn plain(md: &str) -> Vec<(bool, String)> {
    let clean = |t: &str| t.replace(['`', '*'], "");
    let mut out: Vec<(bool, String)> = Vec::new();
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, out: &mut Vec<(bool, String)>| {
        if !paragraph.is_empty() {
            out.push((false, clean(paragraph)));
            paragraph.clear();
        }
    };
    for line in md.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with("| ---") {
            flush(&mut paragraph, &mut out);
        } else if let Some(h) = line.strip_prefix('#') {
            flush(&mut paragraph, &mut out);
            out.push((true, clean(h.trim_start_matches('#').trim())));
        } else if line.starts_with('|') {
            flush(&mut paragraph, &mut out);
            let row = line.trim_matches('|').trim().replace(" | ", "  ·  ");
            out.push((false, clean(&row)));
        } else {
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush(&mut paragraph, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_credits_read_as_text_not_markdown() {
        let text = plain(CREDITS);
        assert!(text[0].0, "the title is a heading");
        assert!(
            text.iter()
                .all(|(_, t)| !t.contains('`') && !t.contains('|'))
        );
        // A wrapped paragraph is one line of text again.
        assert!(text.iter().any(|(h, t)| !h
            && t.starts_with("Forest & Trees ships no image or sound files")
            && t.contains("when the game starts")));
    }
}
