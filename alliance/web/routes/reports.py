"""Reports in the browser and the API: choose the period, audience, paper and entries, then open
the report as a page (print it from the browser) or download it as a PDF.

Only the entries ticked on the form (sent as `include` ids) appear in a report. The report page
is a document of its own; its stylesheet comes from /reports/report.css (the app's
Content-Security-Policy forbids inline styles), with the paper size as a parameter.

Pages: GET /reports, GET /reports/view, GET /reports/pdf, GET /reports/report.css.
API: GET /api/v1/report?format=html|pdf (same query parameters).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from alliance.web.context import Unlocked, on_vault, render, unlocked

pages = APIRouter(include_in_schema=False)
NAV = (("Reports", "/reports"),)
LISTED_ENTRIES = 200
api = APIRouter(prefix="/api/v1", tags=["reports"], dependencies=[Depends(unlocked)])


class ReportQuery:
    """The report's options, from the query string (a GET form: nothing is changed)."""

    def __init__(
        self,
        date_from: Annotated[str, Query(alias="from")] = "",
        date_to: Annotated[str, Query(alias="to")] = "",
        audience: str = "me",
        paper: str = "a4",
        include: Annotated[list[str] | None, Query()] = None,
    ) -> None:
        self.date_from, self.date_to = date_from, date_to
        self.audience, self.paper, self.include = audience, paper, include or []

    def css_href(self) -> str:
        return "/reports/report.css?" + urlencode({"paper": self.paper, "audience": self.audience})


Options = Annotated[ReportQuery, Depends()]


def entries_data(vault: Any) -> dict[str, Any]:
    from alliance.services.journal import entry_filter, list_entries

    return {"entries": list_entries(vault, entry_filter(limit=LISTED_ENTRIES))}


def _report_data(vault: Any, options: ReportQuery) -> Any:
    from alliance.reports.report import check_paper
    from alliance.services.reports import build_report, check_audience, parse_day

    check_paper(options.paper)
    return build_report(
        vault,
        since=parse_day(options.date_from or None, "From"),
        until=parse_day(options.date_to or None, "To"),
        audience=check_audience(options.audience),
        include=options.include,
    )


@pages.get("/reports")
async def reports_page(request: Request, session: Unlocked) -> Response:
    data = await on_vault(request, entries_data)
    return render(request, "reports.html", listed=LISTED_ENTRIES, **data)


@pages.get("/reports/view")
async def view(request: Request, session: Unlocked, options: Options) -> Response:
    from alliance.reports.report import check_paper, render_html

    data = await on_vault(request, _report_data, options)
    html = render_html(data, paper=check_paper(options.paper), stylesheet_href=options.css_href())
    return HTMLResponse(html)


@pages.get("/reports/pdf")
async def pdf(request: Request, session: Unlocked, options: Options) -> Response:
    return await _pdf_response(request, options)


@pages.get("/reports/report.css")
async def stylesheet(paper: str = "a4", audience: str = "me") -> Response:
    from alliance.reports.report import check_paper, report_css

    return Response(report_css(check_paper(paper), audience), media_type="text/css")


@api.get("/report")
async def api_report(request: Request, options: Options, format: str = "html") -> Response:
    from alliance.errors import InvalidInput
    from alliance.reports.report import check_paper, render_html

    if format == "pdf":
        return await _pdf_response(request, options)
    if format != "html":
        raise InvalidInput("format is html or pdf.")
    data = await on_vault(request, _report_data, options)
    return HTMLResponse(render_html(data, paper=check_paper(options.paper)))


async def _pdf_response(request: Request, options: ReportQuery) -> Response:
    from alliance.reports.report import check_paper, render_html, render_pdf

    data = await on_vault(request, _report_data, options)
    html = render_html(data, paper=check_paper(options.paper))
    content = await run_in_threadpool(render_pdf, html)
    name = f"alliance-report-{data.generated.date().isoformat()}.pdf"
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


# The app includes `router`: the pages (kept out of the OpenAPI schema) and the API.
router = APIRouter()
router.include_router(pages)
router.include_router(api)
