"""Reports: a notebook executed in a fresh kernel and exported as one standalone page.

:func:`build_report` is ``rhetoric report``: it runs the template notebook
(``templates/report.ipynb``, notebook 07 of the suite) over the user's articles, with
the parameters injected after its ``parameters`` cell as papermill does, and writes one
HTML file with the images embedded that loads nothing from the network. It needs no
Jupyter server, only the kernel and nbconvert of the ``rhetoric[notebooks]`` extra.
:func:`execute` and :func:`to_html` serve the repository's ``make report`` too.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["NotebookFailed", "TEMPLATE", "build_report", "execute", "to_html"]

TEMPLATE = "report.ipynb"
"""The template notebook, among the package's ``viz/templates``."""


class NotebookFailed(RuntimeError):
    """A notebook raised an error while it ran."""


def _templates() -> Path:
    return Path(str(resources.files("rhetoric") / "viz" / "templates"))


def _require() -> None:
    try:
        import nbclient  # noqa: F401
        import nbconvert  # noqa: F401
    except ImportError as exc:
        raise ImportError(
            "reports need the notebook tools: pip install 'rhetoric[notebooks]'"
        ) from exc


def execute(nb: Any, cwd: str | Path, *, timeout: int = 900, name: str = "notebook") -> Any:
    """Run a notebook (an ``nbformat`` node) top to bottom in a fresh kernel whose
    working directory is ``cwd``; return it with its outputs."""
    _require()
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}
    )
    try:
        client.execute()
    except CellExecutionError as exc:
        raise NotebookFailed(f"{name} failed:\n{exc}") from exc
    return nb


def to_html(nb: Any) -> str:
    """An executed notebook as one HTML page: images embedded, no remote scripts."""
    _require()
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        extra_template_basedirs=[str(_templates())],
        template_name="rhetoric_report",
        embed_images=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return _stable_ids(body)


_STYLER_ID = re.compile(r"\bT_([0-9a-f]{5})(?=[_\"\s,{])")


def _stable_ids(page: str) -> str:
    """Number pandas Styler's random table ids in order, so a rebuilt report is identical."""
    order: dict[str, str] = {}
    return _STYLER_ID.sub(lambda m: order.setdefault(m.group(1), f"T_s{len(order)}"), page)


def with_parameters(nb: Any, parameters: dict[str, Any]) -> Any:
    """``nb`` with a cell assigning ``parameters`` right after its ``parameters`` cell
    (the values as Python literals)."""
    import nbformat

    lines = [f"{name} = {value!r}" for name, value in parameters.items()]
    cell = nbformat.v4.new_code_cell("# injected by rhetoric report\n" + "\n".join(lines))
    cell.metadata["tags"] = ["injected-parameters"]
    at = next(
        (i + 1 for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])),
        0,
    )
    nb.cells.insert(at, cell)
    return nb


def build_report(
    inputs: Sequence[str | Path],
    output: str | Path = "report.html",
    *,
    text_column: str | None = None,
    id_column: str | None = None,
    group_by: str | None = None,
    title: str | None = None,
    timeout: int = 1800,
) -> Path:
    """Run the template over ``inputs`` (files, folders, and tables with
    ``text_column``) and write the report to ``output``; return its path. ``group_by``
    adds the comparison of groups (a table column such as ``outlet``)."""
    _require()
    import nbformat

    nb = nbformat.read(_templates() / TEMPLATE, as_version=4)
    parameters = {
        "inputs": [str(Path(i).resolve()) for i in inputs],
        "text_column": text_column,
        "id_column": id_column,
        "group_by": group_by,
        "title": title,
    }
    with_parameters(nb, parameters)
    if title:  # the page's heading and title
        from rhetoric.comparison.prose import markdown_text

        first = next(c for c in nb.cells if c.cell_type == "markdown")
        first.source = re.sub(r"\A# .*", lambda _: f"# {markdown_text(title)}", first.source)
        nb.metadata["title"] = title
    with tempfile.TemporaryDirectory() as cwd:
        execute(nb, cwd, timeout=timeout, name="the report")
    output = Path(output)
    output.write_text(to_html(nb), encoding="utf-8")
    return output
