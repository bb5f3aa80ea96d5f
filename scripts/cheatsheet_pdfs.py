"""Print every cheat sheet page of a built site to PDF with headless Chromium.

    uv run python scripts/cheatsheet_pdfs.py site/

writes site/cheatsheets/<name>.pdf next to each sheet (all.pdf for the full one) and prints the
page count of each. scripts/build runs it after `mkdocs build`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from local_browser import chromium, serve


def sheet_names(site_dir: Path) -> list[str]:
    """index (the full sheet) first, then must-know and one per topic."""
    folder = site_dir / "cheatsheets"
    return ["index"] + sorted(path.parent.name for path in folder.glob("*/index.html"))


def pdf_name(sheet: str) -> str:
    return "all" if sheet == "index" else sheet


def page_url(sheet: str) -> str:
    return "cheatsheets/" if sheet == "index" else f"cheatsheets/{sheet}/"


def print_sheets(site_dir: Path, browser, out_dir: Path | None = None) -> dict[str, Path]:
    """Every sheet as a PDF, by sheet name, printed by `browser` into out_dir (default: next to the sheets)."""
    out_dir = out_dir or site_dir / "cheatsheets"
    written = {}
    with serve(site_dir) as base:
        page = browser.new_page()
        for sheet in sheet_names(site_dir):
            page.goto(f"{base}/{page_url(sheet)}", wait_until="networkidle")
            target = out_dir / f"{pdf_name(sheet)}.pdf"
            page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
            written[sheet] = target
        page.close()
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not (Path(argv[0]) / "cheatsheets").is_dir():
        print("usage: cheatsheet_pdfs.py SITE_DIR (a built site with cheatsheets/)", file=sys.stderr)
        return 2
    from pypdf import PdfReader

    with chromium() as browser:
        written = print_sheets(Path(argv[0]), browser)
    for sheet, path in written.items():
        print(f"{path}: {len(PdfReader(path).pages)} pages")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
