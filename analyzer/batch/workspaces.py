"""Named workspaces: one batch store per audit, so one reviewer's audit never mixes with another's.

A workspace is a store file ``<root>/<name>.sqlite``; the root is
``$REGLINT_WORKSPACES``, else ``~/.reglint/workspaces``. A name is what a user
types ("Район 5, 2025"): letters, digits, spaces, ``_``, ``-``, ``.`` and
``,``, at most 64 characters, never a path.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

SUFFIX = ".sqlite"
MAX_NAME = 64
_NAME = re.compile(r"[\w][\w ,.\-]*")


class BadWorkspaceName(ValueError):
    """The name cannot be a workspace; the message is Russian."""


def root() -> Path:
    return Path(os.environ.get("REGLINT_WORKSPACES") or Path.home() / ".reglint" / "workspaces").expanduser()


def check_name(name: str) -> str:
    """``name`` without surrounding spaces, or BadWorkspaceName."""
    name = name.strip()
    if not name:
        raise BadWorkspaceName("укажите название рабочей области")
    if len(name) > MAX_NAME or not _NAME.fullmatch(name) or name.endswith("."):
        raise BadWorkspaceName(f"название рабочей области «{name[:MAX_NAME]}» недопустимо: буквы, цифры, пробелы, "
                               f"знаки _ - . , — не длиннее {MAX_NAME} символов")
    return name


def store_path(name: str) -> Path:
    """The store file of the workspace ``name`` (its folder is created)."""
    folder = root()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{check_name(name)}{SUFFIX}"


def names() -> list[str]:
    """The existing workspaces, by name."""
    folder = root()
    if not folder.is_dir():
        return []
    return sorted((p.name[:-len(SUFFIX)] for p in folder.iterdir() if p.name.endswith(SUFFIX) and p.is_file()),
                  key=str.casefold)
