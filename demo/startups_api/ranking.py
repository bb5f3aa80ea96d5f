"""Ranking startups against a query: a TF-IDF index built once, scored in worker processes."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


# --8<-- [start:ranking-index]
@dataclass(frozen=True, slots=True)
class RankingIndex:
    """Term weights per startup. Built once at startup; read-only afterwards."""

    weights: dict[str, dict[str, float]]  # startup name -> term -> tf-idf weight
    sectors: dict[str, str]  # startup name -> sector

    @classmethod
    def build(cls, rows: list[dict]) -> RankingIndex:
        documents = {
            row["name"]: Counter(tokens(f"{row['name']} {row['sector']} {row['city']} {row['description']}"))
            for row in rows
        }
        document_frequency = Counter(term for counts in documents.values() for term in counts)
        total = len(documents)
        weights = {
            name: {
                term: count * math.log((1 + total) / (1 + document_frequency[term]))
                for term, count in counts.items()
            }
            for name, counts in documents.items()
        }
        return cls(weights, {row["name"]: row["sector"] for row in rows})

    def score(self, query: str, names: list[str]) -> list[tuple[str, float]]:
        """Names ranked by how well they match the query; CPU-bound, pure Python."""
        terms = tokens(query)
        scored = [
            (name, round(sum(self.weights.get(name, {}).get(term, 0.0) for term in terms), 4))
            for name in names
        ]
        return sorted(scored, key=lambda item: (-item[1], item[0]))
# --8<-- [end:ranking-index]


# --8<-- [start:process-pool-ranking]
_worker_index: RankingIndex | None = None


def init_worker(rows: list[dict]) -> None:
    """Runs once in each worker process: every process builds its own copy of the index."""
    global _worker_index
    _worker_index = RankingIndex.build(rows)


def rank_in_worker(query: str, names: list[str]) -> list[tuple[str, float]]:
    """Called through the process pool, so the CPU work runs outside the event loop's process."""
    assert _worker_index is not None, "init_worker did not run in this process"
    return _worker_index.score(query, names)
# --8<-- [end:process-pool-ranking]
