"""Reports as HTML and PDF: only selected entries, both paper sizes, pages saved as PNG.

The PNG pages go to artifacts/report-pages/ (gitignored) for a visual check. Poppler's
pdftotext, pdfinfo and pdftoppm are used when present; each check that needs one skips with a
reason when it is absent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from alliance.reports.report import render_html, render_pdf, report_css
from alliance.services.goals import add_goal
from alliance.services.reports import build_report
from alliance.store.vault import Vault
from tests.conftest import PASSPHRASE, REPO
from tests.reports.builders import (
    CANARY,
    FEAR_SENTENCE,
    PROGRESS_SENTENCE,
    READY_SENTENCE,
    SmallTherapy,
    build_small_therapy,
    fill_demo_with_ending,
)

PAGES = REPO / "artifacts" / "report-pages"
SELECTED_TEXT = "what I want to bring to the next session"
UNSELECTED = (CANARY, FEAR_SENTENCE, PROGRESS_SENTENCE, READY_SENTENCE)
# Page sizes in PDF points (1/72 inch), as WeasyPrint writes them.
PAGE_POINTS = {"a4": (595, 842), "letter": (612, 792)}


@pytest.fixture
def therapy(vault: Vault) -> SmallTherapy:
    return build_small_therapy(vault)


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} (poppler-utils) is not installed")
    return found


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    done = subprocess.run(
        [tool("pdftotext"), "-layout", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def save_pages(pdf: bytes, stem: str, tmp_path: Path) -> list[Path]:
    """Render every page to artifacts/report-pages/<stem>-N.png (72 dpi: about A4 at 600 px)."""
    renderer = tool("pdftoppm")
    PAGES.mkdir(parents=True, exist_ok=True)
    for old in PAGES.glob(f"{stem}-*.png"):
        old.unlink()
    source = tmp_path / f"{stem}.pdf"
    source.write_bytes(pdf)
    subprocess.run([renderer, "-r", "72", "-png", str(source), str(PAGES / stem)], check=True)
    return sorted(PAGES.glob(f"{stem}-*.png"))


def page_sizes(pdf: bytes, tmp_path: Path) -> set[tuple[int, int]]:
    path = tmp_path / "sizes.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(
        [tool("pdfinfo"), "-f", "1", "-l", "99", str(path)], capture_output=True, check=True
    ).stdout.decode()
    sizes = re.findall(r"size:\s+([\d.]+) x ([\d.]+) pts", info)
    return {(round(float(w)), round(float(h))) for w, h in sizes}


@pytest.mark.parametrize("audience", ["me", "therapist"])
def test_the_html_holds_only_the_selected_entry(
    vault: Vault, therapy: SmallTherapy, audience: str
) -> None:
    data = build_report(vault, include=[therapy.entries["selected"]], audience=audience)  # type: ignore[arg-type]
    html = render_html(data)
    assert SELECTED_TEXT in html
    for text in UNSELECTED:
        assert text not in html, text
    assert "not a diagnosis" in html.lower()
    assert ("prepared by the client" in html.lower()) == (audience == "therapist")
    assert ("private thought" in html) == (audience == "me")


def test_the_html_has_every_part(vault: Vault, therapy: SmallTherapy) -> None:
    html = render_html(build_report(vault))
    for heading in (
        "Summary",
        "Questionnaires",
        "Session Feedback",
        "Themes and emotions over time",
        "Goals",
        "The ending",
        "The plan",
        "If things get very hard",
        "The numbers behind the charts",
    ):
        assert f">{heading}</h" in html, heading
    charts = re.findall(r'<svg [^>]*role="img"[^>]*>\s*<title id="([^"]+)-title">', html)
    assert len(charts) >= 6 and len(set(charts)) == len(charts)
    assert "the client and therapist decide together" in html
    assert "No journal entries were selected" in html
    assert "Waking at 3 a.m." in html  # the relapse plan


def test_the_web_form_links_its_stylesheet_and_has_no_inline_style(
    vault: Vault, therapy: SmallTherapy
) -> None:
    html = render_html(build_report(vault), stylesheet_href="/reports/report.css?paper=letter")
    assert "<style" not in html and ' style="' not in html
    assert 'href="/reports/report.css?paper=letter"' in html
    assert "size: letter;" in report_css("letter") and "size: A4;" in report_css("a4")


def test_user_text_is_escaped(vault: Vault) -> None:
    add_goal(vault, "<script>alert(1)</script>", ["a", "b", "c", "d", "e"])
    html = render_html(build_report(vault))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_pdf_holds_only_the_selected_entry_on_the_right_paper(
    vault: Vault, therapy: SmallTherapy, paper: str, tmp_path: Path
) -> None:
    data = build_report(vault, include=[therapy.entries["selected"]], audience="therapist")
    pdf = render_pdf(render_html(data, paper=paper))  # type: ignore[arg-type]
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf, tmp_path)
    assert SELECTED_TEXT in text
    for unselected in UNSELECTED:
        assert unselected not in text, unselected
    assert page_sizes(pdf, tmp_path) == {PAGE_POINTS[paper]}
    pages = save_pages(pdf, f"small-{paper}", tmp_path)
    assert len(pages) >= 3
    assert all(page.stat().st_size > 10_000 for page in pages)  # drawn, not blank


@pytest.mark.slow
def test_the_demo_vault_report_as_pdf_pages(vault: Vault, tmp_path: Path) -> None:
    pytest.importorskip("alliance.demo", reason="the demo (issue 5) is not installed")
    fill_demo_with_ending(vault)
    latest_reflection = (
        vault.raw()
        .execute("SELECT id FROM entries WHERE title = 'What I take with me'")
        .fetchone()[0]
    )
    data = build_report(vault, include=[latest_reflection], audience="therapist")
    assert data.plan.final_session is not None and data.goals
    pdf = render_pdf(render_html(data, paper="a4"))
    text = pdf_text(pdf, tmp_path)
    assert "That 'no' is a whole sentence" in text.replace("’", "'")
    assert "Email Elias's practice" in text.replace("’", "'")
    assert len(save_pages(pdf, "demo-a4", tmp_path)) >= 5


def test_alliance_report_writes_a_private_pdf(
    vault: Vault, therapy: SmallTherapy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance.cli.main import app

    monkeypatch.setenv("ALLIANCE_PASSPHRASE", PASSPHRASE)
    run: Callable[..., object] = CliRunner().invoke
    out = tmp_path / "report.pdf"
    args = ["report", "--pdf", "--paper", "letter", "--audience", "therapist", "--out", str(out)]
    args += ["--include", therapy.entries["selected"][:8]]
    result = run(app, args)
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert out.read_bytes().startswith(b"%PDF-")
    assert os.stat(out).st_mode & 0o777 == 0o600
    again = run(app, args)
    assert again.exit_code == 1 and "exists" in again.stderr  # type: ignore[attr-defined]
    html = run(app, ["report", "--from", "2000-01-01", "--include", therapy.entries["selected"]])
    assert html.exit_code == 0 and SELECTED_TEXT in html.stdout  # type: ignore[attr-defined]
    assert CANARY not in html.stdout  # type: ignore[attr-defined]
    bad = run(app, ["report", "--paper", "a5"])
    assert bad.exit_code == 1 and "a4 or letter" in bad.stderr  # type: ignore[attr-defined]
