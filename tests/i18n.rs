//! The game's words come from `locales/`: every id the code asks for exists, every message
//! is asked for somewhere, and the UI code holds no sentence of its own.

use forest_and_trees::i18n::{self, Lang};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

/// The code of a file without its comments and its test module (tests at a file's end).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// String literals of some code, with their line (from 1). Raw strings are not used in the
/// UI code.
fn literals(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let mut chars = line.char_indices().peekable();
        while let Some((_, c)) = chars.next() {
            // A char literal such as '"' is not the start of a string.
            if c == '\'' {
                let rest: String = chars.clone().take(3).map(|(_, c)| c).collect();
                if rest.starts_with("\"'") || rest.starts_with("\\\"") {
                    chars.next();
                }
                continue;
            }
            if c != '"' {
                continue;
            }
            let mut s = String::new();
            while let Some((_, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            s.push('\\');
                            s.push(e);
                        }
                    }
                    '"' => break,
                    c => s.push(c),
                }
            }
            out.push((n + 1, s));
        }
    }
    out
}

/// Ids a line asks for with `t!("…")` or `tr("…")`.
fn asked(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        for marker in ["t!(", "tr("] {
            for (i, _) in line.match_indices(marker) {
                // `format!(` and `attr(` end the same way.
                let before = line[..i].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = line[i + marker.len()..].trim_start();
                if let Some(rest) = rest.strip_prefix('"')
                    && let Some(end) = rest.find('"')
                {
                    out.push((n + 1, rest[..end].to_string()));
                }
            }
        }
    }
    out
}

fn all_code() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|p| !p.starts_with(root().join("src/i18n")))
        .map(|p| {
            let c = code(&p);
            (p, c)
        })
        .collect()
}

#[test]
fn every_message_the_code_asks_for_is_written_in_english() {
    let english = i18n::ids(Lang::En);
    let mut unknown = Vec::new();
    for (path, code) in all_code() {
        for (line, id) in asked(&code) {
            if !english.contains(&id) {
                unknown.push(format!("{}:{line}: `{id}`", path.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "ids with no message:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn every_message_is_asked_for_somewhere() {
    let used: BTreeSet<String> = all_code()
        .iter()
        .flat_map(|(_, code)| literals(code).into_iter().map(|(_, s)| s))
        .collect();
    // The model's words are found by their English text (`i18n::text`), not asked for by
    // id: tests/model_texts.rs checks the model can still show each.
    let unused: Vec<String> = i18n::ids(Lang::En)
        .into_iter()
        .filter(|id| !id.starts_with("model-") && !used.contains(id))
        .collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

/// A literal a player could read: a capital letter or two words. Ids, keys, paths and
/// format specifications are lower case without spaces.
fn reads_as_words(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return false;
    }
    let id_like = s
        .chars()
        .all(|c| c.is_lowercase() || c.is_ascii_digit() || "-_./:{}?$".contains(c));
    !id_like
}

/// Lines whose literals are not shown to a player: egui ids, logs, panics.
const NOT_SHOWN: &[&str] = &[
    "Id::new(",
    "id_salt(",
    "from_id_salt(",
    "Grid::new(",
    "info!(",
    "warn!(",
    "error!(",
    "debug!(",
    "expect(",
    "panic!(",
    "unreachable!(",
    "i18n: not words",
];

/// The UI code translated so far. Each file of `src/app/screens`, `src/app/ui` and
/// `src/app/view`, and `src/app/keys.rs`, not on this list is still to be translated
/// (issue 16); the test below fails if a listed file gains a sentence, or if an unlisted
/// one has none left and should be listed.
const TRANSLATED: &[&str] = &[
    "src/app/screens/briefing.rs",
    "src/app/screens/compare.rs",
    "src/app/screens/credits.rs",
    "src/app/screens/debrief.rs",
    "src/app/screens/facilitate/mod.rs",
    "src/app/screens/facilitate/projector.rs",
    "src/app/screens/facilitate/setup.rs",
    "src/app/screens/join.rs",
    "src/app/screens/load.rs",
    "src/app/screens/mod.rs",
    "src/app/screens/play/mod.rs",
    "src/app/screens/play/overlays.rs",
    "src/app/screens/play/panels.rs",
    "src/app/screens/play/toolbar.rs",
    "src/app/screens/sandbox.rs",
    "src/app/screens/select.rs",
    "src/app/screens/settings.rs",
    "src/app/screens/title.rs",
    "src/app/ui/causes.rs",
    "src/app/ui/charts.rs",
    "src/app/ui/dilemma.rs",
    "src/app/ui/hud.rs",
    "src/app/ui/log.rs",
    "src/app/ui/mod.rs",
    "src/app/ui/plan.rs",
    "src/app/ui/style.rs",
    "src/app/ui/team.rs",
    "src/app/ui/theme.rs",
    "src/app/ui/tutorial.rs",
    "src/app/view/animate.rs",
    "src/app/view/camera.rs",
    "src/app/view/draw.rs",
    "src/app/view/hover.rs",
    "src/app/view/layout.rs",
    "src/app/view/mod.rs",
    "src/app/keys.rs",
];

#[test]
fn translated_ui_code_holds_no_sentence_of_its_own() {
    let mut ui_files = Vec::new();
    rust_files(&root().join("src/app/screens"), &mut ui_files);
    rust_files(&root().join("src/app/ui"), &mut ui_files);
    rust_files(&root().join("src/app/view"), &mut ui_files);
    ui_files.push(root().join("src/app/keys.rs"));
    ui_files.sort();
    let mut found = Vec::new();
    let mut done_but_unlisted = Vec::new();
    for path in ui_files {
        let name = path
            .strip_prefix(root())
            .unwrap()
            .to_string_lossy()
            .to_string();
        let code = code(&path);
        let lines: Vec<&str> = code.lines().collect();
        let words: Vec<String> = literals(&code)
            .into_iter()
            .filter(|(n, s)| {
                let line = lines[n - 1];
                reads_as_words(s) && !NOT_SHOWN.iter().any(|m| line.contains(m))
            })
            .map(|(n, s)| format!("{name}:{n}: \"{s}\""))
            .collect();
        if TRANSLATED.contains(&name.as_str()) {
            found.extend(words);
        } else if words.is_empty() {
            done_but_unlisted.push(name);
        }
    }
    assert!(
        found.is_empty(),
        "sentences in translated UI code (move them to locales/):\n{}",
        found.join("\n")
    );
    assert!(
        done_but_unlisted.is_empty(),
        "translated, add to TRANSLATED: {done_but_unlisted:?}"
    );
}

#[test]
fn the_literal_scanner_sees_sentences_and_passes_ids() {
    assert!(reads_as_words("End week"));
    assert!(reads_as_words("Back"));
    assert!(!reads_as_words("settings-title"));
    assert!(!reads_as_words("{:.1} h"));
    assert!(!reads_as_words("levels/first-week.ron"));
    let found = literals(r#"ui.label("a \"b\" c"); let q = '"'; f("d")"#);
    let texts: Vec<&str> = found.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(texts, [r#"a \"b\" c"#, "d"]);
}
