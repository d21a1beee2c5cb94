//! The debrief: the score, every metric's curve, the split week by week against the
//! level's best band (computed with the model in the background), the biggest causes of
//! gains and losses, and "what if": another split from a chosen week, drawn against
//! the real run.

use super::{CampaignProgress, Screen};
use crate::app::AppSystems;
use crate::app::band::BandSweep;
use crate::app::keys::{self, debrief as binds};
use crate::app::platform::Platform;
use crate::app::player_settings::PlayerSettings;
use crate::app::session::SaveDir;
use crate::app::session::Session;
use crate::app::ui::charts::{self, series};
use crate::app::ui::style;
use crate::class::results::ResultFile;
use crate::i18n;
use crate::t;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{HLine, Line, Plot, Polygon};
use sim::whatif::{Band, what_if};
use sim::{Final, WeekReport};

#[derive(Resource)]
pub struct Debrief {
    band: Option<Band>,
    pending: Option<BandSweep>,
    pub what_if_week: u32,
    pub what_if_share: f64,
    /// The alternative run's weeks and final result.
    pub alternative: Option<(Vec<WeekReport>, Final, u32, f64)>,
    /// Stars this run earned (0 when the level has no thresholds).
    pub stars: u8,
    /// This run beat the level's best score.
    pub new_best: bool,
    /// Why the campaign record could not be written (the stars would not be kept).
    pub progress_unsaved: Option<String>,
    /// Where the result file went, or why it could not be written.
    pub result: Option<Result<std::path::PathBuf, ExportError>>,
    /// The one-page report beside the result has been written.
    pub report_written: bool,
    /// Why a download did not start (in a browser).
    pub download_problem: Option<String>,
}

pub fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Debrief),
        start_band.run_if(resource_exists::<Session>),
    )
    .add_systems(
        Update,
        debrief_keys
            .run_if(in_state(Screen::Debrief).and_then(resource_exists::<Session>))
            .in_set(AppSystems::RecordInput),
    )
    .add_systems(
        EguiPrimaryContextPass,
        debrief_ui.run_if(in_state(Screen::Debrief).and_then(resource_exists::<Debrief>)),
    );
}

/// Enter plays the level again, Esc goes to the title.
fn debrief_keys(
    keys: Res<ButtonInput<KeyCode>>,
    session: Res<Session>,
    mut next: ResMut<NextState<Screen>>,
) {
    if binds::AGAIN.pressed(&keys) {
        next.set(again(&session.sim));
    }
    if binds::TITLE.pressed(&keys) {
        next.set(Screen::Title);
    }
}

/// The level again, from its briefing (the sandbox from its choices).
fn again(sim: &sim::Sim) -> Screen {
    if sim.level.id == "sandbox" {
        Screen::Sandbox
    } else {
        Screen::Briefing
    }
}

/// Why the result or its report was not written; the debrief shows it where the file's
/// name would be.
#[derive(Debug)]
pub enum ExportError {
    Result {
        dir: std::path::PathBuf,
        why: std::io::Error,
    },
    Report {
        json: std::path::PathBuf,
        why: std::io::Error,
    },
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            ExportError::Result { dir, why } => t!(
                "debrief-result-not-written",
                folder = crate::store::disk::shown(dir),
                why = why.to_string()
            ),
            ExportError::Report { json, why } => t!(
                "debrief-report-not-written",
                file = json.display().to_string(),
                why = why.to_string()
            ),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for ExportError {}

/// Writes the team's result file (JSON and CSV) into the chosen results folder.
pub fn write_result(
    session: &Session,
    settings: &PlayerSettings,
    data: &SaveDir,
) -> Result<std::path::PathBuf, ExportError> {
    let (code, team) = match &session.class {
        Some(m) => (Some(m.code.as_str()), m.team.as_str()),
        None => (None, "solo"),
    };
    let dir = settings.settings.results_dir(&data.0);
    ResultFile::of(&session.sim, team, code)
        .write(&dir)
        .map_err(|why| ExportError::Result { dir, why })
}

/// The printable report beside `json`, with the band and the team's standing among the
/// verified results of its class in the same folder.
fn write_report(session: &Session, json: &std::path::Path, band: Band) -> Result<(), ExportError> {
    let file = ResultFile::of(
        &session.sim,
        session.class.as_ref().map_or("solo", |c| c.team.as_str()),
        session.class.as_ref().map(|c| c.code.as_str()),
    );
    let standing = json.parent().and_then(|dir| {
        let c = crate::class::results::compare(dir, &[(*session.sim.level).clone()]).ok()?;
        let (_, group) = c
            .classes
            .iter()
            .find(|(code, _)| Some(code) == file.class_code.as_ref())?;
        let verified: Vec<_> = group.iter().filter(|e| e.verdict.is_trusted()).collect();
        let rank = verified.iter().position(|e| e.path == json)? + 1;
        Some((rank, verified.len()))
    });
    file.write_report(
        json,
        Some((band.low, band.high)),
        standing,
        &session.sim.level.discussion,
    )
    .map(|_| ())
    .map_err(|why| ExportError::Report {
        json: json.to_path_buf(),
        why,
    })
}

fn start_band(
    mut commands: Commands,
    session: Res<Session>,
    mut progress: ResMut<CampaignProgress>,
    settings: Res<PlayerSettings>,
    data: Res<SaveDir>,
) {
    let level = &session.sim.level;
    let outcome = session.sim.final_result().outcome;
    let stars = level.stars.map_or(0, |s| s.earned(outcome));
    // Only a finished run of a level with stars counts (not the sandbox).
    let counts = session.sim.is_finished() && level.stars.is_some();
    let new_best = counts && progress.record(level, outcome);
    commands.insert_resource(Debrief {
        band: None,
        pending: Some(BandSweep::start(session.sim.level.clone())),
        what_if_week: (session.sim.level.weeks / 2).max(1),
        what_if_share: 0.5,
        alternative: None,
        stars,
        new_best,
        progress_unsaved: counts.then(|| progress.message.clone()).flatten(),
        // A class run's result is written at once: the facilitator collects the folder.
        result: (session.class.is_some() && session.sim.is_finished())
            .then(|| write_result(&session, &settings, &data)),
        report_written: false,
        download_problem: None,
    });
}

pub use sim::biggest_causes;

fn debrief_ui(
    mut contexts: EguiContexts,
    session: Res<Session>,
    mut debrief: ResMut<Debrief>,
    settings: Res<PlayerSettings>,
    data: Res<SaveDir>,
    platform: Res<Platform>,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    band_and_report(&session, &mut debrief);
    let ctx = contexts.ctx_mut()?;
    let sim = &session.sim;
    let mut root = style::root(ctx, "debrief");
    egui::Panel::bottom("debrief_footer")
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("debrief-what-next"));
            footer(ui, sim, &mut next)
        });
    egui::Panel::left("debrief_score")
        .frame(style::frame())
        .exact_size(400.0)
        .show(&mut root, |ui| {
            style::region(ui, &t!("debrief-your-score"));
            egui::ScrollArea::vertical().show(ui, |ui| {
                score(ui, sim, &debrief);
                ui.add_space(10.0);
                what_helped(ui, sim);
                ui.add_space(10.0);
                what_if_panel(ui, &session, &mut debrief);
                ui.add_space(10.0);
                result_file(ui, &session, &mut debrief, (&settings, &data), *platform);
                if !sim.level.discussion.is_empty() {
                    ui.add_space(10.0);
                    ui.label(style::heading(t!("debrief-discuss")).size(18.0));
                    for q in &sim.level.discussion {
                        ui.label(style::body(format!("• {}", i18n::text(q))).size(15.0));
                    }
                }
            });
        });
    egui::CentralPanel::default()
        .frame(style::frame())
        .show(&mut root, |ui| {
            style::region(ui, &t!("debrief-week-by-week"));
            curves(ui, sim, &debrief)
        });
    Ok(())
}

/// Takes the band when its sweep is done; the printable report needs it, and is written
/// once both the band and the result file are there.
fn band_and_report(session: &Session, debrief: &mut Debrief) {
    let arrived = debrief.pending.as_mut().and_then(BandSweep::poll);
    if let Some(band) = arrived {
        debrief.band = Some(band);
        debrief.pending = None;
    }
    if !debrief.report_written
        && let (Some(band), Some(Ok(json))) = (debrief.band, &debrief.result)
    {
        let json = json.clone();
        debrief.report_written = true;
        if let Err(e) = write_report(session, &json, band) {
            debrief.result = Some(Err(e));
        }
    }
}

fn footer(ui: &mut egui::Ui, sim: &sim::Sim, next: &mut NextState<Screen>) {
    ui.horizontal(|ui| {
        if ui
            .button(egui::RichText::new(t!("debrief-again")).size(17.0))
            .clicked()
        {
            next.set(again(sim));
        }
        if ui
            .button(egui::RichText::new(t!("debrief-another")).size(17.0))
            .clicked()
        {
            next.set(Screen::LevelSelect);
        }
        if ui
            .button(egui::RichText::new(t!("debrief-title-screen")).size(17.0))
            .clicked()
        {
            next.set(Screen::Title);
        }
        ui.label(style::muted(keys::hint(&binds::ALL)));
    });
}

/// The score, the stars and how far the next one is, and the summary.
fn score(ui: &mut egui::Ui, sim: &sim::Sim, debrief: &Debrief) {
    let fin = sim.final_result();
    ui.label(
        egui::RichText::new(t!("debrief-heading", level = i18n::text(&sim.level.title)))
            .size(24.0)
            .color(style::pal().forest)
            .strong(),
    );
    ui.label(
        egui::RichText::new(t!("debrief-score", score = format!("{:.1}", fin.outcome)))
            .size(44.0)
            .color(style::pal().text)
            .strong(),
    );
    if let Some(s) = sim.level.stars {
        ui.horizontal(|ui| {
            style::stars(ui, debrief.stars, 26.0);
            if debrief.new_best {
                ui.label(
                    egui::RichText::new(t!("debrief-new-best"))
                        .size(16.0)
                        .color(style::pal().good),
                );
            }
        });
        if debrief.stars < 3 {
            let next = [s.one, s.two, s.three][debrief.stars as usize];
            let short = (next - fin.outcome).max(0.1);
            ui.label(style::muted(t!(
                "debrief-next-star",
                short = format!("{short:.1}"),
                next = format!("{next}")
            )));
        }
        if let Some(e) = &debrief.progress_unsaved {
            ui.label(egui::RichText::new(e).color(style::pal().warn));
        }
    }
    ui.label(style::body(i18n::text(&fin.summary())));
}

/// The biggest causes of gains and losses, and the shortcuts taken.
fn what_helped(ui: &mut egui::Ui, sim: &sim::Sim) {
    let (gains, losses) = biggest_causes(&sim.state.history);
    for (title, causes, colour) in [
        (t!("debrief-helped"), gains, style::pal().good),
        (t!("debrief-cost"), losses, style::pal().bad),
    ] {
        ui.label(style::heading(title).size(18.0));
        for c in causes {
            ui.label(
                egui::RichText::new(t!(
                    "debrief-cause",
                    points = format!("{:+.0}", c.amount * 100.0),
                    cause = i18n::text(&c.label)
                ))
                .size(15.0)
                .color(colour),
            );
        }
    }
    let shortcuts = sim.shortcuts_taken();
    if !shortcuts.is_empty() {
        ui.label(style::heading(t!("debrief-shortcuts")).size(18.0));
        for (week, label) in shortcuts {
            ui.label(
                egui::RichText::new(t!(
                    "debrief-shortcut",
                    week = week,
                    shortcut = i18n::text(&label)
                ))
                .size(15.0)
                .color(style::pal().bad),
            );
        }
        ui.label(style::muted(t!("debrief-shortcuts-hint")));
    }
}

/// Replays the run from a chosen week at another split, with the same luck and choices.
fn what_if_panel(ui: &mut egui::Ui, session: &Session, debrief: &mut Debrief) {
    let sim = &session.sim;
    let fin = sim.final_result();
    ui.label(style::heading(t!("debrief-what-if")).size(18.0));
    ui.label(style::muted(t!("debrief-what-if-hint")));
    let weeks_n = sim.level.weeks;
    ui.add(egui::Slider::new(&mut debrief.what_if_week, 1..=weeks_n).text(t!("debrief-from-week")));
    ui.add(
        // The same percentage the plan panel and the charts show.
        egui::Slider::new(&mut debrief.what_if_share, 0.0..=1.0)
            .step_by(0.05)
            .custom_formatter(|v, _| format!("{:.0}%", v * 100.0))
            .custom_parser(|t| {
                t.trim()
                    .trim_end_matches('%')
                    .trim()
                    .parse::<f64>()
                    .ok()
                    .map(|v| v / 100.0)
            })
            .text(t!("debrief-on-vision")),
    );
    if ui.button(t!("debrief-play-it-out")).clicked()
        && let Ok(alt) = what_if(
            &sim.level,
            sim.seed,
            &session.decisions,
            debrief.what_if_week,
            debrief.what_if_share,
        )
    {
        debrief.alternative = Some((
            alt.state.history.clone(),
            alt.final_result(),
            debrief.what_if_week,
            debrief.what_if_share,
        ));
    }
    if let Some((_, alt_fin, w, s)) = &debrief.alternative {
        ui.label(style::body(t!(
            "debrief-what-if-result",
            week = *w,
            share = format!("{:.0}", s * 100.0),
            score = format!("{:.1}", alt_fin.outcome),
            change = format!("{:+.1}", alt_fin.outcome - fin.outcome),
            yours = format!("{:.1}", fin.outcome)
        )));
    }
}

/// Where the result file went, or a button to write it.
fn result_file(
    ui: &mut egui::Ui,
    session: &Session,
    debrief: &mut Debrief,
    (settings, data): (&PlayerSettings, &SaveDir),
    platform: Platform,
) {
    match &debrief.result {
        Some(Ok(path)) if platform.keeps_files_in_browser() => {
            ui.label(style::heading(t!("debrief-result-file")).size(18.0));
            ui.label(style::muted(t!("debrief-kept-in-browser")));
            let mut files = vec![
                ("json", "application/json", t!("debrief-download-json")),
                ("csv", "text/csv", t!("debrief-download-csv")),
            ];
            if debrief.report_written {
                files.push(("html", "text/html", t!("debrief-download-report")));
            }
            let path = path.clone();
            ui.horizontal_wrapped(|ui| {
                for (extension, mime, label) in files {
                    if ui.button(label).clicked() {
                        debrief.download_problem =
                            hand_over(&path.with_extension(extension), mime).err();
                    }
                }
            });
            if let Some(problem) = &debrief.download_problem {
                ui.label(egui::RichText::new(problem).color(style::pal().bad));
            }
        }
        Some(Ok(path)) => {
            ui.label(style::heading(t!("debrief-result-file")).size(18.0));
            let path = path.display().to_string();
            ui.label(style::muted(if debrief.report_written {
                t!("debrief-saved-with-report", path = path)
            } else {
                t!("debrief-saved", path = path)
            }));
        }
        Some(Err(e)) => {
            ui.label(
                egui::RichText::new(e.to_string())
                    .size(14.0)
                    .color(style::pal().bad),
            );
        }
        None => {
            if ui.button(t!("debrief-save-result")).clicked() {
                debrief.result = Some(write_result(session, settings, data));
            }
        }
    }
}

/// Hands a file the game wrote to the player as a download: the page's storage is no
/// folder a facilitator can open.
fn hand_over(path: &std::path::Path, mime: &str) -> Result<(), String> {
    let text = crate::store::disk::read_to_string(path)
        .map_err(|e| t!("debrief-download-failed", why = e.to_string()))?;
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    #[cfg(target_arch = "wasm32")]
    return crate::app::web::download(&name, mime, &text)
        .map_err(|why| t!("debrief-download-failed", why = why));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, mime, text);
        Err(t!(
            "debrief-download-failed",
            why = t!("debrief-download-desktop")
        ))
    }
}

/// Every metric's curve (and the what-if's), then the split against the best band.
fn curves(ui: &mut egui::Ui, sim: &sim::Sim, debrief: &Debrief) {
    let weeks = &sim.state.history;
    let h = (ui.available_height() - 60.0) / 2.0;
    ui.label(style::body(t!("debrief-team-curves")));
    let alt = debrief.alternative.as_ref().map(|(w, ..)| w.as_slice());
    charts::metrics(ui, weeks, alt, h);
    match &debrief.band {
        Some(b) => ui.label(style::body(t!(
            "debrief-split-band",
            low = format!("{:.0}", b.low * 100.0),
            high = format!("{:.0}", b.high * 100.0),
            best = format!("{:.0}", b.best * 100.0)
        ))),
        None => ui.label(style::body(t!("debrief-split-finding"))),
    };
    Plot::new("debrief_split")
        .height(h)
        .include_y(0.0)
        .include_y(100.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |p| {
            if let Some(b) = &debrief.band {
                let (x0, x1) = (1.0, sim.level.weeks as f64);
                let band = vec![
                    [x0, b.low * 100.0],
                    [x1, b.low * 100.0],
                    [x1, b.high * 100.0],
                    [x0, b.high * 100.0],
                ];
                let fill = egui::Color32::from_rgba_unmultiplied(120, 190, 130, 50);
                p.polygon(
                    Polygon::new(t!("debrief-plot-band"), band)
                        .fill_color(fill)
                        .stroke(egui::Stroke::new(1.0, style::pal().muted)),
                );
                p.hline(
                    HLine::new(t!("debrief-plot-best"), b.best * 100.0)
                        .color(style::pal().muted)
                        .style(egui_plot::LineStyle::dashed_dense()),
                );
            }
            // Drawn last, so a split on the best line stays in view above it.
            p.line(
                Line::new(t!("debrief-plot-split"), series(weeks, |w| w.vision_share))
                    .color(style::pal().forest)
                    .width(2.5),
            );
        });
}
