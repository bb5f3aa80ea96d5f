"""The bundled data set: a small, deterministic table of startups (no download at run time)."""

from itertools import cycle, islice

SECTORS = {
    "fintech": ["payments", "lending", "fraud detection", "banking api"],
    "health": ["telemedicine", "clinical trials", "patient records", "diagnostics"],
    "climate": ["solar forecasting", "carbon accounting", "battery recycling", "grid storage"],
    "devtools": ["ci pipelines", "api monitoring", "code search", "feature flags"],
    "logistics": ["route planning", "warehouse robots", "freight matching", "last mile delivery"],
}
CITIES = ["Berlin", "Austin", "Bangalore", "Toronto", "Lisbon", "Singapore"]
NAME_PARTS = ["Nova", "Quill", "Orbit", "Pulse", "Harbor", "Cedar", "Vector", "Lumen"]
ROUNDS = ["seed", "series-a", "series-b"]
USERS = {"ana": "admin", "eli": "editor", "vic": "viewer"}  # username -> role


def startup_rows() -> list[dict]:
    """Forty startups, the same on every run."""
    rows = []
    cities = cycle(CITIES)
    for sector_number, (sector, products) in enumerate(SECTORS.items()):
        parts = list(islice(cycle(NAME_PARTS), sector_number, sector_number + 8))
        for number, part in enumerate(parts):
            product = products[number % len(products)]
            rows.append(
                {
                    "name": f"{part}{sector.title()}{number + 1}",
                    "sector": sector,
                    "city": next(cities),
                    "founded": 2012 + (sector_number * 3 + number) % 12,
                    "employees": 12 + (number * 37 + sector_number * 11) % 480,
                    "description": f"{sector} startup building {product} software",
                    "tags": [sector, product],
                }
            )
    return rows


def funding_rows(row: dict) -> list[dict]:
    """One to three funding rounds per startup, derived from its numbers."""
    count = 1 + row["employees"] % 3
    return [
        {"stage": stage, "year": row["founded"] + 1 + index, "amount_musd": round(row["employees"] * (index + 1) * 0.05, 1)}
        for index, stage in enumerate(ROUNDS[:count])
    ]
