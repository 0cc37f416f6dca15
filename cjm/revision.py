"""Read one side of a diff: a path on disk, or `REV:path` from git (`main:maps/checkout.yaml`)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from cjm.diagnostics import Diagnostic, make
from cjm.translation import Message

GIT_TIMEOUT = 30.0


def split_revision(spec: str) -> tuple[str, str] | None:
    """(revision, path) for a `REV:path` spec, or None for a plain path (an existing file always wins)."""
    if Path(spec).exists() or ":" not in spec:
        return None
    revision, _, path = spec.partition(":")
    if not revision or not path or (len(revision) == 1 and revision.isalpha()):
        return None  # `:path` is git's index, `C:\\…` a Windows drive: neither is a revision here.
    return revision, path


def read_revision(revision: str, path: str, cwd: Path | None = None) -> bytes | Diagnostic:
    """The bytes of `path` at `revision`, read with the real `git show`; failures are diagnostics."""
    name = f"{revision}:{path}"
    git = shutil.which("git")
    if git is None:
        return make(
            "CJM113",
            name,
            1,
            1,
            Message("git is not installed, so a revision cannot be read"),
            Message("install git, or compare two files on disk"),
        )
    try:
        shown = subprocess.run(
            [git, "show", f"{revision}:{path}"], capture_output=True, cwd=cwd, timeout=GIT_TIMEOUT, check=False
        )
    except subprocess.TimeoutExpired:
        message = Message("git took more than {seconds} s to read {name}", seconds=round(GIT_TIMEOUT), name=name)
        return make("CJM113", name, 1, 1, message)
    if shown.returncode != 0:
        reason = shown.stderr.decode("utf-8", errors="replace").strip().splitlines()
        return make(
            "CJM113",
            name,
            1,
            1,
            Message(
                "git cannot read {name}: {reason}", name=name, reason=reason[0] if reason else Message("unknown error")
            ),
            Message("paths after `REV:` are relative to the repository root (or start with ./)"),
        )
    return shown.stdout
