//! The real window under a display (Xvfb in CI): the game is driven through title,
//! level select, briefing, play and debrief; every screen is drawn, none is blank, with
//! no panic and no error logged. Each screen is also judged at 1280x720 and 1920x1080,
//! at interface scales 1.0, 1.5 and 2.0 (`--layout-check`): no text cut off, none
//! drawn over another, no controls over each other.
#![cfg(feature = "gui")]

mod common;

use std::process::Command;

const SCREENS: [&str; 15] = [
    "title",
    "settings",
    "credits",
    "load",
    "join",
    "facilitate",
    "facilitate-lan",
    "level-select",
    "sandbox",
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
        .arg("--layout-check")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the game starts");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let layout = std::fs::read_to_string(dir.join("layout.txt")).unwrap_or_default();
    assert!(
        o.status.success(),
        "exit {:?}\n{layout}\n{log}",
        o.status.code()
    );
    // Every screen at each of the 2 sizes and 3 scales.
    assert!(
        layout.starts_with(&format!("{} frames checked, 0 findings", SCREENS.len() * 6)),
        "{layout}"
    );
    assert!(!log.contains("panicked"), "{log}");
    // Bevy's log marks errors "ERROR" (ALSA's own lines about a missing sound card are lower case).
    assert!(!log.lines().any(|l| l.contains("ERROR")), "{log}");
    for name in SCREENS {
        for size in ["1280x720", "1920x1080"] {
            for scale in ["1.0", "1.5", "2.0"] {
                let shot = dir.join(format!("layout/{name}-{size}-x{scale}.png"));
                assert!(shot.exists(), "{} missing", shot.display());
            }
        }
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
