//! The model's words in every language. The model keeps English text (results, saves and
//! class codes are the same whatever language a team plays in) and the game shows each
//! text through `i18n::text`. Every text the model can show is gathered here, by playing
//! every shipped level and the sandbox with several plans, every choice of every dilemma
//! and every difficulty, and from the model's lists of names; then:
//! - each shows in Spanish, its model-made parts translated (a level's own words are its
//!   translation file's, and checked with it);
//! - each shows in English exactly as the model wrote it;
//! - every `model-` message is one the model can still show.

use forest_and_trees::i18n::{self, Lang, model_parts, text_in};
use sim::sandbox::{self, SandboxSpec};
use sim::{
    Activity, Decision, Decisions, Difficulty, Level, Plan, Role, Sim, Work, biggest_causes,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::Arc;

/// Texts the same in both languages, each with why.
const SAME_IN_SPANISH: &[(&str, &str)] = &[("Normal", "the difficulty: the same word in Spanish")];

fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

/// Every role. The match fails to compile when a role is added and not listed here.
fn roles() -> [Role; 4] {
    let listed = |r: Role| match r {
        Role::Frontline | Role::PromotedExpert | Role::MiddleManager | Role::Executive => r,
    };
    [
        listed(Role::Frontline),
        listed(Role::PromotedExpert),
        listed(Role::MiddleManager),
        listed(Role::Executive),
    ]
}

/// The shipped levels, by file stem.
fn shipped() -> Vec<(String, Arc<Level>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("levels"))
        .expect("levels/")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "the shipped levels were not found");
    paths
        .into_iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().to_string();
            let level = Level::load(&p).unwrap_or_else(|e| panic!("{}: {e:?}", p.display()));
            (stem, Arc::new(level))
        })
        .collect()
}

/// A level's own words, which the model writes inside its texts ("Event: {title}") and
/// which the level's translation file translates.
fn level_words(level: &Level) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    out.insert(level.title.clone());
    out.extend(level.goals.iter().map(|g| g.title.clone()));
    out.extend(level.work.iter().map(|w| match w {
        Work::Item { title, .. } | Work::Stream { title, .. } => title.clone(),
    }));
    out.extend(level.events.iter().map(|e| e.title.clone()));
    for d in &level.dilemmas {
        out.insert(d.title.clone());
        out.extend(d.choices.iter().map(|c| c.label.clone()));
    }
    out
}

/// Every text of the sandbox's level a player reads: all of them are the model's.
fn sandbox_texts(level: &Level, out: &mut BTreeSet<String>) {
    out.insert(level.title.clone());
    out.insert(level.briefing.clone());
    out.extend(level.learning_goals.iter().cloned());
    out.extend(level.discussion.iter().cloned());
    for t in &level.tutorial {
        out.insert(t.title.clone());
        out.insert(t.text.clone());
    }
    for e in &level.events {
        out.insert(e.title.clone());
        out.insert(e.text.clone());
    }
    for d in &level.dilemmas {
        out.insert(d.title.clone());
        out.insert(d.text.clone());
        for c in &d.choices {
            out.insert(c.label.clone());
            out.insert(c.hint.clone());
        }
    }
    out.extend(level_words(level));
    out.retain(|t| !t.is_empty());
}

/// How the plans of a run are made.
#[derive(Clone, Copy)]
enum Plans {
    /// The documented spread at this share of the forest.
    Share(f64),
    /// Most of the week hands-on, the rest spread.
    HandsOn,
}

impl Plans {
    fn plan(self, budget: f64) -> Plan {
        match self {
            Plans::Share(s) => Plan::from_share(s, budget),
            Plans::HandsOn => {
                let mut plan = Plan::from_share(0.3, budget * 0.4);
                plan.set(Activity::DoTheWork, budget * 0.6);
                plan
            }
        }
    }
}

/// Collects what a run shows from the model as the weeks are played.
struct Gathered {
    /// Texts the model wrote, by a level whose own words they may hold.
    texts: BTreeMap<String, String>,
}

impl Gathered {
    fn add(&mut self, text: &str, level: &str) {
        if !text.is_empty() {
            self.texts
                .entry(text.to_string())
                .or_insert_with(|| level.to_string());
        }
    }

    /// The texts of the coming week: the hours taken from it, each with its reason.
    fn before_week(&mut self, sim: &Sim, level: &str) {
        for (why, _) in sim.budget_deductions() {
            self.add(&why, level);
        }
    }

    /// The texts of a finished run: every week's causes, the titles of the work the model
    /// made, the run's biggest causes and its final summary.
    fn after_run(&mut self, sim: &Sim, level: &str) {
        let own = level_words(&sim.level);
        for w in &sim.state.history {
            for list in [
                &w.morale_causes,
                &w.delivery_causes,
                &w.confidence_causes,
                &w.trust_causes,
                &w.alignment_causes,
                &w.stress_causes,
                &w.goal_causes,
            ] {
                for c in list {
                    self.add(&c.label, level);
                }
            }
            for k in &w.kicked_off {
                if !own.contains(&k.title) {
                    self.add(&k.title, level);
                }
            }
        }
        // A stream's weeks ("{title} (week 3)") and the work a choice adds ("Choice: …").
        for item in &sim.state.items {
            if !own.contains(&item.title) {
                self.add(&item.title, level);
            }
        }
        let (gains, losses) = biggest_causes(&sim.state.history);
        for c in gains.iter().chain(&losses) {
            self.add(&c.label, level);
        }
        self.add(&sim.final_result().summary(), level);
    }

    /// Plays `level` with `plans`, taking choice `pick` (modulo their number) of every
    /// dilemma.
    fn play(&mut self, level: &Arc<Level>, name: &str, seed: u64, plans: Plans, pick: usize) {
        let mut sim = Sim::new(level.clone(), seed);
        while !sim.is_finished() {
            self.before_week(&sim, name);
            let choices = sim
                .dilemmas_now()
                .iter()
                .map(|d| (d.id.clone(), d.choices[pick % d.choices.len()].id.clone()))
                .collect();
            let decision = Decision {
                plan: plans.plan(sim.budget()),
                choices,
                ..Decision::default()
            };
            sim.step(&decision).expect("a spread plan always plays");
        }
        self.after_run(&sim, name);
    }

    /// Replays a recorded run (a level's solution, the adaptive plan `balance` found).
    fn replay(&mut self, level: &Arc<Level>, name: &str, decisions: &Decisions) {
        let mut sim = Sim::new(level.clone(), decisions.seed.unwrap_or(1));
        for d in &decisions.weeks {
            self.before_week(&sim, name);
            sim.step(d).expect("a level's solution replays");
        }
        self.after_run(&sim, name);
    }
}

/// The name under which the model's own lists are gathered: no level's words are in them.
const MODEL: &str = "";

/// Every text the model can show, each with the level (if any) whose words it may hold;
/// and each level's own words.
type Texts = (BTreeMap<String, String>, BTreeMap<String, BTreeSet<String>>);

fn gather() -> Texts {
    let mut g = Gathered {
        texts: BTreeMap::new(),
    };
    let mut words = BTreeMap::new();
    for (name, level) in shipped() {
        words.insert(name.clone(), level_words(&level));
        let picks = level
            .dilemmas
            .iter()
            .map(|d| d.choices.len())
            .max()
            .unwrap_or(1);
        for difficulty in Difficulty::ALL {
            let level = Arc::new(level.at(difficulty));
            for seed in 1..=2 {
                for plans in [
                    Plans::Share(1.0),
                    Plans::Share(0.0),
                    Plans::Share(0.5),
                    Plans::HandsOn,
                ] {
                    for pick in 0..picks {
                        g.play(&level, &name, seed, plans, pick);
                    }
                }
            }
        }
        let solution = root().join("levels/solutions").join(format!("{name}.ron"));
        if solution.exists() {
            let decisions = Decisions::load(&solution).expect("a level's solution loads");
            g.replay(&level, &name, &decisions);
        }
    }
    // The sandbox: its level is the model's, every word of it.
    for role in roles() {
        let spec = SandboxSpec {
            role,
            ..SandboxSpec::default()
        };
        let level = Arc::new(sandbox::level(&spec));
        let mut texts = BTreeSet::new();
        sandbox_texts(&level, &mut texts);
        for t in &texts {
            g.add(t, MODEL);
        }
        for pick in 0..2 {
            g.play(&level, MODEL, 1, Plans::Share(0.5), pick);
        }
        g.play(&level, MODEL, 2, Plans::Share(1.0), 0);
    }
    // The model's names: activities and what each does, roles, difficulties.
    for a in Activity::ALL {
        g.add(a.label(), MODEL);
        g.add(a.effect(), MODEL);
    }
    for r in roles() {
        g.add(r.label(), MODEL);
        g.add(r.above(), MODEL);
    }
    for d in Difficulty::ALL {
        g.add(d.label(), MODEL);
        g.add(d.describe(), MODEL);
    }
    words.insert(MODEL.to_string(), BTreeSet::new());
    (g.texts, words)
}

static GATHERED: std::sync::LazyLock<Texts> = std::sync::LazyLock::new(gather);

#[test]
fn every_text_the_model_shows_is_translated_into_spanish() {
    let (texts, words) = &*GATHERED;
    assert!(texts.len() > 150, "only {} texts gathered", texts.len());
    let same: BTreeSet<&str> = SAME_IN_SPANISH.iter().map(|(t, _)| *t).collect();
    let mut gaps = Vec::new();
    for (text, level) in texts {
        // The parts no model message names must be the level's own words.
        let unknown: Vec<String> = model_parts(text)
            .unknown
            .into_iter()
            .filter(|u| !words[level].contains(u))
            .collect();
        if !unknown.is_empty() {
            gaps.push(format!("{text:?} ({level}): no message for {unknown:?}"));
        } else if text_in(Lang::Es, text) == *text && !same.contains(text.as_str()) {
            gaps.push(format!("{text:?} ({level}): the same in Spanish"));
        }
    }
    assert!(
        gaps.is_empty(),
        "model texts with no translation (add them to locales/*/model.ftl):\n{}",
        gaps.join("\n")
    );
}

#[test]
fn every_text_the_model_shows_is_itself_in_english() {
    let (texts, _) = &*GATHERED;
    let changed: Vec<String> = texts
        .keys()
        .filter_map(|t| {
            let shown = text_in(Lang::En, t);
            (shown != *t).then(|| format!("{t:?} shows as {shown:?}"))
        })
        .collect();
    assert!(
        changed.is_empty(),
        "English must show the model's text as it is:\n{}",
        changed.join("\n")
    );
}

#[test]
fn every_model_message_is_one_the_model_can_show() {
    let (texts, _) = &*GATHERED;
    let used: BTreeSet<String> = texts.keys().flat_map(|t| model_parts(t).ids).collect();
    let stale: Vec<String> = i18n::ids(Lang::En)
        .into_iter()
        .filter(|id| id.starts_with("model-") && !used.contains(id))
        .collect();
    assert!(
        stale.is_empty(),
        "messages of locales/*/model.ftl the model no longer shows: {stale:?}"
    );
}

#[test]
fn the_texts_the_same_in_spanish_are_model_texts() {
    let (texts, _) = &*GATHERED;
    for (text, why) in SAME_IN_SPANISH {
        assert!(texts.contains_key(*text), "{text:?} ({why}) is not shown");
        assert_eq!(text_in(Lang::Es, text), *text, "{why}");
    }
}
