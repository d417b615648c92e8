use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = distill::cli::Cli::parse();
    match distill::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
