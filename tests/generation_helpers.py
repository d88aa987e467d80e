"""Helpers shared by the generation tests: the shared checker and the dev-set articles."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CHECKER = SHARED / "eval" / "qgcheck.py"
# The seed article ships in the repository (a fresh clone has no ../shared beside it).
SEED_ARTICLE = REPO / "seeds" / "000_seed_article.txt"
OWN_ARTICLES = Path(__file__).resolve().parent / "articles"


def load_checker() -> ModuleType | None:
    """The shared qgcheck module, or None when this checkout has no shared folder."""
    if not CHECKER.exists():
        return None
    spec = importlib.util.spec_from_file_location("qgcheck", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def strip_headers(text: str) -> str:
    """Drop the "Title:"/"Source:" header lines the app's loader removes."""
    lines = text.splitlines()
    return "\n".join(
        line
        for line in lines
        if line.split(":", 1)[0].strip().lower() not in ("title", "source", "date", "author")
    )
