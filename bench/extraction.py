"""Extraction and memory: `kg build` against bare spaCy, one process against two, peak RSS.

    .venv/bin/python -m bench.extraction [--articles 200] [--process-articles 600]
        [--memory-articles 10000] [--texts DIR] [--workdir DIR] [--parts P ...]

The corpus is made from real article texts (`--texts`, default the BBC politics folder under
/work/shared/data when it exists, else `seeds/`), read at run time and never copied into the repo:
article i takes text i mod n, its paragraphs rotated by i // n, with a unique id and date,
written as gzip'd JSON Lines into the workdir so that `kg build` streams it. Prints Markdown:
words/s of `nlp.pipe` vs `kg.build.build` (the same pipeline object, alternating runs, medians,
wall and CPU time), `processes=2` vs 1, and the peak RSS of a `kg build` subprocess over
`--memory-articles` articles (the slow part, run last). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import psutil
import spacy

from bench.timing import ms, table
from kg.build import build
from kg.extract import load_pipeline
from kg.settings import DEFAULT_BASE_IRI, REPO_ROOT, default_model
from kg.sources import read_articles
from kg.store import Store
from kg.types import Article

SHARED_TEXTS = Path("/work/shared/data/bbc-news-politics/politics")
PARTS = ("extraction", "processes", "memory")
BATCH_SIZE = 32  # kg build's default
REPEAT = 3
PROGRESS_EVERY = 60.0  # seconds between progress lines of the memory run
SAMPLE_EVERY = 0.5  # seconds between RSS samples of the `kg build` process tree
GIB = 1024**3
MIB = 1024**2
FIRST_DAY = date(2005, 1, 3)


def say(text: str = "") -> None:
    """Print a line of the report now."""
    print(text, flush=True)


def machine() -> str:
    """CPUs, memory, load, Python and spaCy, as the report states them."""
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs (nproc), {psutil.virtual_memory().total / GIB:.0f} GiB RAM, "
        f"load average {load} at start, Python {platform.python_version()}, "
        f"spaCy {spacy.__version__}, model {default_model()}"
    )


# -- the corpus ------------------------------------------------------------------------------


def source_articles(texts: Path) -> list[Article]:
    """The real articles the corpus is made from (read, never copied)."""
    found = list(read_articles([texts]))
    if not found:
        raise SystemExit(f"No article files (.txt, .json, .jsonl) in {texts}; pass --texts DIR.")
    return found


def rotated(text: str, turn: int) -> str:
    """The text with its paragraphs rotated left by `turn`, so copies of a text differ."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return text
    turn %= len(paragraphs)
    return "\n\n".join(paragraphs[turn:] + paragraphs[:turn])


def corpus(sources: list[Article], count: int) -> Iterator[dict[str, str]]:
    """`count` article records: text i mod n, paragraphs rotated by i // n, a unique id."""
    for i in range(count):
        source = sources[i % len(sources)]
        record = {
            "id": f"bench-{i:06d}",
            "text": rotated(source.text, i // len(sources)),
            "published": (FIRST_DAY + timedelta(days=i % 365)).isoformat(),
        }
        if source.title:
            record["title"] = source.title
        yield record


def write_corpus(sources: list[Article], count: int, workdir: Path) -> Path:
    """The corpus of `count` articles as gzip'd JSON Lines in `workdir`."""
    path = workdir / f"corpus-{count}.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for record in corpus(sources, count):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def words(articles: list[Article]) -> int:
    """Whitespace-separated words in the articles' texts."""
    return sum(len(a.text.split()) for a in articles)


# -- timing ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One timed run: wall seconds and CPU seconds (this process and its reaped children)."""

    wall: float
    cpu: float


def cpu_seconds() -> float:
    """CPU time of this process plus its children that have ended."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> Run:
    """Wall and CPU time of one call."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    run()
    return Run(time.perf_counter() - wall, cpu_seconds() - cpu)


def median_run(runs: list[Run]) -> Run:
    """The median wall and the median CPU time of runs."""
    return Run(statistics.median(r.wall for r in runs), statistics.median(r.cpu for r in runs))


def rate(count: int, seconds: float) -> str:
    """A count per second."""
    return f"{count / seconds:,.0f}/s"


def build_once(articles: list[Article], nlp: spacy.Language, workdir: Path, processes: int) -> int:
    """`kg.build.build` of the articles into a fresh on-disk store; the number of facts."""
    directory = Path(tempfile.mkdtemp(prefix="store-", dir=workdir))
    try:
        with Store.open(str(directory)) as store:
            summary = build(
                articles, store, nlp, DEFAULT_BASE_IRI, batch_size=BATCH_SIZE, processes=processes
            )
        if summary.failures or summary.articles != len(articles):
            raise SystemExit(
                f"build wrote {summary.articles} of {len(articles)} articles "
                f"({len(summary.failures)} failed, first: {summary.failures[:1]}); fix that first."
            )
        return sum(summary.facts.values())
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def bench_extraction(nlp: spacy.Language, articles: list[Article], workdir: Path) -> None:
    """Bare `nlp.pipe` vs `build()`, alternating, REPEAT runs each, medians."""
    texts = [a.text for a in articles]
    count = words(articles)
    say(f"### Extraction overhead ({len(articles)} articles, {count:,} words, batch {BATCH_SIZE})")
    say()
    for _ in nlp.pipe(texts[:BATCH_SIZE], batch_size=BATCH_SIZE):  # warm-up
        pass

    def pipe() -> None:
        for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass

    facts = 0

    def built() -> None:
        nonlocal facts
        facts = build_once(articles, nlp, workdir, processes=1)

    piped: list[Run] = []
    builds: list[Run] = []
    for _ in range(REPEAT):
        piped.append(timed(pipe))
        builds.append(timed(built))
        say(f"  nlp.pipe {ms(piped[-1].wall)}, build {ms(builds[-1].wall)}")
    bare, full = median_run(piped), median_run(builds)
    rows = [
        [
            "nlp.pipe (bare spaCy, same pipeline)",
            ms(bare.wall),
            rate(count, bare.wall),
            ms(bare.cpu),
            rate(count, bare.cpu),
            "1.00×",
        ],
        [
            f"kg.build.build, fresh on-disk store ({facts:,} facts)",
            ms(full.wall),
            rate(count, full.wall),
            ms(full.cpu),
            rate(count, full.cpu),
            f"{full.wall / bare.wall:.2f}× wall, {full.cpu / bare.cpu:.2f}× CPU",
        ],
    ]
    say()
    say(table(["run (median of 3)", "wall", "words/s", "CPU", "words/CPU s", "vs bare"], rows))
    say()
    say(
        f"Overhead of build over bare spaCy: {(full.wall / bare.wall - 1) * 100:+.1f} % wall, "
        f"{(full.cpu / bare.cpu - 1) * 100:+.1f} % CPU (target <= +15 %). "
        f"Wall runs: pipe {', '.join(ms(r.wall) for r in piped)}; "
        f"build {', '.join(ms(r.wall) for r in builds)}."
    )
    say()


def bench_processes(nlp: spacy.Language, articles: list[Article], workdir: Path) -> None:
    """`build(processes=2)` vs `processes=1` on the same articles."""
    count = words(articles)
    say(f"### Processes ({len(articles)} articles, {count:,} words)")
    say()
    say(
        "Large enough that loading the model in each spaCy worker process (a few seconds) "
        "does not dominate. One run each, 1 process then 2."
    )
    say()
    runs = {n: timed(lambda n=n: build_once(articles, nlp, workdir, processes=n)) for n in (1, 2)}
    one = runs[1]
    rows = [
        [
            f"processes={n}",
            ms(r.wall),
            rate(count, r.wall),
            ms(r.cpu),
            f"{one.wall / r.wall:.2f}×",
        ]
        for n, r in runs.items()
    ]
    say(table(["build", "wall", "words/s", "CPU (incl. workers)", "speed-up"], rows))
    say()
    say(f"2 processes vs 1: {one.wall / runs[2].wall:.2f}× (target >= 1.5×).")
    say()


# -- memory ----------------------------------------------------------------------------------


def tree_rss(process: psutil.Process) -> tuple[int, int]:
    """(RSS of the process, RSS of it and all its descendants) in bytes; 0 for gone ones."""
    try:
        main = process.memory_info().rss
        children = process.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    total = main
    for child in children:
        with contextlib.suppress(psutil.NoSuchProcess):
            total += child.memory_info().rss
    return main, total


def read_fraction(process: psutil.Process, path: Path) -> float:
    """How far the process has read `path` (its file position over the size; reads run ahead
    of the build by a buffer), 0 when it does not have it open."""
    try:
        for opened in process.open_files():
            if opened.path == str(path):
                return opened.position / path.stat().st_size
    except psutil.Error:
        pass
    return 0.0


def directory_size(path: Path) -> int:
    """Bytes in the files under `path`."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def facts_in(message: str) -> int:
    """The facts in `kg build`'s last line: "...: 12 holds_position, 3 met; 0 inputs failed"."""
    line = next((x for x in reversed(message.splitlines()) if x.startswith("kg: built")), "")
    listed = line.partition("): ")[2].partition(";")[0]
    return sum(int(part.split()[0]) for part in listed.split(", ") if part[:1].isdigit())


def bench_memory(sources: list[Article], count: int, workdir: Path) -> None:
    """`kg build` of `count` articles as a subprocess; its peak RSS, sampled every 0.5 s."""
    path = write_corpus(sources, count, workdir)
    store = workdir / f"memory-store-{count}"
    shutil.rmtree(store, ignore_errors=True)
    log = workdir / f"memory-build-{count}.log"
    kg = Path(sys.executable).parent / "kg"
    command = [str(kg), "build", str(path), "--store", str(store)]
    say(f"### Memory: `kg build` of {count:,} articles ({path.stat().st_size / MIB:.1f} MiB gz)")
    say()
    shown = " ".join(["nice -n 10 kg", *command[1:]])
    say(f"`{shown}` as a subprocess, RSS sampled every {SAMPLE_EVERY} s.")
    say()
    samples: list[tuple[float, int, int]] = []
    with log.open("w") as err:
        start = time.perf_counter()
        child = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=err, preexec_fn=lambda: os.nice(10)
        )
        process = psutil.Process(child.pid)
        reported = start
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            main, total = tree_rss(process)
            if main:
                samples.append((time.perf_counter() - start, main, total))
            if time.perf_counter() - reported >= PROGRESS_EVERY:
                reported = time.perf_counter()
                say(
                    f"  {reported - start:,.0f} s: corpus read {read_fraction(process, path):.0%}, "
                    f"RSS main {main / MIB:,.0f} MiB, tree {total / MIB:,.0f} MiB, "
                    f"peak so far {max(x[2] for x in samples) / MIB:,.0f} MiB"
                )
            time.sleep(SAMPLE_EVERY)
        seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    message = log.read_text(encoding="utf-8", errors="replace")
    if child.returncode != 0:
        say(f"kg build exited with {child.returncode}; its stderr ends:\n{message[-2000:]}")
    total_words = count_words(sources, count)
    peak_main = max(s[1] for s in samples)
    peak_tree = max(s[2] for s in samples)
    kernel_peak = usage.ru_maxrss * 1024  # kB on Linux: the exact peak, not a sample
    rows = [
        ["articles", f"{count:,} ({count / seconds:.1f}/s)"],
        [
            "words",
            f"{total_words:,} ({total_words / seconds:,.0f}/s)",
        ],
        ["facts", f"{facts_in(message):,}"],
        ["wall time", ms(seconds)],
        ["CPU time (kernel rusage)", ms(usage.ru_utime + usage.ru_stime)],
        ["peak RSS, main process (sampled)", f"{peak_main / MIB:,.0f} MiB"],
        ["peak RSS, main process (kernel ru_maxrss)", f"{kernel_peak / MIB:,.0f} MiB"],
        ["peak RSS, process tree (sampled)", f"{peak_tree / MIB:,.0f} MiB"],
        ["store on disk", f"{directory_size(store) / MIB:,.0f} MiB"],
    ]
    say(table(["measure", "value"], rows))
    say()
    say("RSS over the run (main process; the build streams, so growth here is state kept):")
    say()
    marks = [samples[round(i * (len(samples) - 1) / 10)] for i in range(11)]
    say(
        table(
            ["elapsed", "RSS main", "RSS tree"],
            [[ms(t), f"{m / MIB:,.0f} MiB", f"{tr / MIB:,.0f} MiB"] for t, m, tr in marks],
        )
    )
    say()
    verdict = "met" if max(peak_tree, kernel_peak) <= 2 * GIB else "NOT met"
    say(f"Peak RSS {max(peak_tree, kernel_peak) / GIB:.2f} GiB: target <= 2 GiB {verdict}.")
    say(f"Last line of kg build: {message.strip().splitlines()[-1] if message.strip() else ''}")
    shutil.rmtree(store, ignore_errors=True)


def count_words(sources: list[Article], count: int) -> int:
    """Words in the first `count` corpus articles (rotation keeps each text's words)."""
    per_text = [len(a.text.split()) for a in sources]
    return sum(per_text[i % len(sources)] for i in range(count))


# -- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> None:
    """Run the chosen parts and print the report."""
    parser = argparse.ArgumentParser(prog="python -m bench.extraction", description=__doc__)
    parser.add_argument("--articles", type=int, default=200, help="extraction overhead corpus")
    parser.add_argument("--process-articles", type=int, default=600, help="processes=2 vs 1 corpus")
    parser.add_argument("--memory-articles", type=int, default=10_000, help="memory corpus")
    default_texts = SHARED_TEXTS if SHARED_TEXTS.is_dir() else REPO_ROOT / "seeds"
    parser.add_argument("--texts", type=Path, default=default_texts, help="real article texts")
    parser.add_argument("--workdir", type=Path, help="where corpora and stores go (default: tmp)")
    parser.add_argument(
        "--parts", nargs="+", choices=PARTS, default=list(PARTS), help="what to run (all)"
    )
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="newskg-bench-extraction-"))
    workdir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    say(f"Machine: {machine()}.")
    sources = source_articles(args.texts)
    say(f"Texts: {len(sources)} articles from {args.texts}; workdir {workdir}.")
    say()
    if "extraction" in args.parts or "processes" in args.parts:
        nlp = load_pipeline(default_model())
        say(f"Pipeline: {', '.join(nlp.pipe_names)}.")
        say()
        if "extraction" in args.parts:
            path = write_corpus(sources, args.articles, workdir)
            bench_extraction(nlp, list(read_articles([path])), workdir)
        if "processes" in args.parts:
            path = write_corpus(sources, args.process_articles, workdir)
            bench_processes(nlp, list(read_articles([path])), workdir)
    if "memory" in args.parts:
        bench_memory(sources, args.memory_articles, workdir)
    say(f"Total benchmark time {time.perf_counter() - started:.0f} s.")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
