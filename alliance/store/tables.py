"""The vault's tables (SQLAlchemy 2). Alembic migrations in `migrations/` create them.

Times are stored as aware UTC datetimes in a fixed ISO text form, so they sort as text and the
raw-SQL read paths can use them without SQLAlchemy. Each row that a person can see has a UUID
`id`; the integer `pk` exists because SQLite's full-text index needs a stable integer rowid.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

ISO_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as `2026-11-27T08:21:00.000000Z`."""

    impl = String(27)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> str | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; attach a timezone")
        return value.astimezone(UTC).strftime(ISO_FORMAT)

    def process_result_value(self, value: str | None, dialect: object) -> datetime | None:
        return None if value is None else parse_utc(value)


def parse_utc(text: str) -> datetime:
    return datetime.strptime(text, ISO_FORMAT).replace(tzinfo=UTC)


def format_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(ISO_FORMAT)


class Base(DeclarativeBase):
    pass


class TherapySession(Base):
    __tablename__ = "therapy_sessions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    number: Mapped[int] = mapped_column(Integer)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Entry(Base):
    __tablename__ = "entries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text)
    starred: Mapped[bool] = mapped_column(Boolean, default=False)
    mood: Mapped[int | None] = mapped_column(Integer, nullable=True)
    kind: Mapped[str] = mapped_column(String(32), default="reflection")
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("therapy_sessions.id", ondelete="SET NULL"), nullable=True, index=True
    )
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True, index=True)

    tags: Mapped[list[EntryTag]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="EntryTag.tag"
    )


class EntryTag(Base):
    __tablename__ = "entry_tags"

    entry_pk: Mapped[int] = mapped_column(
        ForeignKey("entries.pk", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(String(128), primary_key=True, index=True)


class EntryReading(Base):
    """What the analyser read in an entry, with the model version that read it."""

    __tablename__ = "entry_readings"

    entry_pk: Mapped[int] = mapped_column(
        ForeignKey("entries.pk", ondelete="CASCADE"), primary_key=True
    )
    model_version: Mapped[str] = mapped_column(String(64), index=True)
    crisis_level: Mapped[str] = mapped_column(String(16))
    sentiment: Mapped[str] = mapped_column(String(16))
    reading_json: Mapped[str] = mapped_column(Text)
    read_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EntryTheme(Base):
    __tablename__ = "entry_themes"

    entry_pk: Mapped[int] = mapped_column(
        ForeignKey("entries.pk", ondelete="CASCADE"), primary_key=True
    )
    theme: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    score: Mapped[float] = mapped_column(Float)


class EntryEmotion(Base):
    __tablename__ = "entry_emotions"

    entry_pk: Mapped[int] = mapped_column(
        ForeignKey("entries.pk", ondelete="CASCADE"), primary_key=True
    )
    label: Mapped[str] = mapped_column(String(32), primary_key=True, index=True)
    score: Mapped[float] = mapped_column(Float)


class MeasureResponse(Base):
    """One completed questionnaire, item by item. Voided responses are kept, marked."""

    __tablename__ = "measure_responses"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    instrument_id: Mapped[str] = mapped_column(String(64), index=True)
    instrument_version: Mapped[str] = mapped_column(String(32))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("therapy_sessions.id", ondelete="SET NULL"), nullable=True
    )
    answers_json: Mapped[str] = mapped_column(Text)
    total: Mapped[float | None] = mapped_column(Float, nullable=True)
    band: Mapped[str | None] = mapped_column(String(64), nullable=True)
    flags_json: Mapped[str] = mapped_column(Text, default="[]")
    note: Mapped[str] = mapped_column(Text, default="")
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    void_reason: Mapped[str | None] = mapped_column(Text, nullable=True)


class MoodCheckin(Base):
    """A quick check-in: how pleasant and how energetic, then a named feeling (How We Feel)."""

    __tablename__ = "mood_checkins"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    pleasantness: Mapped[int] = mapped_column(Integer)
    energy: Mapped[int] = mapped_column(Integer)
    emotion: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


def utcnow() -> datetime:
    return datetime.now(UTC)


# Goals and the planned ending (migration 0003). Lists in the ending plan are JSON text: they
# are read and written whole, never queried item by item.


class GoalRow(Base):
    """A goal with its five Goal Attainment Scaling levels, in the client's words."""

    __tablename__ = "goals"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(Text)
    level_much_less: Mapped[str] = mapped_column(Text)
    level_less: Mapped[str] = mapped_column(Text)
    level_expected: Mapped[str] = mapped_column(Text)
    level_more: Mapped[str] = mapped_column(Text)
    level_much_more: Mapped[str] = mapped_column(Text)
    importance: Mapped[int] = mapped_column(Integer)
    difficulty: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    archived_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class GoalRatingRow(Base):
    __tablename__ = "goal_ratings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    goal_pk: Mapped[int] = mapped_column(ForeignKey("goals.pk", ondelete="CASCADE"), index=True)
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    level: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(Boolean, default=False)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("therapy_sessions.id", ondelete="SET NULL"), nullable=True
    )


class GoalEntryLink(Base):
    __tablename__ = "goal_entry_links"

    goal_pk: Mapped[int] = mapped_column(
        ForeignKey("goals.pk", ondelete="CASCADE"), primary_key=True
    )
    entry_pk: Mapped[int] = mapped_column(
        ForeignKey("entries.pk", ondelete="CASCADE"), primary_key=True, index=True
    )


class GoalSessionLink(Base):
    __tablename__ = "goal_session_links"

    goal_pk: Mapped[int] = mapped_column(
        ForeignKey("goals.pk", ondelete="CASCADE"), primary_key=True
    )
    session_pk: Mapped[int] = mapped_column(
        ForeignKey("therapy_sessions.pk", ondelete="CASCADE"), primary_key=True, index=True
    )


class EndingPlanRow(Base):
    """The one ending plan of a vault (pk 1). Dates are ISO calendar days (YYYY-MM-DD)."""

    __tablename__ = "ending_plan"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_session: Mapped[str | None] = mapped_column(String(10), nullable=True)
    taper_start: Mapped[str | None] = mapped_column(String(10), nullable=True)
    taper_json: Mapped[str] = mapped_column(Text, default="[]")
    boosters_json: Mapped[str] = mapped_column(Text, default="[]")
    followup_months_json: Mapped[str] = mapped_column(Text, default="[1, 3]")
    warning_signs_json: Mapped[str] = mapped_column(Text, default="[]")
    coping_json: Mapped[str] = mapped_column(Text, default="[]")
    people_json: Mapped[str] = mapped_column(Text, default="[]")
    if_worse_json: Mapped[str] = mapped_column(Text, default="[]")
    come_back: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class EndingFeelingRow(Base):
    """A 0-10 answer to "how do I feel about ending?", kept over time."""

    __tablename__ = "ending_feelings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    tz: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    private: Mapped[bool] = mapped_column(Boolean, default=False)
