"""The JSON API's request and response models (Pydantic): they make /api/v1/openapi.json."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field

MAX_TEXT = 1_000_000


class Span(BaseModel):
    start: int
    end: int
    text: str


class ThemeFound(BaseModel):
    theme: str
    score: float
    evidence: list[Span]


class Emotions(BaseModel):
    labels: list[str] = Field(description="Only the emotions found in the text.")
    scores: dict[str, float]


class Crisis(BaseModel):
    level: str = Field(description="none, concern or urgent (never a diagnosis).")
    evidence: list[Span]


class Reading(BaseModel):
    emotions: Emotions
    sentiment: str
    themes: list[ThemeFound] = Field(description="Only the themes found in the text.")
    crisis: Crisis
    model_version: str


class Resource(BaseModel):
    name: str
    contact: str
    region: str
    locale: str
    note: str
    url: str


class CrisisResources(BaseModel):
    """Shown where a text reads as concern or urgent, or a safety item fires: support, with
    the entry kept as written; Alliance never contacts anyone."""

    heading: str
    body: list[str]
    text: str
    resources: list[Resource]


class EntryIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT, description='Markdown; may start "yesterday 9pm: ".')
    title: str | None = None
    tags: list[str] = []
    starred: bool = False
    mood: int | None = Field(default=None, ge=1, le=5)
    kind: str = "reflection"
    session: str | None = Field(default=None, description="A session number, 'last' or id.")
    at: str | None = Field(default=None, description="When it was written (a date or words).")


class Entry(BaseModel):
    id: str
    created: datetime
    tz: str
    updated: datetime
    title: str
    body: str
    tags: list[str]
    starred: bool
    mood: int | None
    kind: str
    session_id: str | None


class EntryWithReading(Entry):
    reading: Reading | None
    crisis_resources: CrisisResources | None = None


class PageCursor(BaseModel):
    """Pass both back as query parameters to get the next (older) page."""

    before: datetime
    skip: int


class EntryPage(BaseModel):
    entries: list[Entry] = Field(description="Newest first.")
    page_size: int
    next: PageCursor | None = Field(description="None on the last page.")


class SnippetPiece(BaseModel):
    text: str
    match: bool


class SearchHit(BaseModel):
    id: str
    created: datetime
    tz: str
    title: str
    kind: str
    starred: bool
    score: float = Field(description="Higher is a better match.")
    snippet: list[SnippetPiece]


class SessionIn(BaseModel):
    at: str | None = Field(default=None, description="When (a date or words); default now.")
    kind: str = "individual"
    status: str | None = None
    notes: str = ""


class TherapySession(BaseModel):
    id: str
    number: int
    starts_at: datetime
    tz: str
    kind: str
    status: str
    notes: str


class SessionWithReflections(TherapySession):
    reflections: list[Entry]


class Instrument(BaseModel):
    instrument: str
    name: str
    full_name: str
    version: str
    items: int
    range: list[float]
    bands: list[dict[str, Any]]
    higher_is_better: bool
    validated: bool
    schedule: str | None
    origin: str


class MeasureIn(BaseModel):
    answers: list[int | None] = Field(description="One per item, in order; null skips an item.")
    session: str | None = None
    note: str = ""


class Alert(BaseModel):
    kind: str
    severity: str
    message: str
    next_step: str
    evidence: dict[str, Any]


class StoredResponse(BaseModel):
    id: str
    instrument: str
    instrument_version: str
    taken_at: str
    tz: str
    session_id: str | None
    session: int | None
    answers: dict[str, int | None]
    total: float | None
    band: str | None
    flags: list[str]
    note: str
    voided_at: str | None
    void_reason: str | None
    voided: bool


class MeasureResult(BaseModel):
    response: StoredResponse
    alerts: list[Alert] = Field(description="The alerts that hold for this instrument now.")
    crisis_resources: CrisisResources | None = None


class HistoryResponse(StoredResponse):
    intake: bool
    t: float | None
    change: dict[str, Any] | None
    expected: dict[str, Any] | None
    position: str | None
    on_track: bool | None


class History(BaseModel):
    instrument: str
    t_unit: str
    expected_basis: str | None
    expected_source: str | None
    responses: list[HistoryResponse]


class CheckinIn(BaseModel):
    emotion: str = Field(description="A named feeling from the quadrant's list.")
    quadrant: str | None = Field(default=None, description="Found from the feeling if left out.")
    note: str = ""


class Checkin(BaseModel):
    id: str
    created: str
    tz: str
    quadrant: str
    pleasantness: int
    energy: int
    emotion: str
    note: str


class Week(BaseModel):
    week_start: date
    entries: int
    themes: dict[str, int]
    emotions: dict[str, int]
    crisis_flags: int
    checkins: dict[str, int]


class ContrastRow(BaseModel):
    kind: str
    name: str
    better: int = Field(description="Sessions above the median with a reflection carrying it.")
    worse: int = Field(description="Sessions below the median with one.")


class SessionContrast(BaseModel):
    """What goes with better or worse sessions: association with counts, never a cause."""

    sessions_rated: int
    median: float | None
    better_sessions: int
    worse_sessions: int
    at_median: int
    reflections_better: int
    reflections_worse: int
    enough: bool
    rows: list[ContrastRow]


class AnalyzeIn(BaseModel):
    text: str = Field(max_length=MAX_TEXT)


class AnalyzeOut(Reading):
    crisis_resources: CrisisResources | None = None


class BrowserState(BaseModel):
    unlocked: bool
    csrf_token: str = Field(description="Send it back as the X-CSRF-Token header.")
