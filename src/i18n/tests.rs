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

#[test]
fn a_model_text_shows_in_spanish_and_stays_itself_in_english() {
    for english in [
        "Fatigue: overtime not yet recovered",
        "Share the vision",
        "Frontline supervisor",
        "Difficulty",
    ] {
        assert_eq!(text_in(Lang::En, english), english);
        assert_ne!(text_in(Lang::Es, english), english);
    }
    assert_eq!(
        text_in(Lang::Es, "Fatigue: overtime not yet recovered"),
        "Cansancio: horas extra aún sin recuperar"
    );
}

#[test]
fn a_cause_in_lower_case_inside_another_is_translated_and_lower_cased_again() {
    let cases = [
        (
            "On time: fatigue from overtime",
            "A tiempo: cansancio por horas extra",
        ),
        (
            "On time: settling toward recent weeks",
            "A tiempo: ajuste hacia las últimas semanas",
        ),
        ("Quality: stress", "Calidad: estrés"),
        (
            "Quality: details neglected: unclear tasks",
            "Calidad: detalles descuidados: tareas poco claras",
        ),
        (
            "Delivery: On time: low morale",
            "Entrega: A tiempo: moral baja",
        ),
        ("Morale: Micromanagement", "Moral: Microgestión"),
    ];
    for (english, spanish) in cases {
        assert_eq!(text_in(Lang::En, english), english);
        assert_eq!(text_in(Lang::Es, english), spanish);
    }
}

#[test]
fn texts_the_model_builds_from_level_texts_translate_both_parts() {
    add_level_texts(
        Lang::Es,
        [
            ("A pattern test event".to_string(), "Un suceso".to_string()),
            ("A pattern test stream".to_string(), "Un flujo".to_string()),
            (
                "A pattern test choice".to_string(),
                "Una opción".to_string(),
            ),
        ],
    );
    let cases = [
        ("Event: A pattern test event", "Evento: Un suceso"),
        ("Choice: A pattern test choice", "Decisión: Una opción"),
        ("A pattern test stream (week 12)", "Un flujo (semana 12)"),
        (
            "Morale: Event: A pattern test event",
            "Moral: Evento: Un suceso",
        ),
        // A text no translation names keeps its words in the translated frame.
        ("Event: The CEO visits", "Evento: The CEO visits"),
        (
            "Status reports for your manager",
            "Informes de estado para tu responsable",
        ),
        ("Sandbox: Middle manager", "Zona libre: Mando intermedio"),
        ("Project milestone 2", "Hito 2 del proyecto"),
        ("Everyday work (week 3)", "Trabajo del día a día (semana 3)"),
    ];
    for (english, spanish) in cases {
        assert_eq!(text_in(Lang::En, english), english);
        assert_eq!(text_in(Lang::Es, english), spanish);
    }
}

#[test]
fn the_final_summary_keeps_its_numbers_in_every_language() {
    let english = "on time 81% · quality 77% · goals 64% · morale 58% · trust 61% · alignment 49% · retention 99.5%";
    assert_eq!(text_in(Lang::En, english), english);
    assert_eq!(
        text_in(Lang::Es, english),
        "a tiempo 81% · calidad 77% · objetivos 64% · moral 58% · confianza 61% · alineación 49% · retención 99.5%"
    );
    // A line that only looks like it stays as it is.
    let odd = "on time soon · quality 77%";
    assert_eq!(text_in(Lang::Es, odd), odd);
}

#[test]
fn a_text_that_repeats_a_start_stops_without_recursing_far() {
    let title = "Event: ".repeat(10_000) + "end";
    let shown = text_in(Lang::Es, &title);
    assert!(shown.starts_with("Evento: Evento: "), "{}", &shown[..40]);
    assert!(shown.ends_with("end"));
    let parts = model_parts("Delivery: On time: something new");
    assert_eq!(
        parts.ids,
        ["model-pattern-on-time", "model-pattern-delivery"]
    );
    assert_eq!(parts.unknown, ["something new"]);
}
