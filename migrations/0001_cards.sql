-- Lessons, their cards, and one row per answer.
--
-- Study days are stored as 'YYYY-MM-DD' text in the learner's local
-- calendar, so daylight-saving and time-zone changes never move a due date.
-- Instants are Unix milliseconds in UTC with the local offset beside them.

create table lessons (
    id text primary key,                -- file stem of the lesson
    title text not null,
    source text not null,               -- file path, or 'builtin:NAME.md'
    source_sha256 text not null,        -- hash of the imported bytes
    ladder text not null,               -- review intervals in days: '1,3,7,30'
    top_rung integer not null check (top_rung >= 1),
    imported_at integer not null        -- Unix ms, UTC
) strict;

create table cards (
    id text primary key,                -- hash of lesson, kind and key text
    lesson_id text not null references lessons (id),
    kind text not null check (kind in ('concept', 'reverse', 'pitfall', 'quiz')),
    position integer not null,          -- order of introduction in the lesson
    front text not null,
    back text not null,
    line integer not null,              -- line of the lesson file
    rung integer not null default 0 check (rung >= 0),
    due text,                           -- study day; null while the card is new
    last_day text,                      -- study day of the latest answer
    retired integer not null default 0 check (retired in (0, 1))
) strict;

-- The due queue reads a range of due dates in order; the due count, the
-- forecast and the cards-per-rung count read only this index, because it
-- contains every column they use. New cards (null due) are left out so the
-- new-card queue below never picks this index.
create index cards_due on cards (retired, due, rung) where due is not null;

-- New cards are introduced in lesson and position order, up to the daily
-- limit: this index returns them in that order and stops at the limit.
create index cards_new on cards (lesson_id, position) where retired = 0 and due is null;

-- The per-lesson counts and the mastered count group by lesson and rung,
-- and import reads one lesson's cards: all of them use this index.
create index cards_lesson on cards (lesson_id, retired, rung, due);

create table review_log (
    id integer primary key,
    card_id text not null references cards (id),
    reviewed_at integer not null,       -- Unix ms, UTC
    utc_offset integer not null,        -- seconds east of UTC at the review
    day text not null,                  -- local study day of the review
    grade integer not null check (grade between 1 and 4),  -- 1 again .. 4 easy
    rung_before integer not null,
    rung_after integer not null,
    due_before text,                    -- null when the card was new
    due_after text not null,
    duration_ms integer                 -- time to answer, when known
) strict;

-- Undo restores a card's last review day from its remaining rows, and the
-- foreign key needs an index on card_id to check deletions of cards.
create index review_log_card on review_log (card_id, day);

-- Answers per study day, kept by the triggers below so that today's counts,
-- streaks, retention and the heatmap read a few hundred rows instead of
-- the whole review log.
create table review_days (
    day text primary key,
    answers integer not null,           -- every answer
    new_cards integer not null,         -- first answers of new cards
    reviews integer not null,           -- answers on cards on rung 1 or above
    lapses integer not null             -- Again among those reviews
) strict, without rowid;

create trigger review_days_add after insert on review_log
begin
    insert into review_days (day, answers, new_cards, reviews, lapses)
    values (
        new.day,
        1,
        new.due_before is null,
        new.rung_before >= 1,
        new.rung_before >= 1 and new.grade = 1
    )
    on conflict (day) do update set
        answers = answers + excluded.answers,
        new_cards = new_cards + excluded.new_cards,
        reviews = reviews + excluded.reviews,
        lapses = lapses + excluded.lapses;
end;

create trigger review_days_remove after delete on review_log
begin
    update review_days set
        answers = answers - 1,
        new_cards = new_cards - (old.due_before is null),
        reviews = reviews - (old.rung_before >= 1),
        lapses = lapses - (old.rung_before >= 1 and old.grade = 1)
    where day = old.day;
    delete from review_days where day = old.day and answers = 0;
end;
