//! The real `distill` binary in a pseudo-terminal, for the reliability
//! tests: every byte it writes is kept raw and also fed to a vt100 parser,
//! which reads the screen the way a terminal emulator would.

#![allow(
    dead_code,
    reason = "each test file uses a different part of this module"
)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

/// Longest wait for a screen to appear. It only stops a broken run from
/// hanging the test suite; a passing run needs a small fraction of it.
const HANG_GUARD: Duration = Duration::from_secs(120);

/// Bytes the child wrote and the screen they draw, shared with the reader
/// thread.
#[derive(Default)]
struct Output {
    raw: Vec<u8>,
    parser: Option<vt100::Parser>,
}

/// One `distill` process running in its own pseudo-terminal.
pub struct PtyRun {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    output: Arc<Mutex<Output>>,
    reader: Option<thread::JoinHandle<()>>,
    keys: Box<dyn Write + Send>,
}

impl PtyRun {
    /// Starts `distill ARGS` on the database `db`, with its home, config and
    /// log inside `dir`, and the clock fixed at `now`.
    pub fn spawn(dir: &Path, db: &Path, now: &str, args: &[&str]) -> PtyRun {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_distill"));
        cmd.args(["--now", now]);
        cmd.args(args);
        cmd.env("DISTILL_DB", db);
        cmd.env("HOME", dir);
        cmd.env("XDG_DATA_HOME", dir.join("data"));
        cmd.env("XDG_CONFIG_HOME", dir.join("config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("TZ", "UTC");
        cmd.env_remove("DISTILL_CONFIG");
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).expect("spawn distill");
        drop(pair.slave);

        let rows = NonZeroU16::new(ROWS).expect("rows");
        let cols = NonZeroU16::new(COLS).expect("columns");
        let output = Arc::new(Mutex::new(Output {
            raw: Vec::new(),
            parser: Some(vt100::Parser::new(rows, cols, 0)),
        }));
        let sink = Arc::clone(&output);
        let mut source = pair.master.try_clone_reader().expect("pty reader");
        let reader = thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            while let Ok(n) = source.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut output = sink.lock().expect("output lock");
                output.raw.extend_from_slice(&buf[..n]);
                if let Some(parser) = output.parser.as_mut() {
                    parser.process(&buf[..n]);
                }
            }
        });
        let keys = pair.master.take_writer().expect("pty writer");
        PtyRun {
            master: pair.master,
            child,
            output,
            reader: Some(reader),
            keys,
        }
    }

    /// Returns the text on the screen now.
    pub fn contents(&self) -> String {
        self.with_screen(vt100::Screen::contents)
    }

    /// Calls `f` with the screen as the terminal emulator sees it now.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        let output = self.output.lock().expect("output lock");
        f(output.parser.as_ref().expect("parser").screen())
    }

    /// Returns a copy of every byte the child wrote so far.
    pub fn raw(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").raw.clone()
    }

    /// Waits until the screen shows `text`, or panics with the screen if it
    /// never does.
    pub fn wait_for(&self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Waits until `done` returns true for the screen text; `what` names the
    /// condition in the panic message.
    pub fn wait_until(&self, what: &str, mut done: impl FnMut(&str) -> bool) {
        let started = Instant::now();
        while started.elapsed() < HANG_GUARD {
            if done(&self.contents()) {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        panic!("screen never showed {what}; it shows:\n{}", self.contents());
    }

    /// Types `bytes` into the terminal.
    pub fn send(&mut self, bytes: &[u8]) {
        self.keys.write_all(bytes).expect("write keys");
        self.keys.flush().expect("flush keys");
    }

    /// Waits for the child to exit and for every byte it wrote to be parsed.
    pub fn wait_exit(&mut self) -> ExitStatus {
        let status = self.child.wait().expect("wait for distill");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        status
    }
}
