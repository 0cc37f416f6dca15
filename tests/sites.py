"""A real MkDocs site and a real Sphinx project, made from `tests/sites/`, the examples and docs/docs-sites.md.

The configuration files are the recipes of docs/docs-sites.md, taken from the page, so the page
says what the tests run. The maps are the examples: `saas-trial-onboarding.yaml` and
`support-box-internet-fr.yaml` in `docs/journeys/` (beside the pages), the e-commerce pair in
`journeys/` outside the docs folder (a future-state map and its baseline).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, TODAY_EPOCH

DOCS_SITES = ROOT / "docs" / "docs-sites.md"
SITES = ROOT / "tests" / "sites"
EXAMPLES = ROOT / "examples"
BIN = Path(sys.executable).parent
INSIDE = ("saas-trial-onboarding.yaml", "support-box-internet-fr.yaml")
OUTSIDE = ("ecommerce-first-purchase.yaml", "ecommerce-first-purchase-future.yaml")
INVALID_MAP = """cjm: 1
title: Broken checkout
stages:
  - name: Pay
    touchpoints:
      - name: Card form
        chanel: web
"""


def recipe(language: str, first_line: str) -> str:
    """The fenced block of docs/docs-sites.md in `language` whose first line is `first_line`."""
    pattern = rf"^```{re.escape(language)}\n(.*?)^```$"
    blocks = re.findall(pattern, DOCS_SITES.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)
    found = [block for block in blocks if block.startswith(first_line + "\n")]
    assert len(found) == 1, f"docs/docs-sites.md has {len(found)} ```{language} blocks starting {first_line!r}"
    return str(found[0])


def environment() -> dict[str, str]:
    """The environment of a docs build: today fixed, so method warnings are the same every day."""
    return {**os.environ, "SOURCE_DATE_EPOCH": TODAY_EPOCH}


def _copy_maps(folder: Path, docs: Path) -> None:
    (docs / "journeys").mkdir(parents=True, exist_ok=True)
    (folder / "journeys").mkdir(parents=True, exist_ok=True)
    for name in INSIDE:
        shutil.copy(EXAMPLES / name, docs / "journeys" / name)
    for name in OUTSIDE:
        shutil.copy(EXAMPLES / name, folder / "journeys" / name)


def mkdocs_site(folder: Path, config: str | None = None) -> Path:
    """A MkDocs site in `folder` (pages from tests/sites/mkdocs, mkdocs.yml from the docs page); returns it."""
    shutil.copytree(SITES / "mkdocs", folder, dirs_exist_ok=True)
    (folder / "mkdocs.yml").write_text(config or recipe("yaml", "# mkdocs.yml"), encoding="utf-8")
    _copy_maps(folder, folder / "docs")
    return folder


def run_mkdocs(site: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs` in a site folder; its log is on stderr."""
    return subprocess.run(
        [str(BIN / "mkdocs"), *args],
        cwd=site,
        env=environment(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def sphinx_project(folder: Path) -> Path:
    """A Sphinx project in `folder` (documents from tests/sites/sphinx, conf.py for MyST from the docs page)."""
    shutil.copytree(SITES / "sphinx", folder, dirs_exist_ok=True)
    (folder / "conf.py").write_text(recipe("python", "# conf.py, for MyST Markdown"), encoding="utf-8")
    _copy_maps(folder, folder)
    return folder


def run_sphinx(project: Path, builder: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the real `sphinx-build -W` with a builder into `_build/<builder>`; its warnings are on stderr."""
    command = [str(BIN / "sphinx-build"), "-W", "-b", builder, *args, ".", f"_build/{builder}"]
    return subprocess.run(
        command, cwd=project, env=environment(), capture_output=True, text=True, timeout=120, check=False
    )


# Maps no other test uses, written here: a French map, a service blueprint, and a future state with its
# baseline. `UNSEEN_MAPS` are file names and contents; `UNSEEN_INVALID` breaks one of them (CJM203).
FRENCH_MAP = """cjm: 1
title: Résiliation d’un abonnement de box internet
objective: Réduire de moitié les appels au service client pendant une résiliation
locale: fr
reviewed: 2026-06-01
persona:
  name: Élodie, 41 ans
  goals: [Résilier sans frais cachés]
  frustrations: [Les « offres de fidélité » au téléphone]
stages:
  - name: Chercher comment résilier
    emotion: 2
    touchpoints:
      - {name: Espace client, channel: web, emotion: 2}
  - name: Envoyer la demande
    touchpoints:
      - {name: Lettre recommandée, channel: mail, emotion: 1}
    pain_points:
      - text: Aucun accusé de réception avant dix jours
        severity: high
  - name: Rendre la box
    touchpoints:
      - {name: Point relais, channel: store, emotion: 4}
"""
BLUEPRINT_MAP = """cjm: 1
title: Library book reservation
objective: Let members collect a reserved book the same week
type: service-blueprint
reviewed: 2026-06-01
persona:
  name: Sam, a member
  goals: [Borrow a book that is out]
stages:
  - name: Reserve
    emotion: 3
    touchpoints:
      - {name: Catalogue search, channel: web, emotion: 3}
    frontstage: [Reserve button on the book's page]
    backstage: [Librarians see the queue each morning]
    support: [Library management system]
  - name: Wait
    touchpoints:
      - {name: Ready-for-pickup email, channel: email, emotion: 2}
    frontstage: [Email with the shelf number]
    backstage: [A librarian puts the book on the hold shelf]
  - name: Collect
    touchpoints:
      - {name: Hold shelf, channel: store, emotion: 4}
    support: [Self-service loan kiosk]
"""
CURRENT_MAP = """cjm: 1
title: Parcel return
objective: Make returns painless
type: current-state
reviewed: 2026-06-01
persona: {name: Ana, goals: [Get her money back]}
stages:
  - id: ask
    name: Ask for a return
    touchpoints:
      - {id: form, name: Return form, channel: web, emotion: 2}
  - id: drop
    name: Drop the parcel
    touchpoints:
      - {id: shop, name: Parcel shop, channel: store, emotion: 1}
  - id: refund
    name: Get the refund
    touchpoints:
      - {id: mail, name: Refund email, channel: email, emotion: 3}
"""
FUTURE_MAP = CURRENT_MAP.replace("type: current-state", "type: future-state\nbaseline: parcel-return.yaml").replace(
    "emotion: 1}", "emotion: 4}"
)
UNSEEN_MAPS = {
    "resiliation-box.yaml": FRENCH_MAP,
    "library-blueprint.yaml": BLUEPRINT_MAP,
    "parcel-return.yaml": CURRENT_MAP,
    "parcel-return-future.yaml": FUTURE_MAP,
}
UNSEEN_INVALID = BLUEPRINT_MAP.replace("support: [Self-service loan kiosk]", "suport: [Self-service loan kiosk]")
