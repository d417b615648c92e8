//! The distillation column screen: the x-y diagram with the McCabe-Thiele
//! stairs, the T-x-y diagram, a labelled drawing of the column and readouts.
//! Keys change the feed, the number of plates, the reflux ratio and the
//! equilibrium model.
//!
//! Rendering only reads state. Every key that changes an input recomputes the
//! column and the plotted series at once, so a redraw at any size only reads
//! stored numbers.

mod charts;
mod drawing;

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use self::charts::Plot;
use super::keys::{HelpSection, Key, KeyBinding, KeyTable};
use super::screen::{Action, MIN_SIZE, Screen};
use super::theme::Theme;
use super::widgets;
use crate::demo::still::column::composition_limit;
use crate::demo::still::{DemoInput, EthanolWater, Reflux};

/// Reflux settings that `-` and `+` step through, ending at total reflux.
const REFLUX_STEPS: [Reflux; 13] = [
    Reflux::Ratio(0.5),
    Reflux::Ratio(0.75),
    Reflux::Ratio(1.0),
    Reflux::Ratio(1.5),
    Reflux::Ratio(2.0),
    Reflux::Ratio(2.5),
    Reflux::Ratio(3.0),
    Reflux::Ratio(4.0),
    Reflux::Ratio(5.0),
    Reflux::Ratio(7.0),
    Reflux::Ratio(10.0),
    Reflux::Ratio(20.0),
    Reflux::Total,
];

/// Index of reflux ratio 3, the starting setting.
const DEFAULT_REFLUX_STEP: usize = 6;

/// Feed change per key press, in mole fraction.
const FEED_STEP: f64 = 0.01;

/// Smallest feed the keys reach.
const MIN_FEED: f64 = 0.01;

/// Gap kept between the largest feed and the azeotrope, in mole fraction.
const FEED_MARGIN: f64 = 0.01;

/// Most plates the keys reach. The drawing elides plates that do not fit.
pub const MAX_SCREEN_PLATES: u32 = 40;

/// Smallest body that shows both diagrams, the drawing and the readouts at once.
const WIDE_WIDTH: u16 = 90;
const WIDE_HEIGHT: u16 = 24;

/// Width of the side panel with the drawing and the readouts in the wide layout.
const SIDE_WIDTH: u16 = 44;

/// An input change requested by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    FeedDown,
    FeedUp,
    PlatesDown,
    PlatesUp,
    RefluxDown,
    RefluxUp,
    ToggleTotalReflux,
    SwitchModel,
    NextView,
}

/// Keys of the column screen. Only the rows with a label appear in the
/// footer, so it fits 100 columns with the global keys. The help screen
/// lists every row.
static KEYS: KeyTable<Command> = KeyTable::new(
    "Distillation column",
    &[
        KeyBinding::new(
            &[Key::plain(KeyCode::Left), Key::char('h')],
            "",
            "Lower the feed's ethanol mole fraction by 0.01.",
            Command::FeedDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Right), Key::char('l')],
            "feed",
            "Raise the feed's ethanol mole fraction by 0.01, up to just below the azeotrope.",
            Command::FeedUp,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Down), Key::char('j')],
            "",
            "Remove one theoretical plate.",
            Command::PlatesDown,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Up), Key::char('k')],
            "plates",
            "Add one theoretical plate, up to 40.",
            Command::PlatesUp,
        ),
        KeyBinding::new(
            &[Key::char('-')],
            "",
            "Lower the reflux ratio one step, down to 0.5.",
            Command::RefluxDown,
        ),
        KeyBinding::new(
            &[Key::char('+'), Key::char('=')],
            "reflux",
            "Raise the reflux ratio one step, from 20 to total reflux.",
            Command::RefluxUp,
        ),
        KeyBinding::new(
            &[Key::char('t')],
            "total",
            "Switch between total reflux and reflux ratio 3.",
            Command::ToggleTotalReflux,
        ),
        KeyBinding::new(
            &[Key::char('m')],
            "model",
            "Switch between the measured data and the van Laar model.",
            Command::SwitchModel,
        ),
        KeyBinding::new(
            &[Key::plain(KeyCode::Tab)],
            "view",
            "Show the next diagram when the window is too small for all of them.",
            Command::NextView,
        ),
    ],
);

/// Content of the narrow layout's main area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Stairs,
    Temperatures,
    Column,
}

impl View {
    fn next(self) -> Self {
        match self {
            Self::Stairs => Self::Temperatures,
            Self::Temperatures => Self::Column,
            Self::Column => Self::Stairs,
        }
    }
}

/// State of the column screen.
#[derive(Debug)]
pub struct StillScreen {
    input: DemoInput,
    reflux_step: usize,
    curve: EthanolWater,
    max_feed: f64,
    view: View,
    /// The computed column and plotted series, or the error message for the input.
    plot: Result<Plot, String>,
}

impl Default for StillScreen {
    fn default() -> Self {
        Self::new()
    }
}

impl StillScreen {
    /// Builds the screen with a 0.1 feed, 8 plates and reflux ratio 3 on the
    /// measured model.
    pub fn new() -> Self {
        let curve = EthanolWater::measured();
        let input = DemoInput {
            reflux: REFLUX_STEPS[DEFAULT_REFLUX_STEP],
            ..DemoInput::default()
        };
        let max_feed = composition_limit(&curve) - FEED_MARGIN;
        let plot = Plot::compute(&curve, &input);
        Self {
            input,
            reflux_step: DEFAULT_REFLUX_STEP,
            curve,
            max_feed,
            view: View::Stairs,
            plot,
        }
    }

    /// Returns the current feed, plates and reflux.
    pub fn input(&self) -> DemoInput {
        self.input
    }

    /// Returns the model in use.
    pub fn curve(&self) -> &EthanolWater {
        &self.curve
    }

    /// Returns the view the narrow layout shows.
    pub fn view(&self) -> View {
        self.view
    }

    /// Returns the distillate mole fraction, or `None` when the input is invalid.
    pub fn distillate(&self) -> Option<f64> {
        self.plot
            .as_ref()
            .ok()
            .map(|p| p.report.distillate.composition.mole_fraction)
    }

    /// Changes the input for `command` and recomputes the column.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::FeedDown => self.set_feed(self.input.feed - FEED_STEP),
            Command::FeedUp => self.set_feed(self.input.feed + FEED_STEP),
            Command::PlatesDown => self.input.plates = self.input.plates.saturating_sub(1),
            Command::PlatesUp => {
                self.input.plates = (self.input.plates + 1).min(MAX_SCREEN_PLATES);
            }
            Command::RefluxDown => self.set_reflux_step(self.reflux_step.saturating_sub(1)),
            Command::RefluxUp => self.set_reflux_step(self.reflux_step + 1),
            Command::ToggleTotalReflux => self.toggle_total_reflux(),
            Command::SwitchModel => self.switch_model(),
            Command::NextView => self.view = self.view.next(),
        }
        if command != Command::NextView {
            self.plot = Plot::compute(&self.curve, &self.input);
        }
    }

    /// Sets the feed, kept between [`MIN_FEED`] and just below the azeotrope,
    /// and rounded to [`FEED_STEP`] so repeated presses do not drift.
    fn set_feed(&mut self, feed: f64) {
        let rounded = (feed / FEED_STEP).round() * FEED_STEP;
        self.input.feed = rounded.clamp(MIN_FEED, self.max_feed);
    }

    fn set_reflux_step(&mut self, step: usize) {
        self.reflux_step = step.min(REFLUX_STEPS.len() - 1);
        self.input.reflux = REFLUX_STEPS[self.reflux_step];
    }

    fn toggle_total_reflux(&mut self) {
        let total = REFLUX_STEPS.len() - 1;
        let step = if self.reflux_step == total {
            DEFAULT_REFLUX_STEP
        } else {
            total
        };
        self.set_reflux_step(step);
    }

    fn switch_model(&mut self) {
        self.curve = match self.curve {
            EthanolWater::Measured(_) => EthanolWater::van_laar(),
            EthanolWater::VanLaar(_) => EthanolWater::measured(),
        };
        self.max_feed = composition_limit(&self.curve) - FEED_MARGIN;
        self.set_feed(self.input.feed);
    }

    fn title_line(&self, theme: &Theme) -> Line<'static> {
        Line::from(vec![
            Span::styled("Ethanol-water column", theme.title),
            Span::styled(format!(", 1 atm · {}", self.curve.name()), theme.dim),
        ])
    }

    fn render_wide(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [diagrams, side] =
            Layout::horizontal([Constraint::Min(0), Constraint::Length(SIDE_WIDTH)]).areas(area);
        let [stairs, temperatures] =
            Layout::vertical([Constraint::Percentage(50), Constraint::Percentage(50)])
                .areas(diagrams);
        let [column, readouts] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(drawing::READOUT_HEIGHT),
        ])
        .areas(side);
        match &self.plot {
            Ok(plot) => {
                frame.render_widget(plot.stairs_chart(theme), stairs);
                frame.render_widget(plot.temperature_chart(theme), temperatures);
                frame.render_widget(drawing::column(plot, column.height, theme), column);
                frame.render_widget(drawing::readouts(plot, &self.curve), readouts);
            }
            Err(message) => render_error(frame, area, message, theme),
        }
    }

    fn render_narrow(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        let [main, readouts] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(drawing::SUMMARY_HEIGHT),
        ])
        .areas(area);
        let plot = match &self.plot {
            Ok(plot) => plot,
            Err(message) => {
                render_error(frame, area, message, theme);
                return;
            }
        };
        match self.view {
            View::Stairs => frame.render_widget(plot.stairs_chart(theme), main),
            View::Temperatures => frame.render_widget(plot.temperature_chart(theme), main),
            View::Column => frame.render_widget(drawing::column(plot, main.height, theme), main),
        }
        frame.render_widget(drawing::summary(plot), readouts);
    }
}

impl Screen for StillScreen {
    fn title(&self) -> String {
        "Distillation column".to_string()
    }

    /// Draws the wide layout (both diagrams, the drawing and the readouts) when
    /// the area allows, and otherwise one view at a time with a summary.
    fn render(&self, frame: &mut Frame, area: Rect, theme: &Theme) {
        if area.width < MIN_SIZE.width || area.height < MIN_SIZE.height {
            widgets::render_too_small(frame.buffer_mut(), area, MIN_SIZE, theme);
            return;
        }
        let [title, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(area);
        frame.render_widget(self.title_line(theme), title);
        if body.width >= WIDE_WIDTH && body.height >= WIDE_HEIGHT {
            self.render_wide(frame, body, theme);
        } else {
            self.render_narrow(frame, body, theme);
        }
    }

    fn handle_key(&mut self, key: KeyEvent) -> Action {
        match KEYS.command_for(&key) {
            Some(command) => {
                self.apply(command);
                Action::None
            }
            None => Action::Unhandled,
        }
    }

    fn key_help(&self) -> HelpSection {
        KEYS.help()
    }
}

fn render_error(frame: &mut Frame, area: Rect, message: &str, theme: &Theme) {
    let block = Block::bordered().title("Invalid input");
    let text = Line::styled(message.to_string(), theme.bad);
    let paragraph = Paragraph::new(text).wrap(Wrap { trim: true }).block(block);
    frame.render_widget(paragraph, area);
}
