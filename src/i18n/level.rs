//! A level's translation: a Fluent file beside the level, `<stem>.<language>.ftl`
//! (`levels/first-week.es.ftl` beside `levels/first-week.ron`), whose message ids name the
//! level's parts (`title`, `briefing`, `goal-<id>`, `work-<n>`, `event-<id>` with `.text`,
//! `dilemma-<id>` with `.text`, `choice-<dilemma>-<choice>` with `.hint`,
//! `learning-goal-<n>`, `discussion-<n>`, `tutorial-<n>` with `.text`).
//!
//! Reading one gives the pairs (English, translated) that [`super::text`] looks up, and its
//! problems, each at a line and column of the file. A broken translation never stops the
//! level: what reads well is used, the rest shows in English.

use super::Lang;
use crate::store::disk;
use fluent_syntax::ast;
use fluent_syntax::parser::{ErrorKind, ParserError};
use sim::{Level, LevelError, Work, line_col};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Largest translation file read, as for a level file, so no input can exhaust memory.
pub const MAX_FILE_BYTES: usize = 512 * 1024;
/// Problems of one file reported in full; the rest are counted (as for a level).
const MAX_PROBLEMS: usize = 50;
/// Missing ids a warning names before "…".
const MISSING_NAMED: usize = 5;

/// One translation file, read and checked against its level.
#[derive(Clone, Debug)]
pub struct Translation {
    pub lang: Lang,
    pub path: PathBuf,
    /// (English text of the level, its translation), for [`super::add_level_texts`].
    pub pairs: Vec<(String, String)>,
    /// What is wrong in the file, each at its line and column; those parts stay in English.
    pub errors: Vec<LevelError>,
    /// Ids of the level's parts the file does not translate: they show in English.
    pub missing: Vec<String>,
    /// Parts of the level no translation can name (their id is not a Fluent identifier, or
    /// two parts make one id), in words.
    pub unnameable: Vec<String>,
    /// How many parts of the level a translation can name.
    pub parts: usize,
}

impl Translation {
    /// The file as messages name it.
    pub fn file(&self) -> String {
        self.path.display().to_string()
    }

    /// Lines that warn the author without refusing anything: parts left in English.
    pub fn warnings(&self) -> Vec<String> {
        let file = self.file();
        let mut out = Vec::new();
        if !self.missing.is_empty() {
            let mut named = self
                .missing
                .iter()
                .take(MISSING_NAMED)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            if self.missing.len() > MISSING_NAMED {
                named.push_str(", …");
            }
            out.push(format!(
                "{file}: warning: {} of {} ids have no translation into {} ({}); those parts show in English: {named}",
                self.missing.len(),
                self.parts,
                self.lang.code(),
                self.lang.name(),
            ));
        }
        for u in &self.unnameable {
            out.push(format!("{file}: warning: {u}"));
        }
        out
    }
}

/// The translations found beside one level.
#[derive(Clone, Debug, Default)]
pub struct Translations {
    pub files: Vec<Translation>,
    /// Files beside the level that are not read, in words (a language the game does not
    /// speak, an `.en.ftl`).
    pub ignored: Vec<String>,
}

impl Translations {
    /// Every problem and warning, one line each: for a log or the command line.
    pub fn lines(&self) -> Vec<String> {
        let mut out = self.ignored.clone();
        for t in &self.files {
            out.extend(t.errors.iter().map(ToString::to_string));
            out.extend(t.warnings());
        }
        out
    }

    /// Whether any file has an error (warnings do not count).
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|t| !t.errors.is_empty())
    }
}

/// The file translating the level at `level_path` into `lang`: `<stem>.<code>.ftl`.
pub fn path_for(level_path: &Path, lang: Lang) -> PathBuf {
    let stem = level_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    level_path.with_file_name(format!("{stem}.{}.ftl", lang.code()))
}

/// For a file `<stem>.<code>.ftl`: the level it translates (`<stem>.ron` beside it) and
/// the code of its language. `None` when the name has no `.<code>.ftl` ending.
pub fn level_of(translation_path: &Path) -> Option<(PathBuf, String)> {
    let name = translation_path.file_name()?.to_str()?;
    let rest = name.strip_suffix(".ftl")?;
    let (stem, code) = rest.rsplit_once('.')?;
    if stem.is_empty() || code.is_empty() {
        return None;
    }
    Some((
        translation_path.with_file_name(format!("{stem}.ron")),
        code.to_string(),
    ))
}

/// The language of a code the game speaks other than English (English is the level file).
pub fn translated_lang(code: &str) -> Option<Lang> {
    Lang::ALL
        .into_iter()
        .find(|l| *l != Lang::En && l.code() == code)
}

/// Why a file named for the level with `code` is not read: a language the game does not
/// speak, or English.
pub fn not_read(file: &str, code: &str) -> String {
    let spoken = Lang::ALL
        .into_iter()
        .filter(|l| *l != Lang::En)
        .map(|l| l.code())
        .collect::<Vec<_>>()
        .join(", ");
    if code == Lang::En.code() {
        format!(
            "{file}: warning: not read: English is the level file itself (translations: {spoken})"
        )
    } else {
        format!(
            "{file}: warning: not read: the game does not speak '{code}' (it reads translations into: {spoken})"
        )
    }
}

/// Reads every translation beside the level at `level_path`: one file per language the
/// game speaks besides English, when it exists; files for other languages are named in
/// `ignored`.
pub fn load_beside(level: &Level, level_path: &Path) -> Translations {
    let mut out = Translations::default();
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        let path = path_for(level_path, lang);
        if disk::exists(&path) {
            out.files.push(load(level, lang, &path));
        }
    }
    let Some(stem) = level_path.file_stem().and_then(|s| s.to_str()) else {
        return out;
    };
    let dir = match level_path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut strangers: Vec<(String, String)> = disk::list(&dir)
        .map(|listed| {
            listed
                .into_iter()
                .filter_map(|p| {
                    let name = p.file_name()?.to_str()?.to_string();
                    let code = name
                        .strip_prefix(stem)?
                        .strip_prefix('.')?
                        .strip_suffix(".ftl")?;
                    (!code.is_empty() && !code.contains('.') && translated_lang(code).is_none())
                        .then(|| (level_path.with_file_name(&name), code.to_string()))
                })
                .map(|(p, code)| (p.display().to_string(), code))
                .collect()
        })
        .unwrap_or_default();
    strangers.sort();
    out.ignored = strangers
        .iter()
        .map(|(file, code)| not_read(file, code))
        .collect();
    out
}

/// Registers the translations for the texts' lookup; a text already translated keeps its
/// first translation (the catalog lists files named on the command line first).
pub fn register(translations: &Translations) {
    for t in &translations.files {
        super::add_level_texts(t.lang, t.pairs.iter().cloned());
    }
}

/// Registers the translations over any earlier ones of the same texts: for a file edited
/// while the game runs.
pub fn reregister(translations: &Translations) {
    for t in &translations.files {
        super::text::replace_level_texts(t.lang, t.pairs.iter().cloned());
    }
}

/// Reads a translation file, bounded as a level file is, and checks it against `level`.
pub fn load(level: &Level, lang: Lang, path: &Path) -> Translation {
    let file = path.display().to_string();
    let whole = |line: usize, col: usize, message: String| Translation {
        lang,
        path: path.to_path_buf(),
        pairs: Vec::new(),
        errors: vec![LevelError {
            file: file.clone(),
            line,
            col,
            message,
        }],
        missing: Vec::new(),
        unnameable: Vec::new(),
        parts: 0,
    };
    let bytes = match disk::read_capped(path, MAX_FILE_BYTES as u64, "a level translation") {
        Ok(b) => b,
        Err(e) => return whole(0, 0, e.to_string()),
    };
    match String::from_utf8(bytes) {
        Ok(src) => {
            let mut t = parse(level, lang, &src, &file);
            t.path = path.to_path_buf();
            t
        }
        Err(e) => {
            let (line, col) = line_col(
                &String::from_utf8_lossy(e.as_bytes()),
                e.utf8_error().valid_up_to(),
            );
            whole(line, col, "the file is not valid UTF-8 text".into())
        }
    }
}

/// One part of a level a translation names.
struct Part {
    /// What it is, for messages: "the title of event `outage`".
    what: String,
    /// The English text of the message's value; empty when there is none to translate.
    value: String,
    /// The attribute it takes (`text` or `hint`) and its English text, when not empty.
    attribute: Option<(&'static str, String)>,
}

/// A level's parts a translation names.
struct Parts {
    by_id: BTreeMap<String, Part>,
    /// Their ids in the level's order.
    order: Vec<String>,
    /// The parts no id can name, in words.
    unnameable: Vec<String>,
}

/// The level's parts by Fluent id.
fn parts(level: &Level) -> Parts {
    let mut all: Vec<(String, Part)> = Vec::new();
    let mut add =
        |id: String, what: String, value: &str, attribute: Option<(&'static str, &str)>| {
            let attribute = attribute
                .filter(|(_, t)| !t.is_empty())
                .map(|(a, t)| (a, t.to_string()));
            if value.is_empty() && attribute.is_none() {
                return;
            }
            all.push((
                id,
                Part {
                    what,
                    value: value.to_string(),
                    attribute,
                },
            ));
        };
    add(
        "title".into(),
        "the level's title".into(),
        &level.title,
        None,
    );
    add(
        "briefing".into(),
        "the level's briefing".into(),
        &level.briefing,
        None,
    );
    for g in &level.goals {
        add(
            format!("goal-{}", g.id),
            format!("the title of goal \"{}\"", g.id),
            &g.title,
            None,
        );
    }
    for (n, w) in level.work.iter().enumerate() {
        let title = match w {
            Work::Item { title, .. } | Work::Stream { title, .. } => title,
        };
        add(
            format!("work-{}", n + 1),
            format!("the title of work {} (\"{title}\")", n + 1),
            title,
            None,
        );
    }
    for e in &level.events {
        add(
            format!("event-{}", e.id),
            format!("event \"{}\"", e.id),
            &e.title,
            Some(("text", &e.text)),
        );
    }
    for d in &level.dilemmas {
        add(
            format!("dilemma-{}", d.id),
            format!("dilemma \"{}\"", d.id),
            &d.title,
            Some(("text", &d.text)),
        );
        for c in &d.choices {
            add(
                format!("choice-{}-{}", d.id, c.id),
                format!("choice \"{}\" of dilemma \"{}\"", c.id, d.id),
                &c.label,
                Some(("hint", &c.hint)),
            );
        }
    }
    for (n, g) in level.learning_goals.iter().enumerate() {
        add(
            format!("learning-goal-{}", n + 1),
            format!("learning goal {}", n + 1),
            g,
            None,
        );
    }
    for (n, q) in level.discussion.iter().enumerate() {
        add(
            format!("discussion-{}", n + 1),
            format!("discussion question {}", n + 1),
            q,
            None,
        );
    }
    for (n, s) in level.tutorial.iter().enumerate() {
        add(
            format!("tutorial-{}", n + 1),
            format!("tutorial step {}", n + 1),
            &s.title,
            Some(("text", &s.text)),
        );
    }
    let mut named: BTreeMap<String, Part> = BTreeMap::new();
    let mut unnameable = Vec::new();
    let mut twice: BTreeSet<String> = BTreeSet::new();
    let mut order = Vec::new();
    for (id, part) in all {
        if !is_identifier(&id) {
            unnameable.push(format!(
                "{} cannot be translated: its id `{id}` is not a Fluent identifier (letters, \
                 digits, '-' and '_', from a letter); it shows in English until it is renamed \
                 in the level",
                part.what
            ));
        } else if let Some(first) = named.get(&id) {
            unnameable.push(format!(
                "{} and {} both make the id `{id}`; neither can be translated until one is \
                 renamed in the level",
                first.what, part.what
            ));
            twice.insert(id);
        } else {
            order.push(id.clone());
            named.insert(id, part);
        }
    }
    for id in &twice {
        named.remove(id);
    }
    let order = order
        .into_iter()
        .filter(|id| named.contains_key(id))
        .collect();
    Parts {
        by_id: named,
        order,
        unnameable,
    }
}

/// Whether Fluent can name a message `id`: `[a-zA-Z][a-zA-Z0-9_-]*`.
pub fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Checks translation text `src` against `level`; `file` names it in messages.
pub fn parse(level: &Level, lang: Lang, src: &str, file: &str) -> Translation {
    // What Windows Notepad writes first; columns count from after it, as for a level.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let Parts {
        by_id: parts,
        order,
        unnameable,
    } = parts(level);
    let mut t = Translation {
        lang,
        path: PathBuf::from(file),
        pairs: Vec::new(),
        errors: Vec::new(),
        missing: Vec::new(),
        unnameable,
        parts: parts.len(),
    };
    let mut problems: Vec<(usize, String)> = Vec::new();
    if src.len() > MAX_FILE_BYTES {
        t.errors.push(LevelError {
            file: file.to_string(),
            line: 0,
            col: 0,
            message: format!("a level translation may be at most {MAX_FILE_BYTES} bytes"),
        });
        return t;
    }
    let (resource, syntax) = match fluent_syntax::parser::parse(src) {
        Ok(r) => (r, Vec::new()),
        Err((r, errors)) => (r, errors),
    };
    let junk: Vec<std::ops::Range<usize>> = syntax.iter().filter_map(|e| e.slice.clone()).collect();
    for e in &syntax {
        problems.push((e.pos.start, syntax_message(e, src)));
    }
    let starts = entry_starts(src, &junk);
    let mut used = vec![false; starts.len()];
    // Where each message of the file starts: its id at column 1.
    let mut at = |id: &str| -> usize {
        match starts
            .iter()
            .enumerate()
            .find(|(i, (name, _))| !used[*i] && name == id)
        {
            Some((i, (_, offset))) => {
                used[i] = true;
                *offset
            }
            None => 0,
        }
    };
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for entry in &resource.body {
        let message = match entry {
            ast::Entry::Message(m) => m,
            ast::Entry::Term(term) => {
                let offset = at(&format!("-{}", term.id.name));
                problems.push((
                    offset,
                    format!(
                        "`-{}` is a term; a level's translation has only the level's parts \
                         (terms could only be used in placeables, which it does not take)",
                        term.id.name
                    ),
                ));
                continue;
            }
            _ => continue,
        };
        let id = message.id.name;
        let offset = at(id);
        if let Some(first) = seen.get(id) {
            problems.push((
                offset,
                format!(
                    "`{id}` is translated twice; the first, at line {}, is used",
                    line_col(src, *first).0
                ),
            ));
            continue;
        }
        seen.insert(id.to_string(), offset);
        let Some(part) = parts.get(id) else {
            problems.push((offset, unknown_id(id, &order, &t.unnameable)));
            continue;
        };
        let block = block_end(src, offset);
        let attribute_starts = attribute_starts(src, offset, block);
        // The value: the text after `=`, up to the first attribute.
        let value_end = attribute_starts.first().map_or(block, |(_, o)| *o);
        match (&message.value, part.value.is_empty()) {
            (Some(pattern), false) => match text_of(pattern) {
                Ok(text) => t.pairs.push((part.value.clone(), text)),
                Err(()) => problems.push((brace(src, offset, value_end), placeable_message(id))),
            },
            (None, false) => problems.push((
                offset,
                format!(
                    "`{id}` has no text: write the translation of {} after `=`",
                    part.what
                ),
            )),
            (Some(_), true) => problems.push((
                offset,
                format!(
                    "`{id}` takes no text after `=`: the English of {} is empty",
                    part.what
                ),
            )),
            (None, true) => {}
        }
        let mut attrs_seen = BTreeSet::new();
        for (i, a) in message.attributes.iter().enumerate() {
            let name = a.id.name;
            let a_offset = attribute_starts
                .get(i)
                .filter(|(n, _)| *n == name)
                .or_else(|| attribute_starts.iter().find(|(n, _)| *n == name))
                .map_or(offset, |(_, o)| *o);
            let a_end = attribute_starts.get(i + 1).map_or(block, |(_, o)| *o);
            match &part.attribute {
                Some((expected, english)) if *expected == name => {
                    if !attrs_seen.insert(name) {
                        problems.push((
                            a_offset,
                            format!("`{id}` has `.{name}` twice; the first is used"),
                        ));
                        continue;
                    }
                    match text_of(&a.value) {
                        Ok(text) => t.pairs.push((english.clone(), text)),
                        Err(()) => problems.push((
                            brace(src, a_offset, a_end),
                            placeable_message(&format!("{id}.{name}")),
                        )),
                    }
                }
                Some((expected, _)) => problems.push((
                    a_offset,
                    format!(
                        "`{id}` has no attribute `.{name}`: {} takes `.{expected}`",
                        part.what
                    ),
                )),
                None => problems.push((
                    a_offset,
                    format!(
                        "`{id}` has no attribute `.{name}`: {} takes only the text after `=`",
                        part.what
                    ),
                )),
            }
        }
        if let Some((expected, _)) = &part.attribute
            && !message.attributes.iter().any(|a| a.id.name == *expected)
        {
            problems.push((
                offset,
                format!(
                    "`{id}` has no `.{expected}`: add the translation of the {expected} of {} on \
                     an indented line `.{expected} = …` below it",
                    part.what
                ),
            ));
        }
    }
    t.missing = order
        .iter()
        .filter(|id| !seen.contains_key(*id))
        .cloned()
        .collect();
    problems.sort_by_key(|(offset, _)| *offset);
    let total = problems.len();
    t.errors = problems
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|(offset, message)| {
            let (line, col) = line_col(src, offset);
            LevelError {
                file: file.to_string(),
                line,
                col,
                message,
            }
        })
        .collect();
    if total > MAX_PROBLEMS {
        t.errors.push(LevelError {
            file: file.to_string(),
            line: 0,
            col: 0,
            message: format!(
                "…and {} more problems; fix these first",
                total - MAX_PROBLEMS
            ),
        });
    }
    t
}

/// A pattern's text, or `Err` when it holds a placeable. A line break inside the text is
/// the translator's wrapping and reads as a space, as the level file's one-line text does;
/// an empty line starts a new paragraph.
fn text_of(pattern: &ast::Pattern<&str>) -> Result<String, ()> {
    let mut raw = String::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => raw.push_str(value),
            ast::PatternElement::Placeable { .. } => return Err(()),
        }
    }
    let mut out = String::new();
    let mut blank = false;
    for line in raw.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { " " });
        }
        blank = false;
        out.push_str(line.trim_start());
    }
    Ok(out)
}

fn placeable_message(id: &str) -> String {
    format!(
        "`{id}` holds a placeable `{{ … }}`: a level's translation takes plain text only (the \
         game puts no values into a level's texts)"
    )
}

/// The first `{` between `from` and `to`, else `from`.
fn brace(src: &str, from: usize, to: usize) -> usize {
    src.get(from..to.min(src.len()))
        .and_then(|s| s.find('{'))
        .map_or(from, |i| from + i)
}

/// A syntax error in words, with a hint for the usual slips.
fn syntax_message(e: &ParserError, src: &str) -> String {
    let what = match &e.kind {
        ErrorKind::ExpectedToken('=') => {
            "expected `=` after the id (a line that continues a text must start with spaces)"
                .to_string()
        }
        ErrorKind::ExpectedToken(c) => format!("expected `{c}`"),
        ErrorKind::ExpectedCharRange { range } => format!(
            "expected one of {range} (an id is letters, digits, '-' and '_', from a letter, at \
             the start of its line)"
        ),
        ErrorKind::ExpectedMessageField { entry_id } => {
            format!("`{entry_id}` has no text: write the translation after `=`")
        }
        ErrorKind::UnbalancedClosingBrace => {
            "a `}` with no `{` before it (a level's translation takes no placeables)".to_string()
        }
        other => other.to_string(),
    };
    let near = src
        .get(e.pos.start..)
        .and_then(|s| s.chars().next())
        .filter(|c| !c.is_whitespace())
        .map(|c| format!(" (at `{c}`)"))
        .unwrap_or_default();
    format!("syntax error: {what}{near}")
}

/// Where each entry of the file starts: the id (or `-term`) at column 1 of a line, followed
/// by `=`; lines in junk the parser skipped are left out.
fn entry_starts(src: &str, junk: &[std::ops::Range<usize>]) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in src.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if junk.iter().any(|j| j.start <= start && start < j.end) {
            continue;
        }
        let name_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len());
        let name = &line[..name_len];
        let id = name.strip_prefix('-').unwrap_or(name);
        if is_identifier(id) && line[name_len..].trim_start_matches(' ').starts_with('=') {
            out.push((name.to_string(), start));
        }
    }
    out
}

/// The end of the entry starting at `start`: the next line that begins at column 1.
fn block_end(src: &str, start: usize) -> usize {
    let mut offset = start;
    for (i, line) in src[start..].split_inclusive('\n').enumerate() {
        if i > 0 && line.starts_with(|c: char| c != ' ' && c != '\n' && c != '\r') {
            return offset;
        }
        offset += line.len();
    }
    src.len()
}

/// The attributes of the entry from `start` to `end`: (name, offset of its `.`).
fn attribute_starts(src: &str, start: usize, end: usize) -> Vec<(&str, usize)> {
    let mut out = Vec::new();
    let mut offset = start;
    for line in src[start..end].split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        let indent = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[indent..];
        let Some(after_dot) = rest.strip_prefix('.') else {
            continue;
        };
        let len = after_dot
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(after_dot.len());
        if indent > 0 && after_dot[len..].trim_start_matches(' ').starts_with('=') {
            out.push((&after_dot[..len], here + indent));
        }
    }
    out
}

/// An id no part of the level has, with the nearest one when it is close.
fn unknown_id(id: &str, parts: &[String], unnameable: &[String]) -> String {
    let mut message = format!("`{id}` names no part of this level");
    let nearest = parts
        .iter()
        .map(|k| (distance(id, k), k))
        .min_by_key(|(d, _)| *d);
    // A numbered part (`work-9`) is one the level does not have: its neighbours in
    // spelling are other parts, so the list of what it has says more.
    let numbered = matches!(
        kind_of(id),
        Some("work-" | "learning-goal-" | "discussion-" | "tutorial-")
    ) && id.ends_with(|c: char| c.is_ascii_digit());
    match nearest {
        Some((d, k)) if !numbered && d <= (id.chars().count() / 3).max(2) => {
            message.push_str(&format!("; did you mean `{k}`?"));
        }
        _ => {
            // The ids of the same kind, so the author sees what the level has.
            let kind = kind_of(id);
            let same: Vec<&str> = parts
                .iter()
                .filter(|k| kind.is_some() && kind_of(k) == kind)
                .map(String::as_str)
                .collect();
            if !same.is_empty() {
                let mut list = same.iter().take(6).copied().collect::<Vec<_>>().join(", ");
                if same.len() > 6 {
                    list.push_str(", …");
                }
                message.push_str(&format!(" (it has {list})"));
            } else if !unnameable.is_empty() {
                message.push_str(" (some of its parts cannot be named: see the warnings)");
            }
        }
    }
    message
}

/// The kind of part an id names: its prefix (`learning-goal`, `event`, …).
fn kind_of(id: &str) -> Option<&'static str> {
    [
        "learning-goal-",
        "goal-",
        "work-",
        "event-",
        "dilemma-",
        "choice-",
        "discussion-",
        "tutorial-",
    ]
    .into_iter()
    .find(|p| id.starts_with(p))
}

/// Edit distance between two ids (insertions, deletions, substitutions of characters).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(above + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearby_ids_are_a_short_distance_apart() {
        assert_eq!(distance("event-outage", "event-outage"), 0);
        assert_eq!(distance("event-outge", "event-outage"), 1);
        assert_eq!(distance("choice-a-b", "choice-b-a"), 2);
        assert_eq!(distance("", "abc"), 3);
    }

    #[test]
    fn fluent_names_only_ascii_ids_from_a_letter() {
        assert!(is_identifier("choice-crunch-overtime_2"));
        assert!(!is_identifier("goal-ship it"));
        assert!(!is_identifier("goal-año"));
        assert!(!is_identifier("1-goal"));
    }

    #[test]
    fn a_translation_is_found_beside_its_level() {
        let level = Path::new("levels/first-week.ron");
        assert_eq!(
            path_for(level, Lang::Es),
            Path::new("levels/first-week.es.ftl")
        );
        assert_eq!(
            level_of(Path::new("levels/first-week.es.ftl")),
            Some((PathBuf::from("levels/first-week.ron"), "es".to_string()))
        );
        assert_eq!(level_of(Path::new("levels/first-week.ftl")), None);
    }

    #[test]
    fn wrapped_lines_read_as_one_text() {
        let src = "briefing =\n    Una línea\n    y otra.\n\n    Otro párrafo.\n";
        let r = fluent_syntax::parser::parse(src).unwrap();
        let ast::Entry::Message(m) = &r.body[0] else {
            panic!("a message")
        };
        assert_eq!(
            text_of(m.value.as_ref().unwrap()).unwrap(),
            "Una línea y otra.\n\nOtro párrafo."
        );
    }
}
