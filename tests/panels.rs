//! The egui panels, found by their accessible labels and clicked as a player would,
//! without a window (egui_kittest).
#![cfg(feature = "gui")]

mod common;

use bevy_egui::egui;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use forest_and_trees::app::platform::Platform;
use forest_and_trees::app::screens::join::{self, Finding, JoinForm};
use forest_and_trees::app::session::Command;
use forest_and_trees::app::ui::hud::Metric;
use forest_and_trees::app::ui::{causes, dilemma, hud, plan};
use sim::run::run_constant;
use sim::{Plan, Sim};

#[test]
fn the_quick_splits_send_the_share_they_name() {
    let draft = Plan::from_share(0.5, 40.0);
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Command>| out.extend(plan::show(ui, &draft, 40.0, &[], 0, None)),
        Vec::new(),
    );
    h.get_by_label("All forest").click();
    h.run();
    h.get_by_label("30/70").click();
    h.run();
    assert_eq!(
        h.state(),
        &vec![Command::SetShare(1.0), Command::SetShare(0.3)]
    );
}

#[test]
fn the_plan_names_every_activity_and_the_hours_left() {
    let mut draft = Plan::from_share(0.5, 40.0);
    draft.set(sim::Activity::FixProcesses, 0.0);
    let mut h = Harness::new_ui(|ui| {
        plan::show(ui, &draft, 40.0, &[], 0, None);
    });
    h.run();
    // Each activity's slider and its hours box carry the activity's name, for a screen
    // reader as for the eye.
    for a in sim::Activity::ALL {
        for role in [Role::Slider, Role::SpinButton] {
            assert!(
                h.query_by_role_and_label(role, a.label()).is_some(),
                "{} has no {role:?} named for it",
                a.label()
            );
        }
    }
    assert!(
        h.query_by_label_contains("36 of 40 h planned · 4 h left")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("4 h not planned: they do nothing this week")
            .is_some()
    );
}

#[test]
fn a_fully_planned_week_has_no_warning_of_idle_hours() {
    let draft = Plan::from_share(0.5, 40.0);
    let mut h = Harness::new_ui(|ui| {
        plan::show(ui, &draft, 40.0, &[], 0, None);
    });
    h.run();
    assert!(h.query_by_label_contains("not planned").is_none());
}

#[test]
fn the_plan_says_what_took_hours_off_the_week() {
    let draft = Plan::from_share(0.5, 30.0);
    let taken = vec![
        ("Choice: Tour every site yourself".to_string(), 16.0),
        ("Status reports for the board".to_string(), 4.0),
    ];
    let mut h = Harness::new_ui(|ui| {
        plan::show(ui, &draft, 30.0, &taken, 0, None);
    });
    h.run();
    assert!(
        h.query_by_label_contains(
            "This week: −16 h Choice: Tour every site yourself · −4 h Status reports for the board"
        )
        .is_some()
    );
}

/// First Week's weekend-overtime card.
fn overtime_card() -> sim::DilemmaSpec {
    common::level("first-week")
        .dilemmas
        .iter()
        .find(|d| d.id == "overtime")
        .expect("First Week asks about overtime")
        .clone()
}

#[test]
fn a_decision_card_returns_the_choice_clicked() {
    let card = overtime_card();
    let mut h = Harness::new_ui_state(
        |ui, chosen: &mut Option<String>| {
            if let Some(c) = dilemma::show(ui.ctx(), &card, None, dilemma::Foresight::Hints) {
                *chosen = Some(c);
            }
        },
        None,
    );
    h.run();
    // Each choice shows its hint of the likely consequence.
    for choice in &card.choices {
        let hint = format!("Likely: {}", choice.hint);
        assert!(
            h.query_by_label_contains(&hint).is_some(),
            "no hint for {}",
            choice.id
        );
    }
    h.get_by_label("2. Cut scope with the director").click();
    h.run();
    assert_eq!(h.state().as_deref(), Some("rescope"));
}

/// Easy mode's card names the choice its likely changes are measured against.
#[test]
fn an_easy_card_says_which_choice_the_changes_are_against() {
    let card = overtime_card();
    let effects: Vec<(String, [f64; 4])> = card
        .choices
        .iter()
        .map(|c| (c.id.clone(), [0.01, -0.02, 0.03, 0.0]))
        .collect();
    let mut h = Harness::new_ui(|ui| {
        dilemma::show(ui.ctx(), &card, None, dilemma::Foresight::Effects(&effects));
    });
    h.run();
    let default = &card.choices[card.default].label;
    let others = card.choices.len() - 1;
    assert_eq!(
        h.query_all_by_label_contains(&format!("this week, against \"{default}\":"))
            .count(),
        others
    );
    assert!(
        h.query_by_label_contains("the default: the others' likely changes are against this one")
            .is_some()
    );
}

#[test]
fn why_opens_the_causes_of_the_metric_asked() {
    let level = common::level("first-week");
    let sim: Sim = run_constant(&level, 2, 0.4);
    let weeks = sim.state.history.clone();
    let now = sim.metrics();
    let mut h = Harness::new_ui_state(
        |ui, asked: &mut Option<Metric>| {
            if let Some(m) = hud::show(ui, &now, Some(&weeks[10].metrics), &weeks) {
                *asked = Some(m);
            }
        },
        None,
    );
    h.run();
    // The first "why?" belongs to morale.
    h.get_all_by_label("why?")
        .next()
        .expect("a why? button")
        .click();
    h.run();
    assert_eq!(*h.state(), Some(Metric::Morale));

    // And the causes window lists this week's morale causes, largest first.
    let mut c = Harness::new_ui(|ui| causes::show(ui, Metric::Morale, &weeks));
    c.run();
    let largest = causes::of_week(Metric::Morale, weeks.last().unwrap())
        .into_iter()
        .max_by(|a, b| a.amount.abs().total_cmp(&b.amount.abs()))
        .unwrap();
    // It stands in both lists, this week and over the run.
    assert!(
        c.query_all_by_label_contains(&largest.label)
            .next()
            .is_some(),
        "{} not shown",
        largest.label
    );
}

/// Trust, alignment, stress and goal progress answer "why?" with their own causes, and the run's total is
/// the change from before week 1 to now, in points.
#[test]
fn why_names_the_causes_of_trust_alignment_stress_and_goals() {
    let level = common::level("crunch");
    let start = Sim::new(level.clone(), 3).metrics();
    let sim: Sim = run_constant(&level, 3, 1.0);
    let weeks = sim.state.history.clone();
    let end = sim.metrics();
    for (metric, label, before, after) in [
        (Metric::Trust, "Say-do gap", start.trust, end.trust),
        (
            Metric::Alignment,
            "The vision they hear",
            start.alignment,
            end.alignment,
        ),
        (Metric::Stress, "Unclear tasks", start.stress, end.stress),
        (
            Metric::Goals,
            "Work done on the goals",
            start.goal_progress,
            end.goal_progress,
        ),
    ] {
        let mut c = Harness::new_ui(|ui| causes::show(ui, metric, &weeks));
        c.run();
        assert!(
            c.query_all_by_label_contains(label).next().is_some(),
            "{metric:?}: {label} not shown"
        );
        let total = format!(
            "Over {} weeks: {} moved {:+.1} points",
            weeks.len(),
            metric.label().to_lowercase(),
            (after - before) * 100.0
        );
        assert!(
            c.query_by_label_contains(&total).is_some(),
            "{metric:?}: no line \"{total}\""
        );
    }
}

#[test]
fn coming_up_shows_a_deliverable_about_to_land_before_routine_items() {
    use forest_and_trees::app::ui::team;
    use sim::Item;
    let item = |title: &str, due: u32, arrives: u32, kickoff: Option<u32>| Item {
        title: title.into(),
        goal: 0,
        effort: if kickoff.is_some() { 6.0 } else { 0.6 },
        done: 0.0,
        due,
        arrives,
        finished: None,
        urgent: false,
        request: false,
        kickoff,
        false_starts: 0.0,
    };
    let items = vec![
        item("Maintenance (week 4)", 4, 4, None),
        item("Maintenance (week 5)", 5, 5, None),
        item("Maintenance (week 6)", 6, 6, None),
        item("Fit-out of the wards", 10, 5, Some(5)),
    ];
    let mut h = Harness::new_ui(|ui| team::coming(ui, &items, 4));
    h.run();
    assert!(
        h.query_by_label_contains("Fit-out of the wards · arrives week 5, due week 10")
            .is_some()
    );
    // In the week it lands, it says what to do with it.
    let mut h = Harness::new_ui(|ui| team::coming(ui, &items, 5));
    h.run();
    assert!(
        h.query_by_label_contains(
            "Fit-out of the wards · due week 10 · 6.0 person-weeks · break it down this week"
        )
        .is_some()
    );
}

/// The forest view's alignment bars keep their figures inside their column, however narrow
/// (the left half of the strip at 1280×720 and a large interface scale).
#[test]
fn alignment_bars_keep_their_figures_inside_a_narrow_column() {
    use forest_and_trees::app::ui::team;
    let sim = Sim::new(common::level("the-sandwich"), 3);
    for width in [220.0, 300.0, 480.0] {
        let mut h = Harness::builder()
            .with_size(egui::vec2(width, 300.0))
            .build_ui(|ui| team::vision_reach(ui, &sim.state.org));
        h.run();
        let figures: Vec<_> = h.query_all_by_label_contains("%").collect();
        assert!(!figures.is_empty());
        for f in figures {
            assert!(
                f.rect().max.x <= width + 0.5,
                "width {width}: {f:?} ends at {}",
                f.rect().max.x
            );
        }
    }
}

/// Typing an hour count is typing: the game's keys (Enter ends the week) must leave it
/// alone, which `app::focus` does while egui says a text field has the focus.
#[test]
fn an_hour_box_clicked_to_type_into_holds_the_focus_as_a_text_field() {
    let draft = Plan::from_share(0.5, 40.0);
    let mut h = Harness::new_ui_state(
        |ui, out: &mut Vec<Command>| out.extend(plan::show(ui, &draft, 40.0, &[], 0, None)),
        Vec::new(),
    );
    assert!(!h.ctx.text_edit_focused());
    h.get_by_role_and_label(Role::SpinButton, "Share the vision")
        .click();
    h.run();
    assert!(h.ctx.memory(|m| m.focused().is_some()));
    assert!(h.ctx.text_edit_focused(), "the box is being typed into");
}

/// On the page a facilitator's game served, the class is where the page came from: the
/// computer is shown as its address, not as a box that invites typing another; on the desktop
/// it is a field the player fills in.
#[test]
fn a_class_page_shows_the_facilitators_computer_as_text_not_a_field() {
    for (platform, editable) in [(Platform::ClassPage, false), (Platform::Desktop, true)] {
        let form = JoinForm::new("FT-ABCD-2345", "Birch", "192.168.1.20:7878");
        let h = Harness::new_ui_state(
            move |ui, form: &mut JoinForm| {
                join::fields(ui, form, &mut Finding::default(), None, platform);
            },
            form,
        );
        let fields = h.query_all_by_role(Role::TextInput).count();
        assert_eq!(fields, if editable { 3 } else { 2 }, "{platform:?}");
        if !editable {
            h.get_by_label("192.168.1.20:7878");
        }
    }
}
