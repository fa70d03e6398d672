"""`kg build`'s progress on stderr: a bar with counts, and a line for each input that failed."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from kg.errors import SourceError

if TYPE_CHECKING:
    from kg.build import BuildSummary

BAR_FORMAT = (
    "{desc}: {n_fmt}/{total_fmt} {percentage:3.0f}%|{bar:16}| "
    "{elapsed}<{remaining}, {rate_fmt}{postfix}"
)


class BuildProgress:
    """`kg build`'s progress on stderr: a bar (articles/s, facts, skipped and failed so far, of
    a total when known) and a line for each input that failed, as it fails."""

    def __init__(self, total: int | None) -> None:
        from tqdm import tqdm

        self._tqdm = tqdm
        self.bar = tqdm(
            total=total,
            desc="building",
            unit=" articles",
            file=sys.stderr,
            disable=None,
            # A narrow bar, so that the counts after it fit a terminal line.
            bar_format=None if total is None else BAR_FORMAT,
        )
        self.failed: list[str] = []
        self._reported = 0

    def source_failed(self, error: SourceError) -> None:
        """A file or record that could not be read: reported and counted; the rest go on."""
        self._report(str(error), "skipped")
        self.bar.update(1)

    def __call__(self, summary: BuildSummary) -> None:
        for failure in summary.failures[self._reported :]:
            where = failure.source or f"article {failure.article}"
            self._report(
                f"{where}: extraction failed ({failure.reason}); "
                "please report it with this article",
                "failed",
            )
        self._reported = len(summary.failures)
        done = summary.articles + summary.skipped + len(self.failed)
        self.bar.update(done - self.bar.n)
        facts = sum(summary.facts.values())
        self.bar.set_postfix_str(
            f"{facts} facts, {summary.skipped} skipped, {len(self.failed)} failed", refresh=False
        )

    def _report(self, reason: str, what: str) -> None:
        self.failed.append(reason)
        self._tqdm.write(f"kg: {what}: {reason}", file=sys.stderr)

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()
