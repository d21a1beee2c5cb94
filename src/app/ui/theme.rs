//! The two palettes (standard and high contrast), the egui visuals built from them, and
//! the arithmetic that checks them: WCAG contrast and simulated colour-vision deficiency.

use bevy_egui::egui::{self, Color32, Stroke};
use std::sync::atomic::{AtomicBool, Ordering};

/// Every colour the interface and the world use, by meaning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Behind every screen: the window is cleared to it and panels draw no fill.
    pub background: Color32,
    /// Pop-ups, tooltips and windows.
    pub window: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub good: Color32,
    pub warn: Color32,
    pub bad: Color32,
    pub forest: Color32,
    pub trees: Color32,
    /// A person's body in the world.
    pub person: Color32,
    /// A button at rest, under the pointer, pressed.
    pub button: Color32,
    pub button_hover: Color32,
    pub button_active: Color32,
    /// Outline of a control with the keyboard's focus.
    pub focus: Color32,
    /// The chart's curves, in the order of `charts::CURVES`.
    pub curves: [Color32; 9],
}

pub const STANDARD: Palette = Palette {
    background: Color32::from_rgb(23, 33, 28),
    window: Color32::from_rgb(30, 38, 34),
    text: Color32::from_rgb(232, 236, 228),
    muted: Color32::from_rgb(170, 180, 168),
    good: Color32::from_rgb(110, 200, 120),
    warn: Color32::from_rgb(235, 190, 80),
    bad: Color32::from_rgb(235, 110, 100),
    forest: Color32::from_rgb(120, 190, 130),
    trees: Color32::from_rgb(222, 170, 92),
    person: Color32::from_rgb(196, 204, 192),
    button: Color32::from_rgb(58, 66, 62),
    button_hover: Color32::from_rgb(72, 82, 77),
    button_active: Color32::from_rgb(86, 98, 92),
    focus: Color32::from_rgb(150, 200, 255),
    curves: [
        Color32::from_rgb(230, 130, 200),
        Color32::from_rgb(150, 150, 240),
        Color32::from_rgb(120, 190, 130),
        Color32::from_rgb(222, 170, 92),
        Color32::from_rgb(240, 230, 140),
        Color32::from_rgb(173, 216, 230),
        Color32::from_rgb(235, 110, 100),
        Color32::from_rgb(200, 140, 60),
        Color32::from_rgb(190, 190, 190),
    ],
};

/// Black ground, white text, and hues from Okabe and Ito's palette, which stay apart for
/// each kind of colour blindness.
pub const HIGH_CONTRAST: Palette = Palette {
    background: Color32::from_rgb(0, 0, 0),
    window: Color32::from_rgb(12, 12, 12),
    text: Color32::from_rgb(255, 255, 255),
    muted: Color32::from_rgb(215, 215, 215),
    good: Color32::from_rgb(0, 190, 140),
    warn: Color32::from_rgb(240, 228, 66),
    bad: Color32::from_rgb(255, 120, 40),
    forest: Color32::from_rgb(86, 180, 233),
    trees: Color32::from_rgb(230, 159, 0),
    person: Color32::from_rgb(235, 235, 235),
    // Grey enough for a slider's rail to stand out from the black (3:1), dark enough for
    // white text (4.5:1).
    button: Color32::from_rgb(96, 96, 96),
    button_hover: Color32::from_rgb(108, 108, 108),
    button_active: Color32::from_rgb(116, 116, 116),
    focus: Color32::from_rgb(255, 255, 0),
    curves: [
        Color32::from_rgb(204, 121, 167),
        Color32::from_rgb(160, 160, 255),
        Color32::from_rgb(86, 180, 233),
        Color32::from_rgb(230, 159, 0),
        Color32::from_rgb(240, 228, 66),
        Color32::from_rgb(255, 255, 255),
        Color32::from_rgb(255, 120, 40),
        Color32::from_rgb(0, 190, 140),
        Color32::from_rgb(190, 190, 190),
    ],
};

/// Whether the high-contrast palette is in use: set from the player's settings before the
/// frame's UI is drawn, read wherever a colour is picked.
static HIGH: AtomicBool = AtomicBool::new(false);

pub fn set_high_contrast(on: bool) {
    HIGH.store(on, Ordering::Relaxed);
}

/// The palette in use. Process-wide: a game has one window, and every panel function
/// picks its colours without a context to carry them.
pub fn pal() -> &'static Palette {
    palette(HIGH.load(Ordering::Relaxed))
}

/// The high-contrast palette, or the standard one.
pub fn palette(high_contrast: bool) -> &'static Palette {
    if high_contrast {
        &HIGH_CONTRAST
    } else {
        &STANDARD
    }
}

/// egui's dark visuals in the palette's colours; a visible focus ring on every control,
/// thicker in high contrast.
pub fn visuals(p: &Palette) -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    let high = p == &HIGH_CONTRAST;
    v.override_text_color = None;
    v.panel_fill = p.background;
    v.window_fill = p.window;
    v.extreme_bg_color = p.background;
    v.faint_bg_color = p.window;
    v.hyperlink_color = p.focus;
    v.warn_fg_color = p.warn;
    v.error_fg_color = p.bad;
    v.selection.bg_fill = if high {
        Color32::from_rgb(0, 70, 140)
    } else {
        Color32::from_rgb(40, 90, 130)
    };
    v.selection.stroke = Stroke::new(if high { 2.0 } else { 1.0 }, p.text);
    let outline = if high { p.text } else { p.muted };
    let w = &mut v.widgets;
    w.noninteractive.fg_stroke = Stroke::new(1.0, p.text);
    w.noninteractive.bg_stroke = Stroke::new(1.0, p.muted);
    w.noninteractive.bg_fill = p.background;
    w.noninteractive.weak_bg_fill = p.background;
    for (state, fill) in [
        (&mut w.inactive, p.button),
        (&mut w.hovered, p.button_hover),
        (&mut w.active, p.button_active),
        (&mut w.open, p.button_active),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke = Stroke::new(if high { 1.5 } else { 1.0 }, p.text);
        state.bg_stroke = Stroke::new(if high { 1.5 } else { 1.0 }, outline);
    }
    // Hover shows as a brighter edge, not as a colour change alone; the focus colour is
    // kept for the control being pressed or holding the keyboard's focus (which also gets
    // the ring of `app::focus`), so that the mouse never looks like the focus.
    w.hovered.bg_stroke = Stroke::new(if high { 2.5 } else { 1.5 }, p.text);
    w.active.bg_stroke = Stroke::new(2.0, p.focus);
    v
}

/// WCAG 2.2 relative luminance of an sRGB colour.
pub fn luminance(c: Color32) -> f64 {
    let [r, g, b] = linear(c);
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// WCAG 2.2 contrast ratio, 1..21.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

fn linear(c: Color32) -> [f64; 3] {
    [c.r(), c.g(), c.b()].map(|v| {
        let v = v as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    })
}

/// The three kinds of dichromacy, simulated as Machado, Oliveira and Fernandes (2009) do
/// at full severity.
#[derive(Clone, Copy, Debug)]
pub enum Deficiency {
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Deficiency {
    pub const ALL: [Deficiency; 3] = [
        Deficiency::Protanopia,
        Deficiency::Deuteranopia,
        Deficiency::Tritanopia,
    ];

    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => [
                [0.152286, 1.052583, -0.204868],
                [0.114503, 0.786281, 0.099216],
                [-0.003882, -0.048116, 1.051998],
            ],
            Deficiency::Deuteranopia => [
                [0.367322, 0.860646, -0.227968],
                [0.280085, 0.672501, 0.047413],
                [-0.011820, 0.042940, 0.968881],
            ],
            Deficiency::Tritanopia => [
                [1.255528, -0.076749, -0.178779],
                [-0.078411, 0.930809, 0.147602],
                [0.004733, 0.691367, 0.303900],
            ],
        }
    }
}

/// A colour as seen with no deficiency (`None`) or with one, in CIE L*a*b*.
pub fn seen(c: Color32, d: Option<Deficiency>) -> [f64; 3] {
    let mut rgb = linear(c);
    if let Some(d) = d {
        let m = d.matrix();
        rgb = [0, 1, 2]
            .map(|i| (m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]).clamp(0.0, 1.0));
    }
    lab(rgb)
}

/// Linear sRGB (D65) to CIE L*a*b*.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// How far apart two colours look (CIE76 ΔE; about 2 is just noticeable, 10 plainly
/// different at a glance).
pub fn difference(a: Color32, b: Color32, d: Option<Deficiency>) -> f64 {
    let (p, q) = (seen(a, d), seen(b, d));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT_AA: f64 = 4.5;
    const GRAPHIC_AA: f64 = 3.0;

    fn both() -> [(&'static str, Palette); 2] {
        [("standard", STANDARD), ("high contrast", HIGH_CONTRAST)]
    }

    #[test]
    fn the_contrast_formula_gives_wcags_reference_values() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 1e-9);
        // #777777 on white is WCAG's well-known 4.48:1, just short of AA.
        let grey = Color32::from_rgb(0x77, 0x77, 0x77);
        assert!((contrast(grey, Color32::WHITE) - 4.48).abs() < 0.01);
    }

    /// Every text colour on every ground it is drawn on, in both palettes and in egui's
    /// visuals built from them.
    #[test]
    fn every_text_colour_reads_at_4_5_to_1_on_its_background() {
        for (name, p) in both() {
            let v = visuals(&p);
            let grounds = [
                ("background", p.background),
                ("window", p.window),
                ("panel", v.panel_fill),
            ];
            let texts = [
                ("text", p.text),
                ("muted", p.muted),
                ("good", p.good),
                ("warn", p.warn),
                ("bad", p.bad),
                ("forest", p.forest),
                ("trees", p.trees),
                ("link", v.hyperlink_color),
                ("label", v.widgets.noninteractive.fg_stroke.color),
            ];
            for (g, ground) in grounds {
                for (t, text) in texts {
                    let r = contrast(text, ground);
                    assert!(r >= TEXT_AA, "{name}: {t} on {g} is {r:.2}:1");
                }
            }
            for (state, w) in [
                ("at rest", v.widgets.inactive),
                ("hovered", v.widgets.hovered),
                ("pressed", v.widgets.active),
                ("open", v.widgets.open),
            ] {
                let r = contrast(w.fg_stroke.color, w.bg_fill);
                assert!(r >= TEXT_AA, "{name}: a button's text {state} is {r:.2}:1");
            }
            let r = contrast(p.text, v.selection.bg_fill);
            assert!(r >= TEXT_AA, "{name}: selected text is {r:.2}:1");
        }
    }

    /// Shapes that carry meaning (moods, the forest and the trees, curves, the focus ring,
    /// the people) stand out from the ground at 3:1.
    #[test]
    fn every_meaningful_graphic_stands_out_at_3_to_1() {
        for (name, p) in both() {
            let mut graphics = vec![
                ("good", p.good),
                ("warn", p.warn),
                ("bad", p.bad),
                ("forest", p.forest),
                ("trees", p.trees),
                ("person", p.person),
                ("focus ring", p.focus),
            ];
            graphics.extend(p.curves.iter().map(|c| ("a curve", *c)));
            for (g, c) in graphics {
                let r = contrast(c, p.background);
                assert!(r >= GRAPHIC_AA, "{name}: {g} is {r:.2}:1");
            }
            // A control's edge, hovered, focused and at rest, against the ground it sits on.
            let v = visuals(&p);
            let r = contrast(v.widgets.hovered.bg_stroke.color, p.background);
            assert!(
                r >= GRAPHIC_AA,
                "{name}: a hovered control's edge is {r:.2}:1"
            );
            let r = contrast(v.widgets.active.bg_stroke.color, p.background);
            assert!(
                r >= GRAPHIC_AA,
                "{name}: a focused control's edge is {r:.2}:1"
            );
            let r = contrast(v.widgets.inactive.bg_stroke.color, p.background);
            assert!(r >= GRAPHIC_AA, "{name}: a control's outline is {r:.2}:1");
        }
        // In high contrast a slider's rail (a control's fill) stands out by itself too.
        let r = contrast(HIGH_CONTRAST.button, HIGH_CONTRAST.background);
        assert!(
            r >= GRAPHIC_AA,
            "high contrast: a slider's rail is {r:.2}:1"
        );
    }

    /// The pairs a player must tell apart stay plainly apart (ΔE ≥ 20) for every kind of
    /// colour blindness in the high-contrast palette, and noticeably apart (ΔE ≥ 8) in the
    /// standard one, where a shape or a sign tells them too (deuteranopia brings its good
    /// and bad to 8.8).
    #[test]
    fn the_pairs_that_mean_something_stay_apart_for_colour_blind_players() {
        for (name, p, floor) in [
            ("standard", STANDARD, 8.0),
            ("high contrast", HIGH_CONTRAST, 20.0),
        ] {
            let pairs = [
                ("forest", p.forest, "trees", p.trees),
                ("good", p.good, "bad", p.bad),
                ("good", p.good, "warn", p.warn),
                ("warn", p.warn, "bad", p.bad),
            ];
            for d in Deficiency::ALL {
                for (a, ca, b, cb) in pairs {
                    let e = difference(ca, cb, Some(d));
                    assert!(e >= floor, "{name}, {d:?}: {a} and {b} are ΔE {e:.1}");
                }
            }
        }
    }

    #[test]
    fn simulated_colour_blindness_merges_what_it_should() {
        // Pure red and green look alike to a deuteranope, unlike to everyone else.
        let (red, green) = (
            Color32::from_rgb(200, 60, 40),
            Color32::from_rgb(90, 130, 40),
        );
        let normal = difference(red, green, None);
        let deut = difference(red, green, Some(Deficiency::Deuteranopia));
        assert!(deut < normal / 2.0, "{deut} vs {normal}");
        // Grey stays grey: no hue appears where there was none.
        let g = Color32::from_rgb(128, 128, 128);
        for d in Deficiency::ALL {
            let [_, a, b] = seen(g, Some(d));
            assert!(a.abs() < 2.0 && b.abs() < 2.0, "{d:?}: {a:.2} {b:.2}");
        }
    }
}
