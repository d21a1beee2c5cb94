//! The real window under a display (Xvfb in CI): the game is driven through title,
//! level select, briefing, play and debrief; every screen is drawn, none is blank, with
//! no panic and no error logged.
#![cfg(feature = "gui")]

mod common;

use std::process::Command;

const SCREENS: [&str; 10] = [
    "title",
    "facilitate",
    "facilitate-lan",
    "level-select",
    "briefing",
    "play-week-1",
    "play-week-4",
    "play-forest",
    "debrief",
    "compare",
];

#[test]
fn the_window_plays_through_every_screen() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run the tests with scripts/test.sh, which starts Xvfb"
    );
    let dir = common::Scratch::new("smoke");
    let o = Command::new(env!("CARGO_BIN_EXE_forest-and-trees"))
        .arg("--smoke-test")
        .arg(&*dir)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the game starts");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "exit {:?}\n{log}", o.status.code());
    assert!(!log.contains("panicked"), "{log}");
    // Bevy's log marks errors "ERROR" (ALSA's own lines about a missing sound card are lower case).
    assert!(!log.lines().any(|l| l.contains("ERROR")), "{log}");
    for name in SCREENS {
        let shot = dir.join(format!("{name}.png"));
        let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
        assert!(
            size > 10_000,
            "{name}.png missing or tiny ({size} bytes)\n{log}"
        );
    }
    // The scripted run kept its save in its own folder, finished.
    assert!(dir.join("data/saves/first-week.autosave.ron").exists());
    if let Some(keep) = std::env::var_os("FT_SMOKE_SCREENSHOTS") {
        std::fs::create_dir_all(&keep).unwrap();
        for name in SCREENS {
            std::fs::copy(
                dir.join(format!("{name}.png")),
                std::path::Path::new(&keep).join(format!("{name}.png")),
            )
            .unwrap();
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}
