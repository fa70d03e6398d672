"""Starting the API (or another server) on 127.0.0.1 for live tests (not a test module)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from kg.settings import DEFAULT_MAX_REQUEST_HEAD
from tests.conftest import REPO


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_api(port: int, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """uvicorn serving `api.main:create_app` on 127.0.0.1:`port` with the settings in `env`,
    reading request heads up to NEWSKG_MAX_REQUEST_HEAD as `kg serve` does."""
    head = env.get("NEWSKG_MAX_REQUEST_HEAD") or str(DEFAULT_MAX_REQUEST_HEAD)
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
        + ["--h11-max-incomplete-event-size", head],
        cwd=REPO,
        env=dict(env),
    )


def wait_until_up(url: str, process: subprocess.Popen[bytes], path: str = "/health") -> None:
    """Wait until `url + path` answers 200; fail if the process exits or 120 s pass."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server at {url} exited with {process.returncode}")
        try:
            if httpx.get(f"{url}{path}", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not start in 120 s")


def start_kg_serve(store: Path, port: int, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """`kg serve` over the store directory `store` on 127.0.0.1:`port`: unlike uvicorn's
    factory it knows its URL, and names it in the store directory (kg.store.sharing)."""
    return subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--store", str(store)]
        + ["--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO,
        env=dict(env),
        stderr=subprocess.DEVNULL,
    )


@contextmanager
def serving(
    env: Mapping[str, str],
    stop_within: float = 30,
    start: Callable[[int, Mapping[str, str]], subprocess.Popen[bytes]] = start_api,
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The base URL of the API started (by `start`, on a free port) with `env`, and its
    process; stopped (and waited for, up to `stop_within` seconds) on leaving."""
    port = free_port()
    process = start(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=stop_within)


def wait_for_port(port: int, process: subprocess.Popen[bytes], name: str, seconds: float) -> None:
    """Wait until 127.0.0.1:`port` accepts connections; fail with the server's stderr if it
    exits or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                _, err = process.communicate(timeout=5)
                pytest.fail(f"{name} did not start: {(err or b'').decode(errors='replace')}")
            time.sleep(0.1)


def _oxigraph() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    binary = str(found) if found.exists() else shutil.which("oxigraph")
    if binary is None:
        pytest.fail("The oxigraph server is not installed: pip install -e '.[test]'.")
    return binary


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """The URL of an `oxigraph serve --union-default-graph` on `location`, stopped on exit."""
    port = free_port()
    command = [_oxigraph(), "serve", "--location", str(location)]
    command += ["--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port, process, "oxigraph serve", 30)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
"""
"""A throw-away Virtuoso: its files in one directory, SQL and HTTP on 127.0.0.1 only, and no
query time limit (Virtuoso's limit answers with partial results, not an error)."""

VIRTUOSO_GRANT = 'GRANT SPARQL_UPDATE TO "SPARQL";'
"""Lets the anonymous SPARQL user write: SPARQL Update and the Graph Store Protocol."""


@contextmanager
def virtuoso_server(directory: Path) -> Iterator[str]:
    """The store URL of `virtuoso-t` (Debian's virtuoso-opensource) on a new database in
    `directory`, writable over HTTP, stopped on exit. Skips the test if it is not installed."""
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        pytest.skip("virtuoso-t is not installed: `make virtuoso` installs Debian's package")
    sql_port, http_port = free_port(), free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(dir=directory, sql_port=sql_port, http_port=http_port))
    command = [binary, "+foreground", "+configfile", str(ini)]
    process = subprocess.Popen(
        command, cwd=directory, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        for port in (http_port, sql_port):
            wait_for_port(port, process, "virtuoso-t", 60)
        granted = subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANT}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if granted.returncode != 0 or "*** Error" in granted.stdout + granted.stderr:
            pytest.fail(f"Granting SPARQL_UPDATE failed: {granted.stdout}{granted.stderr}")
        yield f"http://127.0.0.1:{http_port}?query=sparql&update=sparql&store=sparql-graph-crud"
    finally:
        process.terminate()
        process.wait(timeout=60)
