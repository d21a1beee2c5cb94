//! The headless command line, run as a user would run it.

mod common;

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_forest-and-trees"))
        .args(args)
        .current_dir(std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
            || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            std::path::PathBuf::from,
        ))
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn validate_accepts_the_shipped_levels() {
    let files: Vec<String> = common::shipped()
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let mut args = vec!["validate"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        said.lines().filter(|l| l.contains(": ok")).count(),
        files.len()
    );
    // Each level's author is told the load, and no shipped level buries its team.
    assert_eq!(
        said.lines()
            .filter(|l| l.contains("about what it makes"))
            .count(),
        files.len(),
        "{said}"
    );
}

#[test]
fn validate_tells_the_author_when_the_work_is_more_than_the_team_makes() {
    let dir = common::Scratch::new("cli-load");
    // Two people, three person-weeks due every week.
    let level = dir.join("buried.ron");
    std::fs::write(
        &level,
        r#"(id: "buried", title: "Buried", briefing: "", role: Frontline, weeks: 4, budget: 40.0,
    team: People([
        (name: "Ana Ruiz", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
        (name: "Ben Cole", skill: 0.5, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
    ]),
    goals: [(id: "ship", title: "Ship the thing", target: 12.0)],
    work: [Stream(title: "The thing", goal: "ship", effort: 3.0, from: 1, to: 4)],
)"#,
    )
    .unwrap();
    let o = run(&["validate", level.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("work due: 3.0 person-weeks a week")
            && said.contains("more than it makes: late work piles up"),
        "{said}"
    );
}

#[test]
fn validate_reports_a_broken_level_with_its_position() {
    let dir = common::Scratch::new("cli");
    let path = dir.join("broken.ron");
    let src = std::fs::read_to_string(common::levels_dir().join("first-week.ron"))
        .unwrap()
        .replace("weeks: 12,", "weeks: 99,");
    std::fs::write(&path, &src).unwrap();
    let o = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let line = src.lines().position(|l| l.contains("weeks: 99")).unwrap() + 1;
    assert!(
        stderr(&o).contains(&format!("broken.ron:{line}:")),
        "{}",
        stderr(&o)
    );
}

/// First Week copied into a scratch folder as `x.ron`, with `translation` beside it as
/// `x.es.ftl`.
fn level_with_translation(dir: &std::path::Path, translation: &str) -> std::path::PathBuf {
    let level = dir.join("x.ron");
    std::fs::copy(common::levels_dir().join("first-week.ron"), &level).unwrap();
    std::fs::write(dir.join("x.es.ftl"), translation).unwrap();
    level
}

#[test]
fn validate_reports_a_broken_translation_with_its_position() {
    let dir = common::Scratch::new("cli-translation");
    let level = level_with_translation(&dir, "title = La primera semana\nbriefing Roto\n");
    let o = run(&["validate", level.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("x.es.ftl:2:10: syntax error: expected `=`"),
        "{}",
        stderr(&o)
    );
    // The level itself is fine, and said so.
    assert!(String::from_utf8_lossy(&o.stdout).contains("x.ron: ok"));
    // The file alone, against its level.
    let es = dir.join("x.es.ftl");
    let o = run(&["validate", es.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("x.es.ftl:2:10:"), "{}", stderr(&o));
}

#[test]
fn validate_warns_of_an_incomplete_translation_and_passes_it() {
    let dir = common::Scratch::new("cli-translation-incomplete");
    let level = level_with_translation(&dir, "title = La primera semana\n");
    std::fs::write(dir.join("x.fr.ftl"), "title = La première semaine\n").unwrap();
    let o = run(&["validate", level.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    let warning = err
        .lines()
        .find(|l| l.contains("x.es.ftl: warning:"))
        .unwrap_or_else(|| panic!("{err}"));
    assert!(
        warning.contains(
            "ids have no translation into es (Español); those parts show in English: briefing, "
        ),
        "{warning}"
    );
    assert!(
        err.contains("x.fr.ftl: warning: not read: the game does not speak 'fr'"),
        "{err}"
    );
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(said.contains("x.es.ftl: 1 of "), "{said}");
    let es = dir.join("x.es.ftl");
    let o = run(&["validate", es.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("x.es.ftl: ok (es, 1 of "),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    // A file for a language the game does not speak, asked for by name, is refused.
    let fr = dir.join("x.fr.ftl");
    let o = run(&["validate", fr.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
}

#[test]
fn simulate_json_has_weeks_and_the_final_metrics() {
    let o = run(&[
        "simulate",
        "--level",
        "levels/first-week.ron",
        "--seed",
        "3",
        "--vision-share",
        "0.4",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON object");
    assert_eq!(v["weeks"].as_array().map(Vec::len), Some(12));
    assert!(
        v["weeks"][0]["morale_causes"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
    for key in [
        "outcome",
        "delivery",
        "on_time",
        "quality",
        "goal_progress",
        "morale",
        "trust",
        "alignment",
        "retention",
    ] {
        assert!(v["final"][key].is_number(), "final.{key} missing");
    }
}

#[test]
fn simulate_text_is_a_weekly_table() {
    let o = run(&[
        "simulate",
        "--level",
        "levels/the-sandwich.ron",
        "--vision-share",
        "0.5",
    ]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.lines().any(|l| l.trim_start().starts_with("12 ")),
        "{out}"
    );
    assert!(out.contains("outcome"));
}

#[test]
fn a_recorded_plan_replays() {
    let dir = common::Scratch::new("dec");
    let path = dir.join("plan.ron");
    let week = "(plan: {ShareVision: 4.0, SetPriorities: 4.0, BuildTrust: 4.0, PlanWork: 8.0, Delegate: 6.0, FollowUp: 5.0, ReviewQuality: 5.0}, choices: {})";
    let weeks = [week; 10].join(", ");
    std::fs::write(
        &path,
        format!("(level: Some(\"the-promotion\"), weeks: [{weeks}])"),
    )
    .unwrap();
    let o = run(&[
        "simulate",
        "--level",
        "levels/the-promotion.ron",
        "--decisions",
        path.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A plan for the wrong level is refused with a message naming the file.
    let o = run(&[
        "simulate",
        "--level",
        "levels/first-week.ron",
        "--decisions",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("plan.ron") && stderr(&o).contains("the-promotion"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn sweep_names_the_best_share() {
    let o = run(&[
        "sweep",
        "--level",
        "levels/first-week.ron",
        "--seeds",
        "5",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(11));
    let best = v["best_share"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&best));
}

#[test]
fn wrong_usage_gets_one_line_and_exit_code_2() {
    for args in [
        vec![
            "simulate",
            "--level",
            "levels/first-week.ron",
            "--vision-share",
            "1.5",
        ],
        vec![
            "simulate",
            "--level",
            "levels/first-week.ron",
            "--vision-share",
            "abc",
        ],
        vec![
            "simulate",
            "--level",
            "levels/missing.ron",
            "--vision-share",
            "0.5",
        ],
        vec!["sweep", "--level", "levels/first-week.ron", "--seeds", "0"],
        vec!["simulate", "--levle", "levels/first-week.ron"],
        vec!["frobnicate.ron"],
        vec!["validate"],
    ] {
        let o = run(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("error:"), "{args:?}: {err}");
    }
}

#[test]
fn balance_writes_the_report_a_chart_and_a_replayable_solution() {
    let dir = common::Scratch::new("cli-balance");
    let (docs, solutions) = (dir.join("docs"), dir.join("solutions"));
    let o = run(&[
        "balance",
        "levels/crunch.ron",
        "--seeds",
        "5",
        "--docs",
        docs.to_str().unwrap(),
        "--solutions",
        solutions.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Crunch's shortcuts lose, so balance has nothing to warn its author of.
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(!said.contains("warning"), "{said}");
    let report = std::fs::read_to_string(docs.join("balance.md")).unwrap();
    assert!(
        report.contains("| Crunch | Frontline supervisor |"),
        "{report}"
    );
    let svg = std::fs::read_to_string(docs.join("balance/crunch.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("adaptive plan"));
    // The recorded adaptive run replays with `simulate`.
    let solution = solutions.join("crunch.ron");
    let o = run(&[
        "simulate",
        "--level",
        "levels/crunch.ron",
        "--decisions",
        solution.to_str().unwrap(),
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // A folder that cannot be made is an error naming it, not a panic.
    let blocker = dir.join("file");
    std::fs::write(&blocker, "").unwrap();
    let o = run(&[
        "balance",
        "levels/crunch.ron",
        "--seeds",
        "1",
        "--docs",
        blocker.join("docs").to_str().unwrap(),
        "--solutions",
        solutions.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot create the folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_class_code_names_its_run_and_results_are_replayed_and_compared() {
    let o = run(&[
        "class",
        "new",
        "--level",
        "levels/the-promotion.ron",
        "--difficulty",
        "easy",
        "--seed",
        "9",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    let code = text.lines().next().unwrap().trim().to_string();
    assert!(code.starts_with("FT-") && code.len() == 12, "{text}");
    let o = run(&["class", "show", &code]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("The Promotion"),
        "{}",
        stderr(&o)
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("Easy, seed 9"));
    let o = run(&["class", "show", "FT-0000-0000"]);
    assert_ne!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("error:"), "{}", stderr(&o));

    // Two teams' results: one as played, one with its score edited.
    let dir = common::Scratch::new("cli-class");
    use forest_and_trees::class::results::ResultFile;
    use sim::run::run_constant;
    // Played as the code says: the Easy difficulty, seed 9.
    let level = std::sync::Arc::new(common::level("the-promotion").at(sim::Difficulty::Easy));
    for (team, share) in [("Alpha", 0.45), ("Beta", 0.1)] {
        let sim = run_constant(&level, 9, share);
        ResultFile::of(&sim, team, Some(&code)).write(&dir).unwrap();
    }
    let alpha = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.to_string_lossy().contains("alpha") && p.extension().is_some_and(|x| x == "json")
        })
        .unwrap();
    let o = run(&["replay", alpha.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("reproduced exactly"));
    let beta = alpha.to_string_lossy().replace("alpha", "beta");
    let text = std::fs::read_to_string(&beta).unwrap();
    std::fs::write(&beta, text.replacen("\"morale\": 0.", "\"morale\": 0.9", 1)).unwrap();
    let o = run(&["replay", &beta]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("NOT reproduced"), "{}", stderr(&o));

    let o = run(&["compare", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let report = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        report.contains(&code) && report.contains("Alpha"),
        "{report}"
    );
    assert!(report.contains("NO: edited"), "{report}");
    assert!(report.contains("to discuss:"), "{report}");
    // Alpha's printable report, with its rank among the verified teams.
    let o = run(&[
        "report",
        alpha.to_str().unwrap(),
        "--class",
        dir.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let html = std::fs::read_to_string(alpha.with_extension("html")).unwrap();
    assert!(html.contains("Rank 1 of 1 verified teams"), "{html}");
    assert!(html.contains("<svg") && html.contains("To discuss"));
    // No report for an edited result.
    let o = run(&["report", &beta]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no report written"), "{}", stderr(&o));
    let o = run(&["compare", dir.to_str().unwrap(), "--csv"]);
    let csv = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(csv.lines().nth(1).unwrap().contains(",1,Alpha,"), "{csv}");
}

#[test]
fn compare_skips_pipes_and_devices_at_once_and_says_which_files_it_left_out() {
    let dir = common::Scratch::new("cli-special");
    let fifo = dir.join("fifo.json");
    let made = Command::new("mkfifo").arg(&fifo).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "mkfifo is part of coreutils"
    );
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.json")).unwrap();
    std::fs::write(dir.join("broken.json"), "{ not json").unwrap();
    let o = run(&["compare", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let err = stderr(&o);
    for name in ["fifo.json", "zero.json", "broken.json:1:"] {
        assert!(err.contains(name), "{name} is not named in: {err}");
    }
    // A level given with --level that cannot be read is a wrong flag.
    let o = run(&[
        "compare",
        dir.to_str().unwrap(),
        "--level",
        "/nonexistent/level.ron",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--level /nonexistent/level.ron"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_sweep_too_big_to_finish_soon_is_refused_with_the_seeds_that_fit() {
    let o = run(&[
        "sweep",
        "--level",
        "levels/fog-of-strategy.ron",
        "--seeds",
        "100000",
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("--seeds 100000") && err.contains("at most --seeds"),
        "{err}"
    );
    // The largest sweep it suggests is accepted.
    let fits: String = err
        .rsplit("at most --seeds ")
        .next()
        .unwrap()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let fits: u64 = fits.parse().expect("a number of seeds");
    assert!((1000..100_000).contains(&fits), "{fits}");
}

#[test]
fn soak_plays_random_runs_and_reports_none_failed() {
    let o = run(&["soak", "--runs", "120", "--generated", "12"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        text.contains("120 runs") && text.contains("12 generated levels: 0 failed"),
        "{text}"
    );
}

#[test]
fn balance_warns_the_author_of_a_shortcut_that_pays() {
    let dir = common::Scratch::new("cli-shortcut");
    // Looking away here costs nothing and the principled choice costs work: a level
    // written like this teaches that looking away pays.
    let level = dir.join("free-shortcut.ron");
    std::fs::write(
        &level,
        r#"(id: "free-shortcut", title: "Free", briefing: "", role: Frontline, weeks: 4, budget: 40.0,
    team: People([
        (name: "Ana Ruiz", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
        (name: "Ben Cole", skill: 0.5, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3),
    ]),
    goals: [(id: "ship", title: "Ship the thing", target: 3.0)],
    work: [Stream(title: "The thing", goal: "ship", effort: 0.8, from: 1, to: 4)],
    dilemmas: [(id: "hazard", title: "A hazard", text: "", week: 2, default: 0, choices: [
        (id: "report", label: "Report it", hint: "", effects: [ExtraWork(effort: 3.0, due_in: 0), Morale(-0.1)]),
        (id: "look-away", label: "Look away", hint: "", effects: [Morale(0.05)], shortcut: true),
    ])],
)"#,
    )
    .unwrap();
    let o = run(&[
        "balance",
        level.to_str().unwrap(),
        "--seeds",
        "5",
        "--docs",
        dir.join("docs").to_str().unwrap(),
        "--solutions",
        dir.join("solutions").to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("warning: in hazard, the shortcut 'look-away' scores +"),
        "{said}"
    );
}
