//! A team's result file: everything a facilitator needs to compare teams and to trust the
//! numbers — the class code, every week's plan, choices, metrics and causes, and the final
//! score — as JSON, with the weekly metrics as CSV beside it. `replay` re-simulates the
//! recorded decisions and says whether the file is exactly reproduced.

use crate::chart::{Chart, Stroke, escape};
use serde::{Deserialize, Serialize};
use sim::{Decision, Decisions, Difficulty, Final, Level, Sim, WeekReport};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const FORMAT: u32 = 1;
const MAX_RESULT_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultFile {
    pub format: u32,
    /// The rules the run was played under (absent: the first model).
    #[serde(default = "sim::first_model")]
    pub model: u32,
    pub game_version: String,
    /// The class code the run was started from, if any.
    pub class_code: Option<String>,
    pub team: String,
    pub level_id: String,
    pub level_title: String,
    pub level_hash: u64,
    pub seed: u64,
    pub difficulty: Difficulty,
    pub weeks: Vec<WeekReport>,
    #[serde(rename = "final")]
    pub final_: Final,
    pub stars: u8,
}

impl ResultFile {
    pub fn of(sim: &Sim, team: &str, class_code: Option<&str>) -> ResultFile {
        let fin = sim.final_result();
        ResultFile {
            format: FORMAT,
            model: sim::MODEL_VERSION,
            game_version: env!("CARGO_PKG_VERSION").into(),
            class_code: class_code.map(str::to_string),
            team: team.trim().to_string(),
            level_id: sim.level.id.clone(),
            level_title: sim.level.title.clone(),
            level_hash: sim.level.content_hash,
            seed: sim.seed,
            difficulty: sim.level.difficulty,
            weeks: sim.state.history.clone(),
            stars: sim.level.stars.map_or(0, |s| s.earned(fin.outcome)),
            final_: fin,
        }
    }

    /// The decisions the team made, week by week.
    pub fn decisions(&self) -> Decisions {
        Decisions {
            level: Some(self.level_id.clone()),
            seed: Some(self.seed),
            policy: None,
            fixed: None,
            weeks: self
                .weeks
                .iter()
                .map(|w| Decision {
                    plan: w.plan,
                    choices: w.choices.iter().cloned().collect(),
                    inject: w.injected.clone(),
                    custom: w.custom.clone(),
                })
                .collect(),
        }
    }

    /// A file name for the team: letters, digits and dashes.
    pub fn file_stem(&self) -> String {
        let team: String = self
            .team
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        let team = team.trim_matches('-');
        let team = if team.is_empty() { "team" } else { team };
        let code = self
            .class_code
            .as_deref()
            .unwrap_or("solo")
            .replace('-', "");
        format!("{}-{}-{team}", self.level_id, code.to_lowercase())
    }

    /// Writes `NAME.json` and `NAME.csv` into `dir`, never replacing a file already there.
    pub fn write(&self, dir: &Path) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(dir)?;
        let stem = self.file_stem();
        let path = (1..)
            .map(|n| {
                dir.join(if n == 1 {
                    format!("{stem}.json")
                } else {
                    format!("{stem}-{n}.json")
                })
            })
            .find(|p| !p.exists() && !p.with_extension("csv").exists())
            .expect("an unused name");
        let json = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        crate::store::write_atomic(&path, json.as_bytes())?;
        crate::store::write_atomic(&path.with_extension("csv"), self.csv().as_bytes())?;
        Ok(path)
    }

    /// Writes the one-page report beside the result file (`NAME.html`).
    pub fn write_report(
        &self,
        json: &Path,
        band: Option<(f64, f64)>,
        standing: Option<Standing>,
        questions: &[String],
    ) -> std::io::Result<PathBuf> {
        let path = json.with_extension("html");
        crate::store::write_atomic(&path, self.html(band, standing, questions).as_bytes())?;
        Ok(path)
    }

    /// The weekly metrics, one row a week.
    pub fn csv(&self) -> String {
        let rows = self.weeks.iter().map(|w| {
            let m = &w.metrics;
            let mut row = vec![
                self.team.clone(),
                self.class_code.clone().unwrap_or_default(),
                self.level_id.clone(),
                w.week.to_string(),
            ];
            row.extend(
                [
                    w.vision_share,
                    m.morale,
                    m.trust,
                    m.alignment,
                    m.stress,
                    m.on_time,
                    m.quality,
                    m.delivery,
                    m.goal_progress,
                    m.retention,
                ]
                .map(|v| format!("{v:.4}")),
            );
            row.push(m.headcount.to_string());
            row
        });
        csv_text(
            &[
                "team",
                "class_code",
                "level",
                "week",
                "vision_share",
                "morale",
                "trust",
                "alignment",
                "stress",
                "on_time",
                "quality",
                "delivery",
                "goal_progress",
                "retention",
                "headcount",
            ],
            rows,
        )
    }

    pub fn load(path: &Path) -> Result<ResultFile, String> {
        let bytes = sim::read_capped(path, MAX_RESULT_BYTES, "a result file")
            .map_err(|e| format!("{}: {e}", path.display()))?;
        ResultFile::parse(&bytes, path)
    }

    /// Reads a result file's bytes; `path` names it in the errors.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<ResultFile, String> {
        let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
            let (line, col) = sim::line_col(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            format!(
                "{}:{line}:{col}: the file is not UTF-8 text",
                path.display()
            )
        })?;
        let file: ResultFile = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}:{}: not a result file: {e}",
                path.display(),
                e.line(),
                e.column()
            )
        })?;
        if file.format != FORMAT {
            return Err(format!(
                "{}: result format {} is not supported (this game reads format {FORMAT})",
                path.display(),
                file.format
            ));
        }
        sim::check_model(file.model).map_err(|m| format!("{}: this result {m}", path.display()))?;
        Ok(file)
    }
}

/// A header and its rows as CSV text, every field quoted where it must be.
pub fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail, and every row has the header's length.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(&row);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A team's standing in its class: (rank, teams verified).
pub type Standing = (usize, usize);

impl ResultFile {
    /// A one-page report that prints well: score and stars, the curves, the split week by
    /// week against the best band, the biggest causes, and the standing in the class.
    pub fn html(
        &self,
        band: Option<(f64, f64)>,
        standing: Option<Standing>,
        questions: &[String],
    ) -> String {
        let esc = escape;
        let series = |f: fn(&WeekReport) -> f64| self.weeks.iter().map(f).collect::<Vec<f64>>();
        let metrics = chart(
            &[
                ("morale", "#c0392b", series(|w| w.metrics.morale)),
                ("trust", "#8e44ad", series(|w| w.metrics.trust)),
                ("alignment", "#27ae60", series(|w| w.metrics.alignment)),
                ("on time", "#d68910", series(|w| w.metrics.on_time)),
                ("quality", "#2471a3", series(|w| w.metrics.quality)),
                ("goals", "#17a589", series(|w| w.metrics.goal_progress)),
            ],
            None,
        );
        let split = chart(
            &[("forest share", "#1e8449", series(|w| w.vision_share))],
            band,
        );
        let (gains, losses) = sim::biggest_causes(&self.weeks);
        let list = |cs: &[sim::Cause]| {
            cs.iter()
                .map(|c| format!("<li>{:+.0} {}</li>", c.amount * 100.0, esc(&c.label)))
                .collect::<String>()
        };
        let f = &self.final_;
        let standing = match standing {
            Some((rank, of)) => format!(
                "<p class=\"big\">Rank {rank} of {of} verified teams in {}</p>",
                esc(self.class_code.as_deref().unwrap_or(""))
            ),
            None => String::new(),
        };
        let band_text = band.map_or(String::new(), |(lo, hi)| {
            format!(
                " The shaded band ({:.0}–{:.0}%) is where a steady split does best on this level.",
                lo * 100.0,
                hi * 100.0
            )
        });
        let questions: String = questions
            .iter()
            .map(|q| format!("<li>{}</li>", esc(q)))
            .collect();
        format!(
            r#"<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} — {team}</title>
<style>
body {{ font-family: sans-serif; max-width: 760px; margin: 24px auto; color: #222; }}
h1 {{ margin: 0; font-size: 26px; }} .big {{ font-size: 20px; margin: 6px 0; }}
.cols {{ display: flex; gap: 24px; }} .cols > div {{ flex: 1; }}
svg {{ width: 100%; height: auto; }} ul {{ margin: 4px 0 10px 18px; padding: 0; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{title}: {team}</h1>
<p>{code} · seed {seed} · {difficulty} · Forest &amp; Trees {version}</p>
<p class="big"><b>{score:.1} / 100</b> · {stars} of 3 stars</p>
{standing}
<p>On time {ot:.0}% · quality {q:.0}% · goals {g:.0}% · morale {m:.0}% · trust {t:.0}% · alignment {a:.0}% · retention {r:.0}%</p>
<h2>Your team, week by week</h2>
{metrics}
<h2>Your split between the forest and the trees</h2>
{split}
<p>Each point is the share of your week spent on the forest.{band_text}</p>
<div class="cols"><div><h2>What helped most</h2><ul>{gains}</ul></div><div><h2>What cost most</h2><ul>{losses}</ul></div></div>
<h2>To discuss</h2><ul>{questions}</ul>
</body></html>
"#,
            title = esc(&self.level_title),
            team = esc(&self.team),
            code = esc(self.class_code.as_deref().unwrap_or("no class code")),
            seed = self.seed,
            difficulty = self.difficulty.label(),
            version = esc(&self.game_version),
            score = f.outcome,
            stars = self.stars,
            ot = f.on_time * 100.0,
            q = f.quality * 100.0,
            g = f.goal_progress * 100.0,
            m = f.morale * 100.0,
            t = f.trust * 100.0,
            a = f.alignment * 100.0,
            r = f.retention * 100.0,
            gains = list(&gains),
            losses = list(&losses),
        )
    }
}

/// A line chart of 0..1 series over the weeks as inline SVG, with an optional band.
fn chart(series: &[(&str, &str, Vec<f64>)], band: Option<(f64, f64)>) -> String {
    let (w, h) = (700.0, 220.0);
    let n = series.iter().map(|s| s.2.len()).max().unwrap_or(1).max(2);
    let mut c = Chart::new(w, h, (36.0, 110.0, 8.0, 24.0), r#"font-size="11""#)
        .scales((0.0, (n - 1) as f64), (0.0, 1.0));
    if let Some(band) = band {
        c.band(band, true, "#d5f5e3");
    }
    for k in 0..=4 {
        let v = k as f64 / 4.0;
        c.grid_y(v, &format!("{:.0}%", v * 100.0));
    }
    for i in 0..n {
        c.text(
            (c.x(i as f64), h - 8.0),
            r#"text-anchor="middle""#,
            &(i + 1).to_string(),
        );
    }
    for (k, (name, colour, values)) in series.iter().enumerate() {
        let points = values.iter().enumerate().map(|(i, v)| (i as f64, *v));
        c.series(points, Stroke::solid(colour, 2.0));
        let at = (c.right + 8.0, 14.0 + 14.0 * k as f64);
        c.text(at, &format!(r#"fill="{colour}""#), name);
    }
    c.finish()
}

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

/// Reads every `*.json` in `dir` and verifies each against `levels`.
pub fn compare(dir: &Path, levels: &[Level]) -> Result<Comparison, String> {
    let rd = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut unreadable = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for path in paths {
        match ResultFile::load(&path) {
            Err(e) => unreadable.push(e),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn level() -> Level {
        Level::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("levels/the-promotion.ron"))
            .unwrap()
    }

    fn played(share: f64, seed: u64) -> Sim {
        sim::run::run_constant(&Arc::new(level()), seed, share)
    }

    /// The class code of the test level's run with `seed`.
    fn code_for(seed: u64) -> String {
        let l = level();
        crate::class::ClassCode::new(&l, l.difficulty, seed).text()
    }

    #[test]
    fn a_result_filed_under_another_class_or_title_is_not_reproduced() {
        let file = ResultFile::of(&played(0.4, 7), "North", Some(&code_for(7)));
        assert_eq!(replay(&file, &level()), Verdict::Reproduced);
        let moved = |f: &dyn Fn(&mut ResultFile)| {
            let mut copy = file.clone();
            f(&mut copy);
            replay(&copy, &level())
        };
        for verdict in [
            moved(&|r| r.class_code = Some(code_for(8))),
            moved(&|r| r.class_code = Some("FT-AAAA-BBBB".into())),
            moved(&|r| r.level_title = "Another level".into()),
        ] {
            assert!(matches!(verdict, Verdict::Mismatch(_)), "{verdict:?}");
        }
        // Without a code it replays, and compare lists it apart from every class.
        assert_eq!(moved(&|r| r.class_code = None), Verdict::Reproduced);
    }

    #[test]
    fn a_written_result_replays_exactly_and_an_edit_is_caught() {
        let dir = crate::scratch::Scratch::new("results");
        let file = ResultFile::of(&played(0.4, 7), "Team Ø, \"north\"", Some(&code_for(7)));
        let path = file.write(&dir).unwrap();
        assert!(path.with_extension("csv").exists());
        let csv = std::fs::read_to_string(path.with_extension("csv")).unwrap();
        assert_eq!(csv.lines().count(), 1 + level().weeks as usize);
        assert!(csv.contains("\"Team Ø, \"\"north\"\"\""), "{csv}");
        let back = ResultFile::load(&path).unwrap();
        assert_eq!(back, file);
        assert_eq!(replay(&back, &level()), Verdict::Reproduced);
        // A second write never replaces the first.
        let again = file.write(&dir).unwrap();
        assert_ne!(again, path);

        let text = std::fs::read_to_string(&path).unwrap();
        let outcome = format!("\"outcome\": {}", file.final_.outcome);
        assert!(text.contains(&outcome));
        std::fs::write(&path, text.replace(&outcome, "\"outcome\": 99.0")).unwrap();
        let edited = ResultFile::load(&path).unwrap();
        assert!(matches!(replay(&edited, &level()), Verdict::Mismatch(_)));
    }

    #[test]
    fn a_result_played_under_older_rules_is_refused_by_name() {
        let dir = crate::scratch::Scratch::new("results-model");
        let file = ResultFile::of(&played(0.4, 7), "North", None);
        let path = file.write(&dir).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let field = format!("\"model\": {},", sim::MODEL_VERSION);
        let old = text.replacen(&field, "", 1);
        assert_ne!(old, text);
        std::fs::write(&path, old).unwrap();
        let err = ResultFile::load(&path).unwrap_err();
        assert!(err.contains("model version 1"), "{err}");
    }

    #[test]
    fn compare_ranks_verified_teams_and_keeps_other_classes_apart() {
        let dir = crate::scratch::Scratch::new("compare");
        let one = code_for(3);
        for (team, share, seed) in [("A", 0.45, 3), ("B", 0.05, 3), ("C", 0.9, 3), ("D", 0.4, 5)] {
            ResultFile::of(&played(share, seed), team, Some(&code_for(seed)))
                .write(&dir)
                .unwrap();
        }
        std::fs::write(dir.join("notes.json"), "{\"hello\": 1}").unwrap();
        let c = compare(&dir, &[level()]).unwrap();
        assert_eq!(c.classes.len(), 2);
        let (code, teams) = &c.classes[0];
        assert_eq!(code, &one);
        let names: Vec<&str> = teams.iter().map(|e| e.file.team.as_str()).collect();
        assert_eq!(names[0], "A", "the balanced team leads: {names:?}");
        assert!(teams.iter().all(|e| e.verdict.is_trusted()));
        assert_eq!(c.unreadable.len(), 1);
        assert!(c.unreadable[0].contains("notes.json"));
        assert!(!biggest_differences(teams).is_empty());
    }

    #[test]
    fn an_edited_result_is_never_ranked_among_verified_teams() {
        let dir = crate::scratch::Scratch::new("edited");
        for (team, share) in [("Honest", 0.45), ("Forger", 0.05)] {
            ResultFile::of(&played(share, 3), team, Some(&code_for(3)))
                .write(&dir)
                .unwrap();
        }
        // The forger's file claims a score no plan reaches.
        let forged = dir.join(format!(
            "{}.json",
            ResultFile::of(&played(0.05, 3), "Forger", Some(&code_for(3))).file_stem()
        ));
        let text = std::fs::read_to_string(&forged).unwrap();
        let text = text.replacen("\"outcome\": ", "\"outcome\": 99.0, \"was\": ", 1);
        std::fs::write(&forged, text).unwrap();
        let c = compare(&dir, &[level()]).unwrap();
        let (_, teams) = &c.classes[0];
        let names: Vec<&str> = teams.iter().map(|e| e.file.team.as_str()).collect();
        assert_eq!(names, ["Honest", "Forger"], "the forged 99 is listed last");
        assert!(teams[1].file.final_.outcome > teams[0].file.final_.outcome);
        assert_eq!(rank_in(teams, 0), Some(1));
        assert_eq!(rank_in(teams, 1), None, "and has no rank");
    }
}
