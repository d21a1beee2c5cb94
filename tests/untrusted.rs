//! The fuzzers' findings, kept: every input in `fuzz/seeds/<target>/` (the shipped files,
//! and the smallest of what the fuzzers found worth keeping) and `fuzz/artifacts/<target>/`
//! (inputs that once crashed the game) goes through the same reader the fuzz target calls,
//! under stable `cargo test`. A reader that panics on any of them fails here.
//! `scripts/fuzz.sh` runs the fuzzers themselves.

use forest_and_trees::untrusted;

/// A fuzz target's name and the reader it calls.
type Target = (&'static str, fn(&[u8]));

const TARGETS: [Target; 8] = [
    ("level", untrusted::level),
    ("level_translation", untrusted::level_translation),
    ("decisions", untrusted::decisions),
    ("result", untrusted::result),
    ("save", untrusted::save),
    ("settings", untrusted::settings),
    ("class_code", untrusted::class_code),
    ("team_messages", untrusted::team_messages),
];

fn inputs(target: &str) -> Vec<std::path::PathBuf> {
    let fuzz = std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(
            || std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            std::path::PathBuf::from,
        )
        .join("fuzz");
    let mut out = Vec::new();
    for kind in ["seeds", "artifacts"] {
        if let Ok(dir) = std::fs::read_dir(fuzz.join(kind).join(target)) {
            out.extend(dir.flatten().map(|e| e.path()).filter(|p| p.is_file()));
        }
    }
    out.sort();
    out
}

#[test]
fn every_kept_fuzz_input_is_read_without_a_panic() {
    for (target, read) in TARGETS {
        let files = inputs(target);
        assert!(
            !files.is_empty(),
            "fuzz/seeds/{target}/ is empty: the fuzz target has nothing kept to replay"
        );
        for path in files {
            let bytes = std::fs::read(&path).unwrap();
            if std::panic::catch_unwind(|| read(&bytes)).is_err() {
                panic!("{target}: {} makes the reader panic", path.display());
            }
        }
    }
}

/// Inputs a hand could type or a disk could hold, beside what the fuzzers find.
#[test]
fn hostile_bytes_are_read_without_a_panic() {
    let cases: [&[u8]; 9] = [
        b"",
        b"\xff\xfe\x00garbage",
        "\u{feff}(".as_bytes(),
        b"((((((((((((((((((((((((((((((((((((((((((((((((((((((",
        b"(id: \"x\", weeks: 4294967295, budget: 1e308)",
        b"{\"format\": 1, \"model\": 6, \"weeks\": [",
        b"(format_version: 1, level_id: \"first-week\", seed: 18446744073709551615",
        b"FT-0000-0000-0000",
        "Ω≈ç√∫˜µ≤≥÷".as_bytes(),
    ];
    for bytes in cases {
        for (_, read) in TARGETS {
            read(bytes);
        }
    }
}
