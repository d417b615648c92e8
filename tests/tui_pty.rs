//! End to end in a pseudo-terminal: the real binary opens the dashboard,
//! reviews three cards, quits, and leaves the terminal as it found it.
//! A vt100 parser reads the screen the way a terminal emulator would.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// Longest wait for a screen to appear. It only stops a broken run from
/// hanging the test suite; a passing run needs a small fraction of it.
const HANG_GUARD: Duration = Duration::from_secs(120);

/// The child's screen as a vt100 parser sees it, fed by a reader thread.
struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Screen {
    fn spawn_reader(mut reader: Box<dyn Read + Send>) -> Self {
        let rows = NonZeroU16::new(ROWS).expect("rows");
        let cols = NonZeroU16::new(COLS).expect("columns");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let sink = Arc::clone(&parser);
        let reader = thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser lock").process(&buf[..n]);
            }
        });
        Self {
            parser,
            reader: Some(reader),
        }
    }

    /// Waits until the child closed the terminal and every byte it wrote has
    /// been parsed.
    fn finish(&mut self) {
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it
    /// never does.
    fn wait_for(&self, text: &str) {
        let started = Instant::now();
        while started.elapsed() < HANG_GUARD {
            if self.contents().contains(text) {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "screen never showed {text:?}; it shows:\n{}",
            self.contents()
        );
    }

    fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.parser.lock().expect("parser lock").screen())
    }
}

fn answers_in(db: &Path) -> (i64, i64) {
    let conn = rusqlite::Connection::open(db).expect("open database");
    let total = conn
        .query_row("select count(*) from review_log", [], |row| row.get(0))
        .expect("count answers");
    let timed = conn
        .query_row(
            "select count(*) from review_log where duration_ms is not null",
            [],
            |row| row.get(0),
        )
        .expect("count timed answers");
    (total, timed)
}

fn spawn_distill(
    dir: &Path,
    db: &Path,
    extra_env: &[(&str, &str)],
) -> (Box<dyn MasterPty + Send>, Box<dyn portable_pty::Child>) {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_distill"));
    cmd.arg("--now");
    cmd.arg("2026-03-05T09:30:00+02:00");
    cmd.env("DISTILL_DB", db);
    cmd.env("HOME", dir);
    cmd.env("XDG_DATA_HOME", dir.join("data"));
    cmd.env("XDG_CONFIG_HOME", dir.join("config"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("DISTILL_LOG", "debug");
    cmd.env_remove("DISTILL_CONFIG");
    cmd.env_remove("NO_COLOR");
    for (name, value) in extra_env {
        cmd.env(name, value);
    }
    cmd.cwd(dir);
    let child = pair.slave.spawn_command(cmd).expect("spawn distill");
    drop(pair.slave);
    (pair.master, child)
}

#[test]
fn review_three_cards_in_pty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("distill.db");
    let (master, mut child) = spawn_distill(dir.path(), &db, &[]);
    let modes_before = master.get_termios().expect("termios before");
    let mut screen = Screen::spawn_reader(master.try_clone_reader().expect("pty reader"));
    let mut keys = master.take_writer().expect("pty writer");
    let mut send = |bytes: &[u8]| {
        keys.write_all(bytes).expect("write key");
        keys.flush().expect("flush key");
    };

    screen.wait_for("Due in the next 14 days");
    let modes_during = master.get_termios().expect("termios during");
    assert_ne!(
        modes_during.local_flags, modes_before.local_flags,
        "raw mode was never entered"
    );
    assert!(screen.with_screen(vt100::Screen::alternate_screen));

    send(b"\r");
    screen.wait_for("show answer");
    for done in 1..=3 {
        send(b" ");
        screen.wait_for("3 Good");
        send(b"3");
        screen.wait_for(&format!("{done} of "));
    }
    send(b"q");
    screen.wait_for("Due in the next 14 days");
    send(b"q");

    let status = child.wait().expect("wait for distill");
    screen.finish();
    assert!(
        status.success(),
        "distill exited with {status:?}:\n{}",
        screen.contents()
    );
    assert_eq!(answers_in(&db), (3, 3));
    assert!(
        !screen.with_screen(vt100::Screen::alternate_screen),
        "alternate screen left on"
    );
    assert!(
        !screen.with_screen(vt100::Screen::hide_cursor),
        "cursor left hidden"
    );
    assert!(
        !screen.with_screen(vt100::Screen::bracketed_paste),
        "bracketed paste left on"
    );
    let modes_after = master.get_termios().expect("termios after");
    assert_eq!(
        modes_after.local_flags, modes_before.local_flags,
        "local modes not restored"
    );
    assert_eq!(
        modes_after.input_flags, modes_before.input_flags,
        "input modes not restored"
    );
    assert_eq!(
        modes_after.output_flags, modes_before.output_flags,
        "output modes not restored"
    );
    let log = std::fs::read_to_string(dir.path().join("distill.log")).expect("log file");
    assert!(log.contains("terminal UI stopped"), "{log}");
}

/// Returns the cells of the screen drawn with a color other than the
/// terminal's default, as (row, column) pairs.
fn colored_cells(screen: &vt100::Screen) -> Vec<(u16, u16)> {
    let mut colored = Vec::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            let Some(cell) = screen.cell(row, col) else {
                continue;
            };
            let default = vt100::Color::Default;
            if cell.fgcolor() != default || cell.bgcolor() != default {
                colored.push((row, col));
            }
        }
    }
    colored
}

#[test]
fn no_color_draws_without_colors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("distill.db");
    for (no_color, expect_colors) in [("", true), ("1", false)] {
        let (master, mut child) = spawn_distill(dir.path(), &db, &[("NO_COLOR", no_color)]);
        let mut screen = Screen::spawn_reader(master.try_clone_reader().expect("pty reader"));
        screen.wait_for("Due in the next 14 days");
        let colored = screen.with_screen(colored_cells);
        let mut keys = master.take_writer().expect("pty writer");
        keys.write_all(b"q").expect("write key");
        keys.flush().expect("flush key");
        let status = child.wait().expect("wait for distill");
        screen.finish();
        assert!(
            status.success(),
            "NO_COLOR={no_color:?}: exited with {status:?}"
        );
        assert_eq!(
            !colored.is_empty(),
            expect_colors,
            "NO_COLOR={no_color:?}: {colored:?}"
        );
    }
}

/// Environment variable that turns [`panic_inside_guard`] from a skipped
/// test into the child process of [`panic_restores_terminal`].
const PANIC_CHILD_ENV: &str = "DISTILL_TEST_PANIC_CHILD";

#[test]
#[ignore = "runs only as the child process of panic_restores_terminal"]
fn panic_inside_guard() {
    if std::env::var_os(PANIC_CHILD_ENV).is_none() {
        return;
    }
    let _guard = distill::tui::terminal::TerminalGuard::enter().expect("enter terminal modes");
    panic!("deliberate panic inside the terminal guard");
}

#[test]
fn panic_restores_terminal() {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open pty");
    let test_binary = std::env::current_exe().expect("test binary path");
    let mut cmd = CommandBuilder::new(test_binary);
    cmd.args(["panic_inside_guard", "--exact", "--ignored", "--nocapture"]);
    cmd.env(PANIC_CHILD_ENV, "1");
    cmd.env("TERM", "xterm-256color");
    cmd.env("RUST_BACKTRACE", "0");
    let modes_before = pair.master.get_termios().expect("termios before");
    let mut child = pair.slave.spawn_command(cmd).expect("spawn child test");
    drop(pair.slave);
    let mut screen = Screen::spawn_reader(pair.master.try_clone_reader().expect("pty reader"));

    let status = child.wait().expect("wait for child test");
    screen.finish();
    assert!(
        !status.success(),
        "the child test did not panic:\n{}",
        screen.contents()
    );
    assert!(
        screen.contents().contains("deliberate panic"),
        "{}",
        screen.contents()
    );
    assert!(
        !screen.with_screen(vt100::Screen::alternate_screen),
        "alternate screen left on"
    );
    assert!(
        !screen.with_screen(vt100::Screen::hide_cursor),
        "cursor left hidden"
    );
    assert!(
        !screen.with_screen(vt100::Screen::bracketed_paste),
        "bracketed paste left on"
    );
    let modes_after = pair.master.get_termios().expect("termios after");
    assert_eq!(
        modes_after.local_flags, modes_before.local_flags,
        "local modes not restored"
    );
    assert_eq!(
        modes_after.input_flags, modes_before.input_flags,
        "input modes not restored"
    );
}
