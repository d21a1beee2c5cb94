//! Saves under faults (issue 13): a game killed at any moment while it writes its progress,
//! settings, autosave or class file leaves each one loadable, the latest write or the one
//! before; a full disk is told in a sentence and loses nothing. The writers run as
//! children: this test binary started again, running one of its ignored tests.
//!
//! `FT_KILLS=1000 cargo test --test faults` (scripts/kill-saves.sh) runs the full count of
//! kills; `FT_FAULTS_SEED` picks other moments; `FT_FULL_DISK=/mnt/x` runs the test on a
//! real small disk.
#![cfg(all(unix, feature = "gui"))]

mod common;

use bevy::prelude::*;
use common::app::{answer_cards, app, join_class, session, temp_dir};
use forest_and_trees::app::player_settings::PlayerSettings;
use forest_and_trees::app::screens::Screen;
use forest_and_trees::app::screens::debrief::Debrief;
use forest_and_trees::app::screens::join::JoinForm;
use forest_and_trees::app::session::{Command, SaveDir, Session};
use forest_and_trees::class::room::Room;
use forest_and_trees::class::room_save::{ROOM_FILE, RoomSave};
use forest_and_trees::class::{ClassCode, Membership};
use forest_and_trees::store::progress::{Progress, Record};
use forest_and_trees::store::save::{self, SaveFile};
use forest_and_trees::store::settings::{LastJoin, Settings};
use sim::{Level, Sim};
use std::io::BufRead;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

/// The four kinds of file the game writes for the player.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Kind {
    Progress,
    Settings,
    Autosave,
    Class,
}

const KINDS: [Kind; 4] = [Kind::Progress, Kind::Settings, Kind::Autosave, Kind::Class];

impl Kind {
    fn path(self, dir: &Path) -> PathBuf {
        match self {
            Kind::Progress => Progress::path(dir),
            Kind::Settings => dir.join("config/settings.ron"),
            Kind::Autosave => SaveDir(dir.to_path_buf()).autosave("first-week"),
            Kind::Class => dir.join("results/lan-class").join(ROOM_FILE),
        }
    }

    /// Write number `n`, through the game's own writer.
    fn write(self, dir: &Path, n: u64) -> std::io::Result<()> {
        let path = self.path(dir);
        match self {
            Kind::Progress => progress(n).save(&path),
            Kind::Settings => settings(n).save(&path),
            Kind::Autosave => save::save(&path, &autosave(n)),
            Kind::Class => class(n).write(&path),
        }
    }

    /// Which write the file holds (None: there is no file), read with the game's own
    /// loader; an error for a file it refuses or sets aside.
    fn load(self, dir: &Path) -> Result<Option<u64>, String> {
        let path = self.path(dir);
        if !path.exists() {
            return Ok(None);
        }
        let n = match self {
            Kind::Progress => match Progress::load(&path) {
                (p, None) => p.get("first-week").map(|r| u64::from(r.plays)),
                (_, Some(said)) => return Err(said),
            },
            Kind::Settings => match Settings::load(&path) {
                (s, None) => s.results_dir.strip_prefix("written-").map(|n| n.parse()),
                (_, Some(said)) => return Err(said),
            }
            .and_then(Result::ok),
            Kind::Autosave => Some(save::load(&path).map_err(|e| e.to_string())?.seed),
            Kind::Class => RoomSave::load(&path)
                .map_err(|e| e.to_string())?
                .teams
                .first()
                .map(|t| t.1),
        };
        n.map(Some)
            .ok_or_else(|| format!("{} holds no write", path.display()))
    }
}

fn level() -> Arc<Level> {
    static LEVEL: OnceLock<Arc<Level>> = OnceLock::new();
    LEVEL.get_or_init(|| common::level("first-week")).clone()
}

// Each kind's write `n`: the content changes length with n, so a torn write shows.

fn progress(n: u64) -> Progress {
    let mut p = Progress::default();
    for i in 0..n % 7 {
        let r = Record {
            best_score: n as f64 / 3.0,
            best_stars: (i % 4) as u8,
            plays: i as u32,
        };
        p.levels.insert(format!("level-{i}"), r);
    }
    let first = Record {
        best_score: 40.0,
        best_stars: 1,
        plays: n as u32,
    };
    p.levels.insert("first-week".into(), first);
    p
}

fn settings(n: u64) -> Settings {
    let join = LastJoin {
        team: "team ".repeat((n % 9) as usize),
        ..LastJoin::default()
    };
    Settings {
        results_dir: format!("written-{n}"),
        last_join: Some(join),
        ..Settings::default()
    }
}

fn autosave(n: u64) -> SaveFile {
    let class = Membership {
        code: "FT".into(),
        team: "team ".repeat((n % 9) as usize),
    };
    SaveFile::of(&Sim::new(level(), n), &[]).with_class(Some(class))
}

fn class(n: u64) -> RoomSave {
    let code = ClassCode::new(&level(), sim::Difficulty::Normal, 3);
    let mut save = Room::new(code, &level(), 60).save();
    save.teams = (0..=n % 5)
        .map(|i| (format!("team-{i}"), n, Vec::new()))
        .collect();
    save
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name).map_or(default, |v| v.parse().expect(name))
}

/// This test binary again, running only the ignored test `name`, with `env` set.
fn child(name: &str, env: &[(&str, &Path)]) -> std::process::Command {
    let mut c = std::process::Command::new(std::env::current_exe().unwrap());
    c.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .envs(env.iter().map(|(k, v)| (k, v.as_os_str())))
    .stdout(std::process::Stdio::piped());
    c
}

/// Every name under `dir`, at any depth.
fn names(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        if e.file_type().unwrap().is_dir() {
            found.extend(names(&e.path()));
        } else {
            found.push(e.file_name().to_string_lossy().into_owned());
        }
    }
    found
}

/// Nothing set aside as damaged, and no temporary file beyond the one a killed write
/// leaves for the next write to replace.
fn nothing_set_aside_or_piling_up(dir: &Path, at: &str) {
    let names = names(dir);
    assert!(
        names.iter().all(|n| !n.contains(".corrupt")),
        "{at}: a file was set aside as damaged: {names:?}"
    );
    let stray: Vec<_> = names
        .iter()
        .filter(|n| n.ends_with(".tmp") && !KINDS.iter().any(|k| n == &&tmp_name(*k, dir)))
        .collect();
    assert!(stray.is_empty(), "{at}: temporary files pile up: {stray:?}");
}

fn tmp_name(kind: Kind, dir: &Path) -> String {
    let path = kind.path(dir);
    format!(".{}.tmp", path.file_name().unwrap().to_string_lossy())
}

/// Write number `w` of the writers: the kinds in turn, each with its own count.
fn nth_write(w: u64) -> (Kind, u64) {
    (KINDS[(w % 4) as usize], w / 4)
}

/// The writer the kill test starts: writes `FT_FAULTS_FROM` on, each announced on stdout
/// before it begins, until it is killed.
#[test]
#[ignore = "the kill test's writer; runs only as its child"]
fn writer_child() {
    let Some(dir) = std::env::var_os("FT_FAULTS_WRITE") else {
        return;
    };
    let dir = PathBuf::from(dir);
    for w in env_or("FT_FAULTS_FROM", 0).. {
        println!("begin {w}");
        let (kind, n) = nth_write(w);
        kind.write(&dir, n).expect("a write");
    }
}

/// Starts a writer from write `from`, SIGKILLs it `delay` after its first write began,
/// and returns the writes it began, in order.
fn kill_a_writer(dir: &Path, from: u64, delay: Duration) -> Vec<u64> {
    let from_text = PathBuf::from(from.to_string());
    let env = [("FT_FAULTS_WRITE", dir), ("FT_FAULTS_FROM", &*from_text)];
    let mut writer = child("writer_child", &env).spawn().unwrap();
    let out = writer.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if let Some((_, w)) = line.split_once("begin ") {
                let _ = tx.send(w.parse::<u64>().unwrap());
            }
        }
    });
    // The kill lands among the writes, not in the start-up.
    let first = rx.recv_timeout(Duration::from_secs(20));
    std::thread::sleep(delay);
    writer.kill().unwrap();
    let status = writer.wait().unwrap();
    reader.join().unwrap();
    assert_eq!(status.signal(), Some(9), "the writer failed on its own");
    std::iter::once(first.expect("the writer began"))
        .chain(rx.try_iter())
        .collect()
}

#[test]
fn a_save_killed_at_any_moment_leaves_every_file_loadable() {
    let (kills, mut seed) = (env_or("FT_KILLS", 40), env_or("FT_FAULTS_SEED", 13));
    // A write takes some milliseconds (two fsyncs): the kills spread over several.
    let spread = env_or("FT_KILL_SPREAD_US", 40_000);
    let dir = temp_dir("faults-kill");
    // What each file held when last loaded (None: no file yet).
    let mut held = [None; 4];
    let (mut next, started, mut cut) = (0, Instant::now(), 0);
    for kill in 0..kills {
        // splitmix64: the same seed kills at the same moments.
        seed = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let z = (seed ^ (seed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let delay = Duration::from_micros((z ^ (z >> 31)) % spread.max(1));
        let begun = kill_a_writer(&dir, next, delay);
        let at = format!(
            "kill {kill} (FT_FAULTS_SEED={})",
            env_or("FT_FAULTS_SEED", 13)
        );
        for (i, kind) in KINDS.into_iter().enumerate() {
            let mine: Vec<u64> = (begun.iter().map(|w| nth_write(*w)))
                .filter_map(|(k, n)| (k == kind).then_some(n))
                .collect();
            // The last write begun may have landed or not; every one before it did.
            let before = mine.len().checked_sub(2).map_or(held[i], |j| Some(mine[j]));
            let last = mine.last().copied();
            let found = kind
                .load(&dir)
                .unwrap_or_else(|e| panic!("{at}: the {kind:?} file does not load: {e}"));
            assert!(
                found == before || (last.is_some() && found == last),
                "{at}: the {kind:?} file holds write {found:?}, not {before:?} or {last:?}"
            );
            cut += usize::from(last.is_some() && found != last);
            held[i] = found;
        }
        nothing_set_aside_or_piling_up(&dir, &at);
        next = begun.last().map_or(next, |w| w + 1);
    }
    println!(
        "{kills} kills in {:.1} s: {next} writes begun, {} loads, all loaded; {cut} kills \
         cut a write short and the previous copy loaded",
        started.elapsed().as_secs_f64(),
        kills * 4,
    );
    assert!(held.iter().all(Option::is_some), "every kind was written");
}

/// Every kind saved as the game saves it, on a disk that takes nothing more, and what the
/// player is told for each: the settings as the settings screen writes them, the class as
/// the host does (in its words), the autosave after a week and the campaign record on the
/// debrief, through the game's screens.
fn save_everything(dir: &Path) -> Vec<(Kind, Option<String>)> {
    let mut said = Vec::new();
    let mut player = PlayerSettings::in_memory(settings(2));
    player.path = Some(Kind::Settings.path(dir));
    player.persist();
    said.push((Kind::Settings, player.message));
    let path = Kind::Class.path(dir);
    let failed = class(2).write(&path).err();
    let told = failed.map(|e| {
        forest_and_trees::store::write_failed(forest_and_trees::store::Saved::Class, &path, &e)
    });
    said.push((Kind::Class, told));
    let mut app = app(dir);
    let mut run = Session::new(level(), 3);
    run.autosave = Some(Kind::Autosave.path(dir));
    app.world_mut().insert_resource(run);
    go(&mut app, Screen::Play);
    answer_cards(&mut app);
    send(&mut app, Command::EndWeek);
    said.push((Kind::Autosave, session(&app).save_error.clone()));
    while !session(&app).sim.is_finished() {
        answer_cards(&mut app);
        send(&mut app, Command::EndWeek);
    }
    app.update();
    let debrief = app.world().resource::<Debrief>();
    said.push((Kind::Progress, debrief.progress_unsaved.clone()));
    said
}

fn go(app: &mut App, screen: Screen) {
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(screen);
    app.update();
}

fn send(app: &mut App, c: Command) {
    app.world_mut().write_message(c);
    app.update();
}

/// Each kind's failure told in a sentence that names the file, says why and that the
/// previous copy is kept; and it is: write 1 loads, and nothing is left behind.
fn told_and_kept(dir: &Path, said: &[(Kind, Option<String>)]) {
    for (kind, told) in said {
        let told = told
            .as_deref()
            .unwrap_or_else(|| panic!("{kind:?}: nothing told"));
        let path = kind.path(dir).display().to_string();
        assert!(told.starts_with("Could not save "), "{told}");
        assert!(told.contains(&path), "{told}");
        let why = ["the disk is full", "larger than this disk"];
        assert!(why.iter().any(|w| told.contains(w)), "{told}");
        assert!(told.ends_with("The previous copy is kept."), "{told}");
        assert_eq!(kind.load(dir), Ok(Some(1)), "{kind:?}: the previous copy");
    }
    let names = names(dir);
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    nothing_set_aside_or_piling_up(dir, "full disk");
}

/// The full-disk test's child: every file it writes past 64 bytes fails with EFBIG, as on
/// a disk with no room left.
#[test]
#[ignore = "the full-disk test's writer; runs only as its child"]
fn full_disk_child() {
    let Some(dir) = std::env::var_os("FT_FAULTS_FULL") else {
        return;
    };
    let limit = libc::rlimit {
        rlim_cur: 64,
        rlim_max: 64,
    };
    // SAFETY: plain system calls on this process; SIGXFSZ ignored makes the write fail
    // with EFBIG instead of killing the process.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
        assert_eq!(libc::setrlimit(libc::RLIMIT_FSIZE, &limit), 0);
    }
    for (kind, told) in save_everything(Path::new(&dir)) {
        println!("said {kind:?} {}", told.unwrap_or_default());
    }
}

#[test]
fn a_full_disk_is_told_and_the_previous_files_are_kept() {
    let dir = temp_dir("faults-full");
    for kind in KINDS {
        kind.write(&dir, 1).unwrap();
    }
    let out = child("full_disk_child", &[("FT_FAULTS_FULL", &dir)])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let said: Vec<(Kind, Option<String>)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once("said ")?.1.split_once(' '))
        .map(|(k, told)| {
            let kind = *KINDS.iter().find(|x| format!("{x:?}") == k).unwrap();
            (kind, Some(told.to_string()).filter(|t| !t.is_empty()))
        })
        .collect();
    assert_eq!(said.len(), 4, "{out:?}");
    told_and_kept(&dir, &said);
}

/// On a real small disk (as root: `mount -t tmpfs -o size=64k tmpfs /mnt/x`), filled to
/// the last byte: the same sentences, the same files kept; with room again, saves land.
#[test]
#[ignore = "needs a small disk of its own: FT_FULL_DISK=/mnt/x"]
fn a_real_full_disk_is_told_and_the_previous_files_are_kept() {
    let Some(disk) = std::env::var_os("FT_FULL_DISK").map(PathBuf::from) else {
        return;
    };
    let dir = disk.join("forest-and-trees");
    for kind in KINDS {
        kind.write(&dir, 1).unwrap();
    }
    let filler = disk.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let mut filled = 0;
    while let Ok(n) = std::io::Write::write(&mut f, &[0; 4096]) {
        filled += n;
    }
    drop(f);
    let said = save_everything(&dir);
    for (kind, told) in &said {
        println!("{kind:?}: {}", told.as_deref().unwrap_or("(nothing told)"));
    }
    told_and_kept(&dir, &said);
    std::fs::remove_file(&filler).unwrap();
    for kind in KINDS {
        kind.write(&dir, 3).unwrap();
        assert_eq!(kind.load(&dir), Ok(Some(3)));
    }
    println!("filled {filled} bytes; with them free again every kind saved");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn settings_that_cannot_be_saved_on_joining_a_class_are_told_on_the_play_screen() {
    let dir = temp_dir("faults-join");
    let mut app = app(&dir);
    // A folder where the settings file goes: no write lands there.
    let path = dir.join("settings.ron");
    std::fs::create_dir_all(path.join("inside")).unwrap();
    app.world_mut().resource_mut::<PlayerSettings>().path = Some(path.clone());
    let code = ClassCode::new(&common::level("crunch"), sim::Difficulty::Normal, 5).text();
    join_class(&mut app, &JoinForm::new(&code, "North", ""));
    app.update();
    let told = session(&app).save_error.clone().unwrap_or_default();
    assert!(
        told.starts_with("Could not save your settings to "),
        "{told:?}"
    );
    assert!(told.contains(&path.display().to_string()), "{told}");
}
