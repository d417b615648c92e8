//! distill: a terminal study app for Markdown lessons.
//!
//! Data flows one way: [`lesson`] parses Markdown, [`deck`] derives cards and
//! quiz items, [`schedule`] decides due dates, [`store`] persists to SQLite,
//! and [`tui`] and [`cli`] present. Only `store` runs SQL and only `tui`
//! touches the terminal; the clock is always passed in.

pub mod builtin;
pub mod cli;
pub mod config;
pub mod deck;
pub mod demo;
pub mod lesson;
pub mod logging;
pub mod quiz;
pub mod schedule;
pub mod store;
pub mod tui;
