//! The GUI monkey under a display (Xvfb in CI), in a test binary of its own so that it
//! never runs beside the smoke test's window: two software-rendered windows at once
//! starve each other on a two-core runner.
#![cfg(feature = "gui")]

mod common;

/// The GUI monkey for a minute: random keys, clicks, drags, wheel turns and resizes through
/// Bevy's input reach several screens with no panic and no error logged. Memory is checked
/// in the ten-minute run of `scripts/monkey.sh`; a minute is mostly warm-up.
#[test]
fn a_minute_of_random_input_reaches_the_screens_without_a_panic() {
    let seed = std::env::var("FT_MONKEY_SEED").unwrap_or_else(|_| "7".into());
    let (status, log) = common::run_window(&[
        "--monkey".as_ref(),
        seed.as_ref(),
        "--monkey-seconds".as_ref(),
        "60".as_ref(),
    ]);
    assert!(
        status.success(),
        "seed {seed}: exit {:?}\n{log}",
        status.code()
    );
    let reached = log
        .lines()
        .find_map(|l| {
            l.split_once("screens reached by random input (")?
                .1
                .split_once(')')
        })
        .and_then(|(n, _)| n.parse::<usize>().ok())
        .unwrap_or_else(|| panic!("no summary\n{log}"));
    // The tour ends at the title; input that reaches the game leaves it for other screens
    // (the first runs, at this length, reached 7).
    assert!(reached >= 3, "seed {seed}: only {reached} screens\n{log}");
}
