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
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
