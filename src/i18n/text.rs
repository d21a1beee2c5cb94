//! Words that come from data, shown in the language in use: a level's texts (its title,
//! briefing, events, dilemmas, …) and the model's names of causes and activities.
//!
//! The model and every file it writes keep the English text: results, saves and class
//! codes stay the same whatever language each team plays in. Only what is drawn is
//! translated, looked up by that English text.

use super::{Lang, has, lang, message_in};
use fluent_bundle::FluentArgs;
use std::collections::BTreeMap;
use std::sync::RwLock;

/// For each language, a level's English text → its translation, from the translation
/// files beside the level files.
static LEVEL_TEXTS: RwLock<Vec<BTreeMap<String, String>>> = RwLock::new(Vec::new());

/// Adds translations of level texts (English, translated) for `lang`. A text already
/// known keeps its first translation.
pub fn add_level_texts(lang: Lang, pairs: impl IntoIterator<Item = (String, String)>) {
    forget_shown();
    let Ok(mut all) = LEVEL_TEXTS.write() else {
        return;
    };
    let map = of_lang(&mut all, lang);
    for (en, tr) in pairs {
        map.entry(en).or_insert(tr);
    }
}

/// `lang`'s map among the per-language maps, made when first needed.
fn of_lang(all: &mut Vec<BTreeMap<String, String>>, lang: Lang) -> &mut BTreeMap<String, String> {
    if all.len() < Lang::ALL.len() {
        all.resize(Lang::ALL.len(), BTreeMap::new());
    }
    &mut all[lang as usize]
}

/// The Fluent id of a model text: `model-` and the text's words in lower case joined by
/// hyphens ("Fatigue: overtime not yet recovered" → `model-fatigue-overtime-not-yet-recovered`).
pub fn model_id(english: &str) -> String {
    let mut id = String::from("model");
    let mut gap = true;
    for c in english.chars() {
        if c.is_ascii_alphanumeric() {
            if gap {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            gap = false;
        } else {
            gap = true;
        }
    }
    id
}

/// `english`, a text from a level or the model, in the language in use.
pub fn text(english: &str) -> String {
    text_in(lang(), english)
}

/// `english` in `lang`: the level's translation, else the model's message, else a text
/// the model builds from others ("Event: {title}", "On time: {cause}", …) with each part
/// shown through this same lookup, else the English text itself (a level without a
/// translation file plays in English).
pub fn text_in(lang: Lang, english: &str) -> String {
    if let Ok(shown) = SHOWN.read()
        && let Some(t) = shown.get(lang as usize).and_then(|m| m.get(english))
    {
        return t.clone();
    }
    let t = translate(Some(lang), english, 0, &mut ModelParts::default());
    if let Ok(mut shown) = SHOWN.write() {
        let map = of_lang(&mut shown, lang);
        // Texts with numbers in them (a run's summary line) are many; a bound keeps the
        // cache from growing over a long session.
        if map.len() >= SHOWN_MAX {
            map.clear();
        }
        map.insert(english.to_owned(), t.clone());
    }
    t
}

/// Every text already shown, by language and English: the panels ask for the same few
/// dozen each frame, and a lookup through the level's texts, the model's messages and
/// the patterns took about 0.7 µs a text where this takes a tenth of that.
static SHOWN: RwLock<Vec<BTreeMap<String, String>>> = RwLock::new(Vec::new());
const SHOWN_MAX: usize = 4096;

/// Empties the cache of shown texts: a level's translation was added or changed.
fn forget_shown() {
    if let Ok(mut shown) = SHOWN.write() {
        shown.clear();
    }
}

/// How the model's messages show a text: for the tests, which find messages the model can
/// no longer show and texts it shows that no message names.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ModelParts {
    /// The ids of the model's messages that show the text, its own and those of the texts
    /// it is built from, in the order used.
    pub ids: Vec<String>,
    /// The texts inside it (or the text itself) that no message of the model names: a
    /// level's own words, which its translation file translates, or a gap.
    pub unknown: Vec<String>,
}

/// How `english` is shown, read with the level translations of no language.
pub fn model_parts(english: &str) -> ModelParts {
    let mut parts = ModelParts::default();
    translate(None, english, 0, &mut parts);
    parts
}

/// Texts built from texts nest a few deep at most ("Delivery: On time: …", "Morale: Event:
/// …"); a title that repeats a start many times stops here rather than recursing through it.
const MAX_DEPTH: usize = 4;

/// `english` in `lang`, or in English without the level translations when `lang` is
/// `None`; `parts` gathers the messages used and the texts none names.
fn translate(lang: Option<Lang>, english: &str, depth: usize, parts: &mut ModelParts) -> String {
    if let Some(lang) = lang
        && let Ok(all) = LEVEL_TEXTS.read()
        && let Some(t) = all.get(lang as usize).and_then(|m| m.get(english))
    {
        return t.clone();
    }
    let id = model_id(english);
    if has(Lang::En, &id) {
        let shown = message_in(lang.unwrap_or(Lang::En), &id, None);
        parts.ids.push(id);
        return shown;
    }
    if depth < MAX_DEPTH
        && let Some(shown) = built(lang, english, depth + 1, parts)
    {
        return shown;
    }
    parts.unknown.push(english.to_string());
    english.to_string()
}

/// How the model writes a text inside another.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    /// As it is shown alone.
    AsIs,
    /// In lower case: all of it in English, as the model writes it; its first letter in
    /// other languages, so names keep their capitals.
    Lower,
}

/// Texts the model builds by writing a fixed start before another text: (start, message,
/// the message's argument, how the text after the start is written).
const STARTS: [(&str, &str, &str, Case); 8] = [
    ("Event: ", "model-pattern-event", "title", Case::AsIs),
    ("Choice: ", "model-pattern-choice", "label", Case::AsIs),
    ("On time: ", "model-pattern-on-time", "cause", Case::Lower),
    ("Quality: ", "model-pattern-quality", "cause", Case::Lower),
    // `sim::biggest_causes`: a cause of morale or of delivery over a whole run.
    ("Morale: ", "model-pattern-morale", "cause", Case::AsIs),
    ("Delivery: ", "model-pattern-delivery", "cause", Case::AsIs),
    // `Sim::budget_deductions`, when the confidence above runs low.
    (
        "Status reports for ",
        "model-pattern-status-reports",
        "above",
        Case::AsIs,
    ),
    // The sandbox level's title.
    ("Sandbox: ", "model-pattern-sandbox", "role", Case::AsIs),
];

/// The parts of `Final::summary`, in its order: (words before the number, argument).
const SUMMARY: [(&str, &str); 7] = [
    ("on time ", "on_time"),
    ("quality ", "quality"),
    ("goals ", "goals"),
    ("morale ", "morale"),
    ("trust ", "trust"),
    ("alignment ", "alignment"),
    ("retention ", "retention"),
];

/// `english` shown in `lang` if the model built it from other texts: its message with each
/// part itself translated.
fn built(
    lang: Option<Lang>,
    english: &str,
    depth: usize,
    parts: &mut ModelParts,
) -> Option<String> {
    let mut args = FluentArgs::new();
    let id = if let Some((start, id, arg, case)) = STARTS
        .iter()
        .find(|(start, ..)| english.len() > start.len() && english.starts_with(start))
    {
        let part = translate(lang, &english[start.len()..], depth, parts);
        let part = match case {
            Case::AsIs => part,
            Case::Lower => in_lower_case(lang.unwrap_or(Lang::En), &part),
        };
        args.set(*arg, part);
        *id
    } else if let Some((title, week)) = english
        .strip_suffix(')')
        .and_then(|s| s.rsplit_once(" (week "))
        .filter(|(title, week)| !title.is_empty() && is_number(week))
    {
        // `sim::rules::initial_items`: one week's share of a stream of work.
        args.set("title", translate(lang, title, depth, parts));
        args.set("week", week.to_string());
        "model-pattern-week"
    } else if let Some(n) = english
        .strip_prefix("Project milestone ")
        .filter(|n| is_number(n))
    {
        // A deliverable of the sandbox level.
        args.set("n", n.to_string());
        "model-pattern-milestone"
    } else {
        summary(english, &mut args)?;
        "model-pattern-summary"
    };
    let shown = message_in(lang.unwrap_or(Lang::En), id, Some(&args));
    parts.ids.push(id.to_string());
    Some(shown)
}

/// The numbers of a `Final::summary` line as arguments, if `english` is one.
fn summary(english: &str, args: &mut FluentArgs) -> Option<()> {
    let parts: Vec<&str> = english.split(" · ").collect();
    if parts.len() != SUMMARY.len() {
        return None;
    }
    for (part, (words, arg)) in parts.into_iter().zip(SUMMARY) {
        let value = part.strip_prefix(words)?;
        // Retention keeps its sign: one leaver in hundreds shows a decimal ("99.5%").
        let number = value.strip_suffix('%')?;
        if !is_number(number) {
            return None;
        }
        args.set(
            arg,
            if arg == "retention" { value } else { number }.to_string(),
        );
    }
    Some(())
}

/// Digits, perhaps with a sign and a decimal point, as the model formats its numbers.
fn is_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    digits.chars().any(|c| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
}

fn in_lower_case(lang: Lang, text: &str) -> String {
    if lang == Lang::En {
        return text.to_lowercase();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Adds translations of level texts (English, translated) for `lang` over any earlier
/// translation of the same texts: a translation file edited while the game runs.
pub fn replace_level_texts(lang: Lang, pairs: impl IntoIterator<Item = (String, String)>) {
    forget_shown();
    let Ok(mut all) = LEVEL_TEXTS.write() else {
        return;
    };
    of_lang(&mut all, lang).extend(pairs);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_changed_while_the_game_runs_is_shown_at_once() {
        let english = "A text only this test translates";
        assert_eq!(text_in(Lang::Es, english), english);
        replace_level_texts(Lang::Es, [(english.to_string(), "Uno".to_string())]);
        assert_eq!(text_in(Lang::Es, english), "Uno");
        replace_level_texts(Lang::Es, [(english.to_string(), "Otro".to_string())]);
        assert_eq!(
            text_in(Lang::Es, english),
            "Otro",
            "not the one shown before"
        );
        assert_eq!(text_in(Lang::En, english), english);
    }

    #[test]
    fn a_model_text_has_an_id_fluent_accepts() {
        assert_eq!(
            model_id("Fatigue: overtime not yet recovered"),
            "model-fatigue-overtime-not-yet-recovered"
        );
        assert_eq!(
            model_id("Late work re-planned: what waits is agreed"),
            "model-late-work-re-planned-what-waits-is-agreed"
        );
    }

    #[test]
    fn a_level_text_without_a_translation_stays_in_english() {
        add_level_texts(
            Lang::Es,
            [("A test title".to_string(), "Un título".to_string())],
        );
        assert_eq!(text_in(Lang::Es, "A test title"), "Un título");
        assert_eq!(text_in(Lang::Es, "Nothing like it"), "Nothing like it");
    }
}
