//! Builds the storage benchmark's database (100,000 cards, about 1,000,000
//! answers) at the path given, and prints the study day to query it on.
//!
//! Run with `cargo run --release --example store_bench_db -- PATH`.

#[path = "../benches/support/store_data.rs"]
mod store_data;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: store_bench_db PATH (a database file that does not exist yet)");
        return ExitCode::FAILURE;
    };
    if path.exists() {
        eprintln!("{} already exists: pass a new path", path.display());
        return ExitCode::FAILURE;
    }
    match store_data::build(&path) {
        Ok(today) => {
            println!("{today}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: building {} failed: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}
