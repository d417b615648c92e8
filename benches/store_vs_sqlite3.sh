#!/usr/bin/env bash
# Times `distill stats --json` and `distill due --json` as whole processes
# against the sqlite3 shell running the same counting queries on the same
# database file, with hyperfine.
#
# Usage: benches/store_vs_sqlite3.sh DB DAY
#   DB   a database built by `cargo run --release --example store_bench_db -- DB`
#   DAY  the study day that command printed (YYYY-MM-DD)
# Needs target/release/distill (`cargo build --release`), sqlite3 and hyperfine.
set -euo pipefail

db=${1:?usage: store_vs_sqlite3.sh DB DAY}
day=${2:?usage: store_vs_sqlite3.sh DB DAY}
distill=${DISTILL_BIN:-target/release/distill}
now="${day}T12:00:00Z"
month_ago=$(date -u -d "$day - 29 days" +%F)
month_on=$(date -u -d "$day + 30 days" +%F)

# The counts `distill stats` computes, written for the sqlite3 shell.
stats_sql=$(mktemp)
trap 'rm -f "$stats_sql" "$due_sql"' EXIT
cat >"$stats_sql" <<SQL
select count(*) from cards where retired = 0 and due is not null and due <= '$day';
select coalesce(sum(new_cards), 0) from review_days where day = '$day';
select count(*) from (select 1 from cards where retired = 0 and due is null
  order by lesson_id, position limit 20);
select coalesce(sum(answers), 0) from review_days where day = '$day';
select day from review_days where day <= '$day' and answers > 0 order by day desc limit 400;
select coalesce(sum(reviews), 0), coalesce(sum(lapses), 0) from review_days
  where day between '$month_ago' and '$day';
select rung, count(*) from cards where retired = 0 and due is not null group by rung order by rung;
select coalesce(sum((select count(*) from cards c
  where c.lesson_id = l.id and c.retired = 0 and c.rung >= l.top_rung)), 0) from lessons l;
select count(*) from cards where retired = 0 and due is not null and due < '$day';
select due, count(*) from cards where retired = 0 and due is not null
  and due >= '$day' and due < '$month_on' group by due;
SQL

# The rows `distill due` lists: due cards, then up to 20 new cards.
due_sql=$(mktemp)
cat >"$due_sql" <<SQL
select c.id, c.lesson_id, c.kind, c.front, c.back, c.rung, c.due, l.ladder
  from cards c join lessons l on l.id = c.lesson_id
  where c.retired = 0 and c.due is not null and c.due <= '$day'
  order by c.due, c.lesson_id, c.position;
select c.id, c.lesson_id, c.kind, c.front, c.back, c.rung, c.due, l.ladder
  from cards c join lessons l on l.id = c.lesson_id
  where c.retired = 0 and c.due is null order by c.lesson_id, c.position limit 20;
SQL

export TZ=UTC
# The first run syncs the shipped lessons into the file; time the later ones.
"$distill" --db "$db" --now "$now" stats --json >/dev/null

hyperfine --warmup 3 --runs 30 -N \
    "$distill --db $db --now $now stats --json" \
    "sqlite3 $db -init /dev/null -batch -cmd '.read $stats_sql' .quit"

hyperfine --warmup 3 --runs 30 -N \
    "$distill --db $db --now $now due --json" \
    "sqlite3 $db -init /dev/null -batch -json -cmd '.read $due_sql' .quit"

echo "peak resident memory:"
/usr/bin/time -f "  distill stats: %M KiB" "$distill" --db "$db" --now "$now" stats --json >/dev/null
/usr/bin/time -f "  distill due:   %M KiB" "$distill" --db "$db" --now "$now" due --json >/dev/null
/usr/bin/time -f "  sqlite3 stats: %M KiB" sqlite3 "$db" -init /dev/null -batch -cmd ".read $stats_sql" .quit >/dev/null
