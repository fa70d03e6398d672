"""A store directory shared by a server and other commands: reading never creates a store, a
locked store names who holds it, and a server's URL is found where it left it."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.store import Store
from kg.store.sharing import SERVER_FILE, announce, connect_host, server_url


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        pytest.param(
            "kgg", None, "No graph store at '{path}': the directory does not exist", id="missing"
        ),
        pytest.param(
            "file.txt", "file", "'{path}' is a file, not a graph store directory", id="file"
        ),
        pytest.param(
            "empty", "dir", "'{path}' is a directory but not a graph store", id="not-a-store"
        ),
    ],
)
def test_reading_a_path_that_is_no_store_is_an_error(
    tmp_path: Path, name: str, make: str | None, message: str
) -> None:
    path = tmp_path / name
    if make == "file":
        path.write_text("not a store")
    elif make == "dir":
        path.mkdir()
    with pytest.raises(StoreError, match="^" + message.format(path=path)):
        Store.open(str(path), reading=True)
    assert path.exists() == (make is not None)
    if make == "dir":
        assert list(path.iterdir()) == []


def test_writing_opens_a_new_store_where_none_was(tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "new")) as store:
        assert store.graphs() == []
    with Store.open(str(tmp_path / "new"), reading=True) as store:
        assert store.kind == "embedded"


def test_locked_store_without_a_server_says_to_wait(tmp_path: Path) -> None:
    location = str(tmp_path / "kg")
    with Store.open(location):
        for reading in (True, False):
            with pytest.raises(StoreError, match="is open in another process") as info:
                Store.open(location, reading=reading)
            assert "Wait for that process to end or stop it" in str(info.value)


def test_server_file_of_a_killed_server_is_ignored(tmp_path: Path) -> None:
    location = str(tmp_path / "kg")
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    with Store.open(location):
        (tmp_path / "kg" / SERVER_FILE).write_text(
            json.dumps({"url": "http://127.0.0.1:9", "pid": int(gone.stdout)})
        )
        assert server_url(location) is None
        with pytest.raises(StoreError, match="is open in another process"):
            Store.open(location, reading=True)


def test_announce_names_the_server_while_it_runs(tmp_path: Path) -> None:
    with announce(str(tmp_path), "http://127.0.0.1:8000"):
        assert server_url(str(tmp_path)) == "http://127.0.0.1:8000"
    assert not (tmp_path / SERVER_FILE).exists()
    assert server_url(str(tmp_path)) is None


@pytest.mark.parametrize(
    ("host", "reached"),
    [
        ("0.0.0.0", "127.0.0.1"),
        ("::", "[::1]"),
        ("127.0.0.1", "127.0.0.1"),
        ("::1", "[::1]"),
        ("example.org", "example.org"),
    ],
)
def test_connect_host(host: str, reached: str) -> None:
    assert connect_host(host) == reached


class _NotFound(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the name http.server calls)
        self.send_response(404)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def not_found() -> Iterator[str]:
    """The URL of an HTTP server that answers 404 to everything."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_with_no_endpoint_names_the_urls_tried(not_found: str) -> None:
    with pytest.raises(StoreError) as info:
        Store.open(not_found + "/ds")
    assert str(info.value).startswith(
        f"No SPARQL endpoint at '{not_found}/ds': {not_found}/ds/query, {not_found}/ds/sparql "
        "answered 404."
    )
