"""Tune the search Material writes, so a question's own words decide where it ranks.

Material indexes each section of a page as its own entry, boosts titles 1000 times and tags a
million times. On a question page that splits the evidence (title, aliases, spoken answer) into
fragments and lets one title or tag word outrank everything else. Here each page becomes one
entry holding all its indexed text, with the title and tags only a little heavier than the text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import render


TITLE_BOOST = 3  # Material's 1000 lets one title word outweigh a whole answer and its aliases


FOLLOW_UP_ANCHOR = "#fu-"  # content.follow_up_anchor: a follow-up keeps its own entry, which opens it


# Code and its "Runs on" line: the page wraps them in data-search-exclude, but Material's parser
# stops excluding at the first nested </div> (a code block's), so they would reach the index
CODE = re.compile(r"(It prints\s*)?<pre>.*?</pre>", re.DOTALL)
RUNS_ON = re.compile(r"<p>(Runs on|Not run here)[^<]*(<code>[^<]*</code>[^<]*)*</p>")
# a follow-up's entry is its question (the title) and its other wordings, not its answer: the
# browser builds the index before the first query can run, and with the answers indexed the first
# query took 320 ms instead of 235 ms while search found no more (README, "Search, measured")
ALSO_ASKED_PARAGRAPH = re.compile(rf"<p>{re.escape(render.ALSO_ASKED)}.*?</p>", re.DOTALL)


def words_only(text: str) -> str:
    return " ".join(RUNS_ON.sub(" ", CODE.sub(" ", text)).split())


def follow_up_text(text: str) -> str:
    """The other wordings of the question, from the text of its section."""
    also = ALSO_ASKED_PARAGRAPH.search(text)
    return also.group(0) if also else ""


def tuned(index: dict) -> dict:
    fields = index["config"]["fields"]
    fields["title"]["boost"] = fields["tags"]["boost"] = TITLE_BOOST
    pages: dict[str, dict] = {}
    follow_ups: list[dict] = []
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        if FOLLOW_UP_ANCHOR in doc["location"]:
            follow_ups.append({**doc, "text": follow_up_text(doc["text"])})
            continue
        doc = {**doc, "text": words_only(doc["text"])}
        if page not in pages:
            pages[page] = {**doc, "location": page}
        elif doc["text"].strip():
            pages[page]["text"] = f"{pages[page]['text']} {doc['text']}".strip()
    # after the pages: Material files an entry with a "#" under the entry of its path, seen before it
    return {**index, "docs": list(pages.values()) + follow_ups}


def tune_search_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.exists():
        path.write_text(json.dumps(tuned(json.loads(path.read_text(encoding="utf-8"))), separators=(",", ":")), encoding="utf-8")


# --- the query: words that match everything, and interview synonyms ---------------------------

QUERY_SCRIPT = Path(__file__).with_name("search_query.js")
SYNONYMS_FILE = Path(__file__).with_name("search_synonyms.txt")

# words of a question that say nothing about its subject; with Material's trailing wildcard each
# of them ("is*", "in*") matches most pages
QUERY_STOP_WORDS = sorted(
    """a about after an and any are as at be been between both but by can could describe did do does
    doing explain for from give had has have how i if in into is it its me mean means my of on or our
    say should so some tell than that the their them then there these they this those to use used
    using us was way we were what whats when where which while who why will with would you your""".split()
)


def read_synonyms(path: Path = SYNONYMS_FILE) -> list[tuple[list[str], list[str]]]:
    """`phrase | words the pages use`, one per line; '#' starts a comment."""
    synonyms = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        phrase, separator, usual = (part.strip().lower() for part in entry.partition("|"))
        if not separator or not phrase or not usual:
            raise ValueError(f"{path.name}:{number}: expected 'phrase | words the pages use', got {entry!r}")
        synonyms.append((phrase.split(), usual.split()))
    return synonyms


def query_script() -> str:
    return (
        QUERY_SCRIPT.read_text(encoding="utf-8")
        .replace("__STOP_WORDS__", json.dumps(QUERY_STOP_WORDS))
        .replace("__SYNONYMS__", json.dumps(read_synonyms()))
    )


def rewrite_search_queries(site_dir: Path) -> None:
    """Put the query rewriting in front of Material's search worker (same file, so file:// and the
    offline cache need nothing new)."""
    workers = sorted((site_dir / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if len(workers) != 1:
        raise RuntimeError(f"expected one Material search worker, found {[w.name for w in workers]}")
    worker, script = workers[0], query_script()
    text = worker.read_text(encoding="utf-8")
    if not text.startswith(script):  # a rebuild that kept the file must not add it twice
        worker.write_text(f"{script}\n{text}", encoding="utf-8")
