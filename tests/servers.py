"""Starting the API (or another server) on 127.0.0.1 for live tests (not a test module)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

import httpx

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


@contextmanager
def serving(
    env: Mapping[str, str], stop_within: float = 30
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The base URL of the API started on a free port with `env`, and its process; stopped (and
    waited for, up to `stop_within` seconds) on leaving."""
    port = free_port()
    process = start_api(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process)
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=stop_within)
