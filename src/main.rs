use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = distill::cli::Cli::parse();
    match distill::cli::run(cli) {
        Ok(code) => code,
        // The reader closed the pipe early (`distill due | head`), so it has
        // all the output it wants and this is a normal end.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Returns whether any error in the chain is an I/O error of kind `BrokenPipe`.
/// `serde_json::Error` and `csv::Error` are checked on their own, because
/// their `source()` does not return the I/O error they wrap (serde_json
/// 1.0.154, csv 1.4.0).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken_pipe = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io.kind()) == broken_pipe;
        }
        if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
            return json.io_error_kind() == broken_pipe;
        }
        cause
            .downcast_ref::<csv::Error>()
            .is_some_and(|csv| csv_io_error_kind(csv) == broken_pipe)
    })
}

fn csv_io_error_kind(err: &csv::Error) -> Option<std::io::ErrorKind> {
    match err.kind() {
        csv::ErrorKind::Io(io) => Some(io.kind()),
        _ => None,
    }
}
