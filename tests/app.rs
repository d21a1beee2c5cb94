//! Bevy app tests on `MinimalPlugins`: the game's plugins and messages without a window.
#![cfg(feature = "gui")]

mod common;

use common::app::{answer_cards, app, join_class, session, temp_dir};

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use forest_and_trees::app::GamePlugin;
use forest_and_trees::app::player_settings::PlayerSettings;
use forest_and_trees::app::screens::play::{Overlay, PlayUi};
use forest_and_trees::app::screens::title::Continue;
use forest_and_trees::app::screens::{Catalog, Screen};
use forest_and_trees::app::session::{Command, SaveDir, Session};
use forest_and_trees::store::save;
use forest_and_trees::store::settings::{Settings, Speed};
use sim::{Activity, Decision, Plan, Sim};

fn go(app: &mut App, screen: Screen) {
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(screen);
    app.update();
    assert_eq!(*app.world().resource::<State<Screen>>().get(), screen);
}

fn start(app: &mut App, level: &str, seed: u64) {
    let level = common::level(level);
    let mut session = Session::new(level, seed);
    let dir = app.world().resource::<SaveDir>().clone();
    session.autosave = Some(dir.autosave(&session.sim.level.id));
    app.world_mut().insert_resource(session);
    go(app, Screen::Play);
}

/// The one result file a finished class run wrote into the results folder of `dir`.
fn the_result(dir: &std::path::Path) -> forest_and_trees::class::results::ResultFile {
    let results: Vec<_> = std::fs::read_dir(dir.join("results"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(results.len(), 1, "{results:?}");
    forest_and_trees::class::results::ResultFile::load(&results[0]).unwrap()
}

fn send(app: &mut App, c: Command) {
    app.world_mut().write_message(c);
    app.update();
}

/// Ends every remaining week; dilemmas block a week until answered, so each card gets
/// its first choice.
fn play_to_end(app: &mut App) {
    while !session(app).sim.is_finished() {
        answer_cards(app);
        send(app, Command::EndWeek);
    }
}

#[test]
fn the_game_starts_on_the_title_with_every_shipped_level() {
    let dir = temp_dir("title");
    let app = app(&dir);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
    let catalog = app.world().resource::<Catalog>();
    assert_eq!(catalog.entries.len(), common::shipped().len());
    assert!(catalog.entries.iter().all(|e| e.level.is_ok()));
    assert!(
        app.world().resource::<Continue>().session.is_none(),
        "no save yet, nothing to continue"
    );
}

#[test]
fn screens_follow_title_select_briefing_play_debrief() {
    let dir = temp_dir("flow");
    let mut app = app(&dir);
    go(&mut app, Screen::LevelSelect);
    go(&mut app, Screen::Briefing);
    start(&mut app, "the-promotion", 3);
    play_to_end(&mut app);
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Debrief
    );
    assert!(session(&app).sim.is_finished());
}

#[test]
fn a_week_played_through_messages_equals_the_model_run_directly() {
    let dir = temp_dir("messages");
    let mut app = app(&dir);
    start(&mut app, "first-week", 8);
    send(&mut app, Command::SetShare(0.3));
    send(&mut app, Command::SetHours(Activity::DoTheWork, 4.0));
    send(&mut app, Command::EndWeek);
    send(&mut app, Command::KeepLastPlan);
    send(&mut app, Command::EndWeek);

    let mut plan = Plan::from_share(0.3, 40.0);
    plan.set(Activity::DoTheWork, 0.0);
    let mut direct = Sim::new(common::level("first-week"), 8);
    // The budget was full, so the extra hours on doing the work were cut to what fits.
    let d = Decision {
        plan,
        ..Decision::default()
    };
    direct.step(&d).unwrap();
    direct.step(&d).unwrap();
    assert_eq!(session(&app).sim.state, direct.state);
}

#[test]
fn the_budget_cannot_be_exceeded() {
    let dir = temp_dir("budget");
    let mut app = app(&dir);
    start(&mut app, "first-week", 1);
    send(&mut app, Command::SetShare(0.5));
    send(&mut app, Command::SetHours(Activity::ShareVision, 100.0));
    let s = session(&app);
    assert!(
        s.draft.total() <= s.sim.budget() + 1e-9,
        "{} > {}",
        s.draft.total(),
        s.sim.budget()
    );
    send(&mut app, Command::SetHours(Activity::PlanWork, 0.0));
    send(&mut app, Command::SetHours(Activity::ShareVision, 100.0));
    let s = session(&app);
    assert!(
        (s.draft.total() - s.sim.budget()).abs() < 1e-9,
        "freed hours can be used, no more"
    );
}

#[test]
fn a_dilemma_blocks_the_week_until_chosen_and_the_choice_is_recorded() {
    let dir = temp_dir("dilemma");
    let mut app = app(&dir);
    start(&mut app, "the-promotion", 2);
    for _ in 0..3 {
        send(&mut app, Command::EndWeek);
    }
    // Week 4 has "the hard bug".
    assert_eq!(session(&app).open_dilemmas().len(), 1);
    send(&mut app, Command::EndWeek);
    assert_eq!(
        session(&app).sim.state.week,
        3,
        "ending the week waits for the choice"
    );
    send(
        &mut app,
        Command::Choose {
            dilemma: "the-hard-bug".into(),
            choice: "nonsense".into(),
        },
    );
    assert_eq!(
        session(&app).open_dilemmas().len(),
        1,
        "an unknown choice is ignored"
    );
    send(
        &mut app,
        Command::Choose {
            dilemma: "the-hard-bug".into(),
            choice: "fix-it".into(),
        },
    );
    send(&mut app, Command::EndWeek);
    let s = session(&app);
    assert_eq!(s.sim.state.week, 4);
    assert_eq!(
        s.sim.state.history[3].choices,
        vec![("the-hard-bug".to_string(), "fix-it".to_string())]
    );
    assert_eq!(
        s.decisions[3]
            .choices
            .get("the-hard-bug")
            .map(String::as_str),
        Some("fix-it")
    );
}

#[test]
fn the_autosave_resumes_an_identical_run_from_the_title() {
    let dir = temp_dir("resume");
    let mut first = app(&dir);
    start(&mut first, "the-sandwich", 5);
    send(&mut first, Command::SetShare(0.6));
    for _ in 0..3 {
        send(&mut first, Command::EndWeek);
    }
    let played = session(&first).clone();

    // A new game on the same machine offers to continue, at the same state.
    let mut second = app(&dir);
    let found = second
        .world()
        .resource::<Continue>()
        .session
        .clone()
        .expect("an autosave to continue");
    assert_eq!(found.sim.state, played.sim.state);
    // And both continue identically.
    second.world_mut().insert_resource(found);
    go(&mut second, Screen::Play);
    send(&mut first, Command::EndWeek);
    send(&mut second, Command::EndWeek);
    assert_eq!(session(&first).sim.state, session(&second).sim.state);
}

#[test]
fn a_corrupt_autosave_is_refused_and_kept_aside() {
    let dir = temp_dir("corrupt");
    let slot = SaveDir(dir.to_path_buf()).autosave("first-week");
    std::fs::create_dir_all(slot.parent().unwrap()).unwrap();
    std::fs::write(&slot, "(format_version: 1, level_id: \"first-week\", oops").unwrap();
    let app = app(&dir);
    let found = app.world().resource::<Continue>();
    assert!(found.session.is_none());
    let problem = found.problem.clone().expect("the player is told");
    assert!(problem.contains("damaged"), "{problem}");
    assert!(!slot.exists());
    assert!(
        slot.with_file_name("first-week.autosave.ron.corrupt")
            .exists(),
        "kept aside, not deleted"
    );
    assert!(save::load(&slot).is_err());
}

#[test]
fn in_continuous_mode_weeks_pass_on_their_own_and_wait_for_decisions() {
    let dir = temp_dir("continuous");
    let mut app = app(&dir);
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(250),
    ));
    start(&mut app, "the-promotion", 4);
    app.world_mut().resource_mut::<PlayUi>().speed = Speed::Fastest;
    // Three seconds a week at 4x; frames of a quarter second (Bevy's largest step):
    // forty frames are a little over three weeks.
    for _ in 0..40 {
        app.update();
    }
    assert_eq!(
        session(&app).sim.state.week,
        3,
        "week 4 holds a decision: the clock waits for it"
    );
    assert_eq!(session(&app).open_dilemmas().len(), 1);
    send(
        &mut app,
        Command::Choose {
            dilemma: "the-hard-bug".into(),
            choice: "pair".into(),
        },
    );
    for _ in 0..14 {
        app.update();
    }
    assert_eq!(session(&app).sim.state.week, 4);
}

#[test]
fn a_player_who_needs_more_time_gets_twice_as_long_a_continuous_week() {
    let dir = temp_dir("more-time");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.insert_resource(SaveDir(dir.to_path_buf()));
    app.insert_resource(PlayerSettings::in_memory(Settings {
        default_speed: Speed::Fastest,
        time_scale: 2.0,
        ..Settings::default()
    }));
    app.add_plugins(GamePlugin);
    app.finish();
    app.cleanup();
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(250),
    ));
    app.update();
    start(&mut app, "crunch", 2);
    // Three seconds a week at 4x, doubled: 20 quarter-second frames are not yet a week.
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(session(&app).sim.state.week, 0, "6 s a week, 5 s gone");
    for _ in 0..6 {
        app.update();
    }
    assert_eq!(session(&app).sim.state.week, 1);
}

#[test]
fn reduced_motion_and_high_contrast_follow_the_settings() {
    use forest_and_trees::app::access::ReducedMotion;
    use forest_and_trees::app::ui::theme;
    use forest_and_trees::store::settings::Motion;
    let dir = temp_dir("motion");
    let mut app = app(&dir);
    app.update();
    assert_eq!(
        *app.world().resource::<ReducedMotion>(),
        ReducedMotion(false)
    );
    let mut s = app.world_mut().resource_mut::<PlayerSettings>();
    s.settings.motion = Motion::Reduced;
    app.update();
    assert_eq!(
        *app.world().resource::<ReducedMotion>(),
        ReducedMotion(true)
    );
    // The system's wish counts only while the player has not chosen.
    app.world_mut()
        .resource_mut::<forest_and_trees::app::access::SystemMotion>()
        .reduce = true;
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .motion = Motion::Full;
    app.update();
    assert_eq!(
        *app.world().resource::<ReducedMotion>(),
        ReducedMotion(false)
    );
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .motion = Motion::FollowSystem;
    app.update();
    assert_eq!(
        *app.world().resource::<ReducedMotion>(),
        ReducedMotion(true)
    );
    // High contrast repaints the window's ground black, and back. (The palette the panels
    // draw with is process-wide, and other tests here change it: the ground is asserted.)
    let ground = |app: &App| app.world().resource::<ClearColor>().0;
    let srgb = |c: bevy_egui::egui::Color32| Color::srgb_u8(c.r(), c.g(), c.b());
    app.insert_resource(ClearColor(Color::WHITE));
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .high_contrast = true;
    app.update();
    assert_eq!(ground(&app), srgb(theme::HIGH_CONTRAST.background));
    app.world_mut()
        .resource_mut::<PlayerSettings>()
        .settings
        .high_contrast = false;
    app.update();
    assert_eq!(ground(&app), srgb(theme::STANDARD.background));
}

#[test]
fn the_default_speed_comes_from_the_settings() {
    let dir = temp_dir("speed");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.insert_resource(SaveDir(dir.to_path_buf()));
    app.insert_resource(PlayerSettings::in_memory(Settings {
        default_speed: Speed::Fast,
        ..Settings::default()
    }));
    app.add_plugins(GamePlugin);
    // `App::run` would finish the plugins (the LAN messages are built then).
    app.finish();
    app.cleanup();
    app.update();
    start(&mut app, "first-week", 1);
    assert_eq!(app.world().resource::<PlayUi>().speed, Speed::Fast);
}

#[test]
fn a_saved_copy_is_listed_and_loads_into_the_same_run() {
    use forest_and_trees::app::screens::load;
    let dir = temp_dir("copy");
    let mut app = app(&dir);
    start(&mut app, "first-week", 6);
    send(&mut app, Command::EndWeek);
    send(&mut app, Command::EndWeek);
    send(&mut app, Command::SaveCopy);
    let notice = session(&app)
        .notice
        .as_ref()
        .expect("the player is told where")
        .to_string();
    assert!(notice.contains("first-week-week3-1.ron"), "{notice}");
    std::fs::write(dir.join("saves/broken.ron"), "(format_version: 1, level_").unwrap();

    let catalog = app.world().resource::<Catalog>();
    let slots = load::list(&SaveDir(dir.to_path_buf()), catalog);
    let copy = slots
        .iter()
        .find(|s| s.path.ends_with("first-week-week3-1.ron"))
        .expect("listed");
    assert!(
        copy.summary
            .as_ref()
            .unwrap()
            .contains("after week 2 of 12")
    );
    let broken = slots
        .iter()
        .find(|s| s.path.ends_with("broken.ron"))
        .expect("listed");
    assert!(broken.summary.is_err(), "a damaged save is named as such");

    let loaded = load::open(&copy.path, catalog).expect("loads");
    assert_eq!(loaded.sim.state, session(&app).sim.state);
    let err = load::open(&broken.path, catalog).err().unwrap();
    assert!(err.to_string().contains("damaged"), "{err}");
    assert!(
        dir.join("saves/broken.ron.corrupt").exists(),
        "kept aside, not deleted"
    );
}

#[test]
fn levels_from_the_command_line_and_the_players_folder_are_offered_too() {
    let dir = temp_dir("own-levels");
    std::fs::create_dir_all(dir.join("levels")).unwrap();
    let mine = std::fs::read_to_string(common::levels_dir().join("first-week.ron"))
        .unwrap()
        .replace("\"first-week\"", "\"my-week\"");
    std::fs::write(dir.join("levels/my-week.ron"), mine).unwrap();
    let opened = dir.join("opened.ron");
    std::fs::write(&opened, "(id: \"broken\", weeks: 3").unwrap();

    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    app.insert_resource(SaveDir(dir.to_path_buf()));
    app.insert_resource(PlayerSettings::in_memory(Settings::default()));
    app.insert_resource(forest_and_trees::app::screens::ExtraLevels(vec![
        opened.clone(),
    ]));
    app.add_plugins(GamePlugin);
    // `App::run` would finish the plugins (the LAN messages are built then).
    app.finish();
    app.cleanup();
    app.update();
    let catalog = app.world().resource::<Catalog>();
    use forest_and_trees::catalog::Source;
    assert_eq!(catalog.entries.len(), common::shipped().len() + 2);
    // The file named on the command line comes first, with its errors, not dropped.
    assert_eq!(catalog.entries[0].source, Source::CommandLine);
    assert!(catalog.entries[0].level.is_err());
    let own = catalog
        .entries
        .iter()
        .find(|e| e.source == Source::User)
        .expect("the player's level");
    assert_eq!(own.level.as_ref().unwrap().id, "my-week");
}

#[test]
fn a_finished_run_is_not_offered_to_continue() {
    let dir = temp_dir("finished");
    let mut first = app(&dir);
    start(&mut first, "the-promotion", 3);
    play_to_end(&mut first);
    assert!(session(&first).sim.is_finished());
    let second = app(&dir);
    let found = second.world().resource::<Continue>();
    assert!(found.session.is_none());
    assert!(found.problem.is_none(), "{:?}", found.problem);
}

#[test]
fn later_chapters_open_as_earlier_ones_earn_a_star_and_the_best_is_kept() {
    use forest_and_trees::app::screens::CampaignProgress;
    let dir = temp_dir("campaign");
    let mut app = app(&dir);
    let index = |app: &App, id: &str| {
        app.world()
            .resource::<Catalog>()
            .entries
            .iter()
            .position(|e| e.level.as_ref().is_ok_and(|l| l.id == id))
            .unwrap()
    };
    let open = |app: &App, id: &str| {
        let catalog = app.world().resource::<Catalog>();
        let progress = &app.world().resource::<CampaignProgress>().progress;
        catalog.is_unlocked(index(app, id), progress, false)
    };
    assert!(open(&app, "first-week"));
    assert!(!open(&app, "the-promotion"), "chapter 2 starts locked");
    start(&mut app, "first-week", 4);
    play_to_end(&mut app);
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Debrief
    );
    let score = session(&app).sim.final_result().outcome;
    let stars = common::level("first-week").stars.unwrap().earned(score);
    let record = *app
        .world()
        .resource::<CampaignProgress>()
        .progress
        .get("first-week")
        .expect("the finished run is recorded");
    assert_eq!(
        (record.best_score, record.best_stars, record.plays),
        (score, stars, 1)
    );
    assert_eq!(open(&app, "the-promotion"), stars >= 1, "score {score:.1}");
    // The record is on disk: a new start of the game sees it.
    let again = self::app(&dir);
    let kept = again
        .world()
        .resource::<CampaignProgress>()
        .progress
        .get("first-week")
        .copied();
    assert_eq!(kept, Some(record));
    // Facilitators can open every level.
    let catalog = app.world().resource::<Catalog>();
    let fresh = forest_and_trees::store::progress::Progress::default();
    assert!(catalog.is_unlocked(index(&app, "values-under-pressure"), &fresh, true));
}

#[test]
fn a_run_at_hard_has_fewer_hours_and_resumes_at_hard() {
    use forest_and_trees::app::screens::briefing::RunDifficulty;
    use forest_and_trees::app::screens::title::Continue;
    use sim::Difficulty;
    let dir = temp_dir("hard");
    let mut app = app(&dir);
    go(&mut app, Screen::LevelSelect);
    go(&mut app, Screen::Briefing);
    assert_eq!(
        app.world().resource::<RunDifficulty>().0,
        Difficulty::Normal
    );
    {
        let level = app
            .world()
            .resource::<Catalog>()
            .selected_level()
            .unwrap()
            .clone();
        let dir = app.world().resource::<SaveDir>().clone();
        let mut commands = app.world_mut().commands();
        forest_and_trees::app::screens::briefing::start(
            &mut commands,
            &dir,
            &level,
            Difficulty::Hard,
            8,
        );
    }
    go(&mut app, Screen::Play);
    let normal_budget = common::level("first-week").budget;
    assert!((session(&app).sim.budget() - 0.9 * normal_budget).abs() < 1e-9);
    send(&mut app, Command::EndWeek);
    send(&mut app, Command::EndWeek);
    let state = session(&app).sim.state.clone();
    let resumed = self::app(&dir);
    let found = resumed.world().resource::<Continue>();
    let s = found.session.as_ref().expect("the autosave is offered");
    assert_eq!(s.sim.level.difficulty, Difficulty::Hard);
    assert_eq!(s.sim.state, state);
}

#[test]
fn the_sandbox_plays_a_level_made_from_the_choices_without_saving() {
    use forest_and_trees::app::screens::sandbox::{self, SandboxChoices};
    use sim::Role;
    let dir = temp_dir("sandbox");
    let mut app = app(&dir);
    go(&mut app, Screen::Sandbox);
    let mut choices = SandboxChoices::default();
    choices.spec.role = Role::MiddleManager;
    choices.spec.team_size = 30;
    choices.seed = 12;
    {
        let mut commands = app.world_mut().commands();
        sandbox::start(&mut commands, &choices);
    }
    go(&mut app, Screen::Play);
    assert_eq!(session(&app).sim.level.role, Role::MiddleManager);
    assert!(session(&app).sim.level.team_size() >= 20);
    play_to_end(&mut app);
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Debrief
    );
    assert!(!dir.join("saves").exists(), "sandbox runs are not saved");
    assert!(!dir.join("progress.ron").exists(), "nor scored");
}

#[test]
fn an_edited_level_reloads_and_a_broken_edit_keeps_the_last_good_version() {
    use forest_and_trees::app::reload::{Reload, check};
    let dir = temp_dir("reload");
    std::fs::create_dir_all(dir.join("levels")).unwrap();
    let path = dir.join("levels/mine.ron");
    let text = std::fs::read_to_string(common::levels_dir().join("crunch.ron"))
        .unwrap()
        .replace("\"crunch\"", "\"mine\"");
    std::fs::write(&path, &text).unwrap();
    let mut app = app(&dir);
    let mut reload = Reload::default();
    let title = |app: &App| {
        let c = app.world().resource::<Catalog>();
        let e = c.entries.iter().find(|e| e.path == path).unwrap();
        e.level.as_ref().map(|l| l.title.clone()).unwrap()
    };
    check(&mut app.world_mut().resource_mut::<Catalog>(), &mut reload);
    // File times can be coarse: make each edit visibly newer.
    let touch = |secs: u64| {
        let f = std::fs::File::options().write(true).open(&path).unwrap();
        f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(secs))
            .unwrap();
    };
    std::fs::write(
        &path,
        text.replace("title: \"Crunch\"", "title: \"Crunch, edited\""),
    )
    .unwrap();
    touch(10);
    let replaced = check(&mut app.world_mut().resource_mut::<Catalog>(), &mut reload);
    assert_eq!(replaced, vec!["Crunch, edited".to_string()]);
    assert_eq!(title(&app), "Crunch, edited");

    std::fs::write(&path, text.replace("weeks: 10,", "weeks: ten,")).unwrap();
    touch(20);
    check(&mut app.world_mut().resource_mut::<Catalog>(), &mut reload);
    assert_eq!(title(&app), "Crunch, edited", "the last good version stays");
    let (bad, errors) = &reload.errors[0];
    assert_eq!(bad, &path);
    let line = text.lines().position(|l| l.contains("weeks: 10,")).unwrap() + 1;
    assert_eq!(errors[0].line, line, "{:?}", errors[0]);
}

#[test]
fn every_campaign_level_plays_from_briefing_to_debrief_through_the_ui_messages() {
    let dir = temp_dir("every-level");
    let mut app = app(&dir);
    let ids: Vec<String> = app
        .world()
        .resource::<Catalog>()
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .filter(|l| l.chapter.is_some())
        .map(|l| l.id.clone())
        .collect();
    assert_eq!(ids.len(), 7, "{ids:?}");
    for id in ids {
        go(&mut app, Screen::LevelSelect);
        start(&mut app, &id, 2);
        play_to_end(&mut app);
        app.update();
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            Screen::Debrief,
            "{id}"
        );
        let fin = session(&app).sim.final_result();
        assert!((0.0..=100.0).contains(&fin.outcome), "{id}: {fin:?}");
    }
}

#[test]
fn teams_joining_with_one_code_play_the_same_run_and_leave_a_verified_result() {
    use forest_and_trees::app::screens::join::JoinForm;
    use forest_and_trees::class::ClassCode;
    use forest_and_trees::class::results::{Verdict, replay};
    use sim::Difficulty;
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Hard, 77).text();
    let mut finals = Vec::new();
    for team in ["North", "South"] {
        let dir = temp_dir(&format!("class-{team}"));
        let mut app = app(&dir);
        go(&mut app, Screen::Join);
        join_class(&mut app, &JoinForm::new(&code.to_lowercase(), team, ""));
        go(&mut app, Screen::Play);
        let s = session(&app);
        assert_eq!((s.sim.level.id.as_str(), s.sim.seed), ("crunch", 77));
        assert_eq!(s.sim.level.difficulty, Difficulty::Hard);
        play_to_end(&mut app);
        app.update();
        finals.push(session(&app).sim.state.clone());
        // The finished class run wrote its result into the results folder.
        let file = the_result(&dir);
        assert_eq!(
            (file.team.as_str(), file.class_code.as_deref()),
            (team, Some(code.as_str()))
        );
        assert_eq!(replay(&file, &crunch), Verdict::Reproduced);
    }
    assert_eq!(finals[0], finals[1], "same code, same decisions, same run");
}

#[test]
fn an_event_announced_from_the_menu_happens_next_week_and_can_be_taken_back() {
    let dir = temp_dir("inject");
    let mut app = app(&dir);
    start(&mut app, "crunch", 11);
    send(&mut app, Command::Inject("press".into()));
    send(&mut app, Command::Inject("thanks".into()));
    send(&mut app, Command::Inject("press".into()));
    send(&mut app, Command::Inject("no-such-event".into()));
    assert_eq!(session(&app).inject, vec!["thanks".to_string()]);
    send(&mut app, Command::EndWeek);
    assert!(
        session(&app).inject.is_empty(),
        "announced once, for one week"
    );
    send(&mut app, Command::EndWeek);
    let week2 = &session(&app).sim.state.history[1];
    assert!(
        week2.events.iter().any(|e| e == "A nurse brings cake"),
        "{week2:?}"
    );
}

#[test]
fn join_offers_the_class_this_computer_last_joined() {
    use forest_and_trees::app::screens::join::JoinForm;
    use forest_and_trees::class::ClassCode;
    use sim::Difficulty;
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Normal, 5).text();
    let dir = temp_dir("last-join");
    let mut app = app(&dir);
    go(&mut app, Screen::Join);
    join_class(&mut app, &JoinForm::new(&code, " North ", "127.0.0.1"));
    app.update();
    let want = (
        code.clone(),
        "North".to_string(),
        "127.0.0.1:7878".to_string(),
    );
    let last = app
        .world()
        .resource::<PlayerSettings>()
        .settings
        .last_join
        .clone();
    let last = last.expect("the class is remembered");
    assert_eq!((last.code, last.team, last.host), want);
    // The game starts again after a crash: the empty form is filled in.
    *app.world_mut().resource_mut::<JoinForm>() = JoinForm::default();
    go(&mut app, Screen::Title);
    go(&mut app, Screen::Join);
    let form = app.world().resource::<JoinForm>().clone();
    assert_eq!((form.code, form.team, form.host), want);
}

#[test]
fn a_tutorial_card_is_answered_from_the_keyboard() {
    let dir = temp_dir("tutorial-keys");
    let mut app = app(&dir);
    start(&mut app, "first-week", 3);
    // A key goes down and up as the window would report it, through Bevy's input.
    let press = |app: &mut App, key: KeyCode| press_typed(app, key, None);
    // Week 1's card offers all forest: T sets the plan to it and closes the card.
    press(&mut app, KeyCode::KeyT);
    assert_eq!(app.world().resource::<PlayUi>().tutorial_closed, vec![0]);
    app.update();
    assert!((session(&app).draft.vision_share() - 1.0).abs() < 1e-9);
    // After the week, G closes the next card without touching the plan.
    send(&mut app, Command::EndWeek);
    let before = session(&app).draft;
    press(&mut app, KeyCode::KeyG);
    assert_eq!(app.world().resource::<PlayUi>().tutorial_closed, vec![0, 1]);
    app.update();
    assert_eq!(session(&app).draft, before);
}

/// A key as the window reports it: down, then up, through Bevy's input; `typed` is the
/// character the layout gives it.
fn press_typed(app: &mut App, key: KeyCode, typed: Option<&str>) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    for state in [ButtonState::Pressed, ButtonState::Released] {
        app.world_mut().write_message(KeyboardInput {
            key_code: key,
            logical_key: typed.map_or(Key::Unidentified(NativeKey::Unidentified), |t| {
                Key::Character(t.into())
            }),
            state,
            text: None,
            repeat: false,
            window: Entity::PLACEHOLDER,
        });
        app.update();
    }
}

#[test]
fn esc_closes_what_is_open_before_the_menu_and_help_answers_to_the_typed_question_mark() {
    let dir = temp_dir("escape-keys");
    let mut app = app(&dir);
    start(&mut app, "crunch", 3);
    // (charts, help, menu) open.
    let open = |app: &App| {
        let o = *app.world().resource::<State<Overlay>>().get();
        (o == Overlay::Charts, o == Overlay::Help, o.is_menu())
    };
    press_typed(&mut app, KeyCode::KeyP, None);
    assert_eq!(
        *app.world().resource::<State<Overlay>>().get(),
        Overlay::People,
        "P opens the team as a list"
    );
    press_typed(&mut app, KeyCode::Escape, None);
    assert_eq!(open(&app), (false, false, false), "Esc closes it, no menu");
    press_typed(&mut app, KeyCode::KeyC, None);
    assert_eq!(open(&app), (true, false, false), "C opens the charts");
    press_typed(&mut app, KeyCode::Escape, None);
    assert_eq!(
        open(&app),
        (false, false, false),
        "Esc closes them, no menu"
    );
    // "?" where a German keyboard has it (Shift and the key right of 0), not on Slash.
    press_typed(&mut app, KeyCode::Minus, Some("?"));
    assert_eq!(
        open(&app),
        (false, true, false),
        "the typed ? opens the keys"
    );
    press_typed(&mut app, KeyCode::Escape, None);
    assert_eq!(open(&app), (false, false, false));
    press_typed(&mut app, KeyCode::Escape, None);
    assert_eq!(
        open(&app),
        (false, false, true),
        "with nothing open, Esc opens the menu"
    );
}

#[test]
fn space_stops_the_clock_and_starts_it_again_at_the_speed_chosen() {
    use forest_and_trees::store::settings::Speed;
    let dir = temp_dir("space-speed");
    let mut app = app(&dir);
    start(&mut app, "crunch", 3);
    app.world_mut().resource_mut::<PlayUi>().speed = Speed::Fastest;
    press_typed(&mut app, KeyCode::Space, None);
    assert_eq!(app.world().resource::<PlayUi>().speed, Speed::Turns);
    press_typed(&mut app, KeyCode::Space, None);
    assert_eq!(app.world().resource::<PlayUi>().speed, Speed::Fastest);
}

#[test]
fn a_run_picked_up_again_does_not_show_the_guide_cards_of_weeks_already_played() {
    use forest_and_trees::app::ui::tutorial;
    let dir = temp_dir("guide-resume");
    let mut app = app(&dir);
    start(&mut app, "first-week", 3);
    let showing = |app: &App| {
        let s = session(app);
        let ui = app.world().resource::<PlayUi>();
        tutorial::current(
            &s.sim.level.tutorial,
            s.sim.next_week(),
            &ui.tutorial_closed,
        )
    };
    assert_eq!(showing(&app), Some(0), "a new run opens on the first card");
    for _ in 0..6 {
        answer_cards(&mut app);
        send(&mut app, Command::EndWeek);
    }
    // Week 7: the week-6 card is still up, unread.
    assert!(showing(&app).is_some());
    go(&mut app, Screen::Title);
    let resumed = session(&app).clone();
    app.world_mut().insert_resource(resumed);
    go(&mut app, Screen::Play);
    assert_eq!(showing(&app), None, "its week has passed");
}

#[test]
fn the_title_answers_to_every_key_its_hint_offers() {
    use forest_and_trees::app::keys::{hint, title};
    let dir = temp_dir("title-keys");
    for (binding, screen) in [
        (title::PLAY, Screen::LevelSelect),
        (title::JOIN, Screen::Join),
        (title::FACILITATE, Screen::Facilitate),
        (title::LOAD, Screen::Load),
        (title::SETTINGS, Screen::Settings),
    ] {
        let mut app = app(&dir);
        assert!(hint(&title::ALL[1..]).contains(&binding.name()));
        press_typed(&mut app, binding.keys[0], None);
        app.update();
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            screen,
            "{} on the title",
            binding.name()
        );
    }
    // C with no run to continue stays on the title; Esc quits.
    let mut app = app(&dir);
    press_typed(&mut app, title::CONTINUE.keys[0], None);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
    assert!(app.should_exit().is_none());
    press_typed(&mut app, title::QUIT.keys[0], None);
    assert!(app.should_exit().is_some(), "Esc on the title quits");
}

#[test]
fn the_play_keys_do_what_the_help_says() {
    use forest_and_trees::app::keys::play;
    let dir = temp_dir("play-keys");
    let mut app = app(&dir);
    start(&mut app, "crunch", 3);
    let view = |app: &App| app.world().resource::<PlayUi>().view;
    let before = view(&app);
    press_typed(&mut app, play::VIEW.keys[0], None);
    assert_ne!(view(&app), before, "Z switches the view");
    // Down to the first activity with hours planned, then Left and Right: an hour off it
    // and back.
    let draft = session(&app).draft;
    let i = (0..Activity::ALL.len())
        .find(|&i| draft.get(Activity::ALL[i]) >= 1.0)
        .expect("some hours are planned");
    for _ in 0..i {
        press_typed(&mut app, play::DOWN.keys[0], None);
    }
    let a = Activity::ALL[i];
    press_typed(&mut app, play::LESS.keys[0], None);
    assert!((session(&app).draft.get(a) - (draft.get(a) - 1.0)).abs() < 1e-9);
    press_typed(&mut app, play::MORE.keys[0], None);
    assert!((session(&app).draft.get(a) - draft.get(a)).abs() < 1e-9);
    let week = session(&app).sim.next_week();
    answer_cards(&mut app);
    app.update();
    press_typed(&mut app, play::END_WEEK.keys[0], None);
    assert_eq!(
        session(&app).sim.next_week(),
        week + 1,
        "Enter ends the week"
    );
}

#[test]
fn in_continuous_mode_the_week_waits_while_a_window_is_open() {
    let dir = temp_dir("continuous-window");
    let mut app = app(&dir);
    app.insert_resource(bevy::time::TimeUpdateStrategy::ManualDuration(
        std::time::Duration::from_millis(250),
    ));
    start(&mut app, "crunch", 4);
    app.world_mut().resource_mut::<PlayUi>().speed = Speed::Fastest;
    // The charts open: five seconds pass (a week and a half at 4x) and no week ends.
    press_typed(&mut app, KeyCode::KeyC, None);
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(
        session(&app).sim.state.week,
        0,
        "the week waits for the charts"
    );
    // Closed again, the clock runs on.
    press_typed(&mut app, KeyCode::Escape, None);
    for _ in 0..20 {
        app.update();
    }
    assert!(session(&app).sim.state.week >= 1, "the clock runs again");
}

#[test]
fn the_projector_answers_to_its_keys() {
    use forest_and_trees::app::keys::facilitate as keys;
    use forest_and_trees::app::screens::facilitate::Facilitation;
    let dir = temp_dir("facilitate-keys");
    let mut app = app(&dir);
    go(&mut app, Screen::Facilitate);
    let f = |app: &App| {
        let f = app.world().resource::<Facilitation>();
        (f.clock.running, f.clock.week, f.questions)
    };
    assert_eq!(f(&app), (false, 1, false));
    press_typed(&mut app, keys::CLOCK.keys[0], None);
    assert!(f(&app).0, "Space starts the round");
    press_typed(&mut app, keys::NEXT_WEEK.keys[0], None);
    assert_eq!(f(&app).1, 2, "N moves the class to the next week");
    let left = |app: &App| app.world().resource::<Facilitation>().clock.left();
    let before = left(&app);
    press_typed(&mut app, keys::MORE_TIME.keys[0], None);
    assert!(
        left(&app) >= before + 29,
        "T gives the class 30 s more: {before} s, then {} s",
        left(&app)
    );
    press_typed(&mut app, keys::QUESTIONS.keys[0], None);
    assert!(f(&app).2, "Q shows the questions");
    press_typed(&mut app, keys::BACK.keys[0], None);
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
}

#[test]
fn every_screen_is_walked_by_its_keys() {
    use forest_and_trees::app::keys::{BACK, briefing, debrief, select, title};
    let dir = temp_dir("walk-keys");
    let mut app = app(&dir);
    let press = |app: &mut App, key: KeyCode, expect: Screen| {
        press_typed(app, key, None);
        app.update();
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            expect,
            "{key:?}"
        );
    };
    for (key, to) in [
        (title::SETTINGS.keys[0], Screen::Settings),
        (BACK.keys[0], Screen::Title),
        (title::LOAD.keys[0], Screen::Load),
        (BACK.keys[0], Screen::Title),
        (title::JOIN.keys[0], Screen::Join),
        (BACK.keys[0], Screen::Title),
        (title::PLAY.keys[0], Screen::LevelSelect),
        (select::SANDBOX.keys[0], Screen::Sandbox),
        (BACK.keys[0], Screen::LevelSelect),
        (select::BRIEFING.keys[0], Screen::Briefing),
        (BACK.keys[0], Screen::LevelSelect),
        (BACK.keys[0], Screen::Title),
    ] {
        press(&mut app, key, to);
    }
    // The first level, at Hard (3), begun by Enter, played out, then again by Enter.
    press(&mut app, title::PLAY.keys[0], Screen::LevelSelect);
    press(&mut app, select::BRIEFING.keys[0], Screen::Briefing);
    press_typed(&mut app, briefing::DIFFICULTY.keys[2], None);
    press(&mut app, briefing::BEGIN.keys[0], Screen::Play);
    assert_eq!(
        session(&app).sim.level.difficulty,
        sim::Difficulty::Hard,
        "3 chose Hard"
    );
    play_to_end(&mut app);
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Debrief
    );
    press(&mut app, debrief::AGAIN.keys[0], Screen::Briefing);
    press(&mut app, BACK.keys[0], Screen::LevelSelect);
}

#[test]
fn esc_over_a_decision_card_opens_no_hidden_menu_and_the_question_mark_works_twice() {
    let dir = temp_dir("card-esc");
    let mut app = app(&dir);
    start(&mut app, "the-promotion", 4);
    while session(&app).open_dilemmas().is_empty() {
        send(&mut app, Command::EndWeek);
    }
    let overlay = |app: &App| *app.world().resource::<State<Overlay>>().get();
    press_typed(&mut app, KeyCode::Escape, None);
    assert_eq!(overlay(&app), Overlay::None, "the card stays what is shown");
    press_typed(&mut app, KeyCode::Slash, Some("?"));
    assert_eq!(overlay(&app), Overlay::Help);
    press_typed(&mut app, KeyCode::Slash, Some("?"));
    assert_eq!(
        overlay(&app),
        Overlay::None,
        "a second ? closes the keys again"
    );
}

#[test]
fn a_browser_page_offers_no_class_and_no_quit_from_the_title() {
    use forest_and_trees::app::platform::{PageClass, Platform};
    use forest_and_trees::app::screens::join::JoinForm;
    let screen = |app: &App| *app.world().resource::<State<Screen>>().get();
    for (platform, reached) in [
        (Platform::Desktop, [Screen::Join, Screen::Facilitate]),
        (Platform::Browser, [Screen::Title, Screen::Title]),
        // The page a facilitator's game served joins that class, and hosts none.
        (Platform::ClassPage, [Screen::Join, Screen::Title]),
    ] {
        let dir = temp_dir("browser-title");
        let mut app = app(&dir);
        app.insert_resource(platform);
        if platform == Platform::ClassPage {
            app.insert_resource(PageClass {
                code: "FT-ABCD-2345".into(),
                host: "192.168.1.20:7878".into(),
            });
        }
        for (key, want) in [KeyCode::KeyJ, KeyCode::KeyF].into_iter().zip(reached) {
            press_typed(&mut app, key, None);
            app.update();
            assert_eq!(screen(&app), want, "{platform:?}: {key:?}");
            if platform == Platform::ClassPage && want == Screen::Join {
                // The form offers the page's class at the computer that served it.
                let form = app.world().resource::<JoinForm>();
                assert_eq!(
                    (form.code.as_str(), form.host.as_str()),
                    ("FT-ABCD-2345", "192.168.1.20:7878")
                );
            }
            go(&mut app, Screen::Title);
        }
        // Esc quits the desktop game; in a page it would only freeze the tab.
        press_typed(&mut app, KeyCode::Escape, None);
        let quit = !app.world().resource::<Messages<AppExit>>().is_empty();
        assert_eq!(quit, platform == Platform::Desktop, "{platform:?}: Esc");
    }
}

/// A browser team that closed its tab and opened the class's page again most likely presses
/// Continue: its run goes back into the class that served the page (else its weeks would
/// never reach the facilitator's table). Elsewhere Continue plays on as before.
#[test]
fn continue_on_the_class_page_takes_the_teams_run_back_into_its_class() {
    use forest_and_trees::app::lan::LanTeam;
    use forest_and_trees::app::platform::{PageClass, Platform};
    use forest_and_trees::app::screens::join::JoinForm;
    use forest_and_trees::class::ClassCode;
    use sim::Difficulty;
    let crunch = common::level("crunch");
    let ours = ClassCode::new(&crunch, Difficulty::Normal, 41).text();
    let other = ClassCode::new(&crunch, Difficulty::Normal, 42).text();
    let dir = temp_dir("continue-class-page");
    {
        let mut first = app(&dir);
        go(&mut first, Screen::Join);
        join_class(&mut first, &JoinForm::new(&ours, "Birch", ""));
        go(&mut first, Screen::Play);
        answer_cards(&mut first);
        send(&mut first, Command::EndWeek);
        assert_eq!(session(&first).sim.next_week(), 2);
    }
    // The page's code as a person might have typed it into the address: read as the same code.
    let ours_typed = ours.to_lowercase();
    for (platform, page_code, rejoined) in [
        (Platform::ClassPage, ours_typed.as_str(), true),
        (Platform::ClassPage, other.as_str(), false),
        (Platform::Browser, ours.as_str(), false),
    ] {
        let mut app = app(&dir);
        app.insert_resource(platform);
        if platform == Platform::ClassPage {
            app.insert_resource(PageClass {
                code: page_code.into(),
                host: "127.0.0.1:7878".into(),
            });
        }
        go(&mut app, Screen::Title);
        press_typed(&mut app, KeyCode::KeyC, None);
        app.update();
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            Screen::Play,
            "{platform:?} {page_code}: C continues"
        );
        assert_eq!(session(&app).sim.next_week(), 2);
        assert_eq!(
            session(&app).class.as_ref().map(|c| c.team.as_str()),
            Some("Birch"),
            "the continued run is still the class's"
        );
        let lan = app.world().get_resource::<LanTeam>();
        assert_eq!(
            lan.map(|l| (l.host.to_string(), l.class.team.clone())),
            rejoined.then(|| ("127.0.0.1:7878".to_string(), "Birch".to_string())),
            "{platform:?} {page_code}"
        );
    }
}

/// A team that closes the game mid-class and continues from the title still ends with a
/// result of its class: the file names the class and the team, so the facilitator's compare
/// counts it.
#[test]
fn a_class_run_continued_from_the_title_ends_in_a_result_of_its_class() {
    use forest_and_trees::app::screens::join::JoinForm;
    use forest_and_trees::class::ClassCode;
    use sim::Difficulty;
    let crunch = common::level("crunch");
    let code = ClassCode::new(&crunch, Difficulty::Easy, 9).text();
    let dir = temp_dir("continue-class-run");
    {
        let mut first = app(&dir);
        go(&mut first, Screen::Join);
        join_class(&mut first, &JoinForm::new(&code, "Rowan", ""));
        go(&mut first, Screen::Play);
        answer_cards(&mut first);
        send(&mut first, Command::EndWeek);
    }
    let mut app = app(&dir);
    press_typed(&mut app, KeyCode::KeyC, None);
    app.update();
    assert_eq!(session(&app).sim.next_week(), 2, "C continued the run");
    play_to_end(&mut app);
    app.update();
    let file = the_result(&dir);
    assert_eq!(
        (file.team.as_str(), file.class_code.as_deref()),
        ("Rowan", Some(code.as_str()))
    );
}
