//! `distill stats`: study statistics.

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
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
    } else {
        print_text(&stats);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_text(stats: &Stats) {
    let counts = &stats.counts;
    println!("today           {}", stats.today);
    println!("due today       {}", counts.due_today);
    println!("new today       {}", counts.new_today);
    println!("reviewed today  {}", counts.reviewed_today);
    println!("streak          {} days", counts.streak_days);
    match stats.retention_30d {
        Some(share) => println!("retention (30d) {:.1}%", share * 100.0),
        None => println!("retention (30d) no reviews yet"),
    }
    println!("mastered        {}", stats.mastered);
    let rungs: Vec<String> = stats
        .rungs
        .iter()
        .map(|count| format!("{}:{}", count.rung, count.cards))
        .collect();
    println!("cards per rung  {}", rungs.join("  "));
    println!("forecast (next 30 days)");
    for day in stats.forecast.iter().filter(|day| day.due > 0) {
        println!("  {}  {}", day.date, day.due);
    }
}
