//! Every sentence the game shows, in each language it speaks: Fluent files under
//! `locales/<language>/`, built into the binary (so a web build carries them too). Code
//! asks for a message by id, `t!("title-play")` or `t!("plan-left", hours = left)`; the
//! language is the player's choice in Settings or, by default, the system's.
//!
//! A message missing in the language in use falls back to English, and one missing in
//! English shows its id: a gap shows on screen and in the tests, never as a crash.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

pub mod level;
#[cfg(test)]
mod tests;
mod text;

pub use text::{ModelParts, add_level_texts, model_id, model_parts, text, text_in};

/// A language the game speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code, as Fluent and the system's locale write it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// The language's name in itself, so a player who cannot read the current one finds
    /// their own in the list.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// The language of a locale such as `es-MX`, `es_ES.UTF-8` or `en-GB`; `None` for one
    /// the game does not speak.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The system's language if the game speaks it, else English.
    pub fn of_system() -> Lang {
        sys_locale::get_locales()
            .find_map(|l| Lang::from_locale(&l))
            .unwrap_or_default()
    }

    /// The Fluent sources of this language: (file name, text).
    pub fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::Es => ES,
        }
    }
}

macro_rules! sources {
    ($lang:literal: $($file:literal),+) => {
        &[$(($file, include_str!(concat!("../../locales/", $lang, "/", $file)))),+]
    };
}

/// One file per part of the game, the same files in every language.
const EN: &[(&str, &str)] = sources!("en": "common.ftl", "screens.ftl", "play.ftl", "ui.ftl", "keys.ftl", "class.ftl", "model.ftl");
const ES: &[(&str, &str)] = sources!("es": "common.ftl", "screens.ftl", "play.ftl", "ui.ftl", "keys.ftl", "class.ftl", "model.ftl");

/// The messages of one language, built once.
fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks around each value would show as boxes in egui's fonts.
    bundle.set_use_isolating(false);
    for (_, text) in lang.sources() {
        // A file with a syntax error still gives its good messages; the tests name the
        // error's line.
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        // A repeated id keeps its first message; the tests refuse repeats.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

static BUNDLES: LazyLock<Vec<FluentBundle<FluentResource>>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(bundle).collect());

/// The language in use: set from the player's settings before a frame's UI is drawn.
static CURRENT: AtomicU8 = AtomicU8::new(0);

pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

pub fn lang() -> Lang {
    Lang::ALL
        .get(CURRENT.load(Ordering::Relaxed) as usize)
        .copied()
        .unwrap_or_default()
}

/// The message `id` in `lang`, with `args`; English when `lang` lacks it, the id itself
/// when English does too.
pub fn message_in(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for l in [lang, Lang::En] {
        let bundle = &BUNDLES[l as usize];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// Whether `lang` has a message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    BUNDLES[lang as usize].has_message(id)
}

/// The ids of every message of `lang`, in order.
pub fn ids(lang: Lang) -> std::collections::BTreeSet<String> {
    lang.sources()
        .iter()
        .filter_map(|(_, text)| FluentResource::try_new(text.to_string()).ok())
        .flat_map(|r| {
            r.entries()
                .filter_map(|e| match e {
                    fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                    _ => None,
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The message `id` in the language in use.
pub fn tr(id: &str) -> String {
    message_in(lang(), id, None)
}

/// The message `id` with arguments, in the language in use.
pub fn tr_with(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let mut a = FluentArgs::with_capacity(args.len());
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    message_in(lang(), id, Some(&a))
}

/// A number or text as a message's argument. Numbers stay numbers, so Fluent picks the
/// plural form (`one`, `other`) of the language in use.
pub fn arg<'a>(v: impl Into<FluentValue<'a>>) -> FluentValue<'a> {
    v.into()
}

/// `t!("id")` or `t!("id", name = value, …)`: the message in the language in use.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_with($id, &[$((stringify!($name), $crate::i18n::arg($value))),+])
    };
}
