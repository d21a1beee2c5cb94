//! The organisation as a 2D world behind the play screen's panels: goals on top, you in the
//! middle, your people below, the vision flowing along the lines between them. The camera
//! glides between the trees (close on the people) and the forest (everything, goals
//! included). Mood changes pulse, leavers drift away and fade, new hires fade in.
//!
//! Three cameras: one clears the window, one draws this world into the central panel's
//! rectangle, and the egui camera draws the panels over both without clearing.

pub mod layout;

use crate::app::screens::Screen;
use crate::app::screens::play::{PlayUi, View};
use crate::app::session::Session;
use crate::app::ui::style;
use bevy::camera::visibility::RenderLayers;
use bevy::camera::{ClearColorConfig, Viewport};
use bevy::prelude::*;
use bevy::text::FontSize;
use bevy_egui::PrimaryEguiContext;
use layout::{Key, Kind, Link, Node};
use sim::Mood;
use std::collections::BTreeMap;

/// The central panel's rectangle in physical pixels (x, y, width, height), written by
/// the play screen each frame.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq)]
pub struct WorldRect(pub [f32; 4]);

/// What the pointer is over in the world, for the play screen's tooltip and clicks.
#[derive(Resource, Clone, Debug, Default)]
pub struct Hovered(pub Option<Key>);

#[derive(Component)]
struct WorldCamera;

#[derive(Component)]
struct ClearCamera;

/// An entity drawing one node; `kind` is what it last showed.
#[derive(Component)]
struct Token {
    key: Key,
    kind: Kind,
}

#[derive(Component)]
struct Badge;

/// A name or caption beside a shape: kept at a readable size when the camera pulls out.
#[derive(Component)]
struct Caption;

/// A goal's title: a caption that must not grow into the next goal's.
#[derive(Component)]
struct GoalTitle;

/// A link's line or one of its dots: redrawn whenever the layout changes.
#[derive(Component)]
struct LinkLine;

/// A dot travelling a link: the vision on its way.
#[derive(Component)]
struct FlowDot {
    from: Key,
    to: Key,
    phase: f32,
}

/// A short swell when a mood changes.
#[derive(Component)]
struct Pulse(f32);

/// A leaver's token drifting down and fading.
#[derive(Component)]
struct Leaving(f32);

/// A new token fading in.
#[derive(Component)]
struct Arriving(f32);

/// Someone at this token left; their token goes with an animation.
#[derive(EntityEvent)]
struct PersonLeft {
    entity: Entity,
}

/// This token's mood changed.
#[derive(EntityEvent)]
struct MoodChanged {
    entity: Entity,
}

#[derive(Resource)]
struct Shapes {
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

/// The world's own render layer: the egui camera (layer 0) must not draw it full-window.
const WORLD_LAYER: usize = 1;
const PULSE_SECONDS: f32 = 0.7;
const LEAVE_SECONDS: f32 = 1.6;
const ARRIVE_SECONDS: f32 = 0.8;

pub fn plugin(app: &mut App) {
    app.init_resource::<WorldRect>()
        .init_resource::<Hovered>()
        .add_systems(Startup, make_shapes)
        .add_systems(OnEnter(Screen::Play), enter)
        .add_systems(OnExit(Screen::Play), exit)
        .add_systems(
            Update,
            (
                sync,
                place_camera,
                keep_captions_readable,
                pulse,
                leave,
                arrive,
                flow,
                hover,
            )
                .chain()
                .run_if(in_state(Screen::Play).and_then(resource_exists::<Session>)),
        )
        .add_observer(on_left)
        .add_observer(on_mood);
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
        body: mat(Color::srgb_u8(196, 204, 192)),
        empty: mat(colour(style::MUTED).with_alpha(0.5)),
        forest: mat(colour(style::FOREST)),
        you: mat(colour(style::TREES)),
        moods: [
            mat(colour(style::GOOD)),
            mat(colour(style::WARN)),
            mat(colour(style::BAD)),
        ],
        goal_done: mat(colour(style::FOREST).with_alpha(0.35)),
        font,
    });
}

fn enter(mut commands: Commands, mut egui_camera: Query<&mut Camera, With<PrimaryEguiContext>>) {
    for mut c in &mut egui_camera {
        c.clear_color = ClearColorConfig::None;
        c.order = 10;
    }
    commands.spawn((
        Camera2d,
        Camera {
            order: -2,
            ..default()
        },
        // Sees nothing: it only clears the window under the panels.
        RenderLayers::layer(31),
        // A software renderer pays for every sample: flat shapes need no multisampling.
        Msaa::Off,
        ClearCamera,
        DespawnOnExit(Screen::Play),
    ));
    commands.spawn((
        Camera2d,
        Camera {
            order: -1,
            clear_color: ClearColorConfig::None,
            ..default()
        },
        RenderLayers::layer(WORLD_LAYER),
        Msaa::Off,
        WorldCamera,
        DespawnOnExit(Screen::Play),
    ));
}

fn exit(mut egui_camera: Query<&mut Camera, With<PrimaryEguiContext>>) {
    for mut c in &mut egui_camera {
        c.clear_color = ClearColorConfig::Default;
        c.order = 0;
    }
}

/// Makes, updates and retires the world's entities to match this week's layout.
#[allow(clippy::too_many_arguments)]
fn sync(
    mut commands: Commands,
    session: Res<Session>,
    ui: Option<Res<PlayUi>>,
    shapes: Option<Res<Shapes>>,
    mut tokens: Query<(Entity, &mut Token, &mut Transform)>,
    links: Query<Entity, With<LinkLine>>,
    mut last_week: Local<Option<(u32, Option<usize>, String)>>,
) {
    let Some(shapes) = shapes else { return };
    let focus = ui.as_ref().and_then(|u| u.focus);
    let sim = &session.sim;
    let stamp = (sim.state.week, focus, sim.level.id.clone());
    if last_week.as_ref() == Some(&stamp) && !tokens.is_empty() {
        return;
    }
    *last_week = Some(stamp);
    let (nodes, new_links) =
        layout::layout(&sim.level, &sim.state.org, &sim.state.goal_progress, focus);
    let wanted: BTreeMap<Key, &Node> = nodes.iter().map(|n| (n.key, n)).collect();
    let mut have: BTreeMap<Key, Entity> = BTreeMap::new();
    for (entity, mut token, mut transform) in &mut tokens {
        match wanted.get(&token.key) {
            None => commands.entity(entity).despawn(),
            Some(node) => {
                have.insert(token.key, entity);
                transform.translation.x = node.x;
                transform.translation.y = node.y;
                let left = matches!(
                    (&token.kind, &node.kind),
                    (Kind::Person { name: a, .. }, Kind::Person { name: b, .. }) if a != b
                ) || matches!(
                    (&token.kind, &node.kind),
                    (Kind::Person { .. }, Kind::Empty { .. })
                );
                let mood_moved = matches!(
                    (&token.kind, &node.kind),
                    (Kind::Person { mood: a, name: n1, .. }, Kind::Person { mood: b, name: n2, .. })
                        if a != b && n1 == n2
                ) || matches!(
                    (&token.kind, &node.kind),
                    (Kind::Group { mood: a, .. }, Kind::Group { mood: b, .. }) if a != b
                );
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
                    draw(&mut commands.entity(entity), node, &shapes);
                    if arriving && matches!(node.kind, Kind::Person { .. }) {
                        commands.entity(entity).insert(Arriving(0.0));
                    }
                    token.kind = node.kind.clone();
                }
            }
        }
    }
    for node in &nodes {
        if have.contains_key(&node.key) {
            continue;
        }
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
        draw(&mut e, node, &shapes);
    }
    for entity in &links {
        commands.entity(entity).despawn();
    }
    for l in new_links {
        spawn_link(&mut commands, &l, &wanted, &shapes);
    }
}

fn spawn_link(commands: &mut Commands, l: &Link, nodes: &BTreeMap<Key, &Node>, shapes: &Shapes) {
    let (Some(a), Some(b)) = (nodes.get(&l.from), nodes.get(&l.to)) else {
        return;
    };
    let (a, b) = (Vec2::new(a.x, a.y), Vec2::new(b.x, b.y));
    let d = b - a;
    let mid = (a + b) / 2.0;
    let width = 1.0 + 3.0 * l.strength;
    commands.spawn((
        LinkLine,
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
            LinkLine,
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
fn draw(e: &mut EntityCommands, node: &Node, shapes: &Shapes) {
    let layer = RenderLayers::layer(WORLD_LAYER);
    let muted = colour(style::MUTED);
    let text_colour = colour(style::TEXT);
    e.with_children(|c| match &node.kind {
        Kind::You => {
            c.spawn((
                Mesh2d(shapes.circle.clone()),
                MeshMaterial2d(shapes.you.clone()),
                Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(26.0)),
                layer.clone(),
            ));
            c.spawn(text(&shapes.font, "You", 16.0, Color::BLACK, 0.0));
        }
        Kind::Goal { title, progress } => {
            c.spawn((
                Mesh2d(shapes.ring.clone()),
                MeshMaterial2d(shapes.forest.clone()),
                Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(30.0)),
                layer.clone(),
            ));
            // The disc inside fills as the goal is reached.
            let r = 24.0 * (*progress as f32).sqrt().max(0.05);
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
                    title.clone(),
                    16.0,
                    colour(style::FOREST),
                    36.0,
                ),
                bevy::text::TextBounds::new_horizontal(layout::GOAL_TITLE_WIDTH),
                // Grows upward, away from its ring, when the camera pulls out.
                bevy::sprite::Anchor::BOTTOM_CENTER,
                Caption,
                GoalTitle,
            ));
        }
        Kind::Person {
            name, mood, morale, ..
        } => {
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
                mood_badge(*mood, shapes),
                Transform::from_xyz(14.0, -4.0, 0.3).with_scale(Vec3::splat(8.0)),
                Badge,
                layer.clone(),
            ));
            // Morale as a bar under the token.
            let w = 44.0 * morale.clamp(0.0, 1.0) as f32;
            c.spawn((
                Mesh2d(shapes.line.clone()),
                MeshMaterial2d(shapes.moods[mood_index(*mood)].clone()),
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
        Kind::Empty { hire_week } => {
            c.spawn((
                Mesh2d(shapes.ring.clone()),
                MeshMaterial2d(shapes.empty.clone()),
                Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(14.0)),
                layer.clone(),
            ));
            let t = hire_week.map_or("empty seat".to_string(), |w| format!("hire in week {w}"));
            c.spawn((text(&shapes.font, t, 12.0, muted, -30.0), Caption));
        }
        Kind::Group {
            count,
            at_risk,
            mood,
            ..
        } => {
            let r = 14.0 + 3.0 * (*count as f32).sqrt();
            c.spawn((
                Mesh2d(shapes.circle.clone()),
                MeshMaterial2d(shapes.body.clone()),
                Transform::from_xyz(0.0, 0.0, 0.1).with_scale(Vec3::splat(r)),
                layer.clone(),
            ));
            c.spawn((
                mood_badge(*mood, shapes),
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
                    format!("{at_risk} at risk"),
                    14.0,
                    muted,
                    -r - 12.0,
                ),
                Caption,
            ));
        }
    });
}

/// Keeps the world camera on the central panel and glides its zoom toward the view.
fn place_camera(
    time: Res<Time>,
    rect: Res<WorldRect>,
    ui: Option<Res<PlayUi>>,
    windows: Query<&Window>,
    mut camera: Query<(&mut Camera, &mut Transform, &mut Projection), With<WorldCamera>>,
    nodes_pos: Query<(&Token, &Transform), Without<WorldCamera>>,
) {
    let Ok((mut camera, mut transform, mut projection)) = camera.single_mut() else {
        return;
    };
    let [x, y, w, h] = rect.0;
    if w < 8.0 || h < 8.0 {
        camera.is_active = false;
        return;
    }
    if !camera.is_active {
        camera.is_active = true;
    }
    // Only a real change is written: a changed viewport makes the renderer redo its views.
    let viewport = Viewport {
        physical_position: UVec2::new(x as u32, y as u32),
        physical_size: UVec2::new(w as u32, h as u32),
        ..default()
    };
    let same = camera.viewport.as_ref().is_some_and(|v| {
        v.physical_position == viewport.physical_position
            && v.physical_size == viewport.physical_size
    });
    if !same {
        camera.viewport = Some(viewport);
    }
    let forest = ui.as_ref().is_some_and(|u| u.view == View::Forest);
    // Trees: close on the people (you and below); forest: everything, goals included.
    let framed = nodes_pos
        .iter()
        .filter(|(t, _)| forest || !matches!(t.key, Key::Goal(_)))
        .map(|(_, tr)| (tr.translation.x, tr.translation.y));
    let [x0, y0, x1, mut y1] = layout::bounds(framed);
    if forest {
        // Room above the goals for their titles, which grow as the camera pulls out.
        y1 = y1.max(layout::GOAL_Y + 150.0);
    }
    // The projection maps logical pixels to world units; the viewport is in physical ones.
    let ppl = windows.single().map_or(1.0, |w| w.scale_factor());
    let (lw, lh) = (w / ppl, h / ppl);
    let target_scale = ((x1 - x0) / lw).max((y1 - y0) / lh) * 1.1;
    let target_scale = if forest {
        target_scale.max(1.0)
    } else {
        target_scale.clamp(0.6, 3.0)
    };
    let target = Vec2::new((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    let k = 1.0 - (-time.delta_secs() * 6.0).exp();
    transform.translation.x += (target.x - transform.translation.x) * k;
    transform.translation.y += (target.y - transform.translation.y) * k;
    if let Projection::Orthographic(o) = projection.as_mut() {
        o.scale += (target_scale - o.scale) * k;
    }
}

/// Captions grow with the camera's zoom-out (up to 2.5×) so names stay readable in the forest.
fn keep_captions_readable(
    camera: Query<&Projection, With<WorldCamera>>,
    mut captions: Query<(&mut Transform, Has<GoalTitle>), With<Caption>>,
) {
    let Ok(Projection::Orthographic(o)) = camera.single() else {
        return;
    };
    for (mut t, goal) in &mut captions {
        let s = caption_scale(o.scale, goal);
        if (t.scale.x - s).abs() > 0.01 {
            t.scale = Vec3::splat(s);
        }
    }
}

/// How much a caption grows at a camera zoom: with the zoom, up to 2.5×, and a goal's title
/// no wider than the gap to the next goal, where two long titles ran into one another.
fn caption_scale(zoom: f32, goal: bool) -> f32 {
    let most = if goal {
        (layout::GOAL_SPACING - GOAL_TITLE_GAP) / layout::GOAL_TITLE_WIDTH
    } else {
        2.5
    };
    zoom.clamp(1.0, most)
}

/// World units kept free between two goals' titles.
const GOAL_TITLE_GAP: f32 = 30.0;

/// A changed mood swells its badge for a moment.
fn pulse(
    mut commands: Commands,
    time: Res<Time>,
    mut pulses: Query<(Entity, &mut Pulse, &Children)>,
    mut badges: Query<&mut Transform, With<Badge>>,
) {
    for (entity, mut pulse, children) in &mut pulses {
        pulse.0 += time.delta_secs();
        let fade = 1.0 - (pulse.0 / PULSE_SECONDS).min(1.0);
        let swell = 1.0 + 0.8 * fade * (pulse.0 * 18.0).sin().abs();
        for child in children.iter() {
            if let Ok(mut t) = badges.get_mut(child) {
                t.scale = Vec3::splat(8.0 * swell);
            }
        }
        if pulse.0 >= PULSE_SECONDS {
            commands.entity(entity).remove::<Pulse>();
        }
    }
}

/// A leaver's ghost drifts down, shrinks and goes.
fn leave(
    mut commands: Commands,
    time: Res<Time>,
    mut leaving: Query<(Entity, &mut Leaving, &mut Transform)>,
) {
    for (entity, mut leave, mut t) in &mut leaving {
        leave.0 += time.delta_secs();
        t.translation.y -= 40.0 * time.delta_secs();
        t.scale = Vec3::splat((1.0 - leave.0 / LEAVE_SECONDS).max(0.05));
        if leave.0 >= LEAVE_SECONDS {
            commands.entity(entity).despawn();
        }
    }
}

/// A new hire grows into their seat.
fn arrive(
    mut commands: Commands,
    time: Res<Time>,
    mut arriving: Query<(Entity, &mut Arriving, &mut Transform)>,
) {
    for (entity, mut arrive, mut t) in &mut arriving {
        arrive.0 += time.delta_secs();
        t.scale = Vec3::splat((arrive.0 / ARRIVE_SECONDS).clamp(0.05, 1.0));
        if arrive.0 >= ARRIVE_SECONDS {
            t.scale = Vec3::ONE;
            commands.entity(entity).remove::<Arriving>();
        }
    }
}

/// The vision's dots travel their links, from the goals down.
fn flow(
    time: Res<Time>,
    tokens: Query<(&Token, &Transform), Without<FlowDot>>,
    mut dots: Query<(&mut FlowDot, &mut Transform)>,
) {
    let at = |key: Key| {
        tokens
            .iter()
            .find(|(tk, _)| tk.key == key)
            .map(|(_, tr)| tr.translation.truncate())
    };
    for (mut dot, mut t) in &mut dots {
        dot.phase = (dot.phase + time.delta_secs() * 0.35).fract();
        if let (Some(a), Some(b)) = (at(dot.from), at(dot.to)) {
            let p = a.lerp(b, dot.phase);
            t.translation.x = p.x;
            t.translation.y = p.y;
        }
    }
}

fn on_mood(ev: On<MoodChanged>, mut commands: Commands) {
    commands.entity(ev.entity).insert(Pulse(0.0));
}

/// A copy of the leaver's token drifts down and fades; the seat redraws as it is now.
fn on_left(
    ev: On<PersonLeft>,
    mut commands: Commands,
    tokens: Query<(&Token, &Transform)>,
    shapes: Option<Res<Shapes>>,
) {
    let (Ok((token, t)), Some(shapes)) = (tokens.get(ev.entity), shapes) else {
        return;
    };
    let node = Node {
        key: token.key,
        x: t.translation.x,
        y: t.translation.y,
        kind: token.kind.clone(),
    };
    let mut ghost = commands.spawn((
        Leaving(0.0),
        Transform::from_xyz(node.x, node.y, 0.8),
        Visibility::default(),
        RenderLayers::layer(WORLD_LAYER),
        DespawnOnExit(Screen::Play),
    ));
    draw(&mut ghost, &node, &shapes);
}

/// Finds the token under the pointer, in world coordinates of the world camera.
fn hover(
    windows: Query<&Window>,
    camera: Query<(&Camera, &GlobalTransform), With<WorldCamera>>,
    tokens: Query<(&Token, &GlobalTransform)>,
    mut hovered: ResMut<Hovered>,
) {
    let (Ok(window), Ok((camera, at))) = (windows.single(), camera.single()) else {
        hovered.0 = None;
        return;
    };
    hovered.0 = window.cursor_position().and_then(|cursor| {
        under_pointer(
            camera,
            at,
            cursor,
            tokens
                .iter()
                .map(|(t, g)| (t.key, g.translation().truncate())),
        )
    });
}

/// World units from a token's centre within which the pointer is over it.
const HOVER_RADIUS: f32 = 30.0;

/// The token under the window's logical `cursor`, seen through `camera` and its viewport.
pub fn under_pointer(
    camera: &Camera,
    at: &GlobalTransform,
    cursor: Vec2,
    tokens: impl Iterator<Item = (Key, Vec2)>,
) -> Option<Key> {
    if !camera.logical_viewport_rect()?.contains(cursor) {
        return None;
    }
    // viewport_to_world_2d subtracts the viewport's corner itself: subtracting it here too
    // put the hover spot off by the width of the side panel.
    let world = camera.viewport_to_world_2d(at, cursor).ok()?;
    tokens
        .map(|(k, p)| (k, p.distance(world)))
        .filter(|(_, d)| *d < HOVER_RADIUS)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::camera::{CameraProjection, RenderTargetInfo};

    /// The world camera as the play screen places it: its viewport is the central panel,
    /// right of a side panel, on a window scaled 1.5 (a projector's interface scale).
    fn camera_beside_a_panel() -> (Camera, GlobalTransform) {
        let scale = 1.5;
        let viewport = Viewport {
            physical_position: UVec2::new(450, 60),
            physical_size: UVec2::new(900, 600),
            ..default()
        };
        let mut projection = OrthographicProjection {
            scale: 2.0,
            ..OrthographicProjection::default_2d()
        };
        projection.update(900.0 / scale, 600.0 / scale);
        let mut camera = Camera {
            viewport: Some(viewport),
            ..default()
        };
        camera.computed.target_info = Some(RenderTargetInfo {
            physical_size: UVec2::new(1920, 1080),
            scale_factor: scale,
        });
        camera.computed.clip_from_view = projection.get_clip_from_view();
        let at = GlobalTransform::from(Transform::from_xyz(40.0, -20.0, 0.0));
        (camera, at)
    }

    #[test]
    fn the_person_under_the_pointer_is_the_one_hovered() {
        let (camera, at) = camera_beside_a_panel();
        let people = [
            (Key::Seat(0), Vec2::new(140.0, -70.0)),
            (Key::Seat(1), Vec2::new(-200.0, 90.0)),
        ];
        // The viewport's centre in the window's logical pixels: (450 + 900 / 2) / 1.5 and
        // (60 + 600 / 2) / 1.5; the camera looks at (40, -20), two world units a pixel.
        let centre = Vec2::new(600.0, 240.0);
        for (key, spot) in people {
            let d = (spot - Vec2::new(40.0, -20.0)) / 2.0;
            let cursor = centre + Vec2::new(d.x, -d.y);
            assert_eq!(
                under_pointer(&camera, &at, cursor, people.into_iter()),
                Some(key),
                "pointer at {cursor}"
            );
        }
        // Over the side panel, left of the viewport: nothing in the world.
        assert_eq!(
            under_pointer(&camera, &at, Vec2::new(100.0, 300.0), people.into_iter()),
            None
        );
    }

    #[test]
    fn goal_titles_grow_with_the_zoom_but_never_into_the_next_goal() {
        // Far out, as on a small screen showing a whole organisation.
        for zoom in [1.0, 1.5, 2.0, 3.0, 6.0] {
            let width = layout::GOAL_TITLE_WIDTH * caption_scale(zoom, true);
            assert!(
                width <= layout::GOAL_SPACING - GOAL_TITLE_GAP,
                "zoom {zoom}: a title {width} wide beside goals {} apart",
                layout::GOAL_SPACING
            );
        }
        // They still grow as the camera pulls out, as the people's names do.
        assert!(caption_scale(3.0, true) > 1.5);
        assert_eq!(caption_scale(3.0, false), 2.5);
    }
}
