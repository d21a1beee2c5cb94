//! What a frame must not show, judged on egui's own rectangles: text cut by its clip
//! rectangle or the window, text wrapped letter by letter, texts drawn over each other,
//! controls over each other. Plain data in, sentences out, so the rules are tested
//! without a window.
//!
//! Panels are not judged as rectangles: egui's accessibility tree gives containers no
//! bounds, and the game's panels paint no background, so a panel over another shows
//! only as texts crossing or cut at the panel's edge, which are judged.

use bevy_egui::egui::{Rect, accesskit};
use std::collections::HashMap;

/// Rectangles closer than this (in points) are taken as touching, not overlapping:
/// glyphs and frames are rounded to pixels.
const SLACK: f32 = 1.5;

/// One thing egui painted, in paint order.
#[derive(Clone, Debug)]
pub enum Painted {
    Text(Text),
    /// An opaque filled rectangle (a window, a card, a panel's background), as shown
    /// (already cut by its clip rectangle): what was painted before it is hidden under it.
    Fill(Rect),
    /// An outline in the focus colour, as wide as the focus ring or wider: where it runs.
    Ring(Rect),
}

#[derive(Clone, Debug)]
pub struct Text {
    pub text: String,
    /// Where the glyphs are.
    pub rect: Rect,
    /// Each row of glyphs: the rows of a text wrapped around a button frame the button
    /// but do not cover it.
    pub lines: Vec<Rect>,
    /// What egui lets show of them.
    pub clip: Rect,
    pub rows: usize,
    /// Glyphs on the longest row.
    pub widest_row: usize,
}

impl Text {
    /// Where two texts' rows cross, as shown.
    fn crossing(&self, other: &Text) -> Option<Rect> {
        self.lines.iter().find_map(|a| {
            other.lines.iter().find_map(|b| {
                let both = a.intersect(self.clip).intersect(b.intersect(other.clip));
                (both.width() > SLACK && both.height() > SLACK).then_some(both)
            })
        })
    }
}

/// What a frame held, to show the check saw it.
#[derive(Clone, Copy, Debug, Default)]
pub struct Seen {
    pub texts: usize,
    pub controls: usize,
}

/// Everything wrong with one frame, a sentence each.
#[cfg(test)]
fn check(painted: &[Painted], tree: Option<&accesskit::TreeUpdate>, screen: Rect) -> Vec<String> {
    judge(painted, tree, screen).0
}

/// The findings, and what was judged.
pub fn judge(
    painted: &[Painted],
    tree: Option<&accesskit::TreeUpdate>,
    screen: Rect,
) -> (Vec<String>, Seen) {
    let nodes = tree.map(index).unwrap_or_default();
    let scroll_bars: Vec<Rect> = nodes
        .values()
        .filter(|n| n.role() == accesskit::Role::ScrollBar)
        .filter_map(|n| bounds(n))
        .collect();
    let mut found = Vec::new();
    let texts: Vec<(usize, &Text)> = painted
        .iter()
        .enumerate()
        .filter_map(|(i, p)| match p {
            Painted::Text(t) => Some((i, t)),
            Painted::Fill(_) | Painted::Ring(_) => None,
        })
        .collect();
    for (_, t) in &texts {
        if let Some(edges) = cut(t, screen, &scroll_bars) {
            found.push(format!("“{}” is cut at its {edges}", short(&t.text)));
        }
        if t.rows >= 3 && t.widest_row <= 2 {
            found.push(format!("“{}” is wrapped letter by letter", short(&t.text)));
        }
    }
    found.extend(collisions(painted, &texts));
    let mut seen = Seen {
        texts: texts.len(),
        ..Seen::default()
    };
    for parent in nodes.values() {
        let kids = controls(parent, &nodes);
        seen.controls += kids.len();
        found.extend(overlapping(&kids, &nodes));
    }
    found.extend(unnamed(&nodes));
    found.extend(outside_regions(&nodes, tree.map(|t| t.tree.as_ref())));
    (found, seen)
}

/// The roles a player acts on.
fn is_control(role: accesskit::Role) -> bool {
    use accesskit::Role;
    matches!(
        role,
        Role::Button
            | Role::Link
            | Role::CheckBox
            | Role::RadioButton
            | Role::Slider
            | Role::SpinButton
            | Role::TextInput
            | Role::ComboBox
    )
}

/// Controls in no named part of the screen: a screen reader lists a screen's regions
/// and windows to find its way, so each control must sit in one (egui's root window, which
/// every node is in, does not count).
fn outside_regions(
    nodes: &HashMap<accesskit::NodeId, &accesskit::Node>,
    tree: Option<Option<&accesskit::Tree>>,
) -> Vec<String> {
    use accesskit::Role;
    let root = tree.flatten().map(|t| t.root);
    let mut parent = HashMap::new();
    for (id, n) in nodes {
        for kid in n.children() {
            parent.insert(*kid, *id);
        }
    }
    let named_part = |id: &accesskit::NodeId| {
        Some(*id) != root
            && nodes.get(id).is_some_and(|n| {
                matches!(n.role(), Role::Region | Role::Window | Role::Dialog)
                    && n.label().is_some_and(|l| !l.trim().is_empty())
            })
    };
    let mut found: Vec<String> = nodes
        .iter()
        .filter(|(_, n)| is_control(n.role()))
        .filter(|(id, _)| {
            let mut at = parent.get(*id);
            while let Some(p) = at {
                if named_part(p) {
                    return false;
                }
                at = parent.get(p);
            }
            true
        })
        .map(|(id, _)| format!("“{}” is in no named region", first_text(*id, nodes)))
        .collect();
    found.sort();
    found
}

/// Controls a screen reader could only call by their kind: no label, no label from
/// another node, and (for a button) no text inside. Sorted, so a report reads the same
/// each run.
fn unnamed(nodes: &HashMap<accesskit::NodeId, &accesskit::Node>) -> Vec<String> {
    let mut found: Vec<String> = nodes
        .iter()
        .filter(|(_, n)| is_control(n.role()))
        .filter(|(_, n)| n.label().is_none_or(|l| l.trim().is_empty()))
        .filter(|(_, n)| n.labelled_by().is_empty())
        .map(|(id, n)| {
            let near = bounds(n).map_or(String::new(), |r| {
                format!(" at {:.0},{:.0}", r.min.x, r.min.y)
            });
            let inside = first_text(*id, nodes);
            format!("a {:?}{near} has no accessible name ({inside})", n.role())
        })
        .collect();
    found.sort();
    found
}

/// Which edges of a text are cut off, unless it is only cut at the top or bottom of a
/// vertical scroll area (the rest is a scroll away).
fn cut(t: &Text, screen: Rect, scroll_bars: &[Rect]) -> Option<String> {
    if t.text.trim().is_empty() {
        return None;
    }
    let shown = t.clip.intersect(screen).expand(SLACK);
    let edges: Vec<&str> = [
        (t.rect.min.x < shown.min.x, "left"),
        (t.rect.max.x > shown.max.x, "right"),
        (t.rect.min.y < shown.min.y, "top"),
        (t.rect.max.y > shown.max.y, "bottom"),
    ]
    .into_iter()
    .filter_map(|(cut, edge)| cut.then_some(edge))
    .collect();
    if edges.is_empty() {
        return None;
    }
    let vertical_only = edges.iter().all(|e| *e == "top" || *e == "bottom");
    let scrolls = scroll_bars.iter().any(|bar| {
        // A vertical bar spans its area's visible height, at its right edge.
        bar.height() > bar.width()
            && (bar.min.y - t.clip.min.y).abs() <= 4.0 * SLACK
            && (bar.max.y - t.clip.max.y).abs() <= 4.0 * SLACK
            && bar.max.x >= t.clip.min.x
            && bar.min.x <= t.clip.max.x + SLACK
    });
    let inside_window =
        t.clip.min.y >= screen.min.y - SLACK && t.clip.max.y <= screen.max.y + SLACK;
    if vertical_only && scrolls && inside_window {
        return None;
    }
    Some(edges.join(" and ") + if edges.len() > 1 { " edges" } else { " edge" })
}

/// Two texts drawn over each other, with nothing opaque painted between them to hide the
/// lower one: a window, a card or a tooltip above a panel is meant to cover it.
fn collisions(painted: &[Painted], texts: &[(usize, &Text)]) -> Vec<String> {
    let mut found = Vec::new();
    for (k, (i, a)) in texts.iter().enumerate() {
        for (j, b) in &texts[k + 1..] {
            let Some(both) = a.crossing(b) else {
                continue;
            };
            let hidden = painted[i + 1..*j]
                .iter()
                .any(|p| matches!(p, Painted::Fill(f) if f.contains_rect(both)));
            if !hidden {
                found.push(format!(
                    "“{}” and “{}” are drawn over each other",
                    short(&a.text),
                    short(&b.text)
                ));
            }
        }
    }
    found
}

/// The buttons and other controls side by side in one container. (Labels are left to
/// the texts' rows: a wrapped label's rectangle frames what sits beside it.)
fn controls(
    parent: &accesskit::Node,
    nodes: &HashMap<accesskit::NodeId, &accesskit::Node>,
) -> Vec<(Rect, accesskit::NodeId)> {
    use accesskit::Role;
    let control = |r: Role| {
        matches!(
            r,
            Role::Button
                | Role::Link
                | Role::CheckBox
                | Role::RadioButton
                | Role::Slider
                | Role::SpinButton
                | Role::TextInput
                | Role::ComboBox
                | Role::ProgressIndicator
        )
    };
    parent
        .children()
        .iter()
        .filter_map(|id| Some((nodes.get(id)?, *id)))
        .filter(|(n, _)| control(n.role()))
        .filter_map(|(n, id)| Some((bounds(n)?, id)))
        .collect()
}

/// Any two of these that share ground, by name.
fn overlapping(
    rects: &[(Rect, accesskit::NodeId)],
    nodes: &HashMap<accesskit::NodeId, &accesskit::Node>,
) -> Vec<String> {
    let mut found = Vec::new();
    for (k, (a, ia)) in rects.iter().enumerate() {
        for (b, ib) in &rects[k + 1..] {
            let both = a.intersect(*b);
            if both.width() > SLACK && both.height() > SLACK {
                found.push(format!(
                    "“{}” and “{}” overlap",
                    first_text(*ia, nodes),
                    first_text(*ib, nodes)
                ));
            }
        }
    }
    found
}

/// The controls a player can reach by Tab (every enabled control), each with the name a
/// sentence calls it by; sorted by node, so a report reads the same each run.
pub fn tab_stops(tree: &accesskit::TreeUpdate) -> Vec<(accesskit::NodeId, String)> {
    let nodes = index(tree);
    let mut stops: Vec<(accesskit::NodeId, String)> = nodes
        .iter()
        .filter(|(_, n)| is_control(n.role()) && !n.is_disabled())
        .map(|(id, _)| (*id, first_text(*id, &nodes)))
        .collect();
    stops.sort_by_key(|(id, _)| id.0);
    stops
}

/// The focused control of a tree and its rectangle, if a control has the focus.
pub fn focused(tree: &accesskit::TreeUpdate) -> Option<(accesskit::NodeId, Option<Rect>)> {
    let n = tree.nodes.iter().find(|(id, _)| *id == tree.focus)?;
    is_control(n.1.role()).then(|| (tree.focus, bounds(&n.1)))
}

/// Whether a focus ring is drawn around the visible part of a control: a ring on the
/// screen whose inside lies within the control and which runs outside the control's edge
/// (it sits `gap` outside the part of the control not scrolled away). A control's own
/// frame in the focus colour (egui's hover outline) runs along the edge and does not count.
pub fn ringed(painted: &[Painted], control: Rect, gap: f32, screen: Rect) -> bool {
    painted.iter().any(|p| match p {
        Painted::Ring(r) => {
            let inside = r.shrink(gap);
            inside.is_positive()
                && control.expand(SLACK).contains_rect(inside)
                && !control.expand(gap / 2.0).contains_rect(*r)
                && screen.intersect(inside).is_positive()
        }
        _ => false,
    })
}

fn index(tree: &accesskit::TreeUpdate) -> HashMap<accesskit::NodeId, &accesskit::Node> {
    tree.nodes.iter().map(|(id, n)| (*id, n)).collect()
}

fn bounds(n: &accesskit::Node) -> Option<Rect> {
    let b = n.bounds()?;
    let r = Rect::from_min_max(
        [b.x0 as f32, b.y0 as f32].into(),
        [b.x1 as f32, b.y1 as f32].into(),
    );
    r.is_positive().then_some(r)
}

/// The first label or value in a node's subtree, to name it in a sentence.
pub fn first_text(
    start: accesskit::NodeId,
    nodes: &HashMap<accesskit::NodeId, &accesskit::Node>,
) -> String {
    // A field is named by the label beside it.
    let start = nodes
        .get(&start)
        .and_then(|n| n.labelled_by().first().copied())
        .filter(|by| nodes.contains_key(by))
        .unwrap_or(start);
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        let Some(n) = nodes.get(&id) else { continue };
        if let Some(t) = n.label().or(n.value()).filter(|t| !t.trim().is_empty()) {
            return short(t);
        }
        stack.extend(n.children().iter().rev());
    }
    format!("{:?} without text", nodes.get(&start).map(|n| n.role()))
}

/// A text's first line, at most 40 characters, to name it.
fn short(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    match line.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

#[cfg(test)]
mod tests;
