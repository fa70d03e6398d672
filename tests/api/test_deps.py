"""Write access and the settings behind it: the bearer-token rules every writing route follows."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.deps import BAD_TOKEN, WRITES_DISABLED, WriteAccess
from kg.settings import DEFAULT_MAX_BODY, Settings

TOKEN = "s3cret-token"


def _client(token: str | None) -> TestClient:
    app = FastAPI()
    app.state.settings = Settings(model="en_core_web_sm", store="memory:", token=token)

    @app.post("/write")
    def write(_: WriteAccess) -> dict[str, str]:
        return {"written": "yes"}

    return TestClient(app)


def test_write_access_no_token_configured_403_says_how() -> None:
    response = _client(None).post("/write", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403
    assert response.json() == {
        "detail": "Writes are disabled: set NEWSKG_TOKEN on the server and send it as "
        "'Authorization: Bearer <token>'."
    }
    assert response.json()["detail"] == WRITES_DISABLED


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({}, id="missing"),
        pytest.param({"Authorization": "Bearer wrong"}, id="wrong"),
        pytest.param({"Authorization": f"Bearer {TOKEN}x"}, id="longer"),
        pytest.param({"Authorization": f"Basic {TOKEN}"}, id="not-bearer"),
        pytest.param({"Authorization": "Bearer"}, id="empty"),
    ],
)
def test_write_access_wrong_token_401(headers: dict[str, str]) -> None:
    response = _client(TOKEN).post("/write", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json() == {"detail": BAD_TOKEN}


@pytest.mark.parametrize("scheme", ["Bearer", "bearer"])
def test_write_access_right_token_passes(scheme: str) -> None:
    response = _client(TOKEN).post("/write", headers={"Authorization": f"{scheme} {TOKEN}"})
    assert response.status_code == 200
    assert response.json() == {"written": "yes"}


def test_settings_from_env_reads_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_TOKEN", TOKEN)
    monkeypatch.setenv("NEWSKG_QUERY_TIMEOUT", "2.5")
    monkeypatch.setenv("NEWSKG_MAX_ROWS", "50")
    monkeypatch.delenv("NEWSKG_MAX_BODY", raising=False)
    settings = Settings.from_env()
    assert (settings.token, settings.query_timeout, settings.max_rows, settings.max_body) == (
        TOKEN,
        2.5,
        50,
        DEFAULT_MAX_BODY,
    )


def test_settings_from_env_no_token_means_writes_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_TOKEN", "")
    assert Settings.from_env().token is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param("ten", "NEWSKG_MAX_ROWS has value 'ten'. Not a valid int.", id="not-int"),
        pytest.param("0", "NEWSKG_MAX_ROWS has value '0'. It must be positive.", id="zero"),
    ],
)
def test_settings_from_env_bad_number(
    monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    monkeypatch.setenv("NEWSKG_MAX_ROWS", value)
    with pytest.raises(ValueError, match=message):
        Settings.from_env()
