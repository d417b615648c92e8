//! The distillation column screen: the x-y diagram with the McCabe-Thiele
//! stairs, the T-x-y diagram, a labelled drawing of the column and readouts.
//! Keys change the feed, the number of plates, the reflux ratio and the
//! equilibrium model.
//!
//! Rendering only reads state. Every key that changes an input recomputes the
//! column and the plotted series at once, so [`StillScreen::render`] draws
//! from stored numbers at any size.

mod charts;
mod drawing;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use crate::demo::still::column::composition_limit;
use crate::demo::still::{DemoInput, EthanolWater, Reflux};

use self::charts::Plot;

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

/// Smallest area the screen draws into; smaller areas get a notice instead.
const MIN_WIDTH: u16 = 40;
const MIN_HEIGHT: u16 = 12;

/// Smallest body that shows both diagrams, the drawing and the readouts at once.
const WIDE_WIDTH: u16 = 90;
const WIDE_HEIGHT: u16 = 24;

/// Width of the side panel with the drawing and the readouts in the wide layout.
const SIDE_WIDTH: u16 = 44;

/// Keys of this screen as (keys, more keys, action), in the order of the help
/// line. Narrow windows leave out the second column.
pub const KEYS: [(&str, &str, &str); 6] = [
    ("←/→", "h/l", "feed"),
    ("↓/↑", "j/k", "plates"),
    ("-/+", "", "reflux"),
    ("t", "", "total"),
    ("m", "", "model"),
    ("Tab", "", "view"),
];

/// An input change requested by a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
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

impl Action {
    /// Maps a key press to its action, or `None` for keys this screen leaves
    /// to the caller (such as `q` and Esc).
    pub fn from_key(key: KeyEvent) -> Option<Self> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let action = match key.code {
            KeyCode::Left | KeyCode::Char('h') => Self::FeedDown,
            KeyCode::Right | KeyCode::Char('l') => Self::FeedUp,
            KeyCode::Down | KeyCode::Char('j') => Self::PlatesDown,
            KeyCode::Up | KeyCode::Char('k') => Self::PlatesUp,
            KeyCode::Char('-') => Self::RefluxDown,
            KeyCode::Char('+' | '=') => Self::RefluxUp,
            KeyCode::Char('t') => Self::ToggleTotalReflux,
            KeyCode::Char('m') => Self::SwitchModel,
            KeyCode::Tab => Self::NextView,
            _ => return None,
        };
        Some(action)
    }
}

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

    /// Applies a key press. Returns `true` when the screen used the key and
    /// `false` when the caller should handle it (for example `q` or Esc).
    pub fn handle_key(&mut self, key: KeyEvent) -> bool {
        match Action::from_key(key) {
            Some(action) => {
                self.apply(action);
                true
            }
            None => false,
        }
    }

    /// Changes the input for `action` and recomputes the column.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::FeedDown => self.set_feed(self.input.feed - FEED_STEP),
            Action::FeedUp => self.set_feed(self.input.feed + FEED_STEP),
            Action::PlatesDown => self.input.plates = self.input.plates.saturating_sub(1),
            Action::PlatesUp => self.input.plates = (self.input.plates + 1).min(MAX_SCREEN_PLATES),
            Action::RefluxDown => self.set_reflux_step(self.reflux_step.saturating_sub(1)),
            Action::RefluxUp => self.set_reflux_step(self.reflux_step + 1),
            Action::ToggleTotalReflux => self.toggle_total_reflux(),
            Action::SwitchModel => self.switch_model(),
            Action::NextView => self.view = self.view.next(),
        }
        if action != Action::NextView {
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

    /// Draws the screen into `area` of `frame`.
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            render_too_small(frame, area);
            return;
        }
        let [title, body, help] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        frame.render_widget(self.title_line(), title);
        frame.render_widget(help_line(help.width >= WIDE_WIDTH), help);
        if body.width >= WIDE_WIDTH && body.height >= WIDE_HEIGHT {
            self.render_wide(frame, body);
        } else {
            self.render_narrow(frame, body);
        }
    }

    fn title_line(&self) -> Line<'static> {
        Line::from(vec![
            Span::styled("Ethanol-water column", Style::new().fg(Color::Cyan)),
            Span::raw(format!(", 1 atm · {}", self.curve.name())),
        ])
    }

    fn render_wide(&self, frame: &mut Frame, area: Rect) {
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
                frame.render_widget(plot.stairs_chart(), stairs);
                frame.render_widget(plot.temperature_chart(), temperatures);
                frame.render_widget(drawing::column(plot, column.height), column);
                frame.render_widget(drawing::readouts(plot, &self.curve), readouts);
            }
            Err(message) => render_error(frame, area, message),
        }
    }

    fn render_narrow(&self, frame: &mut Frame, area: Rect) {
        let [main, readouts] = Layout::vertical([
            Constraint::Min(0),
            Constraint::Length(drawing::SUMMARY_HEIGHT),
        ])
        .areas(area);
        let Ok(plot) = &self.plot else {
            if let Err(message) = &self.plot {
                render_error(frame, area, message);
            }
            return;
        };
        match self.view {
            View::Stairs => frame.render_widget(plot.stairs_chart(), main),
            View::Temperatures => frame.render_widget(plot.temperature_chart(), main),
            View::Column => frame.render_widget(drawing::column(plot, main.height), main),
        }
        frame.render_widget(drawing::summary(plot), readouts);
    }
}

fn help_line(wide: bool) -> Line<'static> {
    let mut spans = Vec::new();
    for (keys, more_keys, action) in KEYS {
        let keys = if wide && !more_keys.is_empty() {
            format!("{keys} {more_keys}")
        } else {
            keys.to_string()
        };
        let gap = if wide { "  " } else { " " };
        spans.push(Span::styled(keys, Style::new().fg(Color::Yellow)));
        spans.push(Span::raw(format!(" {action}{gap}")));
    }
    Line::from(spans)
}

fn render_too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Window too small for the column screen: {}x{}, needs {MIN_WIDTH}x{MIN_HEIGHT}.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(text).wrap(Wrap { trim: true }), area);
}

fn render_error(frame: &mut Frame, area: Rect, message: &str) {
    let block = Block::bordered().title("Invalid input");
    let paragraph = Paragraph::new(message.to_string())
        .wrap(Wrap { trim: true })
        .block(block);
    frame.render_widget(paragraph, area);
}
