//! The real terminal: entering and leaving raw mode and the alternate
//! screen, restoring it on every exit path, and the event loop.
//!
//! Restoring happens in three places, because each covers a case the others
//! miss. [`TerminalGuard`]'s `Drop` runs on normal returns and unwinding
//! panics. The panic hook runs before the panic message is printed, so the
//! message is readable and the terminal is restored even with
//! `panic = "abort"`. [`run`] restores explicitly before it returns an error.
//!
//! SIGTERM, SIGHUP and SIGINT would end the process without running any of
//! those, so [`run`] catches them while the UI is open, leaves the event
//! loop within one [`TICK`] and returns an error naming the signal.

use std::io::{self, Stdout, Write};
use std::panic;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once};
use std::time::Duration;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};
use signal_hook::SigId;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

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
/// before this returns, whether it returns `Ok` or an error. A SIGTERM,
/// SIGHUP or SIGINT received meanwhile ends the loop with an
/// [`io::ErrorKind::Interrupted`] error that names the signal.
pub fn run(app: &mut App) -> io::Result<()> {
    let stop = StopSignals::register()?;
    let mut guard = TerminalGuard::enter()?;
    let result = run_loop(guard.terminal(), app, &stop);
    guard.restore();
    stop.unregister();
    result
}

/// Termination signals caught while the UI is open. Each handler only
/// stores the signal number, which is async-signal-safe, and the event loop
/// reads it.
struct StopSignals {
    received: Arc<AtomicUsize>,
    ids: Vec<SigId>,
}

impl StopSignals {
    fn register() -> io::Result<Self> {
        let received = Arc::new(AtomicUsize::new(0));
        let mut ids = Vec::new();
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            let value = usize::try_from(signal).unwrap_or(usize::MAX);
            let id = signal_hook::flag::register_usize(signal, Arc::clone(&received), value)?;
            ids.push(id);
        }
        Ok(Self { received, ids })
    }

    /// Returns an error naming the signal, if one arrived.
    fn check(&self) -> io::Result<()> {
        let name = match i32::try_from(self.received.load(Ordering::SeqCst)) {
            Ok(0) => return Ok(()),
            Ok(SIGTERM) => "SIGTERM",
            Ok(SIGHUP) => "SIGHUP",
            _ => "SIGINT",
        };
        tracing::warn!(signal = name, "terminal UI stopped by a signal");
        Err(io::Error::new(
            io::ErrorKind::Interrupted,
            format!("stopped by {name}"),
        ))
    }

    fn unregister(self) {
        for id in self.ids {
            signal_hook::low_level::unregister(id);
        }
    }
}

fn run_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    stop: &StopSignals,
) -> io::Result<()> {
    loop {
        stop.check()?;
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
