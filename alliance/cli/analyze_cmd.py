"""`alliance analyze`: read a text, or a JSON-lines stream, with the local analyser."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import typer

BATCH = 256


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)


def analyze(
    text: str | None = typer.Argument(None, help="Text to read, or a FILE/- with --jsonl."),
    jsonl: bool = typer.Option(
        False, "--jsonl", help='Read lines {"id": ..., "text": ...}; write one JSON line each.'
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the reading as JSON."),
) -> None:
    """Read emotions, relationship themes and crisis language, on this machine only."""
    if jsonl:
        raise typer.Exit(_analyze_stream(text))
    if text is None or not text.strip():
        from alliance.errors import InvalidInput

        raise InvalidInput("Give a text to read, or use --jsonl FILE.")
    from alliance.analysis import analyze as read
    from alliance.analysis import reading_as_dict

    reading = read(text)
    if as_json:
        typer.echo(json.dumps(reading_as_dict(reading)))
    else:
        from alliance.cli.reading_view import print_reading

        print_reading(text, reading)


def _analyze_stream(source: str | None) -> int:
    """Returns the exit status: 1 if any line was malformed (those get an `error` line)."""
    from alliance.analysis import analyze_many, reading_as_dict

    status = 0
    with _open_source(source) as stream:
        for batch in _batches(stream):
            good = [(number, item) for number, item in batch if "error" not in item]
            readings = analyze_many([item["text"] for _, item in good])
            by_line = dict(zip((n for n, _ in good), readings, strict=True))
            for number, item in batch:
                if "error" in item:
                    status = 1
                    out: dict[str, Any] = {"id": item.get("id"), "error": item["error"]}
                else:
                    out = reading_as_dict(by_line[number], item["id"])
                sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return status


class _open_source:
    def __init__(self, source: str | None) -> None:
        self.source = source
        self.handle: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if self.source in (None, "-"):
            return sys.stdin
        path = Path(str(self.source))
        if not path.is_file():
            from alliance.errors import InvalidInput

            raise InvalidInput(f"No such file: {path}.")
        self.handle = path.open(encoding="utf-8", errors="strict")
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()


def _batches(stream: IO[str]) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    batch: list[tuple[int, dict[str, Any]]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        batch.append((number, _parse_line(number, line)))
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _parse_line(number: int, line: str) -> dict[str, Any]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"error": f"line {number}: not JSON ({error.msg})"}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        found = item.get("id") if isinstance(item, dict) else None
        return {"id": found, "error": f'line {number}: expected {{"id": ..., "text": "..."}}'}
    return {"id": item.get("id"), "text": item["text"]}
