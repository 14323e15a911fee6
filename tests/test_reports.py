"""Every notebook runs top to bottom in a fresh kernel, and its report renders cleanly."""

from __future__ import annotations

import base64
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import reports

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = reports.notebooks_in(ROOT / "notebooks")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
IMG_RE = re.compile(r'<img[^>]+src="data:image/(png|svg\+xml);base64,([^"]*)"')


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """Execute every notebook once into a temporary report folder."""
    out = tmp_path_factory.mktemp("reports")
    reports.build(ROOT / "notebooks", out)
    return out


def test_notebooks_are_numbered_and_stored_without_outputs():
    assert [p.name[:2] for p in NOTEBOOKS] == [f"{i:02d}" for i in range(len(NOTEBOOKS))]
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                assert cell["outputs"] == [], f"{path.name} is stored with outputs"
                assert cell["execution_count"] is None


def test_every_notebook_has_a_committed_report():
    for path in NOTEBOOKS:
        assert (ROOT / "reports" / f"{path.stem}.html").is_file(), f"run `make report` for {path}"
    assert (ROOT / "reports" / "index.html").is_file()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_report_has_no_errors_and_real_images(built, notebook):
    page = (built / f"{notebook.stem}.html").read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" not in page
    assert "jp-OutputArea-output jp-mod-error" not in page
    assert 'data-mime-type="application/vnd.jupyter.error"' not in page
    for kind, payload in IMG_RE.findall(page):
        data = base64.b64decode(payload)
        assert len(data) > 2000, f"{notebook.stem}: an image of {len(data)} bytes"
        if kind == "png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert not re.search(r'(?:src|href)="https?://', page), "report references the network"


def test_index_links_every_report(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    for path in NOTEBOOKS:
        assert f'href="{path.stem}.html"' in index


def test_index_opens_with_the_headline_findings_and_chart(built):
    index = (built / "index.html").read_text(encoding="utf-8")
    lead = index[index.index('<section class="lead">') : index.index("</section>")]
    assert "<h2>Findings</h2>" in lead and "Loaded language" in lead
    assert 'src="data:image/png;base64,' in lead
    assert index.index('<section class="lead">') < index.index("<ol>")  # findings first


def test_every_code_cell_is_folded(built):
    page = (built / "05_comparison_findings.html").read_text(encoding="utf-8")
    assert page.count('<details class="rh-code">') == page.count('class="jp-Cell jp-CodeCell')


def _render(page: Path, tmp_path: Path, width: int = 1000) -> tuple[Path, list[str]]:
    """Screenshot ``page`` in headless Chromium; return the PNG and any http(s) requests."""
    png = tmp_path / f"{page.stem}_{width}.png"
    netlog = tmp_path / f"{page.stem}_{width}.netlog.json"
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={tmp_path / f'profile{width}'}",
        f"--log-net-log={netlog}",
        f"--window-size={width},4000",
        f"--screenshot={png}",
        page.as_uri(),
    ]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    return png, _page_requests(netlog)


def _page_requests(netlog: Path) -> list[str]:
    """http(s) requests the page made, from Chromium's net log.

    The browser's own housekeeping (update checks, network time) has the initiator
    "not an origin"; anything the page loads has the page's origin ("null" for file://).
    """
    text = netlog.read_text(encoding="utf-8", errors="replace").rstrip()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # a log cut short when the browser exits
        log = json.loads(text.rstrip(",") + "]}")
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return sorted(
        {
            e["params"]["url"]
            for e in log["events"]
            if e["type"] == start_job
            and e.get("params", {}).get("url", "").startswith(("http:", "https:"))
            and e["params"].get("initiator") != "not an origin"
        }
    )


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed: `apt-get install chromium` (CI installs it)",
)
@pytest.mark.parametrize("name", [p.stem for p in NOTEBOOKS] + ["index"])
def test_report_renders_in_chromium_without_network(built, name, tmp_path):
    png, requests = _render(built / f"{name}.html", tmp_path)
    assert png.stat().st_size > 10_000, "the screenshot is (nearly) blank"
    assert requests == [], f"{name}.html made network requests: {requests}"


def test_styler_ids_are_numbered_in_order_so_rebuilds_are_identical():
    page = '<style>#T_3fa9c_row0 {}</style><table id="T_3fa9c"></table><table id="T_00b1e">'
    from rhetoric.viz.report import _stable_ids

    assert _stable_ids(page) == (
        '<style>#T_s0_row0 {}</style><table id="T_s0"></table><table id="T_s1">'
    )


PAYLOADS = {
    # file name -> text: markup planted in an id, a title, a quotation and a speaker
    "<img id=planted-name src=x onerror=document.title=1>": (
        "<b id=planted-title>Headline</b>\n\n"
        "The minister spoke. “<script id=planted-quote>document.title=2</script> is bad,” "
        "said the minister on Monday. Critics disagreed strongly with the plan.\n\n"
        "“<img id=planted-quote2 src=x onerror=document.title=3> will fail,” "
        "said <i id=planted-speaker>Ann Lee</i>. She added more words about the plan here.\n"
    ),
    "plain": (
        "A Calm Title\n\nThe council met today. “We will build it,” said Mayor Bob Stone. "
        "Residents were pleased with the decision and said so at length.\n"
    ),
}


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed: `apt-get install chromium` (CI installs it)",
)
def test_report_on_planted_payloads_has_no_live_element(tmp_path):
    """`rhetoric report` over articles whose names and text hold markup: the report
    shows the markup as text, and no planted element exists in Chromium's DOM."""
    from rhetoric.cli import main

    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in PAYLOADS.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    page = tmp_path / "07.html"
    assert main(["report", str(folder), "-o", str(page), "--title", "<i id=planted-t>T</i>"]) == 0
    assert "planted-quote" in page.read_text(encoding="utf-8")  # the payloads were shown
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    assert "<title>" in dom
    for planted in (
        "planted-t",
        "planted-name",
        "planted-title",
        "planted-quote",
        "planted-quote2",
        "planted-speaker",
    ):
        assert not re.search(rf'<[a-z]+[^>]*\bid="{planted}"', dom), planted
    assert not re.search(r"<title>\s*[123]\s*</title>", dom), "a planted script ran"


@pytest.mark.skipif(
    CHROMIUM is None,
    reason="headless Chromium not installed: `apt-get install chromium` (CI installs it)",
)
def test_rhetoric_report_on_a_table_with_groups_reads_on_desktop_and_phone(tmp_path):
    import pandas as pd

    from rhetoric.cli import main

    texts = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        texts += [p for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) > 30][
            :4
        ]
    table = tmp_path / "paragraphs.csv"
    outlets = ["Outlet A" if i % 2 else "Outlet B" for i in range(len(texts))]
    pd.DataFrame(
        {"id": [f"p{i}" for i in range(len(texts))], "outlet": outlets, "text": texts}
    ).to_csv(table, index=False)
    page = tmp_path / "report.html"
    args = ["report", str(table), "--text-column", "text", "--id-column", "id"]
    assert main([*args, "--group-by", "outlet", "--title", "By outlet", "-o", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "<h1" in html and "By outlet" in html and "07 · Your articles" not in html
    assert "Groups compared" in html and "highest in Outlet" in html  # the group findings
    assert html.count('<details class="rh-code">') >= 10  # every code cell folded
    for width in (1200, 420):
        png, requests = _render(page, tmp_path, width)
        assert png.stat().st_size > 10_000, "the screenshot is (nearly) blank"
        assert requests == [], f"the report made network requests: {requests}"


def test_rhetoric_report_on_the_seed_folder(tmp_path, capsys):
    from rhetoric.cli import main

    page = tmp_path / "seeds.html"
    assert main(["report", str(ROOT / "data" / "raw"), "-o", str(page)]) == 0
    assert str(page.resolve()) in capsys.readouterr().err  # it says where the report is
    html = page.read_text(encoding="utf-8")
    for ident in ("000_c7e7827886e2f3a4", "003_27dc214f1f280638", "004_51d3a3e45c5204ed"):
        assert ident in html
    assert "3 articles analysed, 0 could not be read" in html
    assert "No group_by: no groups to compare." in html
