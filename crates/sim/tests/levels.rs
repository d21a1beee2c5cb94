//! Level files: every shipped level is valid, and every kind of broken file gets a
//! positioned message, never a panic.

mod common;

use sim::{Level, LevelError, Role};

fn shipped_text(id: &str) -> String {
    std::fs::read_to_string(common::levels_dir().join(format!("{id}.ron"))).expect("level readable")
}

fn errors(src: &str) -> Vec<LevelError> {
    Level::parse(src, "broken.ron").expect_err("the level should be refused")
}

/// The first error, and that it points inside the text.
fn first(src: &str) -> LevelError {
    let e = errors(src).remove(0);
    let lines = src.lines().count().max(1);
    assert!(
        e.line >= 1 && e.line <= lines,
        "line {} outside 1..={lines}: {e}",
        e.line
    );
    assert!(e.col >= 1, "column missing: {e}");
    assert!(
        e.to_string()
            .starts_with(&format!("broken.ron:{}:{}: ", e.line, e.col))
    );
    e
}

fn line_of(src: &str, needle: &str) -> usize {
    src.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn every_shipped_level_is_valid_and_the_four_roles_are_covered() {
    let mut roles = Vec::new();
    for path in common::shipped() {
        let level = Level::load(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        roles.push(level.role);
    }
    for role in [
        Role::Frontline,
        Role::PromotedExpert,
        Role::MiddleManager,
        Role::Executive,
    ] {
        assert!(roles.contains(&role), "no level for {role:?}");
    }
}

#[test]
fn a_syntax_error_names_its_line() {
    let src = shipped_text("first-week").replace("budget: 40.0,", "budget: 40.0");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "budget: 40.0") + 1, "{e}");
    assert!(e.message.to_lowercase().contains("comma"), "{e}");
}

#[test]
fn a_wrong_type_names_the_field_line() {
    let src = shipped_text("first-week").replace("weeks: 12,", "weeks: \"twelve\",");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "weeks: \"twelve\""), "{e}");
}

#[test]
fn a_value_out_of_range_says_the_range() {
    let src = shipped_text("first-week").replace(
        "name: \"Tomás Silva\", skill: 0.6",
        "name: \"Tomás Silva\", skill: 1.6",
    );
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "skill: 1.6"), "{e}");
    assert!(
        e.message.contains("from 0 to 1") && e.message.contains("1.6"),
        "{e}"
    );
}

#[test]
fn zero_weeks_and_unknown_fields_are_refused() {
    let src = shipped_text("first-week").replace("weeks: 12,", "weeks: 0,");
    assert!(first(&src).message.contains("from 1 to 52"));
    let src =
        shipped_text("first-week").replace("    budget: 40.0,", "    budget: 40.0, colour: 3,");
    let e = first(&src);
    assert!(e.message.contains("colour"), "{e}");
}

#[test]
fn unknown_references_point_at_the_reference() {
    let src = shipped_text("first-week").replace(
        "goal: \"portal\", effort: 5.0",
        "goal: \"portl\", effort: 5.0",
    );
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "\"portl\""), "{e}");
    assert!(e.message.contains("unknown goal \"portl\""), "{e}");

    let src = shipped_text("first-week").replace("Trigger(\"visit\")", "Trigger(\"vist\")");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "Trigger(\"vist\")"), "{e}");
    assert!(e.message.contains("unknown event id \"vist\""), "{e}");

    // A shortcut's risk names an event of the deck too, and its chance is a share.
    let risky = "Risk(chance: 0.5, event: \"missed-incident\")";
    let src = shipped_text("values-under-pressure")
        .replace(risky, "Risk(chance: 0.5, event: \"missed-incidnet\")");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "missed-incidnet\")"), "{e}");
    assert!(e.message.contains("in Risk"), "{e}");
    let src = shipped_text("values-under-pressure")
        .replace(risky, "Risk(chance: 1.5, event: \"missed-incident\")");
    assert!(first(&src).message.contains("from 0 to 1"));
}

#[test]
fn all_semantic_problems_are_reported_at_once() {
    let src = shipped_text("first-week")
        .replace(
            "goal: \"portal\", effort: 5.0",
            "goal: \"nope\", effort: 5.0",
        )
        .replace("week: 9,", "week: 30,");
    let all = errors(&src);
    assert_eq!(all.len(), 2, "{all:?}");
}

#[test]
fn campaign_fields_are_checked_where_they_are_written() {
    // Stars are set by the balance report; any falling thresholds are refused.
    let src: String = shipped_text("first-week")
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("stars: (") {
                "    stars: (one: 90.0, two: 70.0, three: 80.0),".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "stars: (one: 90.0"), "{e}");
    assert!(e.message.contains("must rise"), "{e}");

    let src = shipped_text("first-week").replace(
        "(week: 6, title: \"A crunch",
        "(week: 60, title: \"A crunch",
    );
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "(week: 60, title"), "{e}");

    let src = shipped_text("first-week").replace("due: 8, from: 6", "due: 8, from: 9");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "due: 8, from: 9"), "{e}");
    assert!(
        e.message
            .contains("arrives (week 9) after it is due (week 8)"),
        "{e}"
    );

    let src = shipped_text("first-week").replace("try_share: 1.0", "try_share: 1.5");
    let e = first(&src);
    assert_eq!(e.line, line_of(&src, "try_share: 1.5"), "{e}");
}

#[test]
fn empty_huge_and_deep_files_are_refused_without_a_panic() {
    assert!(first("").message.contains("empty"));
    first("   \n// only a comment\n");
    let big = " ".repeat(600_000);
    assert!(errors(&big)[0].message.contains("at most"));
    // Nesting deeper than the parser allows is an error, not a stack overflow.
    let deep = "(".repeat(100_000);
    first(&deep);
    let huge_team = "(id: \"x\", title: \"t\", briefing: \"b\", role: Executive, weeks: 4, budget: 40.0,\n team: Generated((layers: [(span: 5000, skill: (0.1, 0.2), autonomy: (0.1, 0.2)), (span: 5000, skill: (0.1, 0.2), autonomy: (0.1, 0.2))],\n morale: (0.5, 0.6), trust: (0.5, 0.6), alignment: (0.5, 0.6), stress: (0.2, 0.3))),\n goals: [(id: \"g\", title: \"G\", target: 1.0)], work: [Item(title: \"w\", goal: \"g\", effort: 1.0, due: 2)])";
    let e = first(huge_team);
    assert!(e.message.contains("at most 5000"), "{e}");
    assert_eq!(e.line, 2, "{e}");
}

#[test]
fn a_file_that_is_not_text_is_refused() {
    let dir = common::Scratch::new("level");
    let path = dir.join("binary.ron");
    std::fs::write(&path, [0x28u8, 0xff, 0xfe, 0x29]).unwrap();
    let e = Level::load(&path).expect_err("not UTF-8");
    assert!(e[0].message.contains("UTF-8"), "{:?}", e);
    let missing = Level::load(&dir.join("missing.ron")).expect_err("missing");
    assert!(missing[0].to_string().contains("missing.ron"));
}

#[test]
fn random_damage_to_a_level_never_panics() {
    // A cheap fuzz: cut and splice the shipped level at many places.
    let src = shipped_text("the-sandwich");
    let bytes = src.as_bytes();
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..300 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let a = (state % bytes.len() as u64) as usize;
        let b = ((state >> 20) % bytes.len() as u64) as usize;
        let (a, b) = (a.min(b), a.max(b));
        let mut damaged = bytes[..a].to_vec();
        damaged.extend_from_slice(&bytes[b..]);
        if let Ok(text) = String::from_utf8(damaged) {
            let _ = Level::parse(&text, "damaged.ron");
        }
    }
}

#[test]
fn the_minimal_example_in_the_levels_readme_is_a_valid_level() {
    let readme =
        std::fs::read_to_string(common::levels_dir().join("README.md")).expect("levels/README.md");
    let start = readme.find("```ron").expect("a RON example") + "```ron".len();
    let end = start + readme[start..].find("```").expect("the example ends");
    let level =
        Level::parse(&readme[start..end], "levels/README.md").unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(level.weeks, 4);
}

#[test]
fn a_file_of_thousands_of_problems_reports_the_first_fifty_and_counts_the_rest() {
    let goals: Vec<String> = (0..3000)
        .map(|_| r#"(id: "g", title: "G", target: 1.0)"#.to_string())
        .collect();
    let src = shipped_text("first-week").replacen(
        "goals: [",
        &format!("goals: [{},\n", goals.join(",\n")),
        1,
    );
    let errs = errors(&src);
    assert_eq!(errs.len(), 51, "{}", errs[0]);
    assert!(
        errs[0].message.contains("the goal id \"g\" is used twice"),
        "{}",
        errs[0]
    );
    assert!(
        errs[0].line > 1,
        "the first problem is positioned: {}",
        errs[0]
    );
    let last = errs.last().unwrap();
    assert!(last.message.contains("more problems"), "{last}");
}

#[test]
fn a_level_saved_with_a_byte_order_mark_loads_as_the_same_level() {
    let src = shipped_text("first-week");
    let plain = Level::parse(&src, "plain.ron").expect("the level parses");
    let marked = Level::parse(&format!("\u{feff}{src}"), "notepad.ron")
        .expect("a byte-order mark is not part of the level");
    assert_eq!(marked.content_hash, plain.content_hash);
    // Positions still count from the first character an editor shows.
    let broken = format!("\u{feff}{}", src.replacen("weeks: 12", "weeks: twelve", 1));
    let e = first(&broken);
    let line = src.lines().position(|l| l.contains("weeks: 12")).unwrap() + 1;
    assert_eq!(e.line, line, "{e}");
}

#[test]
fn a_team_too_big_to_count_says_so_instead_of_a_number() {
    let src = shipped_text("fog-of-strategy");
    let start = src.find("layers: [").unwrap();
    let end = start + src[start..].find("],").unwrap() + 2;
    let layer = "(span: 2000, skill: (0.5, 0.6), autonomy: (0.3, 0.4))";
    let huge = format!(
        "{}layers: [{}],{}",
        &src[..start],
        [layer; 6].join(", "),
        &src[end..]
    );
    let e = errors(&huge);
    let text: Vec<String> = e.iter().map(|e| e.message.clone()).collect();
    assert!(
        text.iter()
            .any(|m| m.contains("more people than can be counted")),
        "{text:?}"
    );
    assert!(
        text.iter().all(|m| !m.contains("18446744073709551615")),
        "{text:?}"
    );
}
