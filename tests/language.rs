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

fn choose(app: &mut bevy::app::App, lang: Option<Lang>) {
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .language = lang;
    app.update();
}

#[test]
fn the_language_follows_the_settings_and_else_the_system() {
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
