"""Tune the search index Material writes, so a question's own words decide where it ranks.

Material indexes each section of a page as its own entry, boosts titles 1000 times and tags a
million times. On a question page that splits the evidence (title, aliases, spoken answer) into
fragments and lets one title or tag word outrank everything else. Here each page becomes one
entry holding all its indexed text, with the title and tags only a little heavier than the text.
"""

from __future__ import annotations

import json
from pathlib import Path


TITLE_BOOST = 3  # Material's 1000 lets one title word outweigh a whole answer and its aliases


def tuned(index: dict) -> dict:
    fields = index["config"]["fields"]
    fields["title"]["boost"] = fields["tags"]["boost"] = TITLE_BOOST
    pages: dict[str, dict] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if page not in pages:
            pages[page] = {**doc, "location": page}
        elif doc["text"].strip():
            pages[page]["text"] = f"{pages[page]['text']} {doc['text']}".strip()
    return {**index, "docs": list(pages.values())}


def tune_search_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        path.write_text(json.dumps(tuned(json.loads(path.read_text(encoding="utf-8"))), separators=(",", ":")), encoding="utf-8")
