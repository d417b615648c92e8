//! Escape sequences and control characters inside lesson text never reach
//! the terminal: not from the review, path and reader screens of the real
//! binary in a pseudo-terminal, and not from the text output of
//! `distill check`, `distill import` and `distill due`.

#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    reason = "helpers outside #[test] functions fail the test on error"
)]

mod pty_support;

use std::path::PathBuf;

use assert_cmd::Command;
use pty_support::PtyRun;

const NOW: &str = "2026-03-05T09:30:00Z";

/// Sequences a hostile lesson could carry: clear screen, an OSC 52 write to
/// the clipboard, a window title, a DCS request, and bare C0 and C1 controls
/// (BEL, BS, VT, FF, DEL, the one-byte CSI and OSC, NEL).
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;cHduZWQ=\u{7}\u{1b}]0;pwned\u{1b}\\\
                       \u{1b}P+q544e\u{1b}\\\u{7}\u{8}\u{b}\u{c}\u{7f}\
                       \u{9b}31m\u{9d}2;pwned\u{9c}\u{85}";

/// Byte strings that would only appear in the output if a sequence from
/// [`HOSTILE`] went through raw: the screen-clearing CSI right before the
/// text that follows it in the lesson, the OSC and DCS introducers with
/// their bodies, BEL, and the UTF-8 encodings of the C1 controls.
const FORBIDDEN: [&[u8]; 9] = [
    b"\x1b[2JClear",
    b"\x1b]52;c;",
    b"\x1b]0;pwned",
    b"\x1bP+q",
    b"\x07",
    b"\xc2\x9b",
    b"\xc2\x9c",
    b"\xc2\x9d",
    b"\xc2\x85",
];

/// Single control bytes that `distill` never writes itself.
const FORBIDDEN_BYTES: [u8; 4] = [0x08, 0x0b, 0x0c, 0x7f];

fn lesson_text() -> String {
    let h = HOSTILE;
    format!(
        "# Hostile{h} lesson\n\
         \n\
         ## Overview\n\
         \n\
         Overview text{h}Clear and more.\n\
         \n\
         ## Key Concepts\n\
         \n\
         - **Reflux{h}Clear** – liquid{h}Clear sent back to the column\n\
         - **Plate** – one{h}Clear stage of contact\n\
         \n\
         ## Step-by-step Learning Path\n\
         \n\
         1. **First step{h}Clear**\n\
         \x20  - Focus: vapour{h}Clear and liquid\n\
         \x20  - Task: draw{h}Clear a column\n\
         \x20  - Questions: Why reflux{h}Clear?\n\
         \n\
         ## Short Retrieval Quiz\n\
         \n\
         1. What does a plate{h}Clear do?\n\
         \n\
         ## Quick Recap\n\
         \n\
         - Recap{h}Clear line\n"
    )
}

struct Setup {
    dir: tempfile::TempDir,
    lesson: PathBuf,
    db: PathBuf,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("hostile.md");
    std::fs::write(&lesson, lesson_text()).unwrap();
    let db = dir.path().join("study.db");
    Setup { dir, lesson, db }
}

fn distill(setup: &Setup) -> Command {
    let mut command = Command::cargo_bin("distill").unwrap();
    command
        .env_clear()
        .env("TZ", "UTC")
        .env("HOME", setup.dir.path())
        .env("XDG_CONFIG_HOME", setup.dir.path().join("config"))
        .env("XDG_DATA_HOME", setup.dir.path().join("data"))
        .arg("--db")
        .arg(&setup.db)
        .args(["--now", NOW]);
    command
}

/// Asserts that `bytes` carry none of the lesson's sequences; `what` names
/// the output in the failure message.
fn assert_clean(bytes: &[u8], what: &str) {
    for needle in FORBIDDEN {
        let found = bytes.windows(needle.len()).position(|w| w == needle);
        assert_eq!(
            found,
            None,
            "{what} passed {:?} through:\n{}",
            String::from_utf8_lossy(needle),
            String::from_utf8_lossy(bytes)
        );
    }
    for byte in FORBIDDEN_BYTES {
        assert!(
            !bytes.contains(&byte),
            "{what} wrote control byte {byte:#04x}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// Asserts that text output has no escape character at all, because plain
/// output of `distill` writes none.
fn assert_plain(bytes: &[u8], what: &str) {
    assert_clean(bytes, what);
    assert!(
        !bytes.contains(&0x1b),
        "{what} wrote an escape character:\n{}",
        String::from_utf8_lossy(bytes)
    );
}

fn import(setup: &Setup) {
    let output = distill(setup)
        .arg("import")
        .arg(&setup.lesson)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "import failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_plain(&output.stdout, "distill import stdout");
    assert_plain(&output.stderr, "distill import stderr");
}

#[test]
fn check_output_strips_escapes() {
    let setup = setup();
    let output = distill(&setup)
        .arg("check")
        .arg(&setup.lesson)
        .output()
        .unwrap();
    assert_plain(&output.stdout, "distill check stdout");
    assert_plain(&output.stderr, "distill check stderr");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("concepts 2"), "{stdout}");
}

#[test]
fn due_output_strips_escapes() {
    let setup = setup();
    import(&setup);
    let output = distill(&setup)
        .args(["due", "--lesson", "hostile"])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_plain(&output.stdout, "distill due stdout");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("RefluxClear"), "{stdout}");
}

fn quit(mut run: PtyRun) -> Vec<u8> {
    // From a screen opened directly, each `q` goes back one screen and the
    // last one exits.
    for _ in 0..3 {
        if run.child.try_wait().unwrap().is_some() {
            break;
        }
        run.send(b"q");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    let status = run.wait_exit();
    assert!(status.success(), "distill exited with {status:?}");
    run.raw()
}

#[test]
fn review_screen_strips_escapes() {
    let setup = setup();
    import(&setup);
    let mut run = PtyRun::spawn(
        setup.dir.path(),
        &setup.db,
        NOW,
        &["review", "--lesson", "hostile"],
    );
    run.wait_for("show answer");
    // Reveal and grade every card, so each front and back is drawn.
    for _ in 0..4 {
        if run.contents().contains("session done") || !run.contents().contains("show answer") {
            break;
        }
        run.send(b" ");
        run.wait_for("3 Good");
        let screen = run.contents();
        run.send(b"3");
        run.wait_until("the next card", |now| now != screen);
    }
    let shown = run.contents();
    let raw = quit(run);
    assert_clean(&raw, "review screen");
    assert!(raw.windows(11).any(|w| w == b"RefluxClear"), "{shown}");
}

#[test]
fn path_and_reader_strip_escapes() {
    let setup = setup();
    import(&setup);
    let mut run = PtyRun::spawn(setup.dir.path(), &setup.db, NOW, &["path", "hostile"]);
    run.wait_for("First stepClear");
    run.send(b"r");
    run.wait_for("Overview textClear");
    let raw = quit(run);
    assert_clean(&raw, "path and reader screens");
}
