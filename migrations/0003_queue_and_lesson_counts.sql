-- A covering index for the due queue, and per-lesson card counts kept by
-- triggers for the dashboard's lesson rows.

-- The due queue reads every column of the due cards in (due, lesson,
-- position) order. With all of them in one index, the queue is a single
-- ordered range read: no sort, and no lookup of each card's table row,
-- which on 100,000 cards cost most of the queue's time. The per-lesson due
-- counts read lesson_id from the same range. The narrower cards_due index
-- stays for the counts, which read fewer pages from it.
create index cards_queue on cards (
    retired, due, lesson_id, position, id, kind, front, back, line, rung, last_day
) where due is not null;

-- Cards still in each lesson (retired ones left out), per rung and per
-- new (due is null) or scheduled state, kept by the triggers below. The
-- lesson rows read their card, new and mastered counts from these few rows
-- per lesson instead of one index entry per card.
create table card_counts (
    lesson_id text not null,
    rung integer not null,
    is_new integer not null check (is_new in (0, 1)),  -- 1 when due is null
    cards integer not null,
    primary key (lesson_id, rung, is_new)
) strict, without rowid;

insert into card_counts (lesson_id, rung, is_new, cards)
select lesson_id, rung, due is null, count(*)
from cards
where retired = 0
group by lesson_id, rung, due is null;

create trigger card_counts_insert after insert on cards
when new.retired = 0
begin
    insert into card_counts (lesson_id, rung, is_new, cards)
    values (new.lesson_id, new.rung, new.due is null, 1)
    on conflict (lesson_id, rung, is_new) do update set cards = cards + 1;
end;

create trigger card_counts_delete after delete on cards
when old.retired = 0
begin
    update card_counts set cards = cards - 1
    where lesson_id = old.lesson_id and rung = old.rung and is_new = (old.due is null);
    delete from card_counts
    where lesson_id = old.lesson_id and rung = old.rung and is_new = (old.due is null)
        and cards = 0;
end;

-- An update moves a card from its old key to its new one. The two halves
-- are separate triggers because either side may be retired.
create trigger card_counts_update_remove after update of lesson_id, rung, due, retired on cards
when old.retired = 0
begin
    update card_counts set cards = cards - 1
    where lesson_id = old.lesson_id and rung = old.rung and is_new = (old.due is null);
    delete from card_counts
    where lesson_id = old.lesson_id and rung = old.rung and is_new = (old.due is null)
        and cards = 0;
end;

create trigger card_counts_update_add after update of lesson_id, rung, due, retired on cards
when new.retired = 0
begin
    insert into card_counts (lesson_id, rung, is_new, cards)
    values (new.lesson_id, new.rung, new.due is null, 1)
    on conflict (lesson_id, rung, is_new) do update set cards = cards + 1;
end;
