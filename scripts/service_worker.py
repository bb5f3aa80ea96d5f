"""The offline service worker: a list of every file of the built site, and a small worker that
caches them all on install and answers from the cache first.

The cache name carries a hash of the files' contents, so any change to the site installs a new
worker, which replaces the old cache.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SKIPPED_SUFFIXES = {".pdf", ".gz", ".map"}  # PDFs are downloads, not pages; the rest is build noise
SKIPPED_NAMES = {"sw.js", "sitemap.xml"}

WORKER = """// Written by the build (scripts/service_worker.py): caches the whole site for offline reading.
const CACHE = "stc-%(version)s";
const FILES = %(files)s;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  if (event.request.method !== "GET" || new URL(event.request.url).origin !== location.origin) return;
  event.respondWith(
    caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request))
  );
});
"""


def site_files(site_dir: Path) -> list[str]:
    """Every file a reader may need, as URLs relative to the site root; pages as their folder."""
    urls = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix in SKIPPED_SUFFIXES or path.name in SKIPPED_NAMES:
            continue
        relative = path.relative_to(site_dir).as_posix()
        urls.append("./" + relative.removesuffix("index.html") if path.name == "index.html" else relative)
    return urls


def worker_source(site_dir: Path, urls: list[str]) -> str:
    digest = hashlib.sha256()
    for url in urls:
        file = site_dir / (url.removeprefix("./") + "index.html" if url.endswith("/") or url == "./" else url)
        digest.update(url.encode() + file.read_bytes())
    return WORKER % {"version": digest.hexdigest()[:16], "files": json.dumps(urls, indent=0)}


def write_service_worker(site_dir: Path) -> Path:
    target = site_dir / "sw.js"
    target.write_text(worker_source(site_dir, site_files(site_dir)), encoding="utf-8")
    return target
