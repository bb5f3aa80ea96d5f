"""Check the whole bank the way the build does: every page, topic, snippet and demo link.

    uv run python scripts/check_content.py

Exits 1 and prints each problem with the file it is in.
"""

import sys
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from mkdocs_hooks import load_site

PROJECT = Path(__file__).resolve().parent.parent


def main() -> int:
    config = load_config(str(PROJECT / "mkdocs.yml"))
    try:
        bank, patterns = load_site(config)
    except PluginError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"ok: {len(bank.questions)} questions in {len(bank.topics)} topics, {len(patterns)} demo patterns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
