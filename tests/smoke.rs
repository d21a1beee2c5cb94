//! The real window under a display (Xvfb in CI): the game is driven through title,
//! level select, briefing, play and debrief; every screen is drawn, none is blank, with
//! no panic and no error logged.
#![cfg(feature = "gui")]

mod common;

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
    let dir = common::Scratch::new("smoke");
    let (status, log) = common::run_window(&["--smoke-test".as_ref(), dir.as_os_str()]);
    assert!(status.success(), "exit {:?}\n{log}", status.code());
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
