"""Reading articles from text, JSON and JSON Lines files."""

from __future__ import annotations

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from kg.errors import SourceError
from kg.settings import REPO_ROOT
from kg.sources import article_from_text, read_articles
from kg.types import Article

SEED = REPO_ROOT / "seeds" / "000_1e6e512ebb72dbb0.txt"
BBC = Path("/work/shared/data/bbc-news-politics/politics/002.txt")


def _read_all(*paths: Path) -> list[Article]:
    return list(read_articles(paths))


def test_read_articles_seed_date_on_same_line_as_body() -> None:
    (article,) = _read_all(SEED)
    assert article.published == date(2023, 1, 31)
    assert article.text.startswith("U.S. Secretary of State Antony Blinken")
    assert article.title is None
    assert article.source == str(SEED)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("date 2023-01-31\nBlinken met Abbas.", id="own-line"),
        pytest.param(" date 2023-01-31 Blinken met Abbas.", id="same-line"),
        pytest.param("date 2023-01-31T09:30:00\nBlinken met Abbas.", id="no-datetime-marker"),
    ],
)
def test_read_articles_date_marker(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    (article,) = _read_all(path)
    if "T09" in content:
        assert article.published is None
        assert article.text == content
    else:
        assert article.published == date(2023, 1, 31)
        assert article.text == "Blinken met Abbas."


def test_read_articles_bbc_headline_split(tmp_path: Path) -> None:
    path = tmp_path / "002.txt"
    path.write_text(
        "Watchdog probes e-mail deletions\n\nThe information commissioner says he is asking.\n\n"
        "Richard Thomas condemned it.\n",
        encoding="utf-8",
    )
    (article,) = _read_all(path)
    assert article.title == "Watchdog probes e-mail deletions"
    assert article.text == (
        "The information commissioner says he is asking.\n\nRichard Thomas condemned it."
    )


@pytest.mark.skipif(not BBC.exists(), reason="BBC sample data not present")
def test_read_articles_bbc_sample_file() -> None:
    (article,) = _read_all(BBC)
    assert article.title == "Watchdog probes e-mail deletions"
    assert article.text.startswith("The information commissioner says")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("Blinken met Abbas in Ramallah.\n\nHe left.", id="first-line-sentence"),
        pytest.param(" ".join(["word"] * 16) + "\n\nBody text follows.", id="first-line-too-long"),
        pytest.param("Short line\nBody without a blank line.", id="no-blank-line"),
    ],
)
def test_read_articles_no_headline(tmp_path: Path, content: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    (article,) = _read_all(path)
    assert article.title is None
    assert article.text == content


def test_read_articles_jsonl_bad_line_reported_and_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "Blinken met Abbas.", "published": "2023-01-31"})
        + "\n{not json\n"
        + json.dumps({"text": "Netanyahu met Blinken.", "url": "https://example.org/2"})
        + "\n",
        encoding="utf-8",
    )
    errors: list[SourceError] = []
    articles = list(read_articles([path], on_error=errors.append))
    assert [a.text for a in articles] == ["Blinken met Abbas.", "Netanyahu met Blinken."]
    assert articles[0].id == "a1"
    assert articles[0].published == date(2023, 1, 31)
    assert articles[1].source == f"{path}:3"
    assert articles[1].url == "https://example.org/2"
    assert len(errors) == 1
    assert f"{path}:2" in str(errors[0])
    assert "invalid JSON" in str(errors[0])


def test_read_articles_jsonl_bad_line_raises_without_handler(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "ok"}\n[1, 2]\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"feed\.jsonl:2"):
        _read_all(path)


def test_read_articles_json_list_and_gzip(tmp_path: Path) -> None:
    records = [{"id": "x", "text": "One."}, {"text": "Two.", "published": "2023-02-01T10:00Z"}]
    plain = tmp_path / "b.json"
    plain.write_text(json.dumps(records), encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write(json.dumps({"text": "Three."}) + "\n")
    (tmp_path / "notes.md").write_text("skipped", encoding="utf-8")
    articles = _read_all(tmp_path)
    assert [a.text for a in articles] == ["One.", "Two.", "Three."]
    assert articles[1].published == date(2023, 2, 1)
    assert articles[2].source == f"{tmp_path / 'c.jsonl.gz'}:1"


def test_read_articles_folder_sorted_recursively(tmp_path: Path) -> None:
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "1.txt").write_text("Last.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Second.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First.", encoding="utf-8")
    assert [a.text for a in _read_all(tmp_path)] == ["First.", "Second.", "Last."]


def test_read_articles_same_text_same_id(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "copy.txt")
    (tmp_path / "copy.jsonl").write_text(
        json.dumps({"text": _read_all(SEED)[0].text + "\n"}) + "\n", encoding="utf-8"
    )
    ids = {a.id for a in _read_all(SEED, tmp_path)}
    assert len(ids) == 1
    assert len(ids.pop()) == 16


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "bad.txt",
            b"Caf\xe9 talks.",
            r"bad\.txt is not valid UTF-8 \(byte 0xe9 at offset 3\); re-save it as UTF-8",
            id="invalid-utf8",
        ),
        pytest.param(
            "empty.txt", b"  \n\t\n", r"empty\.txt: the article text is empty", id="empty"
        ),
        pytest.param(
            "dated.txt", b"date 2023-02-30\nText.", r"dated\.txt.*'2023-02-30'", id="bad-txt-date"
        ),
        pytest.param(
            "rec.json",
            b'{"text": "Text.", "published": "last week"}',
            r"rec\.json: field 'published' has value 'last week', not a date",
            id="bad-json-date",
        ),
        pytest.param(
            "rec.json", b'{"text": ""}', r"rec\.json: field 'text' is empty", id="empty-json"
        ),
        pytest.param(
            "rec.json",
            b'{"text": "T.", "title": 5}',
            r"rec\.json: field 'title' has value 5, a int",
            id="wrong-type",
        ),
        pytest.param(
            "rec.json",
            b'{"text": "T.",\n "id": }',
            r"rec\.json: invalid JSON at line 2, column 8",
            id="invalid-json",
        ),
        pytest.param(
            "feed.jsonl",
            b'{"text": "ok"}\n{"text": "caf\xc3"}\n',
            r"feed\.jsonl:2 is not valid UTF-8 \(byte 0xc3 at offset 28\)",
            id="invalid-utf8-jsonl",
        ),
        pytest.param("notes.md", b"text", r"notes\.md: unknown file type '\.md'", id="unknown-ext"),
    ],
)
def test_read_articles_bad_file_raises(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        _read_all(path)


def test_read_articles_missing_file_reported(tmp_path: Path) -> None:
    errors: list[SourceError] = []
    good = tmp_path / "good.txt"
    good.write_text("Fine.", encoding="utf-8")
    articles = list(read_articles([tmp_path / "gone.txt", good], on_error=errors.append))
    assert [a.text for a in articles] == ["Fine."]
    assert "gone.txt: no such file" in str(errors[0])


def test_article_from_text_validates_like_a_record() -> None:
    article = article_from_text("Blinken met Abbas.", published="2023-01-31", title="Talks")
    assert article == Article(
        id=article.id, text="Blinken met Abbas.", published=date(2023, 1, 31), title="Talks"
    )
    assert article.id == article_from_text("  Blinken met Abbas.\n").id
    with pytest.raises(SourceError, match="field 'text' is empty"):
        article_from_text("   ")
    with pytest.raises(SourceError, match="'soon', not a date"):
        article_from_text("Text.", published="soon")
