use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
pub fn run() {
    App::new()
        .add_plugins(DefaultPlugins)
        .add_plugins(EguiPlugin::default())
        .add_systems(Startup, |mut c: Commands| { c.spawn(Camera2d); })
        .add_systems(EguiPrimaryContextPass, ui)
        .run();
}
fn ui(mut ctx: EguiContexts) -> Result {
    egui::Window::new("hi").show(ctx.ctx_mut()?, |ui| ui.label("x"));
    Ok(())
}
