//! Helpers shared by the integration tests.
#![allow(dead_code)]

#[cfg(feature = "gui")]
pub mod app;

#[path = "../../crates/sim/tests/common/mod.rs"]
mod levels;
#[allow(unused_imports)]
pub use levels::{ROLE_LEVELS, Scratch, level, levels_dir, shipped};

/// Runs the game's window with `args` from the repository (a display is needed: Xvfb in
/// CI) and returns whether it exited 0, and its output. Fails the test on a panic or on an
/// error in Bevy's log ("ERROR"; ALSA's lines about a missing sound card are lower case).
pub fn run_window(args: &[&std::ffi::OsStr]) -> (std::process::ExitStatus, String) {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "no DISPLAY: run the tests with scripts/test.sh, which starts Xvfb"
    );
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_forest-and-trees"))
        .args(args)
        .current_dir(std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(
            || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            std::path::PathBuf::from,
        ))
        .output()
        .expect("the game starts");
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!log.contains("panicked"), "{log}");
    assert!(!log.lines().any(|l| l.contains("ERROR")), "{log}");
    (o.status, log)
}
