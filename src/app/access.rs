//! The player's accessibility settings at work: the palette (standard or high contrast)
//! in egui and the window, reduced motion and the language, from the settings or from
//! the system.

use crate::app::player_settings::PlayerSettings;
use crate::app::ui::theme;
use crate::i18n::{self, Lang};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// Whether the world and the panels stand still: no camera glide, pulses, drifting leavers
/// or travelling dots, and egui's transitions instant.
#[derive(Resource, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReducedMotion(pub bool);

/// What the system asks for, read once at start (`false` where it cannot say).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct SystemMotion {
    pub reduce: bool,
}

/// The system's language if the game speaks it, read once at start (English in tests,
/// whatever the machine running them speaks).
#[derive(Resource, Clone, Copy, Debug, Default)]
pub struct SystemLang(pub Lang);

pub fn plugin(app: &mut App) {
    app.init_resource::<ReducedMotion>()
        .init_resource::<SystemMotion>()
        .init_resource::<SystemLang>()
        .add_systems(PreUpdate, apply.run_if(resource_changed::<PlayerSettings>));
}

/// The parts that need egui and a window: in `run()`.
pub fn window_plugin(app: &mut App) {
    app.insert_resource(SystemMotion {
        reduce: system_asks_reduced_motion(),
    })
    .insert_resource(SystemLang(Lang::of_system()))
    .add_systems(
        EguiPrimaryContextPass,
        (style_egui, accesskit_when_asked.in_set(AccessKitSet)),
    );
}

/// Where egui's accessibility tree is switched on or off each frame; the layout check,
/// which reads the tree, switches it on after this.
#[derive(SystemSet, Clone, Debug, PartialEq, Eq, Hash)]
pub struct AccessKitSet;

/// egui builds its accessibility tree every frame once enabled, which costs frame time
/// on every machine; bevy_egui enables it for every window. It is kept on only while a
/// screen reader (or another assistive technology) has asked for it.
fn accesskit_when_asked(
    mut contexts: EguiContexts,
    requested: Res<bevy::a11y::AccessibilityRequested>,
    mut was: Local<Option<bool>>,
) -> Result {
    let now = requested.get();
    if *was != Some(now) {
        let ctx = contexts.ctx_mut()?;
        if now {
            ctx.enable_accesskit();
        } else {
            ctx.disable_accesskit();
        }
        *was = Some(now);
    }
    Ok(())
}

fn apply(
    settings: Res<PlayerSettings>,
    system: Res<SystemMotion>,
    system_lang: Res<SystemLang>,
    mut reduced: ResMut<ReducedMotion>,
    clear: Option<ResMut<ClearColor>>,
) {
    let s = &settings.settings;
    i18n::set_lang(s.language.unwrap_or(system_lang.0));
    theme::set_high_contrast(s.high_contrast);
    let c = theme::palette(s.high_contrast).background;
    let colour = Color::srgb_u8(c.r(), c.g(), c.b());
    if let Some(mut clear) = clear
        && clear.0 != colour
    {
        clear.0 = colour;
    }
    reduced.set_if_neq(ReducedMotion(s.motion.reduced(system.reduce)));
}

/// egui's visuals and animation time follow the palette and motion setting; written only
/// when they change.
fn style_egui(
    mut contexts: EguiContexts,
    reduced: Res<ReducedMotion>,
    mut last: Local<Option<(theme::Palette, bool)>>,
) -> Result {
    let now = (*theme::pal(), reduced.0);
    if last.as_ref() == Some(&now) {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    ctx.set_visuals(theme::visuals(&now.0));
    ctx.all_styles_mut(|style| {
        // egui's default: a twelfth of a second for every opening and fading.
        style.animation_time = if now.1 { 0.0 } else { 1.0 / 12.0 };
        style.scroll_animation = if now.1 {
            egui::style::ScrollAnimation::none()
        } else {
            egui::style::ScrollAnimation::default()
        };
    });
    *last = Some(now);
    Ok(())
}

/// Whether the desktop asks for less motion: GNOME's "animations" switch on Linux,
/// "Reduce motion" on macOS. Windows' setting is not read (it needs the Win32 API); a
/// player there chooses *Reduced* in Settings.
pub fn system_asks_reduced_motion() -> bool {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        (
            "defaults",
            &["read", "com.apple.universalaccess", "reduceMotion"],
        )
    } else if cfg!(target_os = "linux") {
        (
            "gsettings",
            &["get", "org.gnome.desktop.interface", "enable-animations"],
        )
    } else {
        return false;
    };
    let Some(out) = bounded_output(program, args) else {
        return false;
    };
    says_reduce(program, &out)
}

/// What each system's answer means.
fn says_reduce(program: &str, answer: &str) -> bool {
    match program {
        "defaults" => answer.trim() == "1",
        _ => answer.trim() == "false",
    }
}

/// A command's standard output, or `None` when it is missing, fails or takes over half a
/// second (a desktop bus that never answers must not hold up the game's start).
fn bounded_output(program: &str, args: &[&str]) -> Option<String> {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    for _ in 0..50 {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => {
                let mut out = String::new();
                child
                    .stdout
                    .take()?
                    .take(4096)
                    .read_to_string(&mut out)
                    .ok()?;
                return Some(out);
            }
            Ok(Some(_)) | Err(_) => return None,
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_systems_answers_are_read_as_they_mean() {
        assert!(says_reduce("gsettings", "false\n"));
        assert!(!says_reduce("gsettings", "true\n"));
        assert!(says_reduce("defaults", "1\n"));
        assert!(!says_reduce("defaults", "0\n"));
    }

    #[test]
    fn a_missing_program_is_no_answer() {
        assert_eq!(
            bounded_output("forest-and-trees-no-such-program", &[]),
            None
        );
    }
}
