"""The site's own search, asked in a real browser: through the search box as a reader types, or
straight through Material's search worker (the same engine and index, fast enough for hundreds
of questions).

A result is a list of groups, one per page in rank order; a group lists the page's address and
then the addresses of its sections that matched (a follow-up is `page/#fu-...`).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

# Material's worker protocol: SETUP (the index) -> READY, QUERY (a string) -> RESULT (groups)
ASK_WORKER = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base + "/", location.href);
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const ask = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await ask({ type: 0, data: { ...index, options: { suggest: false } } });
  const results = [];
  for (const query of queries) {
    const { data } = await ask({ type: 2, data: query });
    results.push(data.items.slice(0, 3).map((group) => group.map((item) => item.location)));
  }
  worker.terminate();
  return results;
}"""

READ_BOX = """() => [...document.querySelectorAll('.md-search-result__item')].slice(0, 3).map(
  (item) => [...item.querySelectorAll('a')].map((a) => a.getAttribute('href')))"""


def location(href: str) -> str:
    """A result link as a site location: `fastapi/cors/` or `fastapi/cors/#fu-...`."""
    parts = urlparse(href)
    path = parts.path.strip("/")
    path = f"{path}/" if path else ""
    return f"{path}#{parts.fragment}" if parts.fragment else path


def rank(groups: list[list[str]], target: str) -> int | None:
    """1-based position of the group that holds the target, or None when it is not there."""
    for position, group in enumerate(groups, start=1):
        if target in (location(href) for href in group):
            return position
    return None


def ask_worker(page, queries: list[str]) -> list[list[list[str]]]:
    """Top-3 groups for each query, from Material's worker in this page (the site must be open)."""
    return page.evaluate(ASK_WORKER, queries)


@dataclass
class SearchBox:
    """The header's search box, typed into as a reader does."""

    page: object

    def open(self, site_url: str) -> SearchBox:
        self.page.goto(f"{site_url}/")
        self.box = self.page.locator("input.md-search__input")
        self.box.click()
        return self

    def top(self, query: str) -> list[list[str]]:
        self.box.fill("")
        self.box.press("End")  # Material's search reads the box on key events
        self.page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
        self.box.fill(query)
        self.box.press("End")  # one query, the whole one: no results of a partial query can be on screen
        previous, groups = None, self.page.evaluate(READ_BOX)
        for _ in range(40):  # wait (at most 6 s) until the results stop changing
            if groups and groups == previous:
                break
            self.page.wait_for_timeout(150)
            previous, groups = groups, self.page.evaluate(READ_BOX)
        return groups


@dataclass
class Score:
    """How often the target came first and in the top 3, with the misses to print."""

    count: int = 0
    top1: int = 0
    top3: int = 0

    def __post_init__(self):
        self.misses: list[str] = []

    def add(self, query: str, target: str, groups: list[list[str]]) -> None:
        position = rank(groups, target)
        self.count += 1
        self.top1 += position == 1
        self.top3 += position is not None
        if position != 1:
            firsts = [location(group[0]) for group in groups if group]
            self.misses.append(f"{query!r}: wanted {target}, got {firsts}")

    def share(self, hits: int) -> float:
        return hits / self.count if self.count else 0.0

    def summary(self, name: str) -> str:
        return (
            f"{name}: top-1 {self.top1}/{self.count} ({self.share(self.top1):.0%}), "
            f"top-3 {self.top3}/{self.count} ({self.share(self.top3):.0%})"
        )
