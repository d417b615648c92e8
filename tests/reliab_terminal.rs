//! The terminal is restored when the real binary stops on an error instead
//! of a `q`: here a SIGTERM or SIGHUP sent while the dashboard is open. The
//! vt100 parser and the pty's termios show whether the alternate screen,
//! the hidden cursor, bracketed paste and raw mode were all undone.

#![cfg(unix)]

mod pty_support;

use pty_support::PtyRun;

const NOW: &str = "2026-03-05T09:30:00+02:00";

/// Sends `signal` (a name such as TERM) to the process `pid` with the `kill` command,
/// so the test needs no extra crate for signals.
fn send_signal(pid: u32, signal: &str) {
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal} {pid} failed");
}

fn assert_restored_after(signal: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("distill.db");
    let mut run = PtyRun::spawn(dir.path(), &db, NOW, &[]);
    let modes_before = run.master.get_termios().expect("termios before");
    run.wait_for("Due in the next 14 days");
    let modes_during = run.master.get_termios().expect("termios during");
    assert_ne!(
        modes_during.local_flags, modes_before.local_flags,
        "raw mode was never entered"
    );

    let pid = run.child.process_id().expect("child pid");
    send_signal(pid, signal);
    let status = run.wait_exit();

    assert!(
        !status.success(),
        "{signal}: distill exited with {status:?}"
    );
    let alternate = run.with_screen(vt100::Screen::alternate_screen);
    assert!(!alternate, "{signal}: alternate screen left on");
    let hidden = run.with_screen(vt100::Screen::hide_cursor);
    assert!(!hidden, "{signal}: cursor left hidden");
    let paste = run.with_screen(vt100::Screen::bracketed_paste);
    assert!(!paste, "{signal}: bracketed paste left on");
    let modes_after = run.master.get_termios().expect("termios after");
    assert_eq!(
        modes_after.local_flags, modes_before.local_flags,
        "{signal}: local modes"
    );
    assert_eq!(
        modes_after.input_flags, modes_before.input_flags,
        "{signal}: input modes"
    );
    assert_eq!(
        modes_after.output_flags, modes_before.output_flags,
        "{signal}: output modes"
    );
    let screen = run.contents();
    assert!(
        screen.contains(&format!("stopped by SIG{signal}")),
        "{signal}: {screen}"
    );
}

#[test]
fn sigterm_restores_terminal() {
    assert_restored_after("TERM");
}

#[test]
fn sighup_restores_terminal() {
    assert_restored_after("HUP");
}
