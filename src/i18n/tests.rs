use super::*;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};

/// Line and column (from 1) of a byte offset.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The variables a pattern uses, with those of every variant of a selection.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_variables(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
        }
        _ => {}
    }
}

/// Every message of a language: id → (file, variables). Fails on a syntax error (with its
/// line:column) and on an id given twice.
fn messages(lang: Lang) -> BTreeMap<String, (&'static str, BTreeSet<String>)> {
    let mut all = BTreeMap::new();
    for (file, text) in lang.sources() {
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errors)| {
            let e = &errors[0];
            let (line, col) = position(text, e.pos.start);
            panic!("locales/{}/{file}:{line}:{col}: {}", lang.code(), e.kind)
        });
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(v) = &m.value {
                    variables(v, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    all.insert(id.clone(), (*file, vars)).is_none(),
                    "locales/{}: `{id}` is given twice",
                    lang.code()
                );
            }
        }
    }
    all
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    let english = messages(Lang::En);
    assert!(english.len() > 10, "the English messages were not found");
    for lang in Lang::ALL {
        let other = messages(lang);
        let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{}: missing {missing:?}, not in English {extra:?}",
            lang.code()
        );
        for (id, (file, vars)) in &english {
            let (their_file, their_vars) = &other[id];
            assert_eq!(
                file,
                their_file,
                "{}: `{id}` is in another file",
                lang.code()
            );
            assert_eq!(
                vars,
                their_vars,
                "{}: `{id}` takes other arguments than in English",
                lang.code()
            );
        }
    }
}

#[test]
fn a_message_is_shown_in_the_language_chosen_and_english_fills_a_gap() {
    assert_eq!(message_in(Lang::En, "back", None), "Back");
    assert_eq!(message_in(Lang::Es, "back", None), "Volver");
    // An id nobody wrote shows as itself, not as a crash or an empty label.
    assert_eq!(
        message_in(Lang::Es, "no-such-message", None),
        "no-such-message"
    );
}

#[test]
fn arguments_are_placed_without_invisible_marks() {
    let mut args = FluentArgs::new();
    args.set("path", "/tmp/x");
    let shown = message_in(Lang::En, "settings-saved-in", Some(&args));
    assert_eq!(shown, "Saved in /tmp/x");
}

#[test]
fn the_system_locale_picks_a_language_the_game_speaks() {
    assert_eq!(Lang::from_locale("es_ES.UTF-8"), Some(Lang::Es));
    assert_eq!(Lang::from_locale("es-MX"), Some(Lang::Es));
    assert_eq!(Lang::from_locale("en-GB"), Some(Lang::En));
    assert_eq!(Lang::from_locale("C"), None);
    assert_eq!(Lang::from_locale("fr-FR"), None);
}
