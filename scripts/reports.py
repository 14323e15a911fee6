"""Execute notebooks in a fresh kernel and export them as self-contained HTML reports.

``python scripts/reports.py NOTEBOOK_DIR OUT_DIR`` (what ``make report`` runs) runs every
``NN_*.ipynb`` in ``NOTEBOOK_DIR`` (in name order, in the notebook's folder), writes
``OUT_DIR/NN_name.html`` and an ``OUT_DIR/index.html`` that links them with the first
paragraph of each notebook as its summary. The HTML loads nothing from the network.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from rhetoric.viz.report import NotebookFailed, to_html
from rhetoric.viz.report import execute as run_notebook

NOTEBOOK_NAME = re.compile(r"^\d{2}_[\w-]+\.ipynb$")


@dataclass(frozen=True)
class Report:
    notebook: Path
    html_path: Path
    title: str
    summary: str
    findings: str = ""  # the Markdown of a "## Findings" cell, if the notebook has one
    chart: str = ""  # base64 PNG: the first chart after the notebook's first code cell


def headline(nb) -> tuple[str, str]:
    """The notebook's ``## Findings`` cell (Markdown) and its first chart (base64 PNG)."""
    findings = next(
        (
            c.source
            for c in nb.cells
            if c.cell_type == "markdown" and c.source.startswith("## Findings")
        ),
        "",
    )
    chart = next(
        (
            out["data"]["image/png"]
            for c in nb.cells
            if c.cell_type == "code"
            for out in c.get("outputs", [])
            if "image/png" in out.get("data", {})
        ),
        "",
    )
    return findings, chart


def notebooks_in(folder: str | Path) -> list[Path]:
    """The numbered notebooks of ``folder`` in reading order."""
    return sorted(p for p in Path(folder).iterdir() if NOTEBOOK_NAME.match(p.name))


def execute(path: Path, timeout: int = 900):
    """Run a notebook top to bottom in a fresh kernel, in its folder; return it executed."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    return run_notebook(nb, path.parent, timeout=timeout, name=path.name)


def title_and_summary(nb) -> tuple[str, str]:
    """The H1 of the first Markdown cell and the paragraph that follows it."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p.strip() for p in cell.source.split("\n\n") if p.strip()]
        title = paragraphs[0].lstrip("#").strip() if paragraphs else ""
        summary = paragraphs[1] if len(paragraphs) > 1 else ""
        return title, summary
    return "", ""


def build(notebook_dir: str | Path, out_dir: str | Path) -> list[Report]:
    """Execute every numbered notebook and write the HTML reports plus ``index.html``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    reports = []
    for path in notebooks_in(notebook_dir):
        nb = execute(path)
        target = out / (path.stem + ".html")
        target.write_text(to_html(nb), encoding="utf-8")
        title, summary = title_and_summary(nb)
        reports.append(Report(path, target, title, summary, *headline(nb)))
        print(f"wrote {target}", file=sys.stderr)
    (out / "index.html").write_text(index_html(reports), encoding="utf-8")
    return reports


def _markdown_inline(text: str) -> str:
    """Escape text, then render the two inline marks summaries use (**bold**, `code`)."""
    out = html.escape(" ".join(text.split()))
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", out)


def _markdown(text: str) -> str:
    """Markdown to HTML with raw HTML escaped (never passed through)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render(text)


def index_html(reports: list[Report]) -> str:
    """A page that opens with the headline findings and main chart of the notebook that
    has a ``## Findings`` cell (05), then links every report with its summary."""
    lead = next((r for r in reports if r.findings), None)
    top = ""
    if lead is not None:
        chart = ""
        if lead.chart:
            chart = f'<img alt="main chart" src="data:image/png;base64,{lead.chart}">'
        name, title = html.escape(lead.html_path.name), html.escape(lead.title)
        link = f'<p class="from">From <a href="{name}">{title}</a>.</p>'
        top = f'<section class="lead">{_markdown(lead.findings)}{chart}{link}</section>'
    items = "\n".join(
        f'<li><a href="{html.escape(r.html_path.name)}">{html.escape(r.title)}</a>'
        f"<p>{_markdown_inline(r.summary)}</p></li>"
        for r in reports
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>rhetoric: reports</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.55; color: #222; }}
.lead {{ border-left: 4px solid #0072b2; padding: 0.2rem 0 0.2rem 1rem; margin: 1.5rem 0 2rem; }}
.lead img {{ max-width: 100%; height: auto; margin-top: 0.8rem; }}
.lead h2 {{ margin-top: 0.3rem; }} .from {{ color: #555; font-size: 0.95rem; }}
li {{ margin-bottom: 1.2rem; }} li a {{ font-size: 1.15rem; font-weight: 600; }}
li p {{ margin: .3rem 0 0; }}
</style></head>
<body>
<h1>rhetoric: three opinion articles compared</h1>
{top}
<h2>The reports</h2>
<p>Generated by <code>make report</code> from the notebooks in <code>notebooks/</code>.
Each opens with its question and states its findings with the numbers behind them;
the code of each is folded under "Code".</p>
<ol>
{items}
</ol>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python scripts/reports.py NOTEBOOK_DIR OUT_DIR", file=sys.stderr)
        return 2
    try:
        build(*args)
    except NotebookFailed as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
