"""One store directory, a running server and other `kg` commands: who holds it, and how to read it.

An on-disk store is open in one process at a time (RocksDB locks the directory), and a second
process cannot safely open it read-only while the first writes (kg.store.pool). So `kg serve`
leaves a small file in the directory, SERVER_FILE, naming the URL it serves at and its process
id, for as long as it holds the store. A command that only reads (`kg query`, `kg export`) and
finds the directory locked reads through that server's SPARQL endpoint instead: it sees every
write the server has made, and the server's query workers do the work. A command that writes
(`kg build`) is told which server holds the store and what to do instead.

A file left behind by a server that was killed names a process that is gone, and is ignored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import StoreError

SERVER_FILE = "newskg-server.json"
"""The file in a store directory that names the server holding it: {"url": ..., "pid": ...}."""

STORE_MARKER = "CURRENT"
"""A file every RocksDB (so every Oxigraph) store directory has."""


def check_store(location: str) -> None:
    """StoreError, naming the path and what to do, unless `location` is a store directory (a
    read must not create an empty store where a path was mistyped)."""
    path = Path(location)
    build = f"build one with `kg build ARTICLES --store {location}`"
    if not path.exists():
        raise StoreError(
            f"No graph store at '{location}': the directory does not exist. Check the path "
            f"(--store or NEWSKG_STORE), or {build}."
        )
    if not path.is_dir():
        raise StoreError(f"'{location}' is a file, not a graph store directory; pass the store.")
    if not (path / STORE_MARKER).is_file():
        raise StoreError(
            f"'{location}' is a directory but not a graph store (no {STORE_MARKER} file). "
            f"Check the path (--store or NEWSKG_STORE), or {build}."
        )


@contextmanager
def announce(location: str, url: str) -> Iterator[None]:
    """Name `url` as the server of the store directory `location` while the block runs."""
    file = Path(location) / SERVER_FILE
    file.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    try:
        yield
    finally:
        file.unlink(missing_ok=True)


def server_url(location: str) -> str | None:
    """The URL of the running server that announced itself in the store directory, if any."""
    try:
        announced = json.loads((Path(location) / SERVER_FILE).read_text(encoding="utf-8"))
        url, pid = str(announced["url"]), int(announced["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return url if _alive(pid) else None


def locked(error: OSError) -> bool:
    """Whether opening a store failed because another process holds its directory."""
    return "lock" in str(error).lower()


def locked_error(location: str, error: OSError) -> StoreError:
    """What a command that must open the store itself is told when another process holds it."""
    url = server_url(location)
    if url is None:
        return StoreError(
            f"The graph store at '{location}' is open in another process (a `kg build` or "
            "`kg serve`?); RocksDB lets one process hold it. Wait for that process to end or "
            f"stop it, then try again. ({error})"
        )
    return StoreError(
        f"The graph store at '{location}' is held by the newskg server at {url}. Stop the server "
        f"first, or write through it: POST {url}/articles with its token, or "
        f"`kg build ARTICLES --store {url}` with NEWSKG_TOKEN set to that token."
    )


def connect_host(host: str) -> str:
    """The host to reach a server listening on `host` at (any interface: this machine)."""
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True
