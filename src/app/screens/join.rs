//! Join a class: type the facilitator's code and your team's name; the code fixes the
//! level, its version, the difficulty and the seed, so every team plays the same run. With
//! the facilitator's address too, the game joins the class on the LAN (`app::lan`).

use super::{Catalog, Screen};
use crate::app::discovery::{self, Finder};
use crate::app::keys::{self, join as binds};
use crate::app::platform::{PageClass, Platform};
use crate::app::player_settings::PlayerSettings;
use crate::app::session::{SaveDir, Session};
use crate::app::ui::style;
use crate::class::CodeError;
use crate::class::network::AddressError;
use crate::class::{ClassCode, Membership};
use crate::i18n;
use crate::store::settings::LastJoin;
use crate::t;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::sync::Arc;

#[derive(Resource, Clone, Debug, Default)]
pub struct JoinForm {
    pub code: String,
    pub team: String,
    /// The facilitator's computer, for a LAN class; empty offline.
    pub host: String,
    /// The last address checked and what it gave (a name lookup is not redone each frame).
    checked: Option<(String, Result<std::net::SocketAddr, AddressError>)>,
}

impl JoinForm {
    pub fn new(code: &str, team: &str, host: &str) -> JoinForm {
        JoinForm {
            code: code.into(),
            team: team.into(),
            host: host.into(),
            checked: None,
        }
    }

    /// The LAN host typed, if any, read once per edit.
    fn lan(&mut self) -> Option<Result<std::net::SocketAddr, AddressError>> {
        let typed = self.host.trim().to_string();
        if typed.is_empty() {
            return None;
        }
        if self.checked.as_ref().is_none_or(|(t, _)| *t != typed) {
            self.checked = Some((typed.clone(), crate::app::lan::parse_host(&typed)));
        }
        self.checked.as_ref().map(|(_, r)| r.clone())
    }
}

pub fn plugin(app: &mut App) {
    app.init_resource::<JoinForm>()
        .init_resource::<Finding>()
        .add_systems(OnEnter(Screen::Join), offer_last)
        .add_systems(Update, poll_finder.run_if(in_state(Screen::Join)))
        .add_systems(
            EguiPrimaryContextPass,
            join_ui.run_if(in_state(Screen::Join)),
        );
}

/// A page served for a class offers that class, at the computer that served it (with the
/// team's name if this browser joined it before); otherwise an empty form offers the class
/// this computer last joined.
fn offer_last(
    mut form: ResMut<JoinForm>,
    settings: Res<PlayerSettings>,
    page: Option<Res<PageClass>>,
) {
    let last = settings.settings.last_join.as_ref();
    if let Some(page) = page {
        let team = last
            .filter(|l| l.code == page.code)
            .map_or(form.team.clone(), |l| l.team.clone());
        *form = JoinForm::new(&page.code, &team, &page.host);
        return;
    }
    if let Some(last) = last
        && form.code.trim().is_empty()
        && form.team.trim().is_empty()
    {
        *form = JoinForm::new(&last.code, &last.team, &last.host);
    }
}

/// Why the form does not start a class run; the form shows each beside its field.
#[derive(Clone, Debug, PartialEq)]
pub enum JoinError {
    Code(CodeError),
    NoTeam,
    Address(AddressError),
}

impl std::fmt::Display for JoinError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            JoinError::Code(e) => std::fmt::Display::fmt(e, f),
            JoinError::NoTeam => f.write_str(&t!("join-no-team")),
            JoinError::Address(e) => std::fmt::Display::fmt(e, f),
        }
    }
}

impl std::error::Error for JoinError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            JoinError::Code(e) => Some(e),
            JoinError::NoTeam => None,
            JoinError::Address(e) => Some(e),
        }
    }
}

impl From<CodeError> for JoinError {
    fn from(e: CodeError) -> Self {
        JoinError::Code(e)
    }
}

impl From<AddressError> for JoinError {
    fn from(e: AddressError) -> Self {
        JoinError::Address(e)
    }
}

/// Starts the class run the form describes, or says why it cannot.
pub fn start(
    commands: &mut Commands,
    catalog: &Catalog,
    dir: &SaveDir,
    form: &JoinForm,
) -> Result<(), JoinError> {
    let code = ClassCode::parse(&form.code)?;
    let team = form.team.trim();
    if team.is_empty() {
        return Err(JoinError::NoTeam);
    }
    let levels: Vec<&sim::Level> = catalog
        .entries
        .iter()
        .filter_map(|e| e.level.as_ref().ok())
        .collect();
    let level = code.find(levels)?;
    let host = if form.host.trim().is_empty() {
        None
    } else {
        Some(crate::app::lan::parse_host(&form.host)?)
    };
    let mut session = Session::new(Arc::new(level.at(code.difficulty)), code.seed);
    session.autosave = Some(dir.autosave(&level.id));
    session.class = Some(Membership {
        code: code.text(),
        team: team.to_string(),
    });
    commands.insert_resource(session);
    let last = LastJoin {
        code: code.text(),
        team: team.to_string(),
        host: host.map(|a| a.to_string()).unwrap_or_default(),
    };
    commands.queue(move |w: &mut World| {
        let unsaved = w.get_resource_mut::<PlayerSettings>().and_then(|mut s| {
            s.settings.last_join = Some(last);
            s.persist();
            s.message.clone()
        });
        // Said on the play screen, where the player goes next, not only in the settings.
        if let (Some(e), Some(mut session)) = (unsaved, w.get_resource_mut::<Session>()) {
            session.save_error = Some(e);
        }
    });
    match host {
        Some(addr) => commands.queue(move |w: &mut World| crate::app::lan::join(w, addr)),
        // An offline class leaves any LAN class this game was in.
        None => commands.queue(crate::app::lan::leave),
    }
    Ok(())
}

/// Looking for the facilitator's computer by the class code, and what came of it.
#[derive(Resource, Default)]
pub struct Finding {
    finder: Option<Finder>,
    said: Option<Result<String, FindError>>,
}

/// Why the search of the network found no class.
#[derive(Clone, Debug, PartialEq)]
enum FindError {
    NoAnswer,
    CannotSearch(String),
}

impl std::fmt::Display for FindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let said = match self {
            FindError::NoAnswer => t!("join-no-answer"),
            FindError::CannotSearch(why) => t!("join-cannot-search", why = why.as_str()),
        };
        f.write_str(&said)
    }
}

impl std::error::Error for FindError {}

/// Reads the answers of a search under way; the first host found fills the address in.
fn poll_finder(time: Res<Time>, mut finding: ResMut<Finding>, mut form: ResMut<JoinForm>) {
    let Some(f) = finding.finder.as_mut() else {
        return;
    };
    f.poll(time.delta());
    let said = match f.found.first() {
        Some(at) => {
            form.host = at.to_string();
            Ok(t!("join-found", address = at.to_string()))
        }
        None if f.done() => Err(FindError::NoAnswer),
        None => return,
    };
    finding.finder = None;
    finding.said = Some(said);
}

/// What the player typed, and the search of the network for the host.
#[derive(SystemParam)]
struct Typed<'w> {
    form: ResMut<'w, JoinForm>,
    finding: ResMut<'w, Finding>,
    /// Whether this game can search the network, or came from the class's host.
    platform: Res<'w, Platform>,
}

fn join_ui(
    mut contexts: EguiContexts,
    mut typed: Typed,
    catalog: Res<Catalog>,
    dir: Res<SaveDir>,
    keys: Res<ButtonInput<KeyCode>>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    let mut root = style::root(ctx, "join");
    let Typed {
        form,
        finding,
        platform,
    } = &mut typed;
    let parsed = ClassCode::parse(&form.code);
    let found = parsed.as_ref().ok().map(|c| {
        let levels: Vec<&sim::Level> = catalog
            .entries
            .iter()
            .filter_map(|e| e.level.as_ref().ok())
            .collect();
        c.find(levels).map(|l| (l.clone(), *c))
    });
    let mut begin = false;
    egui::CentralPanel::default()
        .frame(style::frame().inner_margin(40.0))
        .show(&mut root, |ui| {
            style::region(ui, &t!("join-title"));
            ui.label(
                egui::RichText::new(t!("join-title"))
                    .size(36.0)
                    .color(style::pal().forest)
                    .strong(),
            );
            ui.label(style::body(t!("join-intro")));
            ui.add_space(16.0);
            // Enter in a field submits the form, as the Join key does elsewhere on it.
            let enter = fields(ui, form, finding, parsed.as_ref().ok(), **platform)
                || binds::JOIN.pressed(&keys);
            match &finding.said {
                Some(Ok(s)) => {
                    ui.label(egui::RichText::new(s).color(style::pal().forest));
                }
                Some(Err(e)) => {
                    ui.label(egui::RichText::new(e.to_string()).color(style::pal().warn));
                }
                None => {}
            }
            ui.add_space(12.0);
            match (&parsed, &found) {
                _ if form.code.trim().is_empty() => {}
                (Err(e), _) => {
                    ui.label(
                        egui::RichText::new(e.to_string())
                            .size(16.0)
                            .color(style::pal().warn),
                    );
                }
                (_, Some(Err(e))) => {
                    ui.label(
                        egui::RichText::new(e.to_string())
                            .size(16.0)
                            .color(style::pal().bad),
                    );
                }
                (_, Some(Ok((level, code)))) => {
                    begin = what_it_joins(ui, form, level, code, enter);
                }
                _ => {}
            }
            ui.add_space(20.0);
            if ui
                .button(egui::RichText::new(t!("back")).size(18.0))
                .clicked()
            {
                next.set(Screen::Title);
            }
            ui.label(style::muted(keys::hint(&binds::ALL)));
        });
    if begin && start(&mut commands, &catalog, &dir, form).is_ok() {
        next.set(Screen::Play);
    }
    Ok(())
}

/// The code, the team's name, and the facilitator's computer (typed or found); true when
/// Enter was pressed in one of them (the field lets go of the focus on Enter).
pub fn fields(
    ui: &mut egui::Ui,
    form: &mut JoinForm,
    finding: &mut Finding,
    code: Option<&ClassCode>,
    platform: Platform,
) -> bool {
    let mut entered = false;
    let mut field = |r: egui::Response| {
        entered |= r.lost_focus() && r.ctx.input(|i| i.key_pressed(egui::Key::Enter));
    };
    egui::Grid::new("join")
        .num_columns(2)
        .spacing([20.0, 12.0])
        .show(ui, |ui| {
            let name = ui.label(style::body(t!("join-code")).size(19.0)).id;
            field(
                ui.add(
                    egui::TextEdit::singleline(&mut form.code)
                        .hint_text("FT-XXXX-XXXX") // i18n: not words
                        .font(egui::TextStyle::Monospace)
                        .desired_width(260.0),
                )
                .labelled_by(name),
            );
            ui.end_row();
            let name = ui.label(style::body(t!("join-team")).size(19.0)).id;
            field(
                ui.add(
                    egui::TextEdit::singleline(&mut form.team)
                        .char_limit(crate::class::room::TEAM_NAME_MAX)
                        .desired_width(260.0),
                )
                .labelled_by(name),
            );
            ui.end_row();
            let name = ui.label(style::body(t!("join-host")).size(19.0)).id;
            ui.horizontal(|ui| {
                // A page's class is where the page came from: nowhere else is reachable,
                // so the address is shown as text, not as a field that looks editable.
                if platform == Platform::ClassPage {
                    ui.add(egui::Label::new(
                        egui::RichText::new(&form.host).monospace().size(17.0),
                    ))
                    .labelled_by(name);
                } else {
                    field(
                        ui.add(
                            egui::TextEdit::singleline(&mut form.host)
                                .hint_text(t!("join-host-hint"))
                                .desired_width(260.0),
                        )
                        .labelled_by(name),
                    );
                }
                if platform.hosts_class() {
                    find_button(ui, finding, code);
                }
            });
            ui.end_row();
            if platform == Platform::ClassPage {
                ui.label("");
                ui.label(style::muted(t!("join-from-page")));
                ui.end_row();
            }
        });
    entered
}

/// Asks the computers of this network which one hosts the class.
fn find_button(ui: &mut egui::Ui, finding: &mut Finding, code: Option<&ClassCode>) {
    let searching = finding.finder.is_some();
    let code = code.map(ClassCode::text);
    let label = if searching {
        t!("join-looking")
    } else {
        t!("join-find")
    };
    if ui
        .add_enabled(code.is_some() && !searching, egui::Button::new(label))
        .on_hover_text(t!("join-find-hint"))
        .clicked()
        && let Some(code) = code
    {
        let asked = Finder::ask(&code, &Finder::targets(discovery::PORT));
        finding.said = asked
            .as_ref()
            .err()
            .map(|e| Err(FindError::CannotSearch(e.to_string())));
        finding.finder = asked.ok();
    }
}

/// The level the code names, where the class is, and the button to begin; true when
/// the player begins.
fn what_it_joins(
    ui: &mut egui::Ui,
    form: &mut JoinForm,
    level: &sim::Level,
    code: &ClassCode,
    enter: bool,
) -> bool {
    ui.label(
        egui::RichText::new(t!(
            "join-level",
            level = i18n::text(&level.title),
            role = i18n::text(level.role.label()),
            difficulty = i18n::text(code.difficulty.label())
        ))
        .size(20.0)
        .color(style::pal().forest),
    );
    ui.label(style::body(i18n::text(&level.briefing)));
    ui.add_space(8.0);
    let lan = form.lan();
    match &lan {
        Some(Ok(a)) => {
            ui.label(style::muted(t!("join-lan", address = a.to_string())));
        }
        Some(Err(e)) => {
            ui.label(
                egui::RichText::new(e.to_string())
                    .size(16.0)
                    .color(style::pal().warn),
            );
        }
        None => {
            ui.label(style::muted(t!("join-offline")));
        }
    }
    let ready = !form.team.trim().is_empty() && !matches!(lan, Some(Err(_)));
    let label = if lan.is_some() {
        t!("join-join")
    } else {
        t!("join-begin")
    };
    let begin = ui
        .add_enabled(
            ready,
            egui::Button::new(egui::RichText::new(label).size(18.0)),
        )
        .clicked()
        || (ready && enter);
    if !ready {
        ui.label(style::muted(t!("join-type-team")));
    }
    begin
}
