"""The package's layers: imports point down only, and the top level stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import rhetoric

PACKAGE = Path(rhetoric.__file__).resolve().parent
# lowest first; a module may import from its own layer or any layer before it
LAYERS = ["base", "text", "measures", "analysis", "comparison", "viz", "cli"]


def layer(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "rhetoric":
        raise ValueError(module)
    if len(parts) == 1:
        return "package"
    if parts[1] in LAYERS:
        return parts[1]
    if parts[1] == "dask":  # rhetoric.dask: analysis over a dask.dataframe
        return "analysis"
    return "base"  # rhetoric.datafiles, rhetoric.resampling


def imports_of(path: Path) -> list[str]:
    """Every ``rhetoric`` module a file imports (at the top, in a function or lazily),
    except inside ``_repr_html_``: Jupyter's display hook may reach up to the viz layer."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "_repr_html_":
            node.body = []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [n for n in names if n.split(".")[0] == "rhetoric"]
    return found


def test_the_layer_rule_catches_an_upward_import(tmp_path):
    bad = tmp_path / "m.py"
    bad.write_text("from rhetoric.viz.plots import metric_bars\n", encoding="utf-8")
    assert [layer(m) for m in imports_of(bad)] == ["viz"]


@pytest.mark.parametrize(
    "path",
    sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_imports_point_down_the_layers(path):
    module = ".".join(("rhetoric", *path.relative_to(PACKAGE).with_suffix("").parts))
    module = module.removesuffix(".__init__")
    own = LAYERS.index(layer(module))
    upward = [m for m in imports_of(path) if m != "rhetoric" and LAYERS.index(layer(m)) > own]
    assert not upward, f"{module} imports from a higher layer: {upward}"


def test_top_level_exports_resolve():
    for name in rhetoric.__all__:
        assert getattr(rhetoric, name) is not None, name


def test_import_rhetoric_loads_neither_pandas_nor_matplotlib():
    code = (
        "import sys, rhetoric\n"
        "a = rhetoric.analyze('The senator said \"we will win.\" Critics called it reckless.')\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'sklearn') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_library_ships_no_repository_tooling():
    assert not (PACKAGE / "reports.py").exists()
    assert not (PACKAGE / "validation.py").exists()
    assert not (PACKAGE / "templates").exists()
