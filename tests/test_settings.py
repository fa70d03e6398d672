"""Settings: keywords (the command line's flags) over the environment over `.env`, then defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.settings import DEFAULT_MAX_ROWS, DEFAULT_STORE, Settings, SettingsError


@pytest.fixture
def env_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A `.env` in the working directory, with no NEWSKG_ variable of the same names set."""
    monkeypatch.chdir(tmp_path)
    for name in ("NEWSKG_STORE", "NEWSKG_MAX_ROWS", "NEWSKG_MAX_DEPTH", "NEWSKG_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / ".env"


def test_settings_read_dotenv(env_file: Path) -> None:
    env_file.write_text("NEWSKG_STORE=/srv/kg\nNEWSKG_MAX_ROWS=7\n")
    settings = Settings.from_env()
    assert (settings.store, settings.max_rows) == ("/srv/kg", 7)


def test_settings_environment_over_dotenv_and_flags_over_both(
    env_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env_file.write_text("NEWSKG_STORE=/srv/dotenv\nNEWSKG_MAX_ROWS=7\n")
    monkeypatch.setenv("NEWSKG_STORE", "/srv/env")
    assert Settings.from_env().store == "/srv/env"
    assert Settings.from_env(store="/srv/flag").store == "/srv/flag"
    assert Settings.from_env(store=None).store == "/srv/env"  # a flag not given


def test_settings_defaults_without_env(env_file: Path) -> None:
    settings = Settings.from_env()
    assert (settings.store, settings.max_rows, settings.token) == (
        DEFAULT_STORE,
        DEFAULT_MAX_ROWS,
        None,
    )


def test_settings_bad_dotenv_value_says_where(env_file: Path) -> None:
    env_file.write_text("NEWSKG_MAX_DEPTH=0\n")
    with pytest.raises(SettingsError) as raised:
        Settings.from_env()
    assert str(raised.value) == (
        "Environment variable NEWSKG_MAX_DEPTH (in .env) has value '0'. It must be positive."
    )


def test_settings_bad_keyword_names_the_setting() -> None:
    with pytest.raises(ValueError) as raised:
        Settings(max_rows=0)
    assert str(raised.value) == "Setting max_rows has value 0. It must be positive."


def test_settings_frozen() -> None:
    settings = Settings(store="memory:")
    with pytest.raises(ValueError):
        settings.store = "elsewhere"  # type: ignore[misc]
