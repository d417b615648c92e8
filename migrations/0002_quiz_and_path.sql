-- Quiz attempts, learning-path progress with the learner's notes, and the
-- lesson review prompts scheduled when a path is finished, with their log.
--
-- As in 0001, study days are 'YYYY-MM-DD' text in the learner's local
-- calendar, and instants are Unix milliseconds in UTC with the local offset
-- beside them.

create table quiz_attempts (
    id integer primary key,
    lesson_id text not null references lessons (id),
    kind text not null check (
        kind in ('choose_definition', 'choose_term', 'type_term', 'free_recall')
    ),
    subject text not null,              -- the concept's term or the quiz question
    card_id text references cards (id), -- the card the item asks about, if imported
    response text not null,             -- option number (1-based) or typed text
    correct integer not null check (correct in (0, 1)),
    self_grade integer check (self_grade between 1 and 4),  -- free recall only
    -- The review this answer counted as when its card was due. Undo of that
    -- review deletes the log row and leaves the attempt without it.
    review_log_id integer references review_log (id) on delete set null,
    answered_at integer not null,       -- Unix ms, UTC
    utc_offset integer not null,        -- seconds east of UTC
    day text not null,                  -- local study day
    duration_ms integer                 -- time to answer, when known
) strict;

-- Listing a lesson's attempts in order reads this index alone.
create index quiz_attempts_lesson on quiz_attempts (lesson_id, id);

-- Deleting a review-log row (undo) sets the reference here to null; the
-- foreign key check needs this index to avoid scanning every attempt.
create index quiz_attempts_review on quiz_attempts (review_log_id)
    where review_log_id is not null;

-- One row per lesson whose path the learner opened.
create table path_progress (
    lesson_id text primary key references lessons (id),
    current_slot text,                  -- page on screen: 'warm-up', 'step:<title>', 'recap'
    studied_on text,                    -- study day the last step was marked done
    updated_at integer not null         -- Unix ms, UTC
) strict;

-- The learner's note and done mark per page. Slots name pages by their
-- text, so notes stay with their step when the lesson gains a step.
create table path_notes (
    lesson_id text not null references path_progress (lesson_id),
    slot text not null,
    note text not null default '',
    done integer not null default 0 check (done in (0, 1)),
    primary key (lesson_id, slot)
) strict, without rowid;

-- The review prompts of a studied lesson, copied from its plan when the
-- path is finished, each due once at its offset from that day.
create table lesson_reviews (
    lesson_id text not null references lessons (id),
    position integer not null,          -- place in the plan, in interval order
    days integer not null,              -- offset from the day the path was finished
    prompt text not null,               -- inline Markdown, as written in the lesson
    due text,                           -- study day; null once answered other than Again
    primary key (lesson_id, position)
) strict, without rowid;

-- The dashboard lists the prompts due up to today, reading only this index.
create index lesson_reviews_due on lesson_reviews (due) where due is not null;

-- One row per answer to a review prompt.
create table lesson_review_log (
    id integer primary key,
    lesson_id text not null,
    position integer not null,
    answered_at integer not null,       -- Unix ms, UTC
    utc_offset integer not null,        -- seconds east of UTC
    day text not null,                  -- local study day
    grade integer not null check (grade between 1 and 4),  -- 1 again .. 4 easy
    note text not null,                 -- what the learner recalled, maybe ''
    due_before text not null,
    due_after text,                     -- null when the prompt is completed
    duration_ms integer,
    foreign key (lesson_id, position) references lesson_reviews (lesson_id, position)
) strict;

-- The foreign key above is checked on every change to lesson_reviews.
create index lesson_review_log_prompt on lesson_review_log (lesson_id, position);
