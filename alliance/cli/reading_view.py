"""Show a Reading in the terminal: emotions, themes with their sentences, crisis resources."""

from __future__ import annotations

from rich.console import Console

from alliance.analysis.reading import Reading


def print_reading(text: str, reading: Reading, console: Console | None = None) -> None:
    console = console or Console()
    emotions = reading.emotions
    found = (
        ", ".join(f"{label} {emotions.scores[label]:.2f}" for label in emotions.labels)
        or "none stood out"
    )
    console.print(f"[bold]Emotions[/bold]: {found}  (overall {emotions.sentiment})")
    if reading.themes:
        console.print("[bold]Themes[/bold]:")
        for hit in reading.themes:
            console.print(f"  [bold]{hit.theme}[/bold] ({hit.score:.2f})")
            for span in hit.evidence:
                console.print(f"    “{span.text}”", highlight=False)
    else:
        console.print("[bold]Themes[/bold]: none found")
    if reading.crisis.level != "none":
        from alliance.safety import render_plain

        console.print()
        console.print(render_plain(reading.crisis.level), highlight=False)
    console.print(
        f"[dim]Read on this machine by model {reading.model_version}. "
        "Alliance is not a diagnostic tool.[/dim]"
    )


def print_stored_reading(reading: dict[str, object], console: Console | None = None) -> None:
    """A stored reading (the `alliance analyze --jsonl` shape) under an entry."""
    console = console or Console()
    emotions = reading["emotions"]
    assert isinstance(emotions, dict)
    labels = ", ".join(emotions["labels"]) or "none stood out"
    console.print()
    console.print(f"[bold]Emotions[/bold]: {labels}  (overall {reading['sentiment']})")
    themes = reading["themes"]
    assert isinstance(themes, list)
    for hit in themes:
        console.print(f"[bold]{hit['theme']}[/bold]")
        for span in hit["evidence"]:
            console.print(f"    “{span['text']}”", highlight=False)
    crisis = reading["crisis"]
    assert isinstance(crisis, dict)
    if crisis["level"] != "none":
        from alliance.safety import render_plain

        console.print()
        console.print(render_plain(str(crisis["level"])), highlight=False)
