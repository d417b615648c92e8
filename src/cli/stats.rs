//! `distill stats`: study statistics.

use std::io::Write;
use std::process::ExitCode;

use super::Global;
use super::context::Context;
use crate::store::Stats;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args, global: &Global) -> anyhow::Result<ExitCode> {
    let context = Context::new(global)?;
    let store = context.open_store()?;
    let stats = store.stats(context.today()?, context.settings.new_per_day)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&stats)?)?;
    } else {
        write_text(&mut out, &stats)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_text(out: &mut impl Write, stats: &Stats) -> std::io::Result<()> {
    let counts = &stats.counts;
    writeln!(out, "today           {}", stats.today)?;
    writeln!(out, "due today       {}", counts.due_today)?;
    writeln!(out, "new today       {}", counts.new_today)?;
    writeln!(out, "reviewed today  {}", counts.reviewed_today)?;
    writeln!(out, "streak          {}", days(counts.streak_days))?;
    match stats.retention_30d {
        Some(share) => writeln!(out, "retention (30d) {:.1}%", share * 100.0)?,
        None => writeln!(out, "retention (30d) no reviews yet")?,
    }
    writeln!(out, "mastered        {}", stats.mastered)?;
    let rungs: Vec<String> = stats
        .rungs
        .iter()
        .map(|count| format!("{}:{}", count.rung, count.cards))
        .collect();
    writeln!(out, "cards per rung  {}", rungs.join("  "))?;
    writeln!(out, "forecast (next 30 days)")?;
    for day in stats.forecast.iter().filter(|day| day.due > 0) {
        writeln!(out, "  {}  {}", day.date, day.due)?;
    }
    Ok(())
}

/// Formats a day count with the noun in the right number: "1 day", "2 days".
fn days(count: u32) -> String {
    if count == 1 {
        "1 day".to_owned()
    } else {
        format!("{count} days")
    }
}
