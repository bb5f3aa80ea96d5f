"""Paths and the build command the site tests share (plain functions, importable by any test)."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build_site(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of `project` into `site_dir`, with extra environment variables."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},  # the first: Material 9.8's end-of-life banner
    )


def page_url(src_path: str) -> str:
    """docs/fastapi/cors.md -> fastapi/cors/ (MkDocs directory URLs)."""
    return src_path.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
