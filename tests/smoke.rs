//! The real window under a display (Xvfb in CI): the title screen is drawn, not blank,
//! with no panic and no error logged.
#![cfg(feature = "gui")]

use std::process::Command;

#[test]
fn the_window_opens_and_draws_the_title_screen() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run the tests with scripts/test.sh, which starts Xvfb"
    );
    let dir = std::env::temp_dir().join(format!("ft-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shot = dir.join("title.png");
    let o = Command::new(env!("CARGO_BIN_EXE_forest-and-trees"))
        .arg("--smoke-test")
        .arg(&shot)
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
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 10_000,
        "screenshot missing or tiny ({size} bytes)\n{log}"
    );
    if let Some(keep) = std::env::var_os("FT_SMOKE_SCREENSHOT") {
        std::fs::copy(&shot, keep).expect("copy screenshot");
    }
    std::fs::remove_dir_all(&dir).ok();
}
