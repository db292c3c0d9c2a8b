from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from alliance.domain.entries import EntryChanges, EntryKind
from alliance.errors import InvalidInput, NotFound
from alliance.services import journal
from alliance.services.sessions import add_session
from alliance.store.vault import Vault

# Friday 27 November 2026, 14:30 in Berlin.
NOW = datetime(2026, 11, 27, 13, 30, tzinfo=UTC)


@pytest.fixture(autouse=True)
def berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Berlin")


def count(vault: Vault, table: str = "entries") -> int:
    return int(vault.raw().execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def write(vault: Vault, text: str, **options: Any) -> journal.JournalEntry:
    return journal.write_entry(vault, text, now=NOW, **options)


def test_quick_capture_saves_date_zone_title_and_tags(vault: Vault) -> None:
    entry = write(vault, "yesterday 9pm: Felt heard today #Therapy. Told @Dr_Meyer.")
    assert entry.created == datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
    assert entry.tz == "Europe/Berlin"
    assert entry.title == "Felt heard today #Therapy"
    assert entry.body == "Felt heard today #Therapy. Told @Dr_Meyer."
    assert entry.tags == ("#therapy", "@dr_meyer")
    assert journal.get_entry(vault, entry.id[:4]) == entry


def test_explicit_options_are_stored(vault: Vault) -> None:
    entry = write(
        vault, "text", title="T", tags=["sleep"], starred=True, mood=2, kind="note",
        at="2026-11-01 08:00",
    )  # fmt: skip
    stored = journal.get_entry(vault, entry.id)
    assert (stored.title, stored.tags, stored.starred, stored.mood) == ("T", ("#sleep",), True, 2)
    assert stored.kind is EntryKind.NOTE
    assert stored.created == datetime(2026, 11, 1, 7, 0, tzinfo=UTC)


def test_at_leaves_a_leading_date_in_the_text(vault: Vault) -> None:
    entry = write(vault, "yesterday: a plan", at="now")
    assert entry.body == "yesterday: a plan"
    assert entry.created == NOW


def test_an_entry_links_to_a_session_by_number_or_last(vault: Vault) -> None:
    first = add_session(vault, at="2026-11-20 17:00", now=NOW)
    second = add_session(vault, at="2026-11-26 17:00", now=NOW)
    assert write(vault, "after", session="last").session_id == second.id
    assert write(vault, "earlier", session="1").session_id == first.id
    assert write(vault, "by id", session=first.id[:6]).session_id == first.id


@pytest.mark.parametrize(
    ("text", "options", "error", "message"),
    [
        ("", {}, InvalidInput, "empty"),
        ("  \n ", {}, InvalidInput, "empty"),
        ("x" * 1_000_001, {}, InvalidInput, "1,000,000"),
        ("fine", {"mood": 6}, InvalidInput, "Mood"),
        ("fine", {"mood": 0}, InvalidInput, "Mood"),
        ("fine", {"at": "someday"}, InvalidInput, "Cannot read"),
        ("fine", {"at": "tomorrow"}, InvalidInput, "future"),
        ("fine", {"kind": "diary"}, InvalidInput, "kind"),
        ("fine", {"session": "7"}, NotFound, "No session number 7"),
        ("fine", {"session": "last"}, NotFound, "no past session"),
        ("fine", {"tags": ["no good"]}, InvalidInput, "not a tag"),
        ("tomorrow 9am: plans", {}, InvalidInput, "future"),
    ],
)
def test_bad_input_writes_nothing(
    vault: Vault, text: str, options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message) as raised:
        write(vault, text, **options)
    assert "\n" not in str(raised.value)
    assert count(vault) == 0
    assert count(vault, "entry_tags") == 0


def test_ids_are_found_by_unique_prefix_only(vault: Vault) -> None:
    first, second = write(vault, "one"), write(vault, "two")
    with vault.transaction() as db:
        from alliance.store.tables import Entry

        for row, new_id in zip(
            db.query(Entry).order_by(Entry.pk),
            ("abcd1111-0000-4000-8000-000000000000", "abcd2222-0000-4000-8000-000000000000"),
            strict=True,
        ):
            row.id = new_id
    assert journal.get_entry(vault, "ABCD1").body == "one"
    with pytest.raises(InvalidInput, match="More than one"):
        journal.get_entry(vault, "abcd")
    with pytest.raises(InvalidInput, match="at least 4"):
        journal.get_entry(vault, "abc")
    with pytest.raises(InvalidInput, match="at least 4"):
        journal.get_entry(vault, "xyz!1")
    with pytest.raises(NotFound, match="No entry"):
        journal.get_entry(vault, "ffff")
    assert {first.body, second.body} == {"one", "two"}


def listed(vault: Vault, **options: Any) -> list[str]:
    wanted = journal.entry_filter(NOW, **options)
    return [entry.body for entry in journal.list_entries(vault, wanted)]


@pytest.fixture
def diary(vault: Vault) -> Vault:
    session = add_session(vault, at="2026-11-24 17:00", now=NOW)
    write(vault, "a year ago #sleep", at="2025-11-27 10:00")
    write(vault, "monday #sleep @anna 100% sure", at="2026-11-23 08:00", starred=True)
    write(vault, "tuesday #work", at="2026-11-24 18:00", session=session.id, kind="after-session")
    write(vault, "wednesday #sleep #work", at="2026-11-25 22:30", mood=2)
    write(vault, "today note", kind="note")
    return vault


def test_list_is_newest_first_and_takes_n(diary: Vault) -> None:
    assert listed(diary)[0] == "today note"
    assert listed(diary, limit=2) == ["today note", "wednesday #sleep #work"]


def test_list_filters_combine(diary: Vault) -> None:
    assert listed(diary, from_text="monday", to_text="tuesday") == [
        "tuesday #work",
        "monday #sleep @anna 100% sure",
    ]
    assert listed(diary, on_text="2026-11-25") == ["wednesday #sleep #work"]
    assert listed(diary, tags=("sleep", "work")) == ["wednesday #sleep #work"]
    assert listed(diary, tags=("anna",)) == ["monday #sleep @anna 100% sure"]
    assert listed(diary, starred=True) == ["monday #sleep @anna 100% sure"]
    assert listed(diary, contains="100%") == ["monday #sleep @anna 100% sure"]
    assert listed(diary, contains="0_") == []
    assert listed(diary, kinds=("note", "after-session")) == ["today note", "tuesday #work"]
    assert listed(diary, session="1") == ["tuesday #work"]
    assert listed(diary, on_this_day=True) == ["a year ago #sleep"]
    assert listed(diary, tags=("sleep",), from_text="2026-01-01", limit=1) == [
        "wednesday #sleep #work"
    ]


def test_edit_changes_only_what_is_asked(vault: Vault) -> None:
    entry = write(vault, "Body with #inline", tags=["explicit"])
    later = NOW + timedelta(minutes=5)
    edited = journal.edit_entry(
        vault, entry.id[:6], EntryChanges(title="New", add_tags=("more",), starred=True), now=later
    )
    assert (edited.title, edited.body, edited.starred) == ("New", entry.body, True)
    assert edited.tags == ("#explicit", "#inline", "#more")
    assert edited.updated == later
    assert edited.created == entry.created


def test_editing_the_text_keeps_explicit_tags_and_rereads_inline_ones(vault: Vault) -> None:
    entry = write(vault, "Body with #old", tags=["explicit"])
    edited = journal.edit_entry(vault, entry.id, EntryChanges(text="# Fresh\nNow #new"), now=NOW)
    assert (edited.title, edited.body) == ("Fresh", "Now #new")
    assert edited.tags == ("#explicit", "#new")


def test_tag_removal_rules(vault: Vault) -> None:
    entry = write(vault, "Body with #inline", tags=["explicit"])
    edited = journal.edit_entry(vault, entry.id, EntryChanges(remove_tags=("explicit",)))
    assert edited.tags == ("#inline",)
    with pytest.raises(InvalidInput, match="written in the entry's text"):
        journal.edit_entry(vault, entry.id, EntryChanges(remove_tags=("inline",)))
    with pytest.raises(InvalidInput, match="no tag #absent"):
        journal.edit_entry(vault, entry.id, EntryChanges(remove_tags=("absent",)))


def test_an_edit_with_no_difference_writes_nothing(vault: Vault) -> None:
    entry = write(vault, "Same")
    again = journal.edit_entry(vault, entry.id, EntryChanges(text="Same\n"), now=NOW + timedelta(1))
    assert again == entry


def test_an_edit_is_refused_when_the_entry_changed_meanwhile(vault: Vault) -> None:
    entry = write(vault, "First")
    journal.edit_entry(vault, entry.id, EntryChanges(starred=True), now=NOW + timedelta(1))
    stale = EntryChanges(text="Mine", expected_updated=entry.updated)
    with pytest.raises(InvalidInput, match="changed elsewhere"):
        journal.edit_entry(vault, entry.id, stale)
    assert journal.get_entry(vault, entry.id).body == "First"


def test_bad_edits_write_nothing(vault: Vault) -> None:
    entry = write(vault, "Keep me", mood=3)
    for changes in (
        EntryChanges(text=""),
        EntryChanges(mood=9),
        EntryChanges(session="12"),
        EntryChanges(at="next year"),
        EntryChanges(kind="poem"),
    ):
        with pytest.raises((InvalidInput, NotFound)):
            journal.edit_entry(vault, entry.id, changes)
    assert journal.get_entry(vault, entry.id) == entry


def test_trash_restore_and_purge(vault: Vault) -> None:
    kept, old = write(vault, "kept"), write(vault, "old")
    journal.trash_entry(vault, kept.id, now=NOW)
    journal.trash_entry(vault, old.id, now=NOW - timedelta(days=31))
    assert listed(vault) == []
    with pytest.raises(NotFound, match="in the trash"):
        journal.edit_entry(vault, kept.id, EntryChanges(starred=True))
    trash, purged = journal.list_trash(vault, now=NOW)
    assert ([entry.body for entry in trash], purged) == (["kept"], 1)
    assert count(vault) == 1
    restored = journal.restore_entry(vault, kept.id[:5])
    assert not restored.trashed
    assert listed(vault) == ["kept"]
    with pytest.raises(NotFound, match="not in the trash"):
        journal.restore_entry(vault, kept.id)


def test_emptying_the_trash(vault: Vault) -> None:
    recent, old, live = write(vault, "recent"), write(vault, "old #gone"), write(vault, "live")
    journal.trash_entry(vault, recent.id, now=NOW)
    journal.trash_entry(vault, old.id, now=NOW - timedelta(days=40))
    assert journal.empty_trash(vault, now=NOW) == 1
    assert journal.empty_trash(vault, everything=True) == 1
    assert listed(vault) == [live.body]
    assert count(vault, "entry_tags") == 0
    assert journal.search(vault, ["gone"]) == []


def test_search_ranks_and_highlights(vault: Vault) -> None:
    write(vault, "A long day at work. Later I thought about my mother, briefly.")
    best = write(vault, "Mother", tags=[], title="Mother and me")
    write(vault, "Nothing relevant here")
    hits = journal.search(vault, ["mother"])
    assert hits[0].id == best.id
    assert len(hits) == 2
    marked = [text for text, matched in hits[1].snippet if matched]
    assert [word.lower() for word in marked] == ["mother"]
    assert hits[0].score >= hits[1].score


def test_search_needs_every_word_and_skips_the_trash(vault: Vault) -> None:
    both = write(vault, "calm breathing exercise")
    write(vault, "calm evening")
    gone = write(vault, "calm breathing again")
    journal.trash_entry(vault, gone.id)
    assert [hit.id for hit in journal.search(vault, ["calm", "breathing"])] == [both.id]
    assert [hit.id for hit in journal.search(vault, ["breath*"])] == [both.id]
    assert len(journal.search(vault, ["calm"], limit=1)) == 1


@pytest.mark.parametrize(
    "words",
    [['"'], ["AND("], ["NEAR(a", "b)"], ["title:x"], ["-x"], ["a", "OR", "b"], ['"unclosed'],
     ["^start"], ["x*y"], ["(", ")"], ["{title}:calm"]],
)  # fmt: skip
def test_fts_syntax_in_a_query_is_searched_as_text(vault: Vault, words: list[str]) -> None:
    write(vault, "calm and steady")
    try:
        hits = journal.search(vault, words)
    except InvalidInput as error:  # a query of punctuation only has nothing to look for
        assert "Nothing to search for" in str(error)
        return
    assert all(hit.snippet for hit in hits)


def test_search_ignores_case_and_accents(vault: Vault) -> None:
    entry = write(vault, "Im Café über Ängste gesprochen")
    assert [hit.id for hit in journal.search(vault, ["cafe", "angste"])] == [entry.id]


def test_fts_operators_are_plain_words(vault: Vault) -> None:
    entry = write(vault, "me and you")
    write(vault, "just me")
    assert [hit.id for hit in journal.search(vault, ["me", "AND"])] == [entry.id]


def test_search_refuses_empty_queries_and_bad_limits(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="Nothing to search for"):
        journal.search(vault, ['" - ( )'])
    with pytest.raises(InvalidInput, match="-n"):
        journal.search(vault, ["x"], limit=0)


def test_the_after_save_hook_runs_once_per_saved_entry(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, int]] = []
    original: Callable[[Vault, str], None] = journal._after_save

    def record(hooked: Vault, entry_id: str) -> None:
        # The entry is committed by then: a fresh read sees it.
        seen.append((entry_id, count(hooked)))
        original(hooked, entry_id)

    monkeypatch.setattr(journal, "_after_save", record)
    entry = write(vault, "hooked")
    journal.edit_entry(vault, entry.id, EntryChanges(text="hooked again"))
    journal.edit_entry(vault, entry.id, EntryChanges(text="hooked again"))  # no change
    with pytest.raises(InvalidInput):
        write(vault, "")
    assert seen == [(entry.id, 1), (entry.id, 1)]


def test_the_writers_zone_falls_back_to_the_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert journal.writer_zone_name() == "Asia/Tokyo"
    monkeypatch.setenv("TZ", "Not/AZone")
    fallback = journal.writer_zone_name()  # /etc/timezone, the /etc/localtime link, or UTC
    assert fallback != "Not/AZone"
    assert ZoneInfo(fallback)
