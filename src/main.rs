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
/// A `serde_json::Error` is checked on its own, because its `source()` skips
/// the I/O error it wraps (serde_json 1.0.154).
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    let broken_pipe = Some(std::io::ErrorKind::BrokenPipe);
    err.chain().any(|cause| {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            return Some(io.kind()) == broken_pipe;
        }
        cause
            .downcast_ref::<serde_json::Error>()
            .is_some_and(|json| json.io_error_kind() == broken_pipe)
    })
}
