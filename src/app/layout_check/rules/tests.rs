use super::*;
use bevy_egui::egui::{Rect, accesskit, pos2};

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Rect {
    Rect::from_min_max(pos2(x0, y0), pos2(x1, y1))
}

fn text(s: &str, r: Rect, clip: Rect) -> Painted {
    Painted::Text(Text {
        text: s.into(),
        rect: r,
        lines: vec![r],
        clip,
        rows: 1,
        widest_row: s.chars().count(),
    })
}

const SCREEN: Rect = Rect {
    min: pos2(0.0, 0.0),
    max: pos2(1000.0, 600.0),
};

fn tree(nodes: Vec<(u64, accesskit::Node)>) -> accesskit::TreeUpdate {
    accesskit::TreeUpdate {
        nodes: nodes
            .into_iter()
            .map(|(id, n)| (accesskit::NodeId(id), n))
            .collect(),
        tree: Some(accesskit::Tree::new(accesskit::NodeId(1))),
        tree_id: accesskit::TreeId::ROOT,
        focus: accesskit::NodeId(1),
    }
}

fn root(children: &[u64]) -> accesskit::Node {
    let mut n = accesskit::Node::new(accesskit::Role::Window);
    n.set_children(
        children
            .iter()
            .map(|c| accesskit::NodeId(*c))
            .collect::<Vec<_>>(),
    );
    n
}

#[test]
fn text_past_its_clip_rectangle_or_the_window_is_cut() {
    let panel = rect(0.0, 0.0, 200.0, 600.0);
    let found = check(
        &[text("Your team", rect(150.0, 10.0, 260.0, 30.0), panel)],
        None,
        SCREEN,
    );
    assert_eq!(found, ["“Your team” is cut at its right edge"]);
    let found = check(
        &[text("Back", rect(10.0, 590.0, 60.0, 610.0), SCREEN)],
        None,
        SCREEN,
    );
    assert_eq!(found, ["“Back” is cut at its bottom edge"]);
    assert!(
        check(
            &[text("Back", rect(10.0, 10.0, 60.0, 30.0), panel)],
            None,
            SCREEN
        )
        .is_empty()
    );
}

#[test]
fn text_at_the_edge_of_a_vertical_scroll_area_is_a_scroll_away() {
    let area = rect(0.0, 100.0, 200.0, 400.0);
    let painted = [text("Week 3", rect(10.0, 390.0, 80.0, 410.0), area)];
    let mut bar = accesskit::Node::new(accesskit::Role::ScrollBar);
    bar.set_bounds(accesskit::Rect::new(190.0, 100.0, 200.0, 400.0));
    let with_bar = tree(vec![(1, root(&[2])), (2, bar)]);
    assert!(check(&painted, Some(&with_bar), SCREEN).is_empty());
    // Without the bar the same text is cut.
    assert_eq!(check(&painted, None, SCREEN).len(), 1);
}

#[test]
fn texts_over_each_other_collide_unless_something_opaque_lies_between() {
    let a = text("Your team", rect(10.0, 10.0, 100.0, 30.0), SCREEN);
    let b = text("Team view", rect(50.0, 15.0, 140.0, 35.0), SCREEN);
    let found = check(&[a.clone(), b.clone()], None, SCREEN);
    assert_eq!(
        found,
        ["“Your team” and “Team view” are drawn over each other"]
    );
    let card = Painted::Fill(rect(0.0, 0.0, 300.0, 300.0));
    assert!(check(&[a, card, b], None, SCREEN).is_empty());
}

#[test]
fn letter_by_letter_wrapping_is_found() {
    let t = Painted::Text(Text {
        text: "Log".into(),
        rect: rect(0.0, 0.0, 8.0, 60.0),
        lines: vec![
            rect(0.0, 0.0, 8.0, 20.0),
            rect(0.0, 20.0, 8.0, 40.0),
            rect(0.0, 40.0, 8.0, 60.0),
        ],
        clip: SCREEN,
        rows: 3,
        widest_row: 1,
    });
    assert_eq!(
        check(&[t], None, SCREEN),
        ["“Log” is wrapped letter by letter"]
    );
}

#[test]
fn buttons_side_by_side_must_not_overlap() {
    let button = |x0, x1, label: &str| {
        let mut n = accesskit::Node::new(accesskit::Role::Button);
        n.set_bounds(accesskit::Rect::new(x0, 0.0, x1, 30.0));
        n.set_label(label);
        n
    };
    let row = |second_starts| {
        let mut toolbar = accesskit::Node::new(accesskit::Role::Region);
        toolbar.set_label("Toolbar");
        toolbar.set_children(vec![accesskit::NodeId(2), accesskit::NodeId(3)]);
        tree(vec![
            (1, root(&[4])),
            (4, toolbar),
            (2, button(0.0, 100.0, "End week")),
            (3, button(second_starts, 200.0, "Charts")),
        ])
    };
    assert!(check(&[], Some(&row(104.0)), SCREEN).is_empty());
    assert_eq!(
        check(&[], Some(&row(80.0)), SCREEN),
        ["“End week” and “Charts” overlap"]
    );
}

#[test]
fn a_control_without_a_name_is_found_and_a_labelled_one_is_not() {
    let mut slider = accesskit::Node::new(accesskit::Role::Slider);
    slider.set_bounds(accesskit::Rect::new(100.0, 40.0, 300.0, 60.0));
    let mut named = accesskit::Node::new(accesskit::Role::Button);
    named.set_label("End week");
    let mut by_label = accesskit::Node::new(accesskit::Role::Slider);
    by_label.push_labelled_by(accesskit::NodeId(5));
    let mut label = accesskit::Node::new(accesskit::Role::Label);
    label.set_value("Music volume");
    let t = tree(vec![
        (1, root(&[2, 3, 4, 5])),
        (2, slider),
        (3, named),
        (4, by_label),
        (5, label),
    ]);
    let found = check(&[], Some(&t), SCREEN);
    assert!(
        found.contains(
            &"a Slider at 100,40 has no accessible name (Some(Slider) without text)".to_string()
        ),
        "{found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|f| f.contains("accessible name (End week)")),
        "{found:?}"
    );
}

#[test]
fn a_control_outside_every_named_region_is_found() {
    let mut button = accesskit::Node::new(accesskit::Role::Button);
    button.set_label("End week");
    let mut lost = accesskit::Node::new(accesskit::Role::Button);
    lost.set_label("Charts");
    let mut region = accesskit::Node::new(accesskit::Role::Region);
    region.set_label("Your week");
    region.set_children(vec![accesskit::NodeId(4)]);
    let mut group = accesskit::Node::new(accesskit::Role::GenericContainer);
    group.set_children(vec![accesskit::NodeId(3)]);
    let t = tree(vec![
        (1, root(&[2, 5])),
        (2, region),
        (4, group),
        (3, button),
        (5, lost),
    ]);
    assert_eq!(
        check(&[], Some(&t), SCREEN),
        ["“Charts” is in no named region"]
    );
}

#[test]
fn a_ring_outside_the_focused_control_shows_its_focus_and_its_own_outline_does_not() {
    let button = rect(100.0, 100.0, 200.0, 130.0);
    let ring = |r: Rect| [Painted::Ring(r)];
    assert!(ringed(&ring(button.expand(2.0)), button, 2.0, SCREEN));
    // Around the part left in sight of a control scrolled half away.
    let shown = rect(100.0, 115.0, 200.0, 130.0);
    assert!(ringed(&ring(shown.expand(2.0)), button, 2.0, SCREEN));
    // The hover outline along the button's own edge; a ring around another control; none.
    assert!(!ringed(&ring(button), button, 2.0, SCREEN));
    let other = rect(300.0, 100.0, 400.0, 130.0);
    assert!(!ringed(&ring(other.expand(2.0)), button, 2.0, SCREEN));
    assert!(!ringed(&[], button, 2.0, SCREEN));
    // A ring off the window shows nothing.
    let below = rect(100.0, 700.0, 200.0, 730.0);
    assert!(!ringed(&ring(below.expand(2.0)), below, 2.0, SCREEN));
}

#[test]
fn tab_stops_are_the_enabled_controls_by_name_and_focus_is_on_a_control_or_none() {
    let mut ok = accesskit::Node::new(accesskit::Role::Button);
    ok.set_label("Play");
    ok.set_bounds(accesskit::Rect::new(10.0, 10.0, 90.0, 40.0));
    let mut off = accesskit::Node::new(accesskit::Role::Button);
    off.set_label("Continue");
    off.set_disabled();
    let mut label = accesskit::Node::new(accesskit::Role::Label);
    label.set_value("Forest & Trees");
    let mut t = tree(vec![(1, root(&[2, 3, 4])), (2, ok), (3, off), (4, label)]);
    assert_eq!(
        tab_stops(&t),
        vec![(accesskit::NodeId(2), "Play".to_string())]
    );
    assert_eq!(focused(&t), None, "the root holds the focus");
    t.focus = accesskit::NodeId(2);
    assert_eq!(
        focused(&t),
        Some((accesskit::NodeId(2), Some(rect(10.0, 10.0, 90.0, 40.0))))
    );
    t.focus = accesskit::NodeId(4);
    assert_eq!(focused(&t), None, "a label is no control");
}
