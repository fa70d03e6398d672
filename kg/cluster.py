"""Extraction on a Dask cluster: batches of articles go to workers, extractions come back in order.

Each worker process loads the spaCy pipeline once (`kg.extractors.cached_pipeline`, keyed by
model name), so the workers need newskg and the model installed. Resolution and store writes stay
in the client (`kg.build`). Dask is an optional extra: `pip install 'newskg[distributed]'`.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import TYPE_CHECKING, Any

from kg.errors import NewsKGError
from kg.extractors import Extractor, extract_batch
from kg.types import Article, Extraction, Failure

if TYPE_CHECKING:
    from distributed import Client

INSTALL_HINT = "install it with `pip install 'newskg[distributed]'` (it brings dask[distributed])"


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise NewsKGError(
            f"Distributed extraction needs Dask, which is not installed ({exc}): {INSTALL_HINT}, "
            "or leave out --dask-local / --scheduler to extract in this process."
        ) from None
    return distributed


@contextmanager
def connect(scheduler: str | None = None, local_workers: int | None = None) -> Iterator[Client]:
    """A Dask client of the scheduler at `scheduler` (an existing cluster), or of a local
    cluster of `local_workers` worker processes started here and stopped on exit."""
    distributed = _distributed()
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise NewsKGError(
                f"Cannot reach the Dask scheduler at '{scheduler}': {exc}. Check the address "
                "(like tcp://HOST:8786) and that `dask scheduler` runs there."
            ) from None
        with client:
            yield client
        return
    if local_workers is None or local_workers < 1:
        raise NewsKGError(f"A local Dask cluster needs at least 1 worker, got {local_workers}.")
    cluster = distributed.LocalCluster(
        n_workers=local_workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.CRITICAL,  # task errors reach the client, which reports them
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


def dask_extractor(
    client: Client, model: str, batch_size: int = 32, in_flight: int | None = None
) -> Extractor:
    """Extraction on the client's workers with the pipeline `model`: `batch_size` articles a
    task, at most `in_flight` tasks submitted at once (default: two per worker thread, which
    keeps the workers busy and the client's memory bounded), results yielded in input order."""

    def run(articles: Iterable[Article]) -> Iterator[Extraction | Failure]:
        limit = in_flight or 2 * max(1, sum(client.nthreads().values()))
        pending: deque[Any] = deque()
        stream = iter(articles)
        try:
            while batch := list(islice(stream, batch_size)):
                pending.append(client.submit(extract_batch, batch, model, batch_size, pure=False))
                while len(pending) >= limit:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:  # stopped early (an interrupt, an error): drop the work no one will read
            for future in pending:
                future.cancel()

    return run


__all__ = ["INSTALL_HINT", "connect", "dask_extractor"]
