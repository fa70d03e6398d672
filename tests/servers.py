"""Starting the API (or another server) on 127.0.0.1 for live tests (not a test module)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_api(port: int, env: Mapping[str, str]) -> subprocess.Popen[bytes]:
    """uvicorn serving `api.main:create_app` on 127.0.0.1:`port` with the settings in `env`."""
    return subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory"]
        + ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
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
