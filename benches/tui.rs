//! Terminal UI speed on a database of 100,000 cards. The benchmark times one
//! frame's render, loading the dashboard and start-up to the first frame in
//! one process. It also times the whole `distill` process to its first frame
//! in a pseudo-terminal, beside the sqlite3 shell running the dashboard's
//! counts.
//!
//! Run with `cargo bench --bench tui`. The database holds ten generated
//! Bulgarian lessons of 5,000 key concepts each (a concept card and its
//! reverse per concept) and 60,000 answers spread over the 60 days before
//! the benchmark's study day. The process comparison needs `sqlite3` on the
//! `PATH` and is skipped without it.

use std::hint::black_box;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, criterion_group, criterion_main};
use distill::config::Settings;
use distill::deck::CardId;
use distill::schedule::{Grade, StudyTime};
use distill::store::{AnswerRequest, LessonFile, Store, source_sha256};
use distill::tui::dashboard::DashboardScreen;
use distill::tui::review::ReviewScreen;
use distill::tui::stats::StatsScreen;
use distill::tui::{App, Clock, Context, Route, Screen, Theme, data};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const LESSONS: usize = 10;
const CONCEPTS_PER_LESSON: usize = 5_000;
const ANSWER_DAYS: u32 = 60;
const ANSWERS_PER_DAY: usize = 1_000;
const NOW: &str = "2026-03-05T09:30:00+02:00";
const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(NOW).expect("valid benchmark time")
}

/// Builds one lesson of [`CONCEPTS_PER_LESSON`] key concepts.
fn lesson_markdown(index: usize) -> String {
    let mut text = format!("# Урок {index}: дестилация в числа\n\n## Ключови понятия\n\n");
    for concept in 0..CONCEPTS_PER_LESSON {
        text.push_str(&format!(
            "- **Понятие {index}-{concept} (term {concept})** – определение номер {concept} \
             с `код`, „кавички“ и 78\u{a0}°C.\n"
        ));
    }
    text
}

/// Creates the benchmark database in `dir` and returns its path.
fn build_database(dir: &Path) -> PathBuf {
    let path = dir.join("distill.db");
    let mut store = Store::open(&path).expect("create database");
    let files: Vec<LessonFile> = (0..LESSONS)
        .map(|index| {
            let text = lesson_markdown(index);
            let id = format!("generated-{index}");
            let file = PathBuf::from(format!("{id}.md"));
            let lesson = distill::lesson::parse(&file, &id, text.as_bytes()).expect("parse");
            LessonFile {
                lesson,
                source: file.display().to_string(),
                sha256: source_sha256(text.as_bytes()),
            }
        })
        .collect();
    store.import_lessons(&files, now()).expect("import lessons");
    answer_past_days(&mut store);
    path
}

/// Answers [`ANSWERS_PER_DAY`] new cards on each of the [`ANSWER_DAYS`] days
/// before the benchmark's day, cycling through the four grades.
fn answer_past_days(store: &mut Store) {
    let settings = Settings::default();
    for days_ago in (1..=ANSWER_DAYS).rev() {
        let at = now() - chrono::Duration::days(i64::from(days_ago));
        let time = StudyTime::new(at, settings.day_start_hour).expect("study time");
        let queue = store
            .due_queue(
                time.day,
                u32::try_from(ANSWERS_PER_DAY).unwrap_or(u32::MAX),
                None,
            )
            .expect("due queue");
        let requests: Vec<AnswerRequest> = queue
            .iter()
            .filter(|card| card.state.is_new())
            .take(ANSWERS_PER_DAY)
            .enumerate()
            .map(|(n, card)| AnswerRequest {
                card: CardId::new(card.id.as_str()),
                grade: Grade::ALL[n % 4],
                time,
                duration: Some(Duration::from_millis(4_000)),
            })
            .collect();
        store.record_answers(&requests).expect("record answers");
    }
}

fn context(db: &Path) -> Context {
    let store = Store::open(db).expect("open database");
    Context::new(Clock::starting_at(now())).with_store(store, Settings::default())
}

fn render(app: &App, terminal: &mut Terminal<TestBackend>) {
    terminal.draw(|frame| app.render(frame)).expect("draw");
}

fn bench_frames(c: &mut Criterion, db: &Path) {
    let mut ctx = context(db);
    let dashboard = DashboardScreen::open(&mut ctx).expect("dashboard");
    let lessons = dashboard.view().lessons.len();
    let cards: u32 = dashboard.view().lessons.iter().map(|row| row.cards).sum();
    eprintln!("benchmark database: {lessons} lessons, {cards} cards");
    let screens: Vec<(&str, Box<dyn Screen>)> = vec![
        ("dashboard", Box::new(dashboard)),
        (
            "review",
            Box::new(ReviewScreen::open(&mut ctx, None).expect("review")),
        ),
        (
            "stats",
            Box::new(StatsScreen::open(&mut ctx).expect("stats")),
        ),
    ];
    let mut group = c.benchmark_group("tui_frame_100x30");
    for (name, screen) in screens {
        let app = App::with_screen(Context::new(Clock::System), Theme::colored(), screen);
        let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
        group.bench_function(name, |b| b.iter(|| render(black_box(&app), &mut terminal)));
    }
    group.finish();
}

fn bench_startup(c: &mut Criterion, db: &Path) {
    let mut group = c.benchmark_group("tui_startup_100k");
    group.sample_size(20);
    let mut ctx = context(db);
    group.bench_function("load_dashboard", |b| {
        b.iter(|| data::load_dashboard(&mut ctx).expect("dashboard"))
    });
    group.bench_function("open_to_first_frame", |b| {
        b.iter(|| {
            let app = App::open(context(db), Theme::colored(), &Route::Dashboard).expect("app");
            let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
            render(&app, &mut terminal);
        })
    });
    group.finish();
}

/// Text of the dashboard's last part, the forecast title: once it is on
/// screen, the first frame is complete.
const FIRST_FRAME_MARKER: &str = "Due in the next";

/// Starts `distill` on `db` in a pseudo-terminal and returns the time until
/// its first frame is on screen; then quits it.
fn distill_first_frame(db: &Path, home: &Path) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: HEIGHT,
            cols: WIDTH,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open pty");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_distill"));
    cmd.args(["--now", NOW]);
    cmd.env("DISTILL_DB", db);
    cmd.env("HOME", home);
    cmd.env("TERM", "xterm-256color");

    let started = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn distill");
    drop(pair.slave);
    let seen = Arc::new(AtomicBool::new(false));
    let reader = pair.master.try_clone_reader().expect("reader");
    let watcher = watch_first_frame(reader, started, Arc::clone(&seen));
    while !seen.load(Ordering::SeqCst) {
        std::thread::sleep(Duration::from_micros(200));
    }

    let mut writer = pair.master.take_writer().expect("writer");
    writer.write_all(b"q").expect("quit key");
    child.wait().expect("wait for distill");
    drop(pair.master);
    watcher.join().expect("reader thread").expect("first frame")
}

/// Feeds the child's output to a vt100 parser on a thread, sets `seen` and
/// returns the elapsed time when [`FIRST_FRAME_MARKER`] first appears.
fn watch_first_frame(
    mut reader: Box<dyn Read + Send>,
    started: Instant,
    seen: Arc<AtomicBool>,
) -> std::thread::JoinHandle<Option<Duration>> {
    let rows = NonZeroU16::new(HEIGHT).expect("rows");
    let cols = NonZeroU16::new(WIDTH).expect("columns");
    let mut parser = vt100::Parser::new(rows, cols, 0);
    std::thread::spawn(move || {
        let mut buf = [0_u8; 8192];
        let mut first_frame = None;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            if first_frame.is_none() && parser.screen().contents().contains(FIRST_FRAME_MARKER) {
                first_frame = Some(started.elapsed());
                seen.store(true, Ordering::SeqCst);
            }
        }
        first_frame
    })
}

/// The dashboard's counts as the sqlite3 shell runs them: due, new, today's
/// answers, streak days, per-lesson rows and the 14-day forecast.
fn dashboard_sql(today: &str, end: &str) -> String {
    format!(
        "select count(*) from cards where retired = 0 and due is not null and due <= '{today}';
         select count(*) from (select 1 from cards where retired = 0 and due is null limit 20);
         select coalesce(sum(answers), 0) from review_days where day = '{today}';
         select day from review_days where day <= '{today}' and answers > 0 order by day desc;
         select l.id, l.title, count(c.id), coalesce(sum(c.due <= '{today}'), 0),
             coalesce(sum(c.due is null), 0),
             coalesce(sum(c.due is not null and c.rung >= l.top_rung), 0)
         from lessons l left join cards c on c.lesson_id = l.id and c.retired = 0
         group by l.id order by l.id;
         select max(due, '{today}'), count(*) from cards
         where retired = 0 and due is not null and due < '{end}' group by 1;"
    )
}

fn bench_process(c: &mut Criterion, db: &Path, home: &Path) {
    if Command::new("sqlite3").arg("-version").output().is_err() {
        eprintln!("sqlite3 not found on PATH: skipping the process comparison");
        return;
    }
    let mut group = c.benchmark_group("tui_process_100k");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("distill_to_first_frame", |b| {
        b.iter_custom(|iters| (0..iters).map(|_| distill_first_frame(db, home)).sum())
    });
    let sql = dashboard_sql("2026-03-05", "2026-03-19");
    group.bench_function("sqlite3_dashboard_counts", |b| {
        b.iter(|| {
            let output = Command::new("sqlite3")
                .arg(db)
                .arg(&sql)
                .output()
                .expect("sqlite3");
            assert!(output.status.success(), "sqlite3 failed: {output:?}");
        })
    });
    group.finish();
}

fn bench_tui(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = build_database(dir.path());
    bench_frames(c, &db);
    bench_startup(c, &db);
    bench_process(c, &db, dir.path());
}

criterion_group!(benches, bench_tui);
criterion_main!(benches);
