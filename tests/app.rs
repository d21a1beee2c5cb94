//! Bevy app tests on `MinimalPlugins`: the game's plugins without a window.
#![cfg(feature = "gui")]

mod common;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use forest_and_trees::app::GamePlugin;
use forest_and_trees::app::screens::Screen;
use forest_and_trees::app::screens::title::Catalog;

fn app() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, GamePlugin));
    app
}

#[test]
fn the_game_starts_on_the_title_screen_with_every_shipped_level() {
    let mut app = app();
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
    let catalog = app.world().resource::<Catalog>();
    assert_eq!(catalog.entries.len(), common::shipped().len());
    for e in &catalog.entries {
        assert!(
            e.level.is_ok(),
            "{} did not load: {:?}",
            e.path.display(),
            e.level.as_ref().err()
        );
    }
}

#[test]
fn a_broken_level_file_is_listed_with_its_errors_not_dropped() {
    let dir = std::env::temp_dir().join(format!("ft-catalog-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        common::levels_dir().join("first-week.ron"),
        dir.join("a.ron"),
    )
    .unwrap();
    std::fs::write(dir.join("b.ron"), "(id: \"b\", weeks: 3").unwrap();
    let entries = forest_and_trees::catalog::load_dir(&dir);
    assert_eq!(entries.len(), 2);
    assert!(entries[0].level.is_ok());
    let errors = entries[1].level.as_ref().expect_err("b.ron is broken");
    assert!(errors[0].to_string().contains("b.ron:1:"), "{errors:?}");
    std::fs::remove_dir_all(&dir).ok();
}
