"""A bounded HTTP load: N clients, each with one kept-alive connection, sending one GET in a loop
for a fixed time; requests/s and latency percentiles."""

from __future__ import annotations

import http.client
import socket
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class Load:
    """What a load run measured."""

    requests: int
    errors: int
    seconds: float
    p50: float
    p99: float
    rows_bytes: int

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def run_load(
    port: int,
    path: str,
    params: dict[str, str],
    clients: int = 8,
    seconds: float = 15.0,
    accept: str = "application/sparql-results+json",
) -> Load:
    """GET `path?params` on 127.0.0.1:`port` from `clients` threads for `seconds`."""
    target = f"{path}?{urlencode(params)}"
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients
    sizes = [0] * clients
    stop = time.perf_counter() + seconds

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.perf_counter() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", target, headers={"Accept": accept})
                response = conn.getresponse()
                body = response.read()
            except (OSError, http.client.HTTPException):
                errors[index] += 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                continue
            if response.status != 200:
                errors[index] += 1
                continue
            latencies[index].append(time.perf_counter() - start)
            sizes[index] = len(body)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    every = sorted(t for per_client in latencies for t in per_client)
    if not every:
        return Load(0, sum(errors), elapsed, float("nan"), float("nan"), 0)
    p99 = every[min(len(every) - 1, int(len(every) * 0.99))]
    return Load(len(every), sum(errors), elapsed, statistics.median(every), p99, max(sizes))


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 300.0) -> None:
    """Return once something listens on `port`; RuntimeError if `process` dies first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The server exited with status {process.returncode}.")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Nothing listened on port {port} within {timeout:g} s.")


def stop(process: subprocess.Popen) -> None:
    """Terminate a server started by the benchmark and wait for it."""
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
