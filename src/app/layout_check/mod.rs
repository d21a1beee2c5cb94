//! The layout check (`--smoke-test DIR --layout-check`): at each screen of the smoke run
//! the window is set to 1280×720 and 1920×1080 and the interface scale to 1.0, 1.5 and
//! 2.0, as a player would set them; the frame egui lays out is judged on its own
//! rectangles (the text it paints with its clip rectangles, and its accessibility tree)
//! by [`rules`], and a screenshot of it is saved in DIR/layout.

mod rules;
pub mod walk;

use super::player_settings::{PlayerSettings, effective_ui_scale};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::egui::{Color32, Pos2, Rect, Shape, epaint::ClippedShape};
use bevy_egui::{EguiFullOutput, EguiPostUpdateSet, EguiPrimaryContextPass, PrimaryEguiContext};
use rules::{Painted, Text};
use std::path::{Path, PathBuf};

/// A window size and an interface scale asked for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Combo {
    pub width: u32,
    pub height: u32,
    pub scale: f32,
}

/// The projector and the classroom screen, at the scales the settings offer a room.
pub fn combos() -> impl Iterator<Item = Combo> {
    [(1280, 720), (1920, 1080)]
        .into_iter()
        .flat_map(|(width, height)| {
            [1.0, 1.5, 2.0].map(|scale| Combo {
                width,
                height,
                scale,
            })
        })
}

/// The window the rest of the smoke run is played in.
pub const PLAIN: Combo = Combo {
    width: 1280,
    height: 720,
    scale: 1.0,
};

impl Combo {
    fn label(&self) -> String {
        let shown = effective_ui_scale(self.scale, self.width as f32, self.height as f32);
        format!(
            "{}×{} at scale {:.1} (shown at {shown:.2})",
            self.width, self.height, self.scale
        )
    }

    /// Where the screenshot of a screen at this size and scale is saved.
    pub fn shot(&self, dir: &Path, screen: &str) -> PathBuf {
        dir.join("layout").join(format!(
            "{screen}-{}x{}-x{:.1}.png",
            self.width, self.height, self.scale
        ))
    }
}

#[derive(Resource, Default)]
pub struct LayoutCheck {
    /// The screen and combination to judge at the end of this frame's egui pass.
    request: Option<(&'static str, Combo)>,
    /// What was found, a sentence each, with the screen and combination.
    pub findings: Vec<String>,
    pub checked: usize,
    /// What each frame held, for the report.
    seen: Vec<String>,
    /// The keyboard walk under way, if any.
    walk: Option<walk::Walk>,
}

impl LayoutCheck {
    /// Whether a keyboard walk is still pressing Tab.
    pub fn walking(&self) -> bool {
        self.walk.is_some()
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<LayoutCheck>()
        .add_plugins(walk::plugin)
        .add_systems(
            EguiPrimaryContextPass,
            enable_accesskit.after(crate::app::access::AccessKitSet),
        )
        .add_systems(
            PostUpdate,
            judge
                .after(EguiPostUpdateSet::EndPass)
                .before(EguiPostUpdateSet::ProcessOutput),
        );
}

/// egui builds its accessibility tree (every widget's role, text and rectangle) only
/// when asked, and the game asks only for a screen reader: this check asks every frame.
fn enable_accesskit(mut contexts: bevy_egui::EguiContexts) -> Result {
    contexts.ctx_mut()?.enable_accesskit();
    Ok(())
}

/// Sets the window's size and the interface scale, as the player's settings do.
pub fn set(combo: Combo) -> impl FnOnce(&mut World) {
    move |world: &mut World| {
        world.resource_mut::<PlayerSettings>().settings.ui_scale = combo.scale;
        let mut windows = world.query_filtered::<&mut Window, With<PrimaryWindow>>();
        if let Ok(mut window) = windows.single_mut(world) {
            window
                .resolution
                .set_physical_resolution(combo.width, combo.height);
        }
    }
}

/// Judges the frame being laid out now as the given screen at the given combination.
pub fn judge_this_frame(screen: &'static str, combo: Combo) -> impl FnOnce(&mut World) {
    move |world: &mut World| world.resource_mut::<LayoutCheck>().request = Some((screen, combo))
}

fn judge(
    mut check: ResMut<LayoutCheck>,
    outputs: Query<&EguiFullOutput, With<PrimaryEguiContext>>,
    window: Single<&Window, With<PrimaryWindow>>,
) {
    let request = check.request.take();
    if request.is_none() && !check.walking() {
        return;
    }
    let output = outputs.single().ok().and_then(|o| o.0.as_ref());
    let tree = output.and_then(|o| o.platform_output.accesskit_update.as_ref());
    let mut painted = Vec::new();
    let focus = crate::app::ui::theme::pal().focus;
    for clipped in output.iter().flat_map(|o| &o.shapes) {
        flatten(clipped, &clipped.shape, focus, &mut painted);
    }
    let size = window.physical_size();
    // The window in egui's points.
    let screen_rect = Rect::from_min_size(Pos2::ZERO, size.as_vec2().to_array().into())
        / output.map_or(1.0, |o| o.pixels_per_point);
    if let Some(tree) = tree {
        walk::look(&mut check, tree, &painted, screen_rect);
    }
    let Some((screen, combo)) = request else {
        return;
    };
    let label = format!("{screen}, {}", combo.label());
    check.checked += 1;
    if (size.x, size.y) != (combo.width, combo.height) {
        let found = format!("{label}: the window is {}×{}", size.x, size.y);
        check.findings.push(found);
        return;
    }
    if output.is_none() {
        check.findings.push(format!("{label}: egui drew nothing"));
        return;
    }
    let Some(tree) = tree else {
        check
            .findings
            .push(format!("{label}: egui gave no accessibility tree"));
        return;
    };
    if !painted.iter().any(|p| matches!(p, Painted::Text(_))) {
        check
            .findings
            .push(format!("{label}: egui painted no text"));
    }
    let (findings, seen) = rules::judge(&painted, Some(tree), screen_rect);
    check.seen.push(format!(
        "{label}: {} texts, {} controls",
        seen.texts, seen.controls
    ));
    for found in findings {
        check.findings.push(format!("{label}: {found}"));
    }
}

/// The texts, opaque fills and focus rings (outlines in `focus`) of a shape, in paint order.
fn flatten(clipped: &ClippedShape, shape: &Shape, focus: Color32, out: &mut Vec<Painted>) {
    match shape {
        Shape::Vec(shapes) => shapes.iter().for_each(|s| flatten(clipped, s, focus, out)),
        // Turned text (none on the panels) has no upright rectangle to judge.
        // Blank text (an empty text field's galley) paints no glyph.
        Shape::Text(t) if t.angle == 0.0 && !t.galley.text().trim().is_empty() => {
            out.push(Painted::Text(Text {
                text: t.galley.text().to_owned(),
                rect: t.visual_bounding_rect(),
                lines: (t.galley.rows.iter())
                    .filter(|r| !r.glyphs.is_empty())
                    .map(|r| r.rect_without_leading_space().translate(t.pos.to_vec2()))
                    .collect(),
                clip: clipped.clip_rect,
                rows: t.galley.rows.len(),
                widest_row: t
                    .galley
                    .rows
                    .iter()
                    .map(|r| r.glyphs.len())
                    .max()
                    .unwrap_or(0),
            }));
        }
        Shape::Rect(r) if r.fill.a() == 255 => {
            out.push(Painted::Fill(r.rect.intersect(clipped.clip_rect)));
        }
        Shape::Rect(r) if r.stroke.color == focus && r.stroke.width >= 2.0 => {
            out.push(Painted::Ring(r.rect));
        }
        _ => {}
    }
}

/// Writes DIR/layout.txt and logs each finding as an error; true when none was found.
pub fn report(check: &LayoutCheck, dir: &Path) -> bool {
    let mut text = format!(
        "{} frames checked, {} findings\n",
        check.checked,
        check.findings.len()
    );
    for f in &check.findings {
        error!("layout check: {f}");
        text.push_str(f);
        text.push('\n');
    }
    text.push_str("\nJudged:\n");
    for s in &check.seen {
        text.push_str(s);
        text.push('\n');
    }
    if let Err(e) = std::fs::write(dir.join("layout.txt"), text) {
        error!("layout check: cannot write {}: {e}", dir.display());
        return false;
    }
    info!(
        "layout check: {} frames checked, {} findings",
        check.checked,
        check.findings.len()
    );
    check.findings.is_empty()
}
