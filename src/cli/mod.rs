//! The headless command line: the facilitator's and the tester's tool. With no
//! subcommand the binary starts the desktop game.

mod balance;
mod classroom;
mod svg;
mod table;

use crate::i18n::level as translation;
use clap::{Parser, Subcommand};
use serde::Serialize;
use sim::Level;
use sim::run::{run_constant, run_decisions, standard_shares, sweep};
use sim::{Decisions, Final, Sim, WeekReport};
use std::path::{Path, PathBuf};
use std::sync::Arc;

#[derive(Parser, Debug)]
#[command(
    name = "forest-and-trees",
    version,
    about = "Forest & Trees: lead the forest, manage the trees. With no command, the game starts.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Level files to play: listed first in the game, beside the shipped levels and your own.
    #[arg(value_name = "LEVEL_FILE")]
    pub level_files: Vec<PathBuf>,
    /// Start the window, play through every screen with scripted input, save a
    /// screenshot of each into this folder, check none is blank, and quit (CI smoke test).
    #[arg(long, value_name = "DIR")]
    pub smoke_test: Option<PathBuf>,
    /// With --smoke-test: the id of the level to play (default: the first listed).
    #[arg(long, value_name = "ID", requires = "smoke_test")]
    pub smoke_level: Option<String>,
    /// With --smoke-test: also judge every screen at 1280x720 and 1920x1080, at interface
    /// scales 1.0, 1.5 and 2.0, for text cut off and panels or controls over each other
    /// (screenshots in DIR/layout, findings in DIR/layout.txt; exits 9 on a finding).
    #[arg(long, requires = "smoke_test")]
    pub layout_check: bool,
    /// Measure N frames without vsync and print frame times and memory, then quit:
    /// of the play screen of --measure-level, or of a bare window with one panel and one chart.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(10..=100_000))]
    pub measure_frames: Option<u32>,
    /// With --measure-frames: the level whose play screen is measured (else the bare window).
    #[arg(long, value_name = "ID", requires = "measure_frames")]
    pub measure_level: Option<String>,
    /// Play random keys, clicks, drags, wheel turns and resizes from this seed (a GUI
    /// fuzzer), in a scratch folder; print the screens reached and the memory, then quit.
    /// Exits non-zero on a panic or, in a run of 300 s or more, when memory grew more than
    /// 10% after warming up.
    #[arg(long, value_name = "SEED", conflicts_with_all = ["smoke_test", "measure_frames"])]
    pub monkey: Option<u64>,
    /// With --monkey: how long to play, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, requires = "monkey",
          value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub monkey_seconds: u64,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check level files and the translations beside them (or a translation file,
    /// `LEVEL.LANG.ftl`, against its level); exits 0 when all are valid.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Play a level without a window: a constant vision share, or recorded decisions.
    Simulate {
        #[arg(long)]
        level: PathBuf,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Share of each week's attention on vision (0..1), spread evenly over the vision
        /// activities; the rest evenly over the execution activities but "do the work yourself".
        #[arg(long, value_parser = parse_share, conflicts_with = "decisions", required_unless_present = "decisions")]
        vision_share: Option<f64>,
        /// A RON file of weekly plans and dilemma choices.
        #[arg(long)]
        decisions: Option<PathBuf>,
        /// Print one JSON object instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Measure every level (or those given): plans are searched on seeds 1–24 and reported
    /// on held-out seeds from 1001; writes docs/balance.md with a chart per level, and each
    /// level's adaptive run into levels/solutions/.
    Balance {
        /// Level files (default: every level in the levels folder).
        files: Vec<PathBuf>,
        /// How many held-out seeds every figure is reported on.
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        seeds: u32,
        /// Folder for balance.md and its charts.
        #[arg(long, default_value = "docs")]
        docs: PathBuf,
        /// Folder for the recorded adaptive runs.
        #[arg(long, default_value = "levels/solutions")]
        solutions: PathBuf,
    },
    /// Random plans and choices on every shipped level and on generated ones, each week
    /// checked: metrics finite and in range, causes that sum to the change, weeks that play.
    Soak {
        /// How many runs in all.
        #[arg(long, default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        runs: u64,
        /// How many generated sandbox levels besides the shipped ones.
        #[arg(long, default_value_t = 1_000, value_parser = clap::value_parser!(u64).range(0..=100_000))]
        generated: u64,
    },
    /// Class codes: `class new --level FILE --difficulty D` prints a code every team types.
    Class {
        #[command(subcommand)]
        action: ClassAction,
    },
    /// Re-simulate a team's result file and say whether it is exactly reproduced.
    Replay {
        result: PathBuf,
        /// The level file (default: the shipped levels and your own folder).
        #[arg(long)]
        level: Option<PathBuf>,
    },
    /// Write a team's printable one-page report (RESULT.html beside RESULT.json).
    Report {
        result: PathBuf,
        /// The class's results folder: adds the team's rank among the verified results.
        #[arg(long)]
        class: Option<PathBuf>,
        /// The level file (default: the shipped levels and your own folder).
        #[arg(long)]
        level: Option<PathBuf>,
    },
    /// Compare the result files of a folder: leaderboard per class code, each verified.
    Compare {
        folder: PathBuf,
        /// Print one CSV row per team instead of the report.
        #[arg(long)]
        csv: bool,
        /// Extra level files to verify against.
        #[arg(long)]
        level: Vec<PathBuf>,
    },
    /// Run shares 0.0, 0.1 … 1.0 over many seeds and report the outcome per share.
    Sweep {
        #[arg(long)]
        level: PathBuf,
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        seeds: u32,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
pub enum ClassAction {
    /// Make a code for a level, a difficulty and a seed (1–1024, default: from the clock).
    New {
        #[arg(long)]
        level: PathBuf,
        #[arg(long, value_enum, default_value_t = DifficultyArg::Normal)]
        difficulty: DifficultyArg,
        #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
        seed: Option<u64>,
    },
    /// Say what a code is for, on this machine.
    Show { code: String },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum DifficultyArg {
    Easy,
    Normal,
    Hard,
}

impl From<DifficultyArg> for sim::Difficulty {
    fn from(d: DifficultyArg) -> Self {
        match d {
            DifficultyArg::Easy => sim::Difficulty::Easy,
            DifficultyArg::Normal => sim::Difficulty::Normal,
            DifficultyArg::Hard => sim::Difficulty::Hard,
        }
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn out(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Why a `--share` was refused; clap names the flag before it.
#[derive(Debug, thiserror::Error)]
enum ShareError {
    #[error("'{0}' is not a number")]
    NotANumber(String),
    #[error("{0} is outside 0..1")]
    Outside(f64),
}

fn parse_share(s: &str) -> Result<f64, ShareError> {
    let v: f64 = s.parse().map_err(|_| ShareError::NotANumber(s.into()))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(ShareError::Outside(v))
    }
}

/// Exit codes: 0 fine, 1 invalid content (a level or decisions file), 2 wrong usage.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                out(&e.to_string());
                return 0;
            }
            // One line: clap's first line names the flag and what was wrong.
            let text = e.render().to_string();
            eprintln!(
                "{}",
                text.lines().next().unwrap_or("error: invalid arguments")
            );
            return 2;
        }
    };
    match cli.command {
        None => {
            if let Some(missing) = cli.level_files.iter().find(|p| !p.is_file()) {
                eprintln!("error: no level file at '{}'", missing.display());
                return 2;
            }
            run_game(GameStart {
                level_files: cli.level_files,
                smoke_test: cli.smoke_test.map(|dir| (dir, cli.smoke_level)),
                layout_check: cli.layout_check,
                measure: cli.measure_frames.map(|n| (n as usize, cli.measure_level)),
                monkey: cli.monkey.map(|seed| (seed, cli.monkey_seconds)),
            })
        }
        Some(Command::Validate { files }) => validate(&files),
        Some(Command::Simulate {
            level,
            seed,
            vision_share,
            decisions,
            json,
        }) => simulate(&level, seed, vision_share, decisions.as_deref(), json),
        Some(Command::Sweep { level, seeds, json }) => run_sweep(&level, seeds, json),
        Some(Command::Class { action }) => classroom::class(action),
        Some(Command::Replay { result, level }) => classroom::replay(&result, level.as_deref()),
        Some(Command::Compare { folder, csv, level }) => classroom::compare(&folder, csv, &level),
        Some(Command::Report {
            result,
            class,
            level,
        }) => classroom::report_file(&result, class.as_deref(), level.as_deref()),
        Some(Command::Soak { runs, generated }) => run_soak(runs, generated),
        Some(Command::Balance {
            files,
            seeds,
            docs,
            solutions,
        }) => run_balance(&files, seeds, &docs, &solutions),
    }
}

/// How the window was asked to start.
#[cfg_attr(not(feature = "gui"), allow(dead_code))] // read only by the window
struct GameStart {
    level_files: Vec<PathBuf>,
    smoke_test: Option<(PathBuf, Option<String>)>,
    layout_check: bool,
    measure: Option<(usize, Option<String>)>,
    /// Seed and seconds of the GUI monkey.
    monkey: Option<(u64, u64)>,
}

#[cfg(feature = "gui")]
fn run_game(start: GameStart) -> i32 {
    let options = crate::app::Options {
        level_files: start.level_files,
        smoke_test: start.smoke_test,
        layout_check: start.layout_check,
        measure: start.measure,
        monkey: start
            .monkey
            .map(|(seed, seconds)| crate::app::monkey::Options { seed, seconds }),
        started: web_time::Instant::now(),
    };
    match crate::app::run(options) {
        bevy::app::AppExit::Success => 0,
        bevy::app::AppExit::Error(code) => code.get() as i32,
    }
}

#[cfg(not(feature = "gui"))]
fn run_game(_start: GameStart) -> i32 {
    eprintln!("error: this build has no window (built without the `gui` feature); see --help");
    2
}

/// Loads a level, printing its problems. Missing files are usage errors (2).
fn load_level(path: &Path) -> Result<Arc<Level>, i32> {
    if !path.is_file() {
        eprintln!("error: no level file at '{}'", path.display());
        return Err(2);
    }
    Level::load(path).map(Arc::new).map_err(|errors| {
        for e in errors {
            eprintln!("{e}");
        }
        1
    })
}

/// Checks level files and the translations beside each (`<stem>.<language>.ftl`), or a
/// translation file (`.ftl`) against its level.
fn validate(files: &[PathBuf]) -> i32 {
    let mut code = 0;
    for f in files {
        if f.extension().is_some_and(|x| x == "ftl") {
            code = code.max(validate_translation(f));
            continue;
        }
        match load_level(f) {
            Ok(level) => {
                out(&format!(
                    "{}: ok ({}, {} weeks, {} people)\n  {}\n",
                    f.display(),
                    level.role.label(),
                    level.weeks,
                    level.team_size(),
                    load(&level)
                ));
                let translations = translation::load_beside(&level, f);
                for line in &translations.ignored {
                    eprintln!("{line}");
                }
                for t in &translations.files {
                    code = code.max(report_translation(t));
                    if t.errors.is_empty() {
                        out(&format!(
                            "  {}: {} of {} ids translated into {}\n",
                            t.file(),
                            t.parts - t.missing.len(),
                            t.parts,
                            t.lang.code()
                        ));
                    }
                }
            }
            Err(c) => code = code.max(c),
        }
    }
    code
}

/// Prints a translation's errors and warnings; 1 when it has errors.
fn report_translation(t: &translation::Translation) -> i32 {
    for e in &t.errors {
        eprintln!("{e}");
    }
    for w in t.warnings() {
        eprintln!("{w}");
    }
    i32::from(!t.errors.is_empty())
}

/// `validate levels/x.es.ftl`: the file checked against `levels/x.ron`.
fn validate_translation(path: &Path) -> i32 {
    if !path.is_file() {
        eprintln!("error: no translation file at '{}'", path.display());
        return 2;
    }
    let file = path.display().to_string();
    let Some((level_path, code)) = translation::level_of(path) else {
        eprintln!(
            "{file}: a level's translation is named after the level and the language, such as \
             first-week.es.ftl beside first-week.ron"
        );
        return 1;
    };
    let Some(lang) = translation::translated_lang(&code) else {
        eprintln!("{}", translation::not_read(&file, &code));
        return 1;
    };
    if !level_path.is_file() {
        eprintln!(
            "error: no level file at '{}' for the translation '{file}'",
            level_path.display()
        );
        return 2;
    }
    let level = match load_level(&level_path) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let t = translation::load(&level, lang, path);
    let code = report_translation(&t);
    if code == 0 {
        out(&format!(
            "{file}: ok ({}, {} of {} ids translated, for {})\n",
            lang.code(),
            t.parts - t.missing.len(),
            t.parts,
            level_path.display()
        ));
    }
    code
}

/// The work against what the team makes, for a level's author: a level where the work
/// is well beyond it is a collapse at every split, which teaches little.
fn load(level: &Arc<Level>) -> String {
    let sim = run_constant(level, 1, 0.5);
    let weeks = sim.state.history.len().max(1) as f64;
    let made = sim
        .state
        .history
        .iter()
        .map(|w| w.metrics.output)
        .sum::<f64>()
        / weeks;
    let due = level.total_effort() / f64::from(level.weeks.max(1));
    let verdict = if due > 1.15 * made {
        "more than it makes: late work piles up"
    } else if due < 0.6 * made {
        "well within what it makes"
    } else {
        "about what it makes"
    };
    format!(
        "work due: {due:.1} person-weeks a week; at an even split (seed 1) the team makes \
         {made:.1}, so the work is {verdict}"
    )
}

#[derive(Serialize)]
struct RunJson<'a> {
    level: &'a str,
    seed: u64,
    weeks: &'a [WeekReport],
    #[serde(rename = "final")]
    final_: Final,
}

fn simulate(
    level: &Path,
    seed: u64,
    share: Option<f64>,
    decisions: Option<&Path>,
    json: bool,
) -> i32 {
    let level = match load_level(level) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let sim: Sim = match (share, decisions) {
        (Some(s), _) => run_constant(&level, seed, s),
        (None, Some(path)) => {
            if !path.is_file() {
                eprintln!("error: no decisions file at '{}'", path.display());
                return 2;
            }
            let d = match Decisions::load(path) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            match run_decisions(&level, seed, &d) {
                Ok(sim) => sim,
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    return 1;
                }
            }
        }
        (None, None) => unreachable!("clap requires one of --vision-share and --decisions"),
    };
    let fin = sim.final_result();
    if json {
        let run = RunJson {
            level: &level.id,
            seed,
            weeks: &sim.state.history,
            final_: fin,
        };
        out(&format!(
            "{}\n",
            serde_json::to_string(&run).expect("reports serialise")
        ));
    } else {
        out(&table::weeks(&level, seed, &sim.state.history, &fin));
    }
    0
}

fn run_soak(runs: u64, generated: u64) -> i32 {
    let shipped: Vec<Arc<Level>> = crate::catalog::load_dir(&crate::catalog::levels_dir())
        .into_iter()
        .filter_map(|e| e.level.ok().map(Arc::new))
        .collect();
    let start = std::time::Instant::now();
    let s = sim::soak::soak(&shipped, generated, runs, 20);
    for p in &s.problems {
        eprintln!("{p}");
    }
    // Wall-clock timing is for the reader only.
    out(&format!(
        "{} runs ({} weeks) on {} shipped and {generated} generated levels: {} failed, in {:.1} s\n",
        s.runs,
        s.weeks,
        shipped.len(),
        s.failed,
        start.elapsed().as_secs_f64()
    ));
    if s.failed == 0 { 0 } else { 1 }
}

/// Person-weeks a sweep may play: about twenty seconds on one core.
const MAX_SWEEP_PERSON_WEEKS: u64 = 200_000_000;

fn run_sweep(level: &Path, seeds: u32, json: bool) -> i32 {
    let level = match load_level(level) {
        Ok(l) => l,
        Err(c) => return c,
    };
    // Bound the work, not only the seeds: a seed of a 200-person level costs forty times
    // one of a five-person team.
    let shares = standard_shares();
    let per_seed = shares.len() as u64 * level.team_size().max(1) as u64 * level.weeks as u64;
    let work = per_seed.saturating_mul(seeds as u64);
    if work > MAX_SWEEP_PERSON_WEEKS {
        eprintln!(
            "error: --seeds {seeds}: a sweep of {} would play {work} person-weeks; at most \
             {MAX_SWEEP_PERSON_WEEKS} are allowed, so give at most --seeds {}",
            level.id,
            (MAX_SWEEP_PERSON_WEEKS / per_seed).max(1)
        );
        return 2;
    }
    let start = std::time::Instant::now();
    let result = sweep(&level, seeds, &shares);
    let elapsed = start.elapsed();
    if json {
        out(&format!(
            "{}\n",
            serde_json::to_string(&result).expect("sweeps serialise")
        ));
    } else {
        out(&table::sweep(&level, &result));
        // Wall-clock timing is for the reader only; it never enters results.
        out(&format!(
            "{} runs in {:.2} s\n",
            result.rows.len() as u64 * seeds as u64,
            elapsed.as_secs_f64()
        ));
    }
    0
}

fn run_balance(files: &[PathBuf], seeds: u32, docs: &Path, solutions: &Path) -> i32 {
    let mut levels = Vec::new();
    if files.is_empty() {
        let dir = crate::catalog::levels_dir();
        let mut code = 0;
        for e in crate::catalog::load_dir(&dir) {
            match e.level {
                Ok(l) => levels.push(Arc::new(l)),
                Err(errors) => {
                    errors.iter().for_each(|e| eprintln!("{e}"));
                    code = 1;
                }
            }
        }
        if code != 0 {
            return code;
        }
    } else {
        for f in files {
            match load_level(f) {
                Ok(l) => levels.push(l),
                Err(c) => return c,
            }
        }
    }
    let start = std::time::Instant::now();
    match balance::write_all(&levels, seeds, docs, solutions) {
        Ok(all) => {
            for b in &all {
                out(&format!(
                    "{:<24} even {:.2} ({:.1})  fixed {:.1}  adaptive {:.1} ({:+.1})  all-trees {:+.0}%  all-forest {:+.0}%  stars fit {:?}\n",
                    b.id,
                    b.best_share,
                    b.peak(),
                    b.fixed_outcome.mean,
                    b.adaptive_outcome.mean,
                    b.adaptive_gain(),
                    100.0 * (b.all_trees / b.peak() - 1.0),
                    100.0 * (b.all_forest / b.peak() - 1.0),
                    {
                        let st = b.suggested_stars();
                        (st.one, st.two, st.three)
                    },
                ));
                for (c, gain) in b.shortcuts_that_pay() {
                    out(&format!(
                        "  warning: in {}, the shortcut '{}' scores {gain:+.1} over the best \
                         principled choice: give it the costs its story has (levels/README.md)\n",
                        c.dilemma, c.choice
                    ));
                }
            }
            out(&format!(
                "wrote {} in {:.1} s\n",
                docs.join("balance.md").display(),
                start.elapsed().as_secs_f64()
            ));
            0
        }
        Err(e) => {
            eprintln!("error: {e}");
            1
        }
    }
}
