"""`alliance report`: a report to bring to a session, as HTML or PDF.

    alliance report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--pdf] [--audience me|therapist]
        [--paper a4|letter] [--out PATH] [--include ENTRY_ID]... [--force]

Only the entries given with --include appear, by id; no other entry text is ever in a report.
Without --out, HTML goes to stdout and a PDF to ./alliance-report-DATE.pdf. Files are written
readable by their owner only (0600), and an existing file is kept unless --force.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

_AUDIENCE_HELP = "me, or therapist (leaves out private notes and entries tagged #private)."


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    since: str | None = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
    pdf: bool = typer.Option(False, "--pdf", help="Write a PDF instead of HTML."),
    audience: str = typer.Option("me", "--audience", help=_AUDIENCE_HELP),
    paper: str = typer.Option("a4", "--paper", help="a4 or letter."),
    out: Path | None = typer.Option(None, "--out", help="Where to write it."),
    include: list[str] = typer.Option([], "--include", help="An entry to include (its id)."),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> None:
    """Make a report of your measures, goals, themes and ending plan, with the entries you pick.

    Example: alliance report --pdf --audience therapist --include 3f2a9c1d --out report.pdf
    """
    from alliance.cli.vault_access import open_vault
    from alliance.errors import InvalidInput
    from alliance.reports.report import check_paper, render_html, render_pdf
    from alliance.services.reports import build_report, check_audience, parse_day

    chosen_paper = check_paper(paper)
    who = check_audience(audience)
    first, last = parse_day(since, "--from"), parse_day(until, "--to")
    target = out or (Path(f"alliance-report-{date.today().isoformat()}.pdf") if pdf else None)
    if target is not None and target.exists() and not force:
        raise InvalidInput(f"{target} exists; choose another --out or add --force.")
    vault = open_vault()
    try:
        data = build_report(vault, since=first, until=last, audience=who, include=include)
    finally:
        vault.close()
    html = render_html(data, paper=chosen_paper)
    if target is None:
        typer.echo(html, nl=False)
        return
    content = render_pdf(html) if pdf else html.encode("utf-8")
    _write_private(target, content)
    kind = "PDF" if pdf else "HTML"
    typer.echo(
        f"Wrote the {kind} report to {target} ({len(data.selected)} selected entries). "
        "It is not encrypted: keep it somewhere safe."
    )


def _write_private(path: Path, content: bytes) -> None:
    import os

    from alliance.errors import InvalidInput

    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
    except OSError as error:
        raise InvalidInput(f"Cannot write {path}: {error.strerror}.") from None
