//! The egui side of the organisation: moods in words, what a person's or a team's tooltip
//! says, the work on the team's plate, and how far the vision has reached each layer. The
//! people themselves are drawn in the 2D world (`app::view`).

use super::style;
use crate::i18n;
use crate::t;
use bevy_egui::egui::{self, Color32, RichText};
use sim::Item;
use sim::{Mood, Org, Person};

/// How a mood is shown: never by colour alone.
pub trait MoodLook {
    fn color(self) -> Color32;
    fn sign(self) -> &'static str;
    /// The mood in words, in the language in use.
    fn word(self) -> String;
}

impl MoodLook for Mood {
    fn color(self) -> Color32 {
        match self {
            Mood::Good => style::pal().good,
            Mood::Uneasy => style::pal().warn,
            Mood::Low => style::pal().bad,
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Mood::Good => "+",
            Mood::Uneasy => "=",
            Mood::Low => "!",
        }
    }

    fn word(self) -> String {
        match self {
            Mood::Good => t!("team-mood-good"),
            Mood::Uneasy => t!("team-mood-uneasy"),
            Mood::Low => t!("team-mood-low"),
        }
    }
}

pub fn person_tooltip(p: &Person) -> String {
    let mut pushes: Vec<(f64, &str)> = p
        .morale_pushes
        .iter()
        .copied()
        .zip(sim::MORALE_LABELS)
        .filter(|(v, _)| v.abs() >= 0.0005)
        .collect();
    pushes.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let why: Vec<String> = pushes
        .iter()
        .take(3)
        .map(|(v, l)| format!("{:+.1} {}", v * 100.0, i18n::text(l)))
        .collect();
    let pct = |x: f64| format!("{:.0}", x * 100.0);
    let mut lines = vec![
        t!(
            "team-person-head",
            name = p.name.as_str(),
            mood = p.mood().word()
        ),
        t!(
            "team-person-skills",
            skill = pct(p.skill),
            morale = pct(p.morale),
            trust = pct(p.trust)
        ),
        if p.fatigue >= 0.005 {
            t!(
                "team-person-strain-fatigue",
                alignment = pct(p.alignment),
                stress = pct(p.stress),
                autonomy = pct(p.autonomy),
                fatigue = pct(p.fatigue)
            )
        } else {
            t!(
                "team-person-strain",
                alignment = pct(p.alignment),
                stress = pct(p.stress),
                autonomy = pct(p.autonomy)
            )
        },
    ];
    if !why.is_empty() {
        lines.push(t!("team-person-why", pushes = why.join(", ")));
    }
    lines.join("\n")
}

/// The world as text: every seat, who it reports to and how its person is, a row each.
/// What the drawing shows by shape and colour, read out in words (a screen reader, or a
/// player who cannot tell the badges apart).
pub fn people(ui: &mut egui::Ui, org: &Org, week: u32) {
    // Each column's heading (a message id) and width.
    const COLUMNS: [(&str, f32); 6] = [
        ("team-col-person", 190.0),
        ("team-col-reports-to", 170.0),
        ("team-col-mood", 130.0),
        ("team-col-morale", 70.0),
        ("team-col-trust", 70.0),
        ("team-col-stress", 70.0),
    ];
    let row = |ui: &mut egui::Ui, cells: [RichText; 6]| {
        ui.horizontal(|ui| {
            for ((_, width), cell) in COLUMNS.iter().zip(cells) {
                ui.allocate_ui_with_layout(
                    egui::vec2(*width, 20.0),
                    egui::Layout::left_to_right(egui::Align::Center),
                    |ui| {
                        ui.set_min_width(*width);
                        ui.add(egui::Label::new(cell).truncate())
                    },
                );
            }
        });
    };
    row(
        ui,
        COLUMNS.map(|(h, _)| {
            RichText::new(crate::i18n::tr(h))
                .size(14.0)
                .strong()
                .color(style::pal().muted)
        }),
    );
    let name = |seat: usize| {
        org.seats[seat]
            .person
            .as_ref()
            .map_or_else(|| t!("team-empty-seat"), |p| p.name.clone())
    };
    let height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y + 6.0;
    // Only the rows in view are laid out: an organisation of thousands stays quick.
    egui::ScrollArea::vertical().show_rows(ui, height, org.seats.len(), |ui, rows| {
        for i in rows {
            let seat = &org.seats[i];
            let indent = "  ".repeat(seat.depth.saturating_sub(1) as usize);
            let boss = seat.manager.map_or_else(|| t!("team-you"), name);
            let cells = match &seat.person {
                Some(p) => {
                    let m = p.mood();
                    [
                        style::body(format!("{indent}{}", p.name)),
                        style::body(boss),
                        RichText::new(format!("{} {}", m.sign(), m.word()))
                            .size(16.0)
                            .color(m.color()),
                        style::body(format!("{:.0}%", p.morale * 100.0)),
                        style::body(format!("{:.0}%", p.trust * 100.0)),
                        style::body(format!("{:.0}%", p.stress * 100.0)),
                    ]
                }
                None => [
                    style::muted(format!("{indent}{}", t!("team-empty-seat"))),
                    style::muted(boss),
                    style::muted(match seat.hire_week {
                        Some(w) if w > week => t!("team-hire-in", week = w),
                        Some(_) => t!("team-hire-arriving"),
                        None => t!("team-vacant"),
                    }),
                    style::muted(""),
                    style::muted(""),
                    style::muted(""),
                ],
            };
            row(ui, cells);
        }
    });
}

/// The work on the team's plate: open items with their dates, late ones in red.
pub fn work(ui: &mut egui::Ui, items: &[Item], week: u32) {
    ui.label(
        RichText::new(t!("team-work"))
            .size(16.0)
            .color(style::pal().trees)
            .strong(),
    );
    let open: Vec<&Item> = items.iter().filter(|i| i.open_in(week)).take(6).collect();
    for item in open {
        let late = item.due < week;
        let color = if late {
            style::pal().bad
        } else {
            style::pal().text
        };
        let when = if late {
            t!("team-late-since", week = item.due)
        } else {
            t!("team-due", week = item.due)
        };
        ui.label(
            RichText::new(t!(
                "team-work-item",
                title = i18n::text(&item.title),
                when = when,
                // Rounded down: open work never reads as 100% done.
                done = format!("{:.0}", (100.0 * item.done / item.effort.max(1e-9)).floor())
            ))
            .size(14.0)
            .color(color),
        );
    }
}

/// Team tooltip: how a group below a lead is doing.
pub fn group_tooltip(count: usize, at_risk: usize, mood: Mood, alignment: f64) -> String {
    t!(
        "team-group-tooltip",
        count = count,
        mood = mood.word(),
        at_risk = at_risk,
        aligned = format!("{:.0}", alignment * 100.0)
    )
}

/// How far the vision has reached each layer.
pub fn vision_reach(ui: &mut egui::Ui, org: &Org) {
    ui.label(
        RichText::new(t!("team-vision-reach"))
            .size(16.0)
            .color(style::pal().forest)
            .strong(),
    );
    for depth in 1..=org.max_depth() {
        let people: Vec<&Person> = org
            .seats
            .iter()
            .filter(|s| s.depth == depth)
            .filter_map(|s| s.person.as_ref())
            .collect();
        if people.is_empty() {
            continue;
        }
        let align = people.iter().map(|p| p.alignment).sum::<f64>() / people.len() as f64;
        let name = match (depth, org.max_depth()) {
            (d, m) if d == m => t!("team-layer-floor"),
            (1, _) => t!("team-layer-direct"),
            (d, _) => t!("team-layer", depth = d),
        };
        let who = format!("{} ({})", name, people.len());
        // In a narrow column (a small window, a large interface scale) the name takes its
        // own line: beside the bar it pushed the figure into the next column.
        let narrow = ui.available_width() < NAME_WIDTH + 120.0;
        if narrow {
            ui.label(style::body(&who));
        }
        ui.horizontal(|ui| {
            if !narrow {
                ui.add_sized([NAME_WIDTH, 18.0], egui::Label::new(style::body(&who)));
            }
            // The figure beside the bar, not on it (light text on the green fill was
            // unreadable), and short enough to stay in a narrow column.
            let label_room = 48.0;
            ui.add(
                egui::ProgressBar::new(align as f32)
                    .desired_width((ui.available_width() - label_room).max(30.0))
                    .fill(style::pal().forest),
            )
            .on_hover_text(t!("team-layer-hover"));
            ui.label(style::body(format!("{:.0}%", align * 100.0)));
        });
    }
}

/// Width of a layer's name beside its alignment bar.
const NAME_WIDTH: f32 = 170.0;

/// What is coming: work not yet on the team's plate, and the next deliveries, soonest first.
pub fn coming(ui: &mut egui::Ui, items: &[Item], week: u32) {
    ui.label(
        RichText::new(t!("team-coming"))
            .size(16.0)
            .color(style::pal().trees)
            .strong(),
    );
    let mut next: Vec<&Item> = items
        .iter()
        .filter(|i| i.finished.is_none() && i.due >= week)
        .collect();
    // A deliverable landing now or next week comes first: it must be broken down when it
    // lands, and a week of small stream items would otherwise hide it.
    let landing = |i: &Item| i.kicks_off_in(week) || i.kicks_off_in(week + 1);
    next.sort_by_key(|i| (!landing(i), i.due, i.arrives));
    if next.is_empty() {
        ui.label(style::muted(t!("team-nothing-due")));
    }
    for item in next.into_iter().take(3) {
        let when = if item.arrives > week {
            t!("team-arrives", arrives = item.arrives, due = item.due)
        } else {
            t!("team-due", week = item.due)
        };
        let title = i18n::text(&item.title);
        let effort = format!("{:.1}", item.remaining());
        // What the rules do with the item this week, so the player can act on it.
        let line = if item.kicks_off_in(week) {
            t!(
                "team-coming-break",
                title = title,
                when = when,
                effort = effort
            )
        } else if item.request {
            t!(
                "team-coming-asked",
                title = title,
                when = when,
                effort = effort
            )
        } else {
            t!(
                "team-coming-item",
                title = title,
                when = when,
                effort = effort
            )
        };
        ui.label(RichText::new(line).size(14.0).color(style::pal().muted));
    }
}
