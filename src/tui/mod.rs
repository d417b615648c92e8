//! The terminal UI: an [`App`] holding a stack of [`Screen`]s, the event
//! loop in [`terminal`], and shared drawing helpers.
//!
//! Screens render from `&self` and turn key presses into [`Action`]s that
//! the app performs (see [`screen`] for the contract). Key bindings live in
//! one [`keys::KeyTable`] per screen, which both dispatches keys and builds
//! the `?` help and the footer. Lesson text passes through [`text`] before it
//! reaches the terminal, and colors come from [`Theme`], which honours
//! `NO_COLOR`.

pub mod app;
pub mod dashboard;
pub mod data;
pub mod help;
pub mod input;
pub mod kd;
pub mod keys;
pub mod model;
pub mod notice;
pub mod path;
pub mod quiz;
pub mod reader;
pub mod review;
pub mod review_prompt;
pub mod routes;
pub mod screen;
pub mod stats;
pub mod still;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod widgets;
pub mod wrap;

pub use app::App;
pub use screen::{Action, Clock, Context, Reply, Route, Screen, StoreTask, TaskError};
pub use theme::Theme;
