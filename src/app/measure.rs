//! Frame-time measurement (`--measure-frames N`): the play screen of a level, or a bare
//! window with one side panel and one chart for comparison, each run for N frames
//! without vsync. Prints start-up time, mean, 95th-percentile and median frame time,
//! resident memory and egui's work a frame, one line, for `scripts/measure-frames.sh` and
//! `scripts/web_measure.py`.

use super::screens::{Catalog, Screen, briefing};
use super::session::{Command, SaveDir, Session};
use bevy::prelude::*;
use bevy_egui::{EguiContext, EguiContexts, EguiPrimaryContextPass, EguiRenderOutput, egui};
use web_time::Instant;

/// Frames skipped before measuring: start-up, shader compilation, first layouts.
const WARM_UP: usize = 30;
/// Seconds after the first frame before measuring, too. Headless Chromium on SwiftShader
/// runs any Bevy page several times faster in its first seconds than once settled (a bare
/// page: 9 ms a frame, then 200 ms after about six seconds): a fast page that finished in
/// that window was once compared with a slower one that did not.
const SETTLE_SECONDS: f64 = 10.0;

#[derive(Resource)]
struct Measure {
    started: Instant,
    first_frame_ms: Option<f64>,
    /// Frame times from the first frame on; `skipped` of them fell in the warm-up.
    frames: Vec<f64>,
    skipped: Option<usize>,
    first_frame: Option<Instant>,
    last: Option<Instant>,
    /// egui's draw work summed over the measured frames, to tell the UI's own cost from the
    /// renderer's (in a page the play screen shades fewer egui pixels than the bare page).
    draws: usize,
    vertices: usize,
    /// Area egui's triangles cover, in physical pixels (overdraw counted): what a software
    /// rasteriser shades.
    pixels: f64,
    texture_updates: usize,
    wanted: usize,
    label: String,
    /// The line was written (a page keeps running after it: it has nothing to exit to).
    done: bool,
}

/// Measures the game on `level` (its play screen, three weeks in) or, with `None`, a
/// bare window with one panel and one chart.
pub fn plugin(frames: usize, level: Option<String>, started: Instant) -> impl Fn(&mut App) {
    move |app: &mut App| {
        let label = level
            .clone()
            .map_or("bare window".to_string(), |l| format!("play screen of {l}"));
        app.insert_resource(Measure {
            started,
            first_frame_ms: None,
            frames: Vec::new(),
            skipped: None,
            first_frame: None,
            last: None,
            draws: 0,
            vertices: 0,
            pixels: 0.0,
            texture_updates: 0,
            wanted: frames,
            label,
            done: false,
        })
        .add_systems(Last, record);
        match &level {
            Some(id) => {
                let id = id.clone();
                app.add_systems(
                    Startup,
                    move |mut commands: Commands,
                          catalog: Res<Catalog>,
                          dir: Res<SaveDir>,
                          mut next: ResMut<NextState<Screen>>| {
                        if let Some(level) = catalog
                            .entries
                            .iter()
                            .filter_map(|e| e.level.as_ref().ok())
                            .find(|l| l.id == id)
                        {
                            briefing::start(&mut commands, &dir, level, level.difficulty, 1);
                            next.set(Screen::Play);
                        } else {
                            error!("measure: no level \"{id}\"");
                        }
                    },
                )
                .add_systems(Update, play_three_weeks);
            }
            None => {
                app.add_systems(EguiPrimaryContextPass, bare_ui);
            }
        }
    }
}

/// Plays three weeks (a decision card takes its default) so the play screen is measured
/// as a player sees it between decisions, not behind a card.
fn play_three_weeks(
    state: Option<Res<State<Screen>>>,
    session: Option<Res<Session>>,
    mut out: MessageWriter<Command>,
) {
    let (Some(state), Some(session)) = (state, session) else {
        return;
    };
    if *state.get() != Screen::Play || session.sim.state.week >= 3 {
        return;
    }
    for d in session.open_dilemmas() {
        out.write(Command::Choose {
            dilemma: d.id.clone(),
            choice: d.choices[d.default.min(d.choices.len() - 1)].id.clone(),
        });
    }
    out.write(Command::EndWeek);
}

/// The reference: one side panel and one egui_plot chart, nothing else.
fn bare_ui(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = egui::Ui::new(
        ctx.clone(),
        egui::Id::new("bare"),
        egui::UiBuilder::new().max_rect(ctx.viewport_rect()),
    );
    egui::Panel::left("bare_panel")
        .exact_size(300.0)
        .show(&mut root, |ui| {
            ui.label("A side panel");
            egui_plot::Plot::new("bare_plot")
                .height(200.0)
                .show(ui, |p| {
                    p.line(egui_plot::Line::new(
                        "line",
                        egui_plot::PlotPoints::from_explicit_callback(|x| x.sin(), 0.0..10.0, 100),
                    ));
                });
        });
    Ok(())
}

fn record(
    mut m: ResMut<Measure>,
    mut outputs: Query<(&EguiRenderOutput, &mut EguiContext)>,
    mut exit: MessageWriter<AppExit>,
) {
    if m.done {
        return;
    }
    let now = Instant::now();
    let first_frame = *m.first_frame.get_or_insert(now);
    if m.first_frame_ms.is_none() {
        m.first_frame_ms = Some(now.duration_since(m.started).as_secs_f64() * 1000.0);
    }
    if let Some(last) = m.last {
        m.frames
            .push(now.duration_since(last).as_secs_f64() * 1000.0);
    }
    m.last = Some(now);
    if m.skipped.is_none()
        && m.frames.len() >= WARM_UP
        && now.duration_since(first_frame).as_secs_f64() >= SETTLE_SECONDS
    {
        m.skipped = Some(m.frames.len());
    }
    let Some(skipped) = m.skipped else {
        return;
    };
    for (out, mut ctx) in &mut outputs {
        let ppp = f64::from(ctx.get_mut().pixels_per_point());
        m.draws += out.paint_jobs.len();
        for job in &out.paint_jobs {
            if let egui::epaint::Primitive::Mesh(mesh) = &job.primitive {
                m.vertices += mesh.vertices.len();
                m.pixels += covered_area(mesh) * ppp * ppp;
            }
        }
        m.texture_updates += out.textures_delta.set.len();
    }
    if m.frames.len() >= skipped + m.wanted {
        let mut f: Vec<f64> = m.frames[skipped..].to_vec();
        f.sort_by(f64::total_cmp);
        let mean = f.iter().sum::<f64>() / f.len() as f64;
        let p95 = f[((f.len() as f64 * 0.95) as usize).min(f.len() - 1)];
        // A page's frames come in two kinds (most quick, a few stalled for a second or
        // more): the median says what most frames take, the mean what stalls add.
        let median = f[f.len() / 2];
        #[cfg(target_arch = "wasm32")]
        let rss = format!(
            "{:.0} MB (the page's wasm memory)",
            (core::arch::wasm32::memory_size(0) * 65536) as f64 / 1e6
        );
        #[cfg(not(target_arch = "wasm32"))]
        let rss = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines()
                    .find(|l| l.starts_with("VmRSS:"))
                    .map(|l| l.split_whitespace().nth(1).unwrap_or("0").to_string())
            })
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or("unknown".to_string(), |kb| format!("{:.0} MB", kb / 1024.0));
        let n = f.len().max(1);
        let line = format!(
            "{}: first frame after {:.0} ms; {} frames: mean {:.1} ms, p95 {:.1} ms, median {:.1} ms ({:.0} fps); resident memory {}; egui a frame: {} draws, {} vertices, {:.2} Mpx covered, {:.1} texture updates",
            m.label,
            m.first_frame_ms.unwrap_or(0.0),
            f.len(),
            mean,
            p95,
            median,
            1000.0 / mean,
            rss,
            m.draws / n,
            m.vertices / n,
            m.pixels / n as f64 / 1e6,
            m.texture_updates as f64 / n as f64,
        );
        // A page has no standard output: its console has the line.
        #[cfg(target_arch = "wasm32")]
        info!("{line}");
        #[cfg(not(target_arch = "wasm32"))]
        println!("{line}");
        m.done = true;
        // A page that exits would close its sound mid-start, an error in its console.
        if !cfg!(target_arch = "wasm32") {
            exit.write(AppExit::Success);
        }
    }
}

/// The area a mesh's triangles cover, in points squared, overlaps counted twice.
fn covered_area(mesh: &egui::Mesh) -> f64 {
    mesh.indices
        .chunks_exact(3)
        .map(|t| {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize].pos);
            f64::from(((b - a).x * (c - a).y - (b - a).y * (c - a).x).abs() / 2.0)
        })
        .sum()
}
