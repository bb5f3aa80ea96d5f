"""The query API end to end: both versions, validation, errors, CORS and overrides."""

import pytest

from startups_api.data import startup_rows
from startups_api.ranking import RankingIndex
from startups_api.settings import Settings, get_settings

NAMES = [row["name"] for row in startup_rows()]
FINTECH = [row["name"] for row in startup_rows() if row["sector"] == "fintech"]


def test_v2_ranks_the_startups_and_answers(client):
    response = client.post("/api/v2/query", json={"query": "payments software", "startups": FINTECH})
    assert response.status_code == 200
    body = response.json()
    assert body["api_version"] == 2 and body["data"]["total"] == len(FINTECH)
    scores = [row["score"] for row in body["data"]["rows"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > 0
    best = body["data"]["rows"][0]
    assert "payments" in next(r["description"] for r in startup_rows() if r["name"] == best["name"])
    assert body["answer"] == f"Best match for 'payments software': {best['name']} ({best['sector']}, {best['city']})."


def test_the_process_pool_ranks_like_the_index_does(client):
    response = client.post("/api/v1/query", json={"query": "battery recycling Lisbon", "startups": NAMES})
    ranked = [(row["name"], row["score"]) for row in response.json()["results"]]
    assert ranked == RankingIndex.build(startup_rows()).score("battery recycling Lisbon", NAMES)
    best = next(row for row in startup_rows() if row["name"] == ranked[0][0])  # and the ranking is right
    assert "battery recycling" in best["description"] or best["city"] == "Lisbon", best


def test_v1_keeps_its_shape_and_is_deprecated(client):
    response = client.post("/api/v1/query", json={"query": "route planning", "startups": NAMES[:3]})
    assert set(response.json()) == {"answer", "results"}
    operations = client.get("/openapi.json").json()["paths"]
    assert operations["/api/v1/query"]["post"]["deprecated"] is True
    assert "deprecated" not in operations["/api/v2/query"]["post"]


def test_repeated_names_are_merged_in_order(client):
    response = client.post("/api/v1/query", json={"query": "solar", "startups": [NAMES[1], NAMES[0], NAMES[1]]})
    assert sorted(row["name"] for row in response.json()["results"]) == sorted(NAMES[:2])


def test_unknown_startup_is_a_404_with_the_error_body(client):
    response = client.post("/api/v2/query", json={"query": "payments", "startups": ["NoSuchCo"]})
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "unknown_startup" and "NoSuchCo" in error["message"]
    assert error["request_id"] == response.headers["x-request-id"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({"query": "ab", "startups": NAMES[:1]}, "body.query"),
        ({"query": "payments", "startups": []}, "body.startups"),
        ({"query": "payments", "startups": ["  "]}, "body.startups"),
        ({"query": "payments", "startups": "NovaFintech1"}, "body.startups"),
        ({"query": "payments"}, "body.startups"),
        ({"query": "payments", "startups": NAMES[:1], "limit": 3}, "body.limit"),
    ],
)
def test_invalid_bodies_are_a_422_naming_the_field(client, body, field):
    response = client.post("/api/v2/query", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_request"
    assert field in [detail["field"] for detail in error["details"]]


def test_the_sync_endpoint_counts_sectors(client):
    response = client.get("/api/v2/sectors")
    assert response.json() == [{"sector": s, "startups": 8} for s in ["climate", "devtools", "fintech", "health", "logistics"]]


def test_request_id_and_timing_headers(client):
    response = client.get("/health/live", headers={"X-Request-ID": "abc123"})
    assert response.headers["x-request-id"] == "abc123"
    assert response.headers["server-timing"].startswith("app;dur=")


def test_cors_allows_only_the_configured_origin(client):
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/api/v2/query", headers={"Origin": "http://localhost:5173", **preflight})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:5173"
    refused = client.options("/api/v2/query", headers={"Origin": "https://evil.example", **preflight})
    assert refused.status_code == 400
    assert "access-control-allow-origin" not in refused.headers


# --8<-- [start:dependency-overrides-test]
def test_a_query_past_its_deadline_is_a_504(app, client):
    app.dependency_overrides[get_settings] = lambda: Settings(query_timeout_seconds=0.000001)
    try:
        response = client.post("/api/v2/query", json={"query": "payments", "startups": NAMES})
    finally:
        app.dependency_overrides.clear()
    assert response.status_code == 504
    assert response.json()["error"]["code"] == "query_timeout"
# --8<-- [end:dependency-overrides-test]


def test_a_batch_answers_every_query_in_order(client):
    queries = [{"query": q, "startups": NAMES[:10]} for q in ["payments", "solar forecasting", "code search"]]
    response = client.post("/api/v2/query/batch", json={"queries": queries})
    assert response.status_code == 200
    answers = [item["answer"] for item in response.json()]
    assert [answer.split("'")[1] for answer in answers] == ["payments", "solar forecasting", "code search"]


def test_one_bad_query_fails_the_batch_with_its_own_error(client):
    queries = [{"query": "payments", "startups": NAMES[:3]}, {"query": "payments", "startups": ["Ghost"]}]
    response = client.post("/api/v2/query/batch", json={"queries": queries})
    assert response.status_code == 404 and response.json()["error"]["code"] == "unknown_startup"
