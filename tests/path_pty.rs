//! End to end in a pseudo-terminal: the real binary walks a lesson's
//! learning path over two runs, and the second run resumes where the first
//! left off and finishes the path. The next day the dashboard shows the
//! lesson's first review prompt, which the test answers. A vt100 parser
//! reads the screen the way a terminal emulator would.

#![cfg(unix)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// The day the path is walked and the next day, in Sofia time.
const STUDY_DAY: &str = "2026-03-02T09:30:00+02:00";
const NEXT_DAY: &str = "2026-03-03T09:30:00+02:00";

/// Maximum wait for a screen to appear. It only stops a broken run from
/// hanging the test suite, and a passing run needs a small fraction of it.
const HANG_GUARD: Duration = Duration::from_secs(120);

/// One run of the binary in a pseudo-terminal, with its screen parsed by
/// a reader thread.
struct Run {
    parser: Arc<Mutex<vt100::Parser>>,
    reader: Option<thread::JoinHandle<()>>,
    keys: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Run {
    /// Starts `distill --now NOW ARGS...` on the sandbox's database.
    fn start(sandbox: &Sandbox, now: &str, args: &[&str]) -> Run {
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
        cmd.arg(now);
        cmd.args(args);
        for (name, value) in sandbox.environment() {
            cmd.env(name, value);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("DISTILL_CONFIG");
        cmd.cwd(sandbox.dir.path());
        let child = pair.slave.spawn_command(cmd).expect("spawn distill");
        drop(pair.slave);
        let rows = NonZeroU16::new(ROWS).expect("rows");
        let cols = NonZeroU16::new(COLS).expect("columns");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let sink = Arc::clone(&parser);
        let mut output = pair.master.try_clone_reader().expect("pty reader");
        let reader = thread::spawn(move || {
            let mut buf = [0_u8; 4096];
            while let Ok(n) = output.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("parser lock").process(&buf[..n]);
            }
        });
        let keys = pair.master.take_writer().expect("pty writer");
        Run {
            parser,
            reader: Some(reader),
            keys,
            child,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    /// Waits until the screen shows `text`, or panics with the screen if it
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

    fn send(&mut self, text: &str) {
        self.keys.write_all(text.as_bytes()).expect("write keys");
        self.keys.flush().expect("flush keys");
    }

    /// Quits with `q` from a screen opened directly, and waits for a clean
    /// exit that restored the terminal.
    fn quit(mut self) {
        self.send("q");
        let status = self.child.wait().expect("wait for distill");
        if let Some(reader) = self.reader.take() {
            reader.join().expect("reader thread");
        }
        assert!(
            status.success(),
            "distill exited with {status:?}:\n{}",
            self.contents()
        );
        let parser = self.parser.lock().expect("parser lock");
        assert!(
            !parser.screen().alternate_screen(),
            "alternate screen left on"
        );
    }
}

/// A temporary home for the binary with the fixture lesson imported.
struct Sandbox {
    dir: tempfile::TempDir,
    db: PathBuf,
}

impl Sandbox {
    fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("distill.db");
        let sandbox = Sandbox { dir, db };
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolona.md");
        let output = sandbox
            .command(STUDY_DAY)
            .arg("import")
            .arg(&fixture)
            .output()
            .expect("distill runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        sandbox
    }

    fn environment(&self) -> Vec<(&'static str, PathBuf)> {
        vec![
            ("DISTILL_DB", self.db.clone()),
            ("HOME", self.dir.path().to_path_buf()),
            ("XDG_DATA_HOME", self.dir.path().join("data")),
            ("XDG_CONFIG_HOME", self.dir.path().join("config")),
            ("TZ", PathBuf::from("Europe/Sofia")),
        ]
    }

    /// Returns a `distill` command without a terminal, on this database.
    fn command(&self, now: &str) -> std::process::Command {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_distill"));
        command.env_clear().args(["--now", now]);
        command.envs(self.environment());
        command
    }

    /// Returns `distill path --json` at `now`.
    fn paths(&self, now: &str) -> serde_json::Value {
        let output = self
            .command(now)
            .args(["path", "--json"])
            .output()
            .expect("distill runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("JSON output")
    }

    fn query(&self, sql: &str) -> Vec<Vec<String>> {
        let conn = rusqlite::Connection::open(&self.db).expect("open database");
        let mut stmt = conn.prepare(sql).expect("valid query");
        let width = stmt.column_count();
        stmt.query_map([], |row| {
            (0..width)
                .map(|index| {
                    let value: rusqlite::types::Value = row.get(index)?;
                    Ok(match value {
                        rusqlite::types::Value::Null => "null".to_string(),
                        rusqlite::types::Value::Integer(number) => number.to_string(),
                        rusqlite::types::Value::Text(text) => text,
                        other => format!("{other:?}"),
                    })
                })
                .collect()
        })
        .expect("query runs")
        .collect::<Result<_, _>>()
        .expect("rows read")
    }
}

#[test]
fn finished_path_brings_first_prompt_next_day() {
    let sandbox = Sandbox::new();

    // First run: the warm-up, a note on step 1, step 1 done, then quit.
    let mut run = Run::start(&sandbox, STUDY_DAY, &["path", "kolona"]);
    run.wait_for("Warm-up");
    run.send("\r");
    run.wait_for("Step 1 of 3: Път на парата");
    run.send("\t");
    run.wait_for("Note (saved as you type");
    run.send("кипникът е най-горещ");
    run.wait_for("кипникът е най-горещ");
    run.send("\r");
    run.wait_for("Note (Tab to edit)");
    run.send("\r");
    run.wait_for("Step 2 of 3");
    run.quit();
    assert_eq!(
        sandbox.query("select slot, note, done from path_notes order by slot"),
        [["step:път на парата", "кипникът е най-горещ", "1"]]
    );

    // Second run resumes on step 2 and finishes the path.
    let mut run = Run::start(&sandbox, STUDY_DAY, &["path", "kolona"]);
    run.wait_for("Step 2 of 3: Рефлуксът в действие");
    run.send("\r");
    run.wait_for("Step 3 of 3");
    run.send("\r");
    run.wait_for("Lesson studied. Its first review prompt is due on 2026-03-03.");
    run.wait_for("Studied on 2026-03-02");
    run.quit();

    // Nothing is due on the study day, and the first prompt is due the
    // next day.
    let today = sandbox.paths(STUDY_DAY);
    assert_eq!(today["due_prompts"], serde_json::json!([]));
    let kolona = today["lessons"]
        .as_array()
        .expect("lessons")
        .iter()
        .find(|lesson| lesson["id"] == "kolona")
        .cloned()
        .expect("the fixture is listed");
    assert_eq!(kolona["done"], 3);
    assert_eq!(kolona["studied_on"], "2026-03-02");
    let next = sandbox.paths(NEXT_DAY);
    let due = next["due_prompts"].as_array().expect("due prompts");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["days"], 1);
    assert_eq!(due[0]["due"], "2026-03-03");
    assert_eq!(due[0]["prompt"], "Назовете частите на колоната по памет.");

    // The next day the dashboard lists the prompt, and v opens it.
    let mut run = Run::start(&sandbox, NEXT_DAY, &[]);
    run.wait_for("Lesson review prompts due");
    run.wait_for("Колоната за дестилация · day 1: Назовете частите на колоната по памет.");
    run.send("v");
    run.wait_for("What you recall");
    run.send("кипник, плата, кондензатор\r");
    run.wait_for("Recap:");
    run.send("3");
    run.wait_for("Done: 1 review prompt(s) answered.");
    run.send("\r");
    run.wait_for("Due in the next 14 days");
    run.send("q");
    let status = run.child.wait().expect("wait for distill");
    assert!(status.success(), "distill exited with {status:?}");
    if let Some(reader) = run.reader.take() {
        reader.join().expect("reader thread");
    }
    assert_eq!(
        sandbox.query("select position, grade, note, due_before, due_after from lesson_review_log"),
        [["0", "3", "кипник, плата, кондензатор", "2026-03-03", "null"]]
    );
}
