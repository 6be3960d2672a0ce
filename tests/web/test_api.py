"""The REST API: every endpoint, its filters, bad parameters, writes behind a token, hostile article text."""

from __future__ import annotations

import pytest
from tests.web.conftest import HOSTILE_TITLE


def _visit(client):
    found = client.get("/api/events", params={"dyad": "BLR,PAK", "code": "042", "limit": 500}).json()["items"]
    return next(e for e in found if e["source_code"] == "BLRGOV" and e["target_code"] == "PAK")


def test_events_filters_and_pagination(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 10
    first = client.get("/api/events", params={"limit": 5, "offset": 0}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert [e["id"] for e in first["items"] + second["items"]] == [e["id"] for e in everything["items"][:10]]
    checks = {
        "actor": ("PAK", lambda e: "PAK" in (e["source_code"] + (e["target_code"] or ""))),
        "code": ("04", lambda e: e["cameo"].startswith("04")),
        "quad_class": (1, lambda e: e["quad_class"] == 1),
        "sector": ("GOV", lambda e: "GOV" in (e["source_sector"], e["target_sector"])),
        "since": ("2023-06-01", lambda e: e["day"] >= "2023-06-01"),
        "until": ("2023-05-30", lambda e: e["day"] <= "2023-05-30"),
        "q": (
            "Islamabad",
            lambda e: "islamabad" in e["sentence"].lower() or "islamabad" in (e["title"] or "").lower(),
        ),
    }
    for name, (value, holds) in checks.items():
        items = client.get("/api/events", params={name: value, "limit": 500}).json()["items"]
        assert items, name
        assert all(holds(e) for e in items), name


def test_dyad_filter_covers_both_directions(client):
    items = client.get("/api/events", params={"dyad": "PAK,BLR", "limit": 500}).json()["items"]
    directions = {(e["source_code"][:3], (e["target_code"] or "")[:3]) for e in items}
    assert directions == {("PAK", "BLR"), ("BLR", "PAK")}
    source_only = client.get("/api/events", params={"source": "BLR", "target": "PAK"}).json()["items"]
    assert source_only and all(e["source_code"].startswith("BLR") for e in source_only)


def test_event_evidence(client):
    visit = _visit(client)
    body = client.get(f"/api/events/{visit['id']}").json()
    assert body["event"]["cameo"] == "042" and body["event"]["plover"]["event"] == "CONSULT"
    evidence = body["evidence"]
    trigger, start = evidence["trigger"], evidence["trigger_in_sentence"]
    assert evidence["sentence"][start["start"] : start["end"]] == trigger["text"]
    assert trigger["end"] - trigger["start"] == len(trigger["text"])
    assert evidence["rule"] and evidence["article"]["published"] == "2023-05-30"
    assert client.get("/api/events/0123456789abcdef01234567").status_code == 404


def test_dyads_series_actors_locations(client):
    dyads = client.get("/api/dyads", params={"limit": 5}).json()["items"]
    assert len(dyads) <= 5 and dyads[0]["events"] >= dyads[-1]["events"]
    assert any({d["source_code"], d["target_code"]} == {"PAK", "BLR"} for d in dyads)
    series = client.get("/api/series", params={"source": "BLR", "target": "PAK", "freq": "day"}).json()
    assert series["freq"] == "day" and sum(row["verbal_coop"] for row in series["items"]) >= 1
    both = client.get("/api/series", params={"source": "BLR", "target": "PAK", "both": "true"}).json()[
        "items"
    ]
    assert sum(r["events"] for r in both) > sum(r["events"] for r in series["items"])
    assert client.get("/api/series", params={"dyad": "PAK,BLR"}).json()["items"]
    actors = client.get("/api/actors", params={"limit": 10}).json()["items"]
    assert {"PAK", "BLR"} <= {a["code"] for a in actors}
    places = client.get("/api/locations").json()["items"]
    assert any(p["name"] == "Islamabad" for p in places)


def test_article_keeps_text_as_data(client):
    hostile = client.get("/api/events", params={"q": "Minsk on Tuesday"}).json()["items"][0]
    article = client.get(f"/api/articles/{hostile['article_id']}").json()
    assert article["title"] == HOSTILE_TITLE and "<script>" in article["text"] and article["events"]
    assert client.get("/api/articles/no-such-article").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?bogus=1",  # unknown parameter
        "/api/events?limit=0",
        "/api/events?limit=501",
        "/api/events?offset=-1",
        "/api/events?quad_class=5",
        "/api/events?since=yesterday",
        "/api/events?code=04;DROP TABLE events",
        "/api/events?actor=PAK'--",
        "/api/events?dyad=PAK",
        "/api/events?q=" + "x" * 201,
        "/api/dyads?limit=abc",
        "/api/series?source=PAK",  # a series needs both sides
        "/api/series?source=PAK&target=BLR&freq=hour",
        "/api/actors?sort=name",
        "/api/events/not-an-id",
        "/dyad?a=PAK&b=BLR&colour=red",
        "/events?page=0",
    ],
)
def test_bad_parameters_get_422(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


def test_events_table_unharmed_by_injection_attempts(client):
    before = client.get("/api/events").json()["total"]
    assert client.get("/api/events", params={"q": "'; DROP TABLE events; --"}).json()["total"] == 0
    assert client.get("/api/events").json()["total"] == before


def test_code_returns_events_without_storing(client, example_text):
    before = client.get("/api/events").json()["total"]
    response = client.post("/api/code", json={"text": example_text, "published": "2023-05-30"})
    assert response.status_code == 200
    codes = {
        (e["source"]["code"], e["cameo"], (e["target"] or {}).get("code")) for e in response.json()["events"]
    }
    assert ("BLRGOV", "042", "PAK") in codes
    assert client.get("/api/events").json()["total"] == before


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": ""}, 422),
        ({"text": "   "}, 422),
        ({}, 422),
        ({"text": "Pakistan met Belarus.", "extra": 1}, 422),
        ({"text": "Pakistan met Belarus.", "published": "not a date"}, 422),
        ({"text": "x" * 100_001}, 413),
    ],
)
def test_code_rejects_bad_bodies(client, body, status):
    assert client.post("/api/code", json=body).status_code == status


def test_code_rejects_huge_and_malformed_bodies(client):
    assert (
        client.post("/api/code", content=b"{" * 10, headers={"content-type": "application/json"}).status_code
        == 422
    )
    huge = b'{"text": "' + b"a" * 2_100_000 + b'"}'
    assert (
        client.post("/api/code", content=huge, headers={"content-type": "application/json"}).status_code
        == 413
    )


def test_writes_refused_without_a_configured_token(client):
    body = {"articles": [{"text": "Pakistan met Belarus in Minsk on Monday."}]}
    assert client.post("/api/articles", json=body).status_code == 403
    assert client.post("/api/articles", json=body, headers={"Authorization": "Bearer x"}).status_code == 403


def test_writes_with_the_token(tmp_path, coder):
    from fastapi.testclient import TestClient

    from accord.web import create_app

    body = {
        "articles": [
            {
                "text": "Pakistan's foreign minister met Belarus's foreign minister in Minsk on Monday.",
                "published": "2023-06-05",
                "title": "Talks",
            }
        ]
    }
    with TestClient(create_app(tmp_path / "w.duckdb", write_token="s3cret")) as client:
        assert client.post("/api/articles", json=body).status_code == 401
        assert (
            client.post("/api/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code
            == 401
        )
        ok = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200 and ok.json()["new"] == 1 and ok.json()["events"] >= 1
        again = client.post("/api/articles", json=body, headers={"Authorization": "Bearer s3cret"}).json()
        assert again["new"] == 0 and again["existing"] == 1
        assert client.get("/api/events").json()["total"] == ok.json()["events"]


def test_openapi_lists_the_api(client):
    schema = client.get("/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/dyads",
        "/api/series",
        "/api/code",
        "/api/articles",
        "/api/actors",
        "/api/locations",
    } <= set(schema["paths"])
    assert client.get("/docs").status_code == 404  # Swagger UI would load scripts from a CDN


def test_pages_escape_article_markup(client):
    hostile = client.get("/api/events", params={"q": "Minsk on Tuesday"}).json()["items"][0]
    for url in (f"/article/{hostile['article_id']}", f"/event/{hostile['id']}", "/events?q=Minsk", "/"):
        page = client.get(url)
        assert page.status_code == 200
        assert (
            "<script>window" not in page.text
            and "<script>alert" not in page.text
            and "<img src=x" not in page.text
        )
    article = client.get(f"/article/{hostile['article_id']}").text
    assert "&lt;script&gt;" in article and 'href="javascript:' not in article
    assert "script-src 'self'" in client.get("/").headers["content-security-policy"]


def test_event_form_with_empty_fields(client):
    empty = {"q": "minister", "actor": "", "code": "", "sector": "", "quad_class": "", "since": "", "until": ""}
    page = client.get("/events", params=empty)
    assert page.status_code == 200 and "0 events" not in page.text
    assert client.get("/events", params={"q": "minister", "quad_class": "9"}).status_code == 422


def test_pages_render(client):
    visit = _visit(client)
    assert "chart-timeline" in client.get("/").text and "world-map" in client.get("/").text
    dyad = client.get("/dyad", params={"a": "PAK", "b": "BLR"}).text
    assert "042" in dyad and "chart-goldstein" in dyad
    event = client.get(f"/event/{visit['id']}").text
    assert '<mark class="trigger">' in event
    assert client.get("/event/0123456789abcdef01234567").status_code == 404
    assert client.get("/vendor/plotly.min.js").status_code == 200


def test_the_event_model_of_the_schema_is_the_json_contract(client, example_events):
    """The OpenAPI schema documents an event with exactly the fields Event.to_json writes, nested alike."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    contract = example_events[0].to_json()
    assert set(schemas["EventOut"]["properties"]) == set(contract)
    nested = {"ActorOut": contract["source"], "PloverOut": contract["plover"], "TriggerOut": contract["trigger"]}
    located = next(e for e in example_events if e.location is not None)
    nested["PlaceOut"] = located.location.to_json()
    for name, value in nested.items():
        assert set(schemas[name]["properties"]) == set(value), name


def test_every_api_operation_declares_its_response_model(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, operations in paths.items():
        if not path.startswith("/api/"):
            continue
        for method, operation in operations.items():
            body = operation["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in body, f"{method.upper()} {path}"
