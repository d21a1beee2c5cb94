//! Every reader of bytes the game did not write itself — a level, a level's translation, a
//! decisions file, a result, a save, settings, a player's record, a saved class, a class
//! code, a message from the network — with what the game does next with what it read.
//! Each function must return, whatever the bytes: a panic is a bug. The fuzz targets (`fuzz/`) and the corpus regression test
//! (`tests/untrusted.rs`) call these, so a crash found once stays fixed.

use sim::{Decisions, Level};
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// A shipped level, built in: the decisions, results and saves are played against it.
fn first_week() -> &'static Arc<Level> {
    static LEVEL: OnceLock<Arc<Level>> = OnceLock::new();
    LEVEL.get_or_init(|| {
        Arc::new(
            Level::parse(include_str!("../levels/first-week.ron"), "first-week.ron")
                .expect("the shipped First Week parses"),
        )
    })
}

/// Levels larger than this are parsed and validated but not played: a fuzzer's time is
/// better spent on the parser than on a 5,000-person organisation's weeks.
const PLAYED_UP_TO: (usize, u32) = (300, 20);

/// A level file: parsed, validated with positions, and (if small) played with random plans
/// and choices, every week checked as the soak checks it.
pub fn level(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let Ok(level) = Level::parse(&text, "fuzz.ron") else {
        return;
    };
    let level = Arc::new(level);
    let people = sim::Sim::new(level.clone(), 1).state.org.headcount();
    if people <= PLAYED_UP_TO.0
        && level.weeks <= PLAYED_UP_TO.1
        && let Err(e) = sim::soak::check_run(&level, 1)
    {
        panic!("a valid level broke the model: {e}");
    }
}

/// A decisions file, replayed on First Week.
pub fn decisions(bytes: &[u8]) {
    if let Ok(d) = Decisions::parse(bytes, "fuzz.ron") {
        let _ = sim::run::run_decisions(first_week(), d.seed.unwrap_or(1) % 1024, &d);
    }
}

/// A team's result file, verified by replaying it against First Week.
pub fn result(bytes: &[u8]) {
    if let Ok(file) = crate::class::results::ResultFile::parse(bytes, Path::new("fuzz.json")) {
        let _ = crate::class::results::verify(&file, &[first_week().as_ref()]);
    }
}

/// A save, resumed on First Week.
pub fn save(bytes: &[u8]) {
    if let Ok(file) = crate::store::save::parse(bytes) {
        let _ = file.resume(first_week());
    }
}

/// A level's translation file (`first-week.es.ftl` as an author might write it), checked
/// against First Week as `validate` and the catalog check it: every problem is named at a
/// line and column inside the file, and what it translates are texts of the level.
pub fn level_translation(bytes: &[u8]) {
    use crate::i18n::{Lang, level};
    let text = String::from_utf8_lossy(bytes);
    let t = level::parse(first_week(), Lang::Es, &text, "first-week.es.ftl");
    let lines = text.lines().count() + 1;
    for e in &t.errors {
        assert!(e.line <= lines, "{e} is past the file's {lines} lines");
        let _ = e.to_string();
    }
    let english = first_week_texts();
    for (en, _) in &t.pairs {
        assert!(english.contains(en), "\"{en}\" is no text of First Week");
    }
}

/// Every text of First Week a translation may translate.
fn first_week_texts() -> &'static std::collections::BTreeSet<String> {
    static TEXTS: OnceLock<std::collections::BTreeSet<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let shipped = include_str!("../levels/first-week.es.ftl");
        let t = crate::i18n::level::parse(
            first_week(),
            crate::i18n::Lang::Es,
            shipped,
            "first-week.es.ftl",
        );
        t.pairs.into_iter().map(|(en, _)| en).collect()
    })
}

/// The settings file, the player's record and a saved LAN class.
pub fn settings(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let _ = crate::store::settings::Settings::parse(&text);
    let _ = crate::store::progress::Progress::parse(&text);
    let _ = crate::class::room::RoomSave::parse(&text, Path::new("room.ron"));
}

/// A class code as typed by a team, then looked up.
pub fn class_code(bytes: &[u8]) {
    let typed = String::from_utf8_lossy(bytes);
    if let Ok(code) = crate::class::ClassCode::parse(&typed) {
        let _ = code.text();
    }
}

/// Messages from classmates on the network, as the LAN host receives them: each line is one
/// message, its first byte naming which of four connections sent it. The host's room must
/// answer every one, and every team it keeps must still replay as the host recorded it.
pub fn team_messages(bytes: &[u8]) {
    let level = first_week();
    let code = crate::class::ClassCode::new(level, sim::Difficulty::Normal, 1);
    let mut room = crate::class::room::Room::new(code, level, 60);
    // A class under way: weeks are accepted, and replayed.
    room.clock.running = true;
    let mut seats: [Option<String>; 4] = Default::default();
    for line in bytes.split(|b| *b == b'\n').take(64) {
        let Some((who, text)) = line.split_first() else {
            continue;
        };
        let seat = &mut seats[(*who % 4) as usize];
        let (_, now) = room.receive(seat.as_deref(), &String::from_utf8_lossy(text));
        if let (Some(was), Some(is)) = (seat.as_deref(), now.as_deref()) {
            assert_eq!(was, is, "a connection keeps the seat it took");
        }
        *seat = now;
    }
    assert!(room.teams.len() <= crate::class::seat::SEATS_MAX);
    for team in seats.iter().flatten() {
        let kept = room.team(team).expect("a seat names a team the room keeps");
        assert_eq!(
            kept.sim.state.history.len(),
            kept.decisions.len(),
            "the host's run of {team} is its recorded weeks"
        );
    }
}
