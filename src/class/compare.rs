//! Trusting and ranking result files: a replay of each team's recorded decisions, and
//! the class's table, verified teams first.

use super::results::ResultFile;
use sim::Level;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a replay of a result file found.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Every week and the final score came out exactly as recorded.
    Reproduced,
    /// The file does not match its own decisions: edited or damaged.
    Mismatch(String),
    /// It could not be replayed here (level missing or another version).
    Unverifiable(String),
}

impl Verdict {
    pub fn is_trusted(&self) -> bool {
        *self == Verdict::Reproduced
    }
}

/// Re-simulates the recorded decisions on `level` and compares every week.
pub fn replay(file: &ResultFile, level: &Level) -> Verdict {
    if level.id != file.level_id {
        return Verdict::Unverifiable(format!(
            "the level is \"{}\", not \"{}\"",
            level.id, file.level_id
        ));
    }
    if level.content_hash != file.level_hash {
        return Verdict::Unverifiable(format!(
            "the result was played on another version of \"{}\"",
            level.title
        ));
    }
    if file.level_title != level.title {
        return Verdict::Mismatch(format!(
            "the level's title was changed to \"{}\" (it is \"{}\")",
            file.level_title, level.title
        ));
    }
    // A code names one run: filed under another class's code, a result would be ranked
    // among teams that played a different seed.
    if let Some(text) = &file.class_code {
        match crate::class::ClassCode::parse(text) {
            Err(e) => return Verdict::Mismatch(format!("its class code {text}: {e}")),
            Ok(code) => {
                if code.find([level]).is_err()
                    || code.seed != file.seed
                    || code.difficulty != file.difficulty
                {
                    return Verdict::Mismatch(format!(
                        "its class code {text} is for another run than the one recorded"
                    ));
                }
            }
        }
    }
    let level = Arc::new(level.at(file.difficulty));
    let decisions = file.decisions();
    if decisions.weeks.len() != level.weeks as usize {
        return Verdict::Mismatch(format!(
            "{} weeks recorded; the level has {}",
            decisions.weeks.len(),
            level.weeks
        ));
    }
    let sim = match sim::run::run_decisions(&level, file.seed, &decisions) {
        Ok(sim) => sim,
        Err(e) => return Verdict::Mismatch(format!("the recorded decisions do not play: {e}")),
    };
    for (recorded, replayed) in file.weeks.iter().zip(&sim.state.history) {
        if recorded != replayed {
            return Verdict::Mismatch(format!(
                "week {} differs from a replay of its decisions (recorded outcome metrics were changed)",
                recorded.week
            ));
        }
    }
    let fin = sim.final_result();
    if fin != file.final_ {
        return Verdict::Mismatch(format!(
            "the final score differs: recorded {:.2}, replayed {:.2}",
            file.final_.outcome, fin.outcome
        ));
    }
    let stars = sim.level.stars.map_or(0, |s| s.earned(fin.outcome));
    if stars != file.stars {
        return Verdict::Mismatch(format!("recorded {} stars, earned {stars}", file.stars));
    }
    Verdict::Reproduced
}

/// One team in a comparison.
#[derive(Clone, Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub file: ResultFile,
    pub verdict: Verdict,
}

/// Result files of a folder, grouped by class code; files that are not results are listed
/// with their problem.
#[derive(Clone, Debug, Default)]
pub struct Comparison {
    /// (class code or "no code", entries best first)
    pub classes: Vec<(String, Vec<Entry>)>,
    pub unreadable: Vec<String>,
}

/// A folder of results that cannot be listed.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot read the folder: {why}", dir.display())]
pub struct FolderError {
    pub dir: PathBuf,
    pub why: std::io::Error,
}

/// Reads every `*.json` in `dir` and verifies each against `levels`.
pub fn compare(dir: &Path, levels: &[Level]) -> Result<Comparison, FolderError> {
    let listed = crate::store::disk::list(dir).map_err(|why| FolderError {
        dir: dir.to_path_buf(),
        why,
    })?;
    let mut paths: Vec<PathBuf> = listed
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut unreadable = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for path in paths {
        match ResultFile::load(&path) {
            Err(e) => unreadable.push(e.to_string()),
            Ok(file) => entries.push(Entry {
                path,
                verdict: verify(&file, levels),
                file,
            }),
        }
    }
    Ok(rank(entries, unreadable))
}

/// Replays a result against the level it names, if one of this version is among `levels`.
pub fn verify(file: &ResultFile, levels: &[impl std::borrow::Borrow<Level>]) -> Verdict {
    match levels
        .iter()
        .map(|l| l.borrow())
        .find(|l| l.id == file.level_id && l.content_hash == file.level_hash)
    {
        Some(l) => replay(file, l),
        None => Verdict::Unverifiable(format!(
            "no level \"{}\" of this version here",
            file.level_id
        )),
    }
}

/// Groups results by class code and ranks each class: best score first, then by name;
/// the largest class first.
pub fn rank(entries: Vec<Entry>, unreadable: Vec<String>) -> Comparison {
    let mut out = Comparison {
        classes: Vec::new(),
        unreadable,
    };
    let mut codes: Vec<String> = entries
        .iter()
        .map(|e| {
            e.file
                .class_code
                .clone()
                .unwrap_or_else(|| "no code".into())
        })
        .collect();
    codes.sort();
    codes.dedup();
    for code in codes {
        let mut group: Vec<Entry> = entries
            .iter()
            .filter(|e| e.file.class_code.as_deref().unwrap_or("no code") == code)
            .cloned()
            .collect();
        // Verified teams first, ranked by score; a file that did not replay is listed
        // after them, never ranked among them.
        group.sort_by(|a, b| {
            b.verdict
                .is_trusted()
                .cmp(&a.verdict.is_trusted())
                .then(b.file.final_.outcome.total_cmp(&a.file.final_.outcome))
                .then(a.file.team.cmp(&b.file.team))
        });
        out.classes.push((code, group));
    }
    // The largest class first: it is the one being run.
    out.classes.sort_by_key(|(_, g)| std::cmp::Reverse(g.len()));
    out
}

/// The rank of the `i`-th entry of a group `rank` sorted: its place among the verified
/// teams, or none for a file that did not replay.
pub fn rank_in(group: &[Entry], i: usize) -> Option<usize> {
    group[i].verdict.is_trusted().then_some(i + 1)
}

/// The final metrics where the top and bottom verified teams differ most, largest first.
pub fn biggest_differences(group: &[Entry]) -> Vec<(&'static str, f64)> {
    let trusted: Vec<&Entry> = group.iter().filter(|e| e.verdict.is_trusted()).collect();
    let (Some(top), Some(bottom)) = (trusted.first(), trusted.last()) else {
        return Vec::new();
    };
    let (a, b) = (&top.file.final_, &bottom.file.final_);
    let mut d = vec![
        ("on time", a.on_time - b.on_time),
        ("quality", a.quality - b.quality),
        ("goal progress", a.goal_progress - b.goal_progress),
        ("morale", a.morale - b.morale),
        ("trust", a.trust - b.trust),
        ("alignment", a.alignment - b.alignment),
        ("retention", a.retention - b.retention),
    ];
    d.sort_by(|x, y| y.1.abs().total_cmp(&x.1.abs()));
    d
}
