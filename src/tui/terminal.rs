//! The real terminal: entering and leaving raw mode and the alternate
//! screen, restoring it on every exit path, and the event loop.
//!
//! Restoring happens in three places, because each covers a case the others
//! miss. [`TerminalGuard`]'s `Drop` runs on normal returns and unwinding
//! panics. The panic hook runs before the panic message is printed, so the
//! message is readable and the terminal is restored even with
//! `panic = "abort"`. [`run`] restores explicitly before it returns an error.

use std::io::{self, Stdout, Write};
use std::panic;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

use super::app::App;

/// How long the loop waits for input before it lets the top screen tick.
pub const TICK: Duration = Duration::from_millis(250);

/// True while the terminal is in the app's modes and needs restoring.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// The terminal in raw mode on the alternate screen, with bracketed paste on
/// and the cursor hidden; restored when dropped.
#[derive(Debug)]
pub struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    /// Installs the panic hook, then switches the terminal into the app's
    /// modes. If switching fails halfway, what was switched is undone.
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        ACTIVE.store(true, Ordering::SeqCst);
        if let Err(err) = enter_modes() {
            restore();
            return Err(err);
        }
        match Terminal::new(CrosstermBackend::new(io::stdout())) {
            Ok(terminal) => Ok(Self { terminal }),
            Err(err) => {
                restore();
                Err(err)
            }
        }
    }

    pub fn terminal(&mut self) -> &mut Terminal<CrosstermBackend<Stdout>> {
        &mut self.terminal
    }

    /// Restores the terminal now; dropping the guard afterwards does nothing.
    pub fn restore(self) {
        drop(self);
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

fn enter_modes() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Leaves the app's terminal modes if they are active. Safe to call more
/// than once and from the panic hook. Errors are ignored, because a terminal
/// that cannot be written to cannot be restored either.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut stdout = io::stdout();
    let _ = execute!(
        stdout,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = disable_raw_mode();
    let _ = stdout.flush();
}

/// Chains a panic hook that restores the terminal before the previous hook
/// prints the panic message. Installed once per process.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            restore();
            tracing::error!(%info, "panic");
            previous(info);
        }));
    });
}

/// Runs `app` in the real terminal until it quits. The terminal is restored
/// before this returns, whether it returns `Ok` or an error.
pub fn run(app: &mut App) -> io::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let result = run_loop(guard.terminal(), app);
    guard.restore();
    result
}

fn run_loop(terminal: &mut Terminal<CrosstermBackend<Stdout>>, app: &mut App) -> io::Result<()> {
    loop {
        terminal.draw(|frame| app.render(frame))?;
        if app.should_quit() {
            return Ok(());
        }
        if !event::poll(TICK)? {
            app.tick();
            continue;
        }
        // Handle every event already queued before drawing again, so fast
        // typing or a paste does not wait for one frame per key.
        app.handle_event(event::read()?);
        while !app.should_quit() && event::poll(Duration::ZERO)? {
            app.handle_event(event::read()?);
        }
    }
}
