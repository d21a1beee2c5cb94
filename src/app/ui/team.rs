//! The organisation on screen, in two views of one team. Zoomed in ("trees"): each
//! person as a token, with mood shown by shape, sign and colour, and the work items
//! with their dates. Zoomed out ("forest"): the goals, and how far the vision has
//! reached each layer.

use super::style;
use crate::sim::org::{Org, Person};
use crate::sim::{Item, Level};
use bevy_egui::egui::{self, Color32, RichText, pos2, vec2};

/// How a person feels, never shown by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mood {
    Good,
    Uneasy,
    Low,
}

impl Mood {
    pub fn of(p: &Person) -> Mood {
        if p.morale < 0.4 || p.stress > 0.65 {
            Mood::Low
        } else if p.morale < 0.6 {
            Mood::Uneasy
        } else {
            Mood::Good
        }
    }

    fn color(self) -> Color32 {
        match self {
            Mood::Good => style::GOOD,
            Mood::Uneasy => style::WARN,
            Mood::Low => style::BAD,
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Mood::Good => "+",
            Mood::Uneasy => "=",
            Mood::Low => "!",
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Mood::Good => "doing well",
            Mood::Uneasy => "uneasy",
            Mood::Low => "at risk",
        }
    }
}

/// A person: head and shoulders, with their mood as a badge at the shoulder.
pub fn person_token(painter: &egui::Painter, center: egui::Pos2, r: f32, mood: Mood) {
    let body = Color32::from_rgb(196, 204, 192);
    let head = pos2(center.x - r * 0.3, center.y - r * 0.45);
    painter.circle_filled(head, r * 0.5, body);
    let shoulders =
        egui::Rect::from_center_size(pos2(head.x, center.y + r * 0.55), vec2(r * 1.7, r * 0.9));
    painter.rect_filled(
        shoulders,
        egui::CornerRadius {
            nw: (r * 0.8) as u8,
            ne: (r * 0.8) as u8,
            sw: 2,
            se: 2,
        },
        body,
    );
    token(
        painter,
        pos2(center.x + r * 0.75, center.y + r * 0.1),
        r * 0.55,
        mood,
    );
}

/// A token: circle (good), square (uneasy) or triangle (at risk), with its sign.
pub fn token(painter: &egui::Painter, center: egui::Pos2, r: f32, mood: Mood) {
    let fill = mood.color();
    let stroke = egui::Stroke::new(1.5, Color32::BLACK);
    match mood {
        Mood::Good => {
            painter.circle(center, r, fill, stroke);
        }
        Mood::Uneasy => {
            painter.rect(
                egui::Rect::from_center_size(center, vec2(r * 1.8, r * 1.8)),
                3.0,
                fill,
                stroke,
                egui::StrokeKind::Inside,
            );
        }
        Mood::Low => {
            let pts = vec![
                pos2(center.x, center.y - r * 1.1),
                pos2(center.x + r * 1.1, center.y + r * 0.9),
                pos2(center.x - r * 1.1, center.y + r * 0.9),
            ];
            painter.add(egui::Shape::convex_polygon(pts, fill, stroke));
        }
    }
    painter.text(
        center,
        egui::Align2::CENTER_CENTER,
        mood.sign(),
        egui::FontId::proportional(r * 1.1),
        Color32::BLACK,
    );
}

fn person_tooltip(p: &Person) -> String {
    let mut pushes: Vec<(f64, &str)> = p
        .morale_pushes
        .iter()
        .copied()
        .zip(crate::sim::rules::MORALE_LABELS)
        .filter(|(v, _)| v.abs() >= 0.0005)
        .collect();
    pushes.sort_by(|a, b| b.0.abs().total_cmp(&a.0.abs()));
    let why: Vec<String> = pushes
        .iter()
        .take(3)
        .map(|(v, l)| format!("{:+.1} {l}", v * 100.0))
        .collect();
    format!(
        "{} — {}\nskill {:.0}% · morale {:.0}% · trust {:.0}%\nalignment {:.0}% · stress {:.0}% · autonomy {:.0}%{}",
        p.name,
        Mood::of(p).word(),
        p.skill * 100.0,
        p.morale * 100.0,
        p.trust * 100.0,
        p.alignment * 100.0,
        p.stress * 100.0,
        p.autonomy * 100.0,
        if why.is_empty() {
            String::new()
        } else {
            format!("\nmorale last week: {}", why.join(", "))
        }
    )
}

/// Zoomed in: direct reports and, for leads, their people. Organisations too large to
/// show everyone group each team; clicking a group opens it (`focus`), one layer down.
pub fn trees(ui: &mut egui::Ui, org: &Org, items: &[Item], week: u32, focus: &mut Option<usize>) {
    ui.label(style::heading("The trees: people and work"));
    // Beyond a dozen people, rows of faces stop fitting: each team becomes a group that opens.
    let show_everyone = org.seats.len() <= 12;
    let root = *focus;
    if let Some(m) = root {
        let name = org.seats[m]
            .person
            .as_ref()
            .map_or("an empty seat", |p| p.name.as_str());
        ui.horizontal(|ui| {
            ui.label(style::body(format!("Inside the team of {name}")));
            if ui.small_button("Back to your direct reports").clicked() {
                *focus = None;
            }
        });
    }
    let is_top = |s: &crate::sim::org::Seat| match root {
        None => s.depth == 1,
        Some(m) => s.manager == Some(m),
    };
    // Reports who lead no one share a row; each lead gets a row with their team.
    ui.horizontal_wrapped(|ui| {
        for seat in org.seats.iter().filter(|s| is_top(s) && !s.leads) {
            person_chip(ui, seat.person.as_ref(), seat.hire_week);
        }
    });
    for (i, seat) in org
        .seats
        .iter()
        .enumerate()
        .filter(|(_, s)| is_top(s) && s.leads)
    {
        ui.horizontal_wrapped(|ui| {
            person_chip(ui, seat.person.as_ref(), seat.hire_week);
            ui.label(style::muted("leads"));
            if show_everyone {
                for s in org.seats.iter().filter(|s| s.manager == Some(i)) {
                    person_chip(ui, s.person.as_ref(), s.hire_week);
                }
            } else if group_chip(ui, org, i) {
                *focus = Some(i);
            }
        });
        ui.add_space(2.0);
    }
    ui.separator();
    ui.label(
        RichText::new("Work")
            .size(16.0)
            .color(style::TREES)
            .strong(),
    );
    let open: Vec<&Item> = items.iter().filter(|i| i.open_in(week)).take(6).collect();
    for item in open {
        let late = item.due < week;
        let color = if late { style::BAD } else { style::TEXT };
        let when = if late {
            format!("late since week {}", item.due)
        } else {
            format!("due week {}", item.due)
        };
        ui.label(
            RichText::new(format!(
                "{} · {when} · {:.0}% done",
                item.title,
                100.0 * item.done / item.effort.max(1e-9)
            ))
            .size(14.0)
            .color(color),
        );
    }
}

fn person_chip(ui: &mut egui::Ui, person: Option<&Person>, hire_week: Option<u32>) {
    let (rect, response) = ui.allocate_exact_size(vec2(104.0, 60.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    match person {
        Some(p) => {
            person_token(
                &painter,
                pos2(rect.center().x, rect.top() + 17.0),
                16.0,
                Mood::of(p),
            );
            // A morale bar that glides to its new level when a week ends, so a change of
            // mood is seen happening rather than only read.
            let shown = ui.ctx().animate_value_with_time(
                egui::Id::new(("morale", &p.name)),
                p.morale as f32,
                0.8,
            );
            let bar = egui::Rect::from_min_size(
                pos2(rect.center().x - 28.0, rect.top() + 35.0),
                vec2(56.0, 4.0),
            );
            painter.rect_filled(bar, 1.0, Color32::from_gray(60));
            painter.rect_filled(
                egui::Rect::from_min_size(
                    bar.min,
                    vec2(bar.width() * shown.clamp(0.0, 1.0), bar.height()),
                ),
                1.0,
                Mood::of(p).color(),
            );
            painter.text(
                pos2(rect.center().x, rect.bottom() - 9.0),
                egui::Align2::CENTER_CENTER,
                &p.name,
                egui::FontId::proportional(13.0),
                style::TEXT,
            );
            response.on_hover_text(person_tooltip(p));
        }
        None => {
            painter.circle_stroke(
                pos2(rect.center().x, rect.top() + 18.0),
                13.0,
                egui::Stroke::new(1.5, style::MUTED),
            );
            let text = hire_week.map_or("empty seat".to_string(), |w| format!("hire in week {w}"));
            painter.text(
                pos2(rect.center().x, rect.bottom() - 10.0),
                egui::Align2::CENTER_CENTER,
                text,
                egui::FontId::proportional(13.0),
                style::MUTED,
            );
        }
    }
}

/// Everyone below a lead, summarised: how many, how they feel, who is at risk. Returns
/// whether it was clicked (to open the team).
fn group_chip(ui: &mut egui::Ui, org: &Org, lead: usize) -> bool {
    let mut members = Vec::new();
    let mut stack = vec![lead];
    while let Some(s) = stack.pop() {
        for (i, seat) in org
            .seats
            .iter()
            .enumerate()
            .filter(|(_, seat)| seat.manager == Some(s))
        {
            stack.push(i);
            if let Some(p) = &seat.person {
                members.push(p);
            }
        }
    }
    let n = members.len().max(1) as f64;
    let morale = members.iter().map(|p| p.morale).sum::<f64>() / n;
    let at_risk = members.iter().filter(|p| Mood::of(p) == Mood::Low).count();
    let mood = if morale < 0.4 {
        Mood::Low
    } else if morale < 0.6 {
        Mood::Uneasy
    } else {
        Mood::Good
    };
    let (rect, response) = ui.allocate_exact_size(vec2(210.0, 56.0), egui::Sense::click());
    let painter = ui.painter_at(rect);
    token(
        &painter,
        pos2(rect.left() + 20.0, rect.center().y),
        13.0,
        mood,
    );
    painter.text(
        pos2(rect.left() + 42.0, rect.center().y),
        egui::Align2::LEFT_CENTER,
        format!("{} people, {} at risk", members.len(), at_risk),
        egui::FontId::proportional(14.0),
        style::TEXT,
    );
    response
        .on_hover_text(format!(
            "Mean morale {:.0}% · {} at risk of leaving · click to open the team",
            morale * 100.0,
            at_risk
        ))
        .clicked()
}

/// Zoomed out: the goals, and how far the vision has reached each layer.
pub fn forest(ui: &mut egui::Ui, level: &Level, org: &Org, goal_progress: &[f64]) {
    ui.label(style::heading("The forest: goals and the vision"));
    for (g, p) in level.goals.iter().zip(goal_progress) {
        ui.label(style::body(&g.title));
        let share = (p / g.target).clamp(0.0, 1.0) as f32;
        ui.add(
            egui::ProgressBar::new(share)
                .text(format!("{:.0}%", share * 100.0))
                .fill(style::FOREST),
        );
    }
    ui.add_space(10.0);
    ui.label(
        RichText::new("How far the vision has reached")
            .size(16.0)
            .color(style::FOREST)
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
            (d, m) if d == m => "the floor".to_string(),
            (1, _) => "your direct reports".to_string(),
            (d, _) => format!("layer {d}"),
        };
        ui.horizontal(|ui| {
            ui.add_sized(
                [170.0, 18.0],
                egui::Label::new(style::body(format!("{name} ({})", people.len()))),
            );
            ui.add(
                egui::ProgressBar::new(align as f32)
                    .text(format!("aligned {:.0}%", align * 100.0))
                    .fill(style::FOREST),
            );
        });
    }
}
