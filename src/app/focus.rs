//! The keyboard's focus. Tab and Shift+Tab walk every control of a screen in egui's own
//! order; a ring in the palette's focus colour shows where the focus is; a control
//! scrolled out of sight is scrolled into view as it takes the focus; and the keys that
//! act on a focused control (Enter, Space, the arrows, Esc; every key while typing in a
//! field) go to that control alone, never also to the screen's shortcuts: Enter on a
//! focused *Settings* must not also start a level, and Enter typing an hour count must not
//! also end the week. A form whose Enter submits it reads Enter from the field itself.

use crate::app::ui::theme;
use bevy::input::InputSystems;
use bevy::prelude::*;
use bevy_egui::{
    EguiContext, EguiContexts, EguiInput, EguiPreUpdateSet, EguiPrimaryContextPass,
    PrimaryEguiContext, egui,
};

/// What holds the keyboard's focus at the start of a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    Nothing,
    /// A button, a checkbox, a slider, a list: Enter and Space press it, the arrows move
    /// the focus or its value, Esc lets go of it.
    Control,
    /// A text field (or a number being typed into its box): the keys type, Enter
    /// confirms, Esc leaves the field.
    TextField,
}

/// Whether `key` goes to the focused control rather than to the screen's shortcuts.
pub fn owned_by_focus(holder: Holder, key: KeyCode) -> bool {
    use KeyCode::*;
    match holder {
        Holder::Nothing => false,
        Holder::Control => matches!(
            key,
            Enter | NumpadEnter | Space | ArrowUp | ArrowDown | ArrowLeft | ArrowRight | Escape
        ),
        Holder::TextField => true,
    }
}

pub fn plugin(app: &mut App) {
    app.add_systems(
        PreUpdate,
        yield_keys_to_focus
            .after(InputSystems)
            .after(EguiPreUpdateSet::ProcessInput)
            .before(EguiPreUpdateSet::BeginPass),
    )
    .add_systems(EguiPrimaryContextPass, install_ring);
}

fn holder(ctx: &egui::Context) -> (Holder, Option<egui::Id>) {
    match ctx.memory(|m| m.focused()) {
        None => (Holder::Nothing, None),
        Some(id) if ctx.text_edit_focused() => (Holder::TextField, Some(id)),
        Some(id) => (Holder::Control, Some(id)),
    }
}

/// Takes the focused control's keys out of what the screens read this frame, and asks egui
/// to scroll a control that has just taken the focus into view when it is cut off.
/// Runs before egui's pass: the focus is where the last pass left it.
fn yield_keys_to_focus(
    mut contexts: Query<(&mut EguiContext, &mut EguiInput), With<PrimaryEguiContext>>,
    mut keys: ResMut<ButtonInput<KeyCode>>,
    mut last: Local<Option<egui::Id>>,
) {
    let Ok((mut context, mut input)) = contexts.single_mut() else {
        return;
    };
    let ctx = context.get_mut();
    let (holder, focused) = holder(ctx);
    let owned: Vec<KeyCode> = keys
        .get_just_pressed()
        .copied()
        .filter(|k| owned_by_focus(holder, *k))
        .collect();
    for key in owned {
        keys.clear_just_pressed(key);
    }
    if focused != *last
        && let Some(id) = focused
        && let Some(r) = ctx.read_response(id)
        && cut_off(r.rect, r.interact_rect)
    {
        input
            .events
            .push(egui::Event::AccessKitActionRequest(scroll_into_view(id)));
    }
    *last = focused;
}

/// Whether any of a control is cut off by its scroll area (its visible part is not the
/// whole): a sliver cut off still hides the ring's edge there.
fn cut_off(whole: egui::Rect, shown: egui::Rect) -> bool {
    (whole.min - shown.min).length() > 0.5 || (whole.max - shown.max).length() > 0.5
}

fn scroll_into_view(id: egui::Id) -> egui::accesskit::ActionRequest {
    use egui::accesskit;
    accesskit::ActionRequest {
        action: accesskit::Action::ScrollIntoView,
        target_tree: accesskit::TreeId::ROOT,
        target_node: id.accesskit_id(),
        data: None,
    }
}

/// Has egui draw the ring at the end of every pass, after every screen's panels: drawn
/// by a system of the pass, it took the control's place from the pass before, so a control
/// just scrolled into view had its ring where the control no longer was.
fn install_ring(mut contexts: EguiContexts, mut installed: Local<bool>) -> Result {
    if !*installed {
        contexts
            .ctx_mut()?
            .on_end_pass("focus-ring", std::sync::Arc::new(|ui| draw_ring(ui.ctx())));
        *installed = true;
    }
    Ok(())
}

/// The ring: drawn above every window, just outside the control's visible part, so that
/// no control's own frame (or its hover outline) can be taken for it.
fn draw_ring(ctx: &egui::Context) {
    let (_, Some(id)) = holder(ctx) else {
        return;
    };
    let Some(shown) = ctx.read_response(id).map(|r| r.interact_rect) else {
        return;
    };
    if !shown.is_positive() {
        return;
    }
    let p = theme::pal();
    let width = if p == &theme::HIGH_CONTRAST { 3.0 } else { 2.0 };
    ctx.layer_painter(egui::LayerId::new(
        egui::Order::Tooltip,
        egui::Id::new("focus-ring"),
    ))
    .rect_stroke(
        ring(shown),
        egui::CornerRadius::same(4),
        egui::Stroke::new(width, p.focus),
        egui::StrokeKind::Outside,
    );
}

/// Where the ring goes around a control's visible rectangle.
pub fn ring(shown: egui::Rect) -> egui::Rect {
    shown.expand(RING_GAP)
}

/// Points between a control's edge and its focus ring.
pub const RING_GAP: f32 = 2.0;

#[cfg(test)]
mod tests {
    use super::*;
    use bevy::ecs::system::RunSystemOnce;

    #[test]
    fn a_control_cut_off_by_a_sliver_is_scrolled_into_view() {
        let whole = egui::Rect::from_min_size(egui::pos2(10.0, 600.0), egui::vec2(200.0, 20.0));
        assert!(!cut_off(whole, whole));
        // Two pixels of a 20-pixel row under the panel's edge: 90% shown, and no ring.
        let shown = egui::Rect::from_min_max(whole.min, egui::pos2(210.0, 618.0));
        assert!(cut_off(whole, shown));
    }

    #[test]
    fn a_focused_control_owns_enter_space_the_arrows_and_esc_but_not_the_letters() {
        for key in [
            KeyCode::Enter,
            KeyCode::Space,
            KeyCode::ArrowUp,
            KeyCode::Escape,
        ] {
            assert!(owned_by_focus(Holder::Control, key), "{key:?}");
            assert!(!owned_by_focus(Holder::Nothing, key), "{key:?}");
        }
        assert!(!owned_by_focus(Holder::Control, KeyCode::KeyS));
        // Typing a team's name must not open the sandbox (S) or reload a table (R).
        assert!(owned_by_focus(Holder::TextField, KeyCode::KeyS));
        assert!(owned_by_focus(Holder::TextField, KeyCode::Escape));
        // Enter confirms what was typed; it does not also end the week.
        assert!(owned_by_focus(Holder::TextField, KeyCode::Enter));
    }

    fn pressed_after(focus: Option<(&str, bool)>, press: &[KeyCode]) -> Vec<KeyCode> {
        let mut world = World::new();
        let mut context = EguiContext::default();
        if let Some((name, text)) = focus {
            let ctx = context.get_mut();
            let id = egui::Id::new(name);
            ctx.memory_mut(|m| m.request_focus(id));
            if text {
                egui::text_edit::TextEditState::default().store(ctx, id);
            }
        }
        world.spawn((context, PrimaryEguiContext));
        let mut keys = ButtonInput::<KeyCode>::default();
        for k in press {
            keys.press(*k);
        }
        world.insert_resource(keys);
        world.run_system_once(yield_keys_to_focus).unwrap();
        let left = world.resource::<ButtonInput<KeyCode>>();
        // In the order pressed, whatever order the input keeps them in.
        press
            .iter()
            .copied()
            .filter(|k| left.just_pressed(*k))
            .collect()
    }

    #[test]
    fn the_screen_reads_only_the_keys_the_focus_does_not_own() {
        use KeyCode::*;
        let keys = [Enter, KeyS, Escape];
        assert_eq!(pressed_after(None, &keys), vec![Enter, KeyS, Escape]);
        assert_eq!(pressed_after(Some(("settings", false)), &keys), vec![KeyS]);
        assert_eq!(pressed_after(Some(("team name", true)), &keys), vec![]);
    }
}
