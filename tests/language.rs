//! The game speaks the language the player chose, or the system's. Its own test binary:
//! the language in use is process-wide, and the other tests read English labels.
#![cfg(feature = "gui")]

mod common;

use bevy_egui::egui;
use common::app::{app, temp_dir};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use forest_and_trees::app::access::SystemLang;
use forest_and_trees::app::player_settings::PlayerSettings;
use forest_and_trees::i18n::{self, Lang};
use std::sync::{Mutex, MutexGuard};

/// The language in use is the process's: one test at a time changes it.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static LANG: Mutex<()> = Mutex::new(());
    LANG.lock().unwrap_or_else(|e| e.into_inner())
}

fn choose(app: &mut bevy::app::App, lang: Option<Lang>) {
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .language = lang;
    app.update();
}

#[test]
fn the_language_follows_the_settings_and_else_the_system() {
    let _one = one_at_a_time();
    let dir = temp_dir("language");
    let mut app = app(&dir);
    assert_eq!(i18n::lang(), Lang::En);
    choose(&mut app, Some(Lang::Es));
    assert_eq!(i18n::lang(), Lang::Es);
    assert_eq!(forest_and_trees::t!("back"), "Volver");
    // Back to the system's language, which here says Spanish.
    app.world_mut().insert_resource(SystemLang(Lang::Es));
    choose(&mut app, None);
    assert_eq!(i18n::lang(), Lang::Es);
    choose(&mut app, Some(Lang::En));
    assert_eq!(i18n::lang(), Lang::En);
    assert_eq!(forest_and_trees::t!("back"), "Back");

    // The week's plan drawn while Spanish is chosen speaks Spanish, numbers and all.
    choose(&mut app, Some(Lang::Es));
    let mut draft = sim::Plan::from_share(0.5, 40.0);
    draft.set(sim::Activity::FixProcesses, 0.0);
    let mut h = Harness::new_ui(|ui: &mut egui::Ui| {
        forest_and_trees::app::ui::plan::show(ui, &draft, 40.0, &[], 0, None);
    });
    h.run();
    assert!(h.query_by_label("Tu atención esta semana").is_some());
    assert!(
        h.query_by_label_contains("36 de 40 h planificadas · quedan 4 h")
            .is_some()
    );
    assert!(h.query_by_label("Todo bosque").is_some());
    assert!(h.query_by_label_contains("planned").is_none());
    choose(&mut app, Some(Lang::En));
}

/// A decision card as a level writes it, in English, with a Spanish translation of its
/// texts registered as a level's translation file would register them.
fn translated_card() -> sim::DilemmaSpec {
    let src = r#"(id: "gate", title: "Gate", briefing: "", role: Frontline, weeks: 4, budget: 40.0,
        team: People([(name: "A", skill: 0.6, morale: 0.6, trust: 0.5, alignment: 0.5, autonomy: 0.3)]),
        goals: [(id: "g", title: "G", target: 4.0)],
        work: [Stream(title: "w", goal: "g", effort: 0.5, from: 1, to: 4)],
        dilemmas: [(id: "crowd", title: "A crowd at the site gate",
            text: "Neighbours block the trucks over the noise.", week: 1,
            choices: [
                (id: "talk", label: "Talk to them yourself", hint: "Trust up, a morning gone", effects: []),
                (id: "wait", label: "Let the police handle it", hint: "Trust down, no hours lost", effects: []),
            ],
            default: 1)])"#;
    let level = sim::Level::parse(src, "gate.ron").expect("the level parses");
    let card = level.dilemmas[0].clone();
    i18n::add_level_texts(
        Lang::Es,
        [
            (
                "A crowd at the site gate",
                "Una multitud en la puerta de la obra",
            ),
            (
                "Neighbours block the trucks over the noise.",
                "Los vecinos bloquean los camiones por el ruido.",
            ),
            ("Talk to them yourself", "Habla tú con ellos"),
            (
                "Trust up, a morning gone",
                "Más confianza, una mañana perdida",
            ),
            (
                "Let the police handle it",
                "Deja que se encargue la policía",
            ),
            (
                "Trust down, no hours lost",
                "Menos confianza, ninguna hora perdida",
            ),
        ]
        .map(|(en, es)| (en.to_string(), es.to_string())),
    );
    card
}

/// What a level and the model say is drawn in the language in use: a decision card in the
/// level's Spanish, the hours a choice took off the week, the activities of the plan and
/// the causes of a metric in the model's Spanish; none of it in English.
#[test]
fn level_and_model_texts_are_drawn_in_the_language_in_use() {
    use forest_and_trees::app::keys;
    use forest_and_trees::app::ui::hud::Metric;
    use forest_and_trees::app::ui::{causes, dilemma, plan};
    let _one = one_at_a_time();
    let card = translated_card();
    i18n::set_lang(Lang::Es);

    let mut h = Harness::new_ui(|ui: &mut egui::Ui| {
        dilemma::show(ui.ctx(), &card, None, dilemma::Foresight::Hints);
    });
    h.run();
    for shown in [
        "Una multitud en la puerta de la obra",
        "Los vecinos bloquean los camiones por el ruido.",
        "1. Habla tú con ellos",
        "2. Deja que se encargue la policía",
        "Probable: Más confianza, una mañana perdida",
    ] {
        assert!(h.query_by_label(shown).is_some(), "{shown} not shown");
    }
    for english in [
        "A crowd",
        "Neighbours",
        "Talk to them",
        "police",
        "Trust up",
    ] {
        assert!(
            h.query_by_label_contains(english).is_none(),
            "{english} shown in English"
        );
    }

    // The hours the choice took off the week: the model's "Choice: …" around the level's
    // label; each activity named in Spanish, for the eye and for a screen reader.
    let draft = sim::Plan::from_share(0.5, 30.0);
    let taken = vec![("Choice: Talk to them yourself".to_string(), 4.0)];
    let mut h = Harness::new_ui(|ui: &mut egui::Ui| {
        plan::show(ui, &draft, 30.0, &taken, 0, None);
    });
    h.run();
    assert!(
        h.query_by_label_contains("Esta semana: −4 h Decisión: Habla tú con ellos")
            .is_some()
    );
    assert!(h.query_by_label_contains("Choice").is_none());
    let vision = sim::Activity::ShareVision.label();
    let visión = i18n::text(vision);
    assert_ne!(visión, vision, "the model's Spanish names the activity");
    assert!(
        h.query_by_role_and_label(egui::accesskit::Role::Slider, &visión)
            .is_some()
    );
    assert!(h.query_by_label_contains(vision).is_none());

    // The causes of morale, as the model names them, in the model's Spanish.
    let level = common::level("first-week");
    let weeks = sim::run::run_constant(&level, 2, 0.4).state.history;
    let mut c = Harness::new_ui(|ui: &mut egui::Ui| causes::show(ui, Metric::Morale, &weeks));
    c.run();
    let mut this_week = causes::of_week(Metric::Morale, weeks.last().unwrap());
    this_week.sort_by(|a, b| b.amount.abs().total_cmp(&a.amount.abs()));
    let mut translated = 0;
    for cause in this_week
        .iter()
        .filter(|c| c.amount.abs() >= 0.0005)
        .take(8)
    {
        let spanish = i18n::text(&cause.label);
        assert!(
            c.query_all_by_label(&spanish).next().is_some(),
            "{spanish} not shown"
        );
        if spanish != cause.label {
            translated += 1;
            assert!(
                c.query_all_by_label(&cause.label).next().is_none(),
                "{} shown in English",
                cause.label
            );
        }
    }
    assert!(translated > 0, "no cause of morale has a Spanish name");

    // And the keys, as each screen's hint line names them.
    assert!(keys::hint(&keys::title::ALL).contains("Enter: jugar · J: unirse a una clase"));
    i18n::set_lang(Lang::En);
}
