//! The facilitator's commands: class codes, replaying a team's result, comparing a class.

use super::{ClassAction, load_level, out};
use crate::class::ClassCode;
use crate::class::results::{self, ResultFile, Verdict, rank_in};
use sim::Level;
use std::path::{Path, PathBuf};

/// The levels a code or a result may name: shipped, the player's own, and any given.
fn known_levels(extra: &[PathBuf]) -> Vec<Level> {
    known_levels_or_flag_errors(extra).unwrap_or_else(|(levels, _)| levels)
}

/// Every level this machine knows and the files named on the command line, read once;
/// `Err` also carries the problems of the named files that do not load.
fn known_levels_or_flag_errors(
    extra: &[PathBuf],
) -> Result<Vec<Level>, (Vec<Level>, Vec<sim::LevelError>)> {
    let mut levels = Vec::new();
    let mut named = Vec::new();
    for e in crate::catalog::load_all(
        &crate::catalog::levels_dir(),
        &crate::catalog::user_levels_dir(),
        extra,
    ) {
        match (e.level, e.source) {
            (Ok(l), _) => levels.push(l),
            (Err(errors), crate::catalog::Source::CommandLine) => named.extend(errors),
            (Err(_), _) => {}
        }
    }
    if named.is_empty() {
        Ok(levels)
    } else {
        Err((levels, named))
    }
}

pub fn class(action: ClassAction) -> i32 {
    match action {
        ClassAction::New {
            level,
            difficulty,
            seed,
        } => {
            let level = match load_level(&level) {
                Ok(l) => l,
                Err(c) => return c,
            };
            // Wall-clock only picks a seed when none is given; the code fixes it.
            let seed = seed.unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_secs() % 1024 + 1)
            });
            let code = ClassCode::new(&level, difficulty.into(), seed);
            out(&format!(
                "{}\n{} ({}), {}, seed {}: every team that joins with this code plays the same run.\n",
                code.text(),
                level.title,
                level.id,
                code.difficulty.label(),
                code.seed
            ));
            0
        }
        ClassAction::Show { code } => match ClassCode::parse(&code) {
            Err(e) => {
                eprintln!("error: {e}");
                2
            }
            Ok(c) => {
                let levels = known_levels(&[]);
                match c.find(&levels) {
                    Ok(l) => {
                        out(&format!(
                            "{}: {} ({}), {}, seed {}\n",
                            c.text(),
                            l.title,
                            l.id,
                            c.difficulty.label(),
                            c.seed
                        ));
                        0
                    }
                    Err(e) => {
                        eprintln!("error: {e}");
                        1
                    }
                }
            }
        },
    }
}

/// A result file and the levels to check it against (the one given, or every known level);
/// `Err` is the exit code, after the problem was printed.
fn result_and_levels(path: &Path, level: Option<&Path>) -> Result<(ResultFile, Vec<Level>), i32> {
    if !path.is_file() {
        eprintln!("error: no result file at '{}'", path.display());
        return Err(2);
    }
    let file = ResultFile::load(path).map_err(|e| {
        eprintln!("{e}");
        1
    })?;
    let levels = match level {
        Some(p) => vec![(*load_level(p)?).clone()],
        None => known_levels(&[]),
    };
    Ok((file, levels))
}

pub fn replay(path: &Path, level: Option<&Path>) -> i32 {
    let (file, levels) = match result_and_levels(path, level) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let Some(level) = levels.iter().find(|l| l.id == file.level_id) else {
        eprintln!(
            "{}: cannot verify: no level \"{}\" here (give it with --level FILE)",
            path.display(),
            file.level_id
        );
        return 1;
    };
    match results::replay(&file, level) {
        Verdict::Reproduced => {
            out(&format!(
                "{}: reproduced exactly — {} on {} ({}), score {:.1}, {} star{}\n",
                path.display(),
                file.team,
                file.level_title,
                file.class_code.as_deref().unwrap_or("no class code"),
                file.final_.outcome,
                file.stars,
                if file.stars == 1 { "" } else { "s" }
            ));
            0
        }
        Verdict::Mismatch(why) => {
            eprintln!("{}: NOT reproduced: {why}", path.display());
            1
        }
        Verdict::Unverifiable(why) => {
            eprintln!("{}: cannot verify: {why}", path.display());
            1
        }
    }
}

pub fn compare(folder: &Path, csv: bool, extra: &[PathBuf]) -> i32 {
    if !folder.is_dir() {
        eprintln!("error: no folder at '{}'", folder.display());
        return 2;
    }
    // A level named on the command line that cannot be read is a wrong flag, not a level
    // to skip: the facilitator would otherwise see its teams as unverifiable.
    let levels = match known_levels_or_flag_errors(extra) {
        Ok(levels) => levels,
        Err((_, errors)) => {
            for e in errors {
                eprintln!("error: --level {e}");
            }
            return 2;
        }
    };
    let c = match results::compare(folder, &levels) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    if csv {
        let rows = c.classes.iter().flat_map(|(code, group)| {
            group.iter().enumerate().map(move |(i, e)| {
                let f = &e.file.final_;
                let mut row = vec![
                    code.clone(),
                    rank_in(group, i).map_or(String::new(), |r| r.to_string()),
                    e.file.team.clone(),
                    e.file.level_id.clone(),
                    format!("{:.2}", f.outcome),
                    e.file.stars.to_string(),
                    e.verdict.is_trusted().to_string(),
                ];
                row.extend(
                    [
                        f.on_time,
                        f.quality,
                        f.goal_progress,
                        f.morale,
                        f.trust,
                        f.alignment,
                        f.retention,
                        mean_share(&e.file),
                    ]
                    .map(|v| format!("{v:.4}")),
                );
                row.push(e.path.display().to_string());
                row
            })
        });
        let s = results::csv_text(
            &[
                "class_code",
                "rank",
                "team",
                "level",
                "score",
                "stars",
                "verified",
                "on_time",
                "quality",
                "goal_progress",
                "morale",
                "trust",
                "alignment",
                "retention",
                "mean_vision_share",
                "file",
            ],
            rows,
        );
        out(&s);
    } else {
        out(&report(&c, &levels));
    }
    for u in &c.unreadable {
        eprintln!("{u}");
    }
    // The leaderboard is printed either way; a script must still learn that files were
    // left out.
    if c.unreadable.is_empty() { 0 } else { 1 }
}

fn mean_share(f: &ResultFile) -> f64 {
    f.weeks.iter().map(|w| w.vision_share).sum::<f64>() / f.weeks.len().max(1) as f64
}

/// The leaderboard of each class, the split of every team week by week, the biggest
/// differences between the top and the bottom team, and the level's questions.
pub fn report(c: &results::Comparison, levels: &[Level]) -> String {
    let mut s = String::new();
    if c.classes.is_empty() {
        s.push_str("No result files in this folder.\n");
    }
    for (n, (code, group)) in c.classes.iter().enumerate() {
        if n == 1 {
            s.push_str("\nFiles from other class codes, listed apart:\n");
        }
        let title = group.first().map_or("", |e| e.file.level_title.as_str());
        let n = group.len();
        let teams = if n == 1 { "team" } else { "teams" };
        s.push_str(&format!("\n{code} — {title} — {n} {teams}\n"));
        s.push_str("rank  team                      score  stars  verified   mean vision share\n");
        for (i, e) in group.iter().enumerate() {
            let verified = match &e.verdict {
                Verdict::Reproduced => "yes".to_string(),
                Verdict::Mismatch(_) => "NO: edited".to_string(),
                Verdict::Unverifiable(_) => "cannot".to_string(),
            };
            s.push_str(&format!(
                "{:>4}  {:<24}  {:>5.1}  {:>5}  {:<10} {:>5.0}%\n",
                rank_in(group, i).map_or("-".to_string(), |r| r.to_string()),
                e.file.team.chars().take(24).collect::<String>(),
                e.file.final_.outcome,
                e.file.stars,
                verified,
                mean_share(&e.file) * 100.0
            ));
        }
        for e in group.iter().filter(|e| !e.verdict.is_trusted()) {
            let why = match &e.verdict {
                Verdict::Mismatch(w) | Verdict::Unverifiable(w) => w.as_str(),
                Verdict::Reproduced => "",
            };
            s.push_str(&format!(
                "  {} ({}): {why}\n",
                e.file.team,
                e.path.display()
            ));
        }
        s.push_str("vision share week by week:\n");
        for e in group {
            let weeks: Vec<String> = e
                .file
                .weeks
                .iter()
                .map(|w| format!("{:>3.0}", w.vision_share * 100.0))
                .collect();
            s.push_str(&format!(
                "  {:<24} {}\n",
                e.file.team.chars().take(24).collect::<String>(),
                weeks.join(" ")
            ));
        }
        let diffs = results::biggest_differences(group);
        if group.len() >= 2 && !diffs.is_empty() {
            let top: Vec<String> = diffs
                .iter()
                .take(3)
                .map(|(m, d)| format!("{m} {:+.0} points", d * 100.0))
                .collect();
            s.push_str(&format!(
                "top against bottom verified team: {}\n",
                top.join(", ")
            ));
        }
        if let Some(level) = group
            .first()
            .and_then(|e| levels.iter().find(|l| l.id == e.file.level_id))
            && !level.discussion.is_empty()
        {
            s.push_str("to discuss:\n");
            for q in &level.discussion {
                s.push_str(&format!("  - {q}\n"));
            }
        }
    }
    s
}

pub fn report_file(path: &Path, class: Option<&Path>, level: Option<&Path>) -> i32 {
    if let Some(dir) = class
        && !dir.is_dir()
    {
        eprintln!("error: no folder at '{}'", dir.display());
        return 2;
    }
    let (file, levels) = match result_and_levels(path, level) {
        Ok(x) => x,
        Err(c) => return c,
    };
    let Some(lv) = levels
        .iter()
        .find(|l| l.id == file.level_id && l.content_hash == file.level_hash)
    else {
        eprintln!(
            "{}: cannot verify: no level \"{}\" of this version here (give it with --level FILE)",
            path.display(),
            file.level_id
        );
        return 1;
    };
    // A report is only written for a result that replays exactly.
    if let Verdict::Mismatch(why) | Verdict::Unverifiable(why) = results::replay(&file, lv) {
        eprintln!(
            "{}: NOT reproduced: {why}; no report written",
            path.display()
        );
        return 1;
    }
    let band = sim::whatif::best_band(&std::sync::Arc::new(lv.at(file.difficulty)), 20, 1.0);
    let standing = class.and_then(|dir| {
        let c = results::compare(dir, &levels).ok()?;
        let code = file.class_code.clone().unwrap_or_else(|| "no code".into());
        let (_, group) = c.classes.iter().find(|(k, _)| *k == code)?;
        let verified: Vec<_> = group.iter().filter(|e| e.verdict.is_trusted()).collect();
        let rank = verified
            .iter()
            .position(|e| e.file.team == file.team && e.file.final_ == file.final_)?
            + 1;
        Some((rank, verified.len()))
    });
    match file.write_report(path, Some((band.low, band.high)), standing, &lv.discussion) {
        Ok(p) => {
            out(&format!("wrote {}\n", p.display()));
            0
        }
        Err(e) => {
            eprintln!("error: cannot write the report: {e}");
            1
        }
    }
}
