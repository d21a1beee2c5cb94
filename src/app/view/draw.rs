//! The organisation's entities, made, updated and retired to match this week's layout:
//! a token for each node, drawn as shapes and captions, and the links between them.

use super::animate::{Arriving, FlowDot, MoodChanged, PersonLeft};
use super::layout::{self, Key, Kind, Link, Node};
use super::{Token, ViewSystems, WORLD_LAYER};
use crate::app::screens::Screen;
use crate::app::screens::play::PlayUi;
use crate::app::session::Session;
use crate::app::ui::style;
use crate::app::ui::theme::Palette;
use crate::t;
use bevy::camera::visibility::RenderLayers;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::text::FontSize;
use sim::Mood;
use std::collections::BTreeMap;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, make_shapes)
        .add_systems(Update, (recolour, sync).chain().in_set(ViewSystems::Sync));
}

#[derive(Component)]
pub(super) struct Badge;

/// A name or caption beside a shape: kept at a readable size when the camera pulls out.
#[derive(Component)]
pub(super) struct Caption;

/// A goal's title: a caption that must not grow into the next goal's.
#[derive(Component)]
pub(super) struct GoalTitle;

/// A link's line or one of its dots: redrawn whenever the layout changes. `to_goal`: it
/// joins a goal, so it is shown in the forest view only, where the goals are framed.
#[derive(Component)]
pub(super) struct LinkLine {
    pub to_goal: bool,
}

#[derive(Resource)]
pub(super) struct Shapes {
    circle: Handle<Mesh>,
    square: Handle<Mesh>,
    triangle: Handle<Mesh>,
    ring: Handle<Mesh>,
    line: Handle<Mesh>,
    dot: Handle<Mesh>,
    body: Handle<ColorMaterial>,
    empty: Handle<ColorMaterial>,
    forest: Handle<ColorMaterial>,
    you: Handle<ColorMaterial>,
    moods: [Handle<ColorMaterial>; 3],
    goal_done: Handle<ColorMaterial>,
    font: Handle<Font>,
}

fn mood_index(m: Mood) -> usize {
    match m {
        Mood::Good => 0,
        Mood::Uneasy => 1,
        Mood::Low => 2,
    }
}

fn colour(c: bevy_egui::egui::Color32) -> Color {
    Color::srgba_u8(c.r(), c.g(), c.b(), c.a())
}

fn make_shapes(
    mut commands: Commands,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut fonts: ResMut<Assets<Font>>,
) {
    let font = fonts.add(Font::from_bytes(
        epaint_default_fonts::UBUNTU_LIGHT.to_vec(),
    ));
    let mut mat = |c: Color| materials.add(ColorMaterial::from(c));
    commands.insert_resource(Shapes {
        circle: meshes.add(Circle::new(1.0)),
        square: meshes.add(Rectangle::new(1.8, 1.8)),
        triangle: meshes.add(Triangle2d::new(
            Vec2::new(0.0, 1.1),
            Vec2::new(-1.1, -0.9),
            Vec2::new(1.1, -0.9),
        )),
        ring: meshes.add(Annulus::new(0.82, 1.0)),
        line: meshes.add(Rectangle::new(1.0, 1.0)),
        dot: meshes.add(Circle::new(3.0)),
        body: mat(Color::NONE),
        empty: mat(Color::NONE),
        forest: mat(Color::NONE),
        you: mat(Color::NONE),
        moods: [mat(Color::NONE), mat(Color::NONE), mat(Color::NONE)],
        goal_done: mat(Color::NONE),
        font,
    });
}

impl Shapes {
    /// Each material and its colour in the palette.
    fn colours(&self, p: &Palette) -> [(&Handle<ColorMaterial>, Color); 8] {
        [
            (&self.body, colour(p.person)),
            (&self.empty, colour(p.muted).with_alpha(0.5)),
            (&self.forest, colour(p.forest)),
            (&self.you, colour(p.trees)),
            (&self.moods[0], colour(p.good)),
            (&self.moods[1], colour(p.warn)),
            (&self.moods[2], colour(p.bad)),
            (&self.goal_done, colour(p.forest).with_alpha(0.35)),
        ]
    }
}

/// The world's materials take the palette in use: at start and whenever the player
/// switches high contrast on or off.
fn recolour(
    shapes: Option<Res<Shapes>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut last: Local<Option<Palette>>,
) {
    let Some(shapes) = shapes else { return };
    let p = *style::pal();
    if last.as_ref() == Some(&p) && !shapes.is_added() {
        return;
    }
    *last = Some(p);
    for (handle, c) in shapes.colours(&p) {
        if let Some(mut m) = materials.get_mut(handle) {
            m.color = c;
        }
    }
}

/// What the world is drawn from: this week's simulation, the play screen's focus and the
/// shapes (absent until Startup has made them).
#[derive(SystemParam)]
struct Source<'w> {
    session: Res<'w, Session>,
    ui: Option<Res<'w, PlayUi>>,
    shapes: Option<Res<'w, Shapes>>,
}

/// What is drawn now: the tokens, and the links' lines and dots.
#[derive(SystemParam)]
struct Drawn<'w, 's> {
    tokens: Query<'w, 's, (Entity, &'static mut Token, &'static mut Transform)>,
    links: Query<'w, 's, Entity, With<LinkLine>>,
}

/// The week, focus and level a layout was drawn for.
type Stamp = (u32, Option<usize>, String);

/// Makes, updates and retires the world's entities to match this week's layout.
fn sync(
    mut commands: Commands,
    source: Source,
    mut drawn: Drawn,
    mut last_week: Local<Option<Stamp>>,
) {
    let Some(shapes) = source.shapes.as_deref() else {
        return;
    };
    let focus = source.ui.as_ref().and_then(|u| u.focus);
    let sim = &source.session.sim;
    let stamp = (sim.state.week, focus, sim.level.id.clone());
    if last_week.as_ref() == Some(&stamp) && !drawn.tokens.is_empty() {
        return;
    }
    *last_week = Some(stamp);
    let (nodes, new_links) =
        layout::layout(&sim.level, &sim.state.org, &sim.state.goal_progress, focus);
    let wanted: BTreeMap<Key, &Node> = nodes.iter().map(|n| (n.key, n)).collect();
    let mut have: BTreeMap<Key, Entity> = BTreeMap::new();
    for (entity, token, transform) in &mut drawn.tokens {
        match wanted.get(&token.key) {
            None => commands.entity(entity).despawn(),
            Some(node) => {
                have.insert(token.key, entity);
                update_token(&mut commands, entity, token, transform, node, shapes);
            }
        }
    }
    for node in &nodes {
        if !have.contains_key(&node.key) {
            spawn_token(&mut commands, node, shapes);
        }
    }
    for entity in &drawn.links {
        commands.entity(entity).despawn();
    }
    for l in new_links {
        spawn_link(&mut commands, &l, &wanted, shapes);
    }
}

/// Moves a token to its node and, if what it shows has changed, redraws it, telling the
/// animations who left and whose mood moved.
fn update_token(
    commands: &mut Commands,
    entity: Entity,
    mut token: Mut<Token>,
    mut transform: Mut<Transform>,
    node: &Node,
    shapes: &Shapes,
) {
    transform.translation.x = node.x;
    transform.translation.y = node.y;
    let left = someone_left(&token.kind, &node.kind);
    let mood_moved = mood_moved(&token.kind, &node.kind);
    if left {
        commands.trigger(PersonLeft { entity });
    }
    if mood_moved {
        commands.trigger(MoodChanged { entity });
    }
    if left || mood_moved || token.kind != node.kind {
        // Redraw the token's parts for what it shows now.
        commands.entity(entity).despawn_related::<Children>();
        let arriving = left || matches!(token.kind, Kind::Empty { .. });
        draw(&mut commands.entity(entity), node, shapes);
        if arriving && matches!(node.kind, Kind::Person { .. }) {
            commands.entity(entity).insert(Arriving::new());
        }
        token.kind = node.kind.clone();
    }
}

/// Whether the person a token showed has gone: someone else sits there now, or nobody.
fn someone_left(was: &Kind, now: &Kind) -> bool {
    matches!(
        (was, now),
        (Kind::Person { name: a, .. }, Kind::Person { name: b, .. }) if a != b
    ) || matches!((was, now), (Kind::Person { .. }, Kind::Empty { .. }))
}

/// Whether the same person's, or a team's, mood has changed.
fn mood_moved(was: &Kind, now: &Kind) -> bool {
    matches!(
        (was, now),
        (Kind::Person { mood: a, name: n1, .. }, Kind::Person { mood: b, name: n2, .. })
            if a != b && n1 == n2
    ) || matches!(
        (was, now),
        (Kind::Group { mood: a, .. }, Kind::Group { mood: b, .. }) if a != b
    )
}

/// A new token for a node the world did not show yet.
fn spawn_token(commands: &mut Commands, node: &Node, shapes: &Shapes) {
    let mut e = commands.spawn((
        Token {
            key: node.key,
            kind: node.kind.clone(),
        },
        Transform::from_xyz(node.x, node.y, 1.0),
        Visibility::default(),
        RenderLayers::layer(WORLD_LAYER),
        DespawnOnExit(Screen::Play),
    ));
    draw(&mut e, node, shapes);
}

fn spawn_link(commands: &mut Commands, l: &Link, nodes: &BTreeMap<Key, &Node>, shapes: &Shapes) {
    let (Some(a), Some(b)) = (nodes.get(&l.from), nodes.get(&l.to)) else {
        return;
    };
    let to_goal = matches!(l.from, Key::Goal(_)) || matches!(l.to, Key::Goal(_));
    let (a, b) = (Vec2::new(a.x, a.y), Vec2::new(b.x, b.y));
    let d = b - a;
    let mid = (a + b) / 2.0;
    let width = 1.0 + 3.0 * l.strength;
    commands.spawn((
        LinkLine { to_goal },
        Mesh2d(shapes.line.clone()),
        MeshMaterial2d(shapes.forest.clone()),
        Transform::from_xyz(mid.x, mid.y, 0.0)
            .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x)))
            .with_scale(Vec3::new(d.length(), width, 1.0)),
        RenderLayers::layer(WORLD_LAYER),
        DespawnOnExit(Screen::Play),
    ));
    // Stronger links carry more of the vision: up to three dots on their way down.
    let dots = (l.strength * 3.0).round() as usize;
    for k in 0..dots {
        commands.spawn((
            LinkLine { to_goal },
            FlowDot {
                from: l.from,
                to: l.to,
                phase: k as f32 / dots as f32,
            },
            Mesh2d(shapes.dot.clone()),
            MeshMaterial2d(shapes.forest.clone()),
            Transform::from_xyz(a.x, a.y, 0.5),
            RenderLayers::layer(WORLD_LAYER),
            DespawnOnExit(Screen::Play),
        ));
    }
}

fn text(
    font: &Handle<Font>,
    value: impl Into<String>,
    size: f32,
    color: Color,
    y: f32,
) -> impl Bundle {
    (
        Text2d::new(value),
        TextFont {
            font: bevy::text::FontSource::Handle(font.clone()),
            ..TextFont::from_font_size(FontSize::Px(size))
        },
        TextColor(color),
        Transform::from_xyz(0.0, y, 2.0),
        RenderLayers::layer(WORLD_LAYER),
    )
}

fn mood_badge(mood: Mood, shapes: &Shapes) -> (Mesh2d, MeshMaterial2d<ColorMaterial>) {
    let mesh = match mood {
        Mood::Good => shapes.circle.clone(),
        Mood::Uneasy => shapes.square.clone(),
        Mood::Low => shapes.triangle.clone(),
    };
    (
        Mesh2d(mesh),
        MeshMaterial2d(shapes.moods[mood_index(mood)].clone()),
    )
}

/// The parts of a token, as children: shapes first, text on top.
pub(super) fn draw(e: &mut EntityCommands, node: &Node, shapes: &Shapes) {
    e.with_children(|c| match &node.kind {
        Kind::You => draw_you(c, shapes),
        Kind::Goal { title, progress } => draw_goal(c, title, *progress, shapes),
        Kind::Person {
            name, mood, morale, ..
        } => draw_person(c, name, *mood, *morale, shapes),
        Kind::Empty { hire_week } => draw_empty(c, *hire_week, shapes),
        Kind::Group {
            count,
            at_risk,
            mood,
            ..
        } => draw_group(c, *count, *at_risk, *mood, shapes),
    });
}

/// You: a disc in your colour.
fn draw_you(c: &mut ChildSpawnerCommands, shapes: &Shapes) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    c.spawn((
        Mesh2d(shapes.circle.clone()),
        MeshMaterial2d(shapes.you.clone()),
        Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(26.0)),
        layer.clone(),
    ));
    c.spawn(text(&shapes.font, t!("view-you"), 16.0, Color::BLACK, 0.0));
}

/// A goal: a ring, a disc filling it as the goal is reached, and its title above.
fn draw_goal(c: &mut ChildSpawnerCommands, title: &str, progress: f64, shapes: &Shapes) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    let text_colour = colour(style::pal().text);
    c.spawn((
        Mesh2d(shapes.ring.clone()),
        MeshMaterial2d(shapes.forest.clone()),
        Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(30.0)),
        layer.clone(),
    ));
    // The disc inside fills as the goal is reached.
    let r = 24.0 * (progress as f32).sqrt().max(0.05);
    c.spawn((
        Mesh2d(shapes.circle.clone()),
        MeshMaterial2d(shapes.goal_done.clone()),
        Transform::from_xyz(0.0, 0.0, 0.2).with_scale(Vec3::splat(r)),
        layer.clone(),
    ));
    c.spawn(text(
        &shapes.font,
        format!("{:.0}%", progress * 100.0),
        15.0,
        text_colour,
        0.0,
    ));
    c.spawn((
        text(
            &shapes.font,
            crate::i18n::text(title),
            16.0,
            colour(style::pal().forest),
            36.0,
        ),
        bevy::text::TextBounds::new_horizontal(layout::GOAL_TITLE_WIDTH),
        // Grows upward, away from its ring, when the camera pulls out.
        bevy::sprite::Anchor::BOTTOM_CENTER,
        Caption,
        GoalTitle,
    ));
}

/// A person: head and shoulders, mood badge, morale bar and first name.
fn draw_person(c: &mut ChildSpawnerCommands, name: &str, mood: Mood, morale: f64, shapes: &Shapes) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    let text_colour = colour(style::pal().text);
    // Head and shoulders, and the mood badge at the shoulder: shape, colour and
    // (in the tooltip) words, never colour alone.
    c.spawn((
        Mesh2d(shapes.circle.clone()),
        MeshMaterial2d(shapes.body.clone()),
        Transform::from_xyz(-4.0, 9.0, 0.1).with_scale(Vec3::splat(9.0)),
        layer.clone(),
    ));
    c.spawn((
        Mesh2d(shapes.circle.clone()),
        MeshMaterial2d(shapes.body.clone()),
        Transform::from_xyz(-4.0, -11.0, 0.1).with_scale(Vec3::new(16.0, 10.0, 1.0)),
        layer.clone(),
    ));
    c.spawn((
        mood_badge(mood, shapes),
        Transform::from_xyz(14.0, -4.0, 0.3).with_scale(Vec3::splat(8.0)),
        Badge,
        layer.clone(),
    ));
    // Morale as a bar under the token.
    let w = 44.0 * morale.clamp(0.0, 1.0) as f32;
    c.spawn((
        Mesh2d(shapes.line.clone()),
        MeshMaterial2d(shapes.moods[mood_index(mood)].clone()),
        Transform::from_xyz(-22.0 + w / 2.0, -22.0, 0.2).with_scale(Vec3::new(
            w.max(1.0),
            4.0,
            1.0,
        )),
        layer.clone(),
    ));
    // First names on the tokens; the full name is in the tooltip.
    let first = name.split_whitespace().next().unwrap_or(name);
    c.spawn((
        text(&shapes.font, first.to_string(), 15.0, text_colour, -28.0),
        bevy::sprite::Anchor::TOP_CENTER,
        Caption,
    ));
}

/// An empty seat: a faint ring and when it is to be filled.
fn draw_empty(c: &mut ChildSpawnerCommands, hire_week: Option<u32>, shapes: &Shapes) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    let muted = colour(style::pal().muted);
    c.spawn((
        Mesh2d(shapes.ring.clone()),
        MeshMaterial2d(shapes.empty.clone()),
        Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(14.0)),
        layer.clone(),
    ));
    let t = hire_week.map_or_else(|| t!("view-empty-seat"), |w| t!("view-hire-in", week = w));
    c.spawn((text(&shapes.font, t, 12.0, muted, -30.0), Caption));
}

/// A team shown as one: a disc sized by its headcount, its mood and how many are at risk.
fn draw_group(
    c: &mut ChildSpawnerCommands,
    count: usize,
    at_risk: usize,
    mood: Mood,
    shapes: &Shapes,
) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    let muted = colour(style::pal().muted);
    let r = 14.0 + 3.0 * (count as f32).sqrt();
    c.spawn((
        Mesh2d(shapes.circle.clone()),
        MeshMaterial2d(shapes.body.clone()),
        Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(r)),
        layer.clone(),
    ));
    c.spawn((
        mood_badge(mood, shapes),
        Transform::from_xyz(r * 0.8, r * 0.6, 0.3).with_scale(Vec3::splat(10.0)),
        Badge,
        layer.clone(),
    ));
    c.spawn(text(
        &shapes.font,
        count.to_string(),
        18.0,
        Color::BLACK,
        0.0,
    ));
    c.spawn((
        text(
            &shapes.font,
            t!("view-at-risk", n = at_risk),
            14.0,
            muted,
            -r - 12.0,
        ),
        Caption,
    ));
}
