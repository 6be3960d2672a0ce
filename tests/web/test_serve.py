"""`accord serve`: options reach uvicorn, the token comes from the environment, a new store is created."""

from __future__ import annotations

from accord.cli.main import main


def test_serve_runs_uvicorn_with_the_options(tmp_path, monkeypatch):
    import uvicorn

    seen = {}

    def fake_run(app, **options):
        seen.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.setenv("ACCORD_WRITE_TOKEN", "t0ken")
    db = tmp_path / "new.duckdb"
    assert main(["serve", "--db", str(db), "--host", "127.0.0.1", "--port", "8123"]) == 0
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8123
    assert seen["app"].state.web.write_token == "t0ken" and db.exists()
    seen["app"].state.web.store.close()


def test_serve_read_only_creates_an_empty_store(tmp_path):
    from fastapi.testclient import TestClient

    from accord.web import create_app

    with TestClient(create_app(tmp_path / "empty.duckdb")) as client:
        assert client.get("/api/events").json() == {"total": 0, "limit": 50, "offset": 0, "items": []}
        assert client.get("/").status_code == 200 and client.get("/dyad?a=PAK&b=BLR").status_code == 200


def test_bad_port_is_a_usage_error(capsys):
    assert main(["serve", "--port", "70000"]) != 0
    assert "port" in capsys.readouterr().err
