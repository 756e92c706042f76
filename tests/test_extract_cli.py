"""`newsfold extract` over files, folders, gzip and item lists; bad input gives an error line, never a crash."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import newsfold
from newsfold.extract import MAX_BYTES

STORY = ("The harbour authority said on Tuesday that repairs to the northern pier would take at least {n} "
         "weeks, and that ferries would use the southern terminal until then.")


def article_html(n: int = 6, headline: str = "Pier repairs to take weeks") -> str:
    body = "".join(f"<p>{STORY.format(n=n + i)}</p>" for i in range(6))
    return (f'<html lang="en"><head><meta charset="utf-8"><title>{headline} | Local | herald.test</title>'
            f'<meta property="article:published_time" content="2026-11-20T09:30:00+01:00">'
            f'<meta property="article:modified_time" content="2026-11-21T10:00:00+01:00">'
            f'<meta property="og:image" content="/img/pier.jpg"><meta property="og:site_name" content="Herald">'
            f'<link rel="canonical" href="http://herald.test/local/pier"></head><body><article><h1>{headline}</h1>'
            f'<p class="byline">By Ana Ortiz and Li Wei</p>{body}</article></body></html>')


def lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_one_page_gives_every_field(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(article_html(), encoding="utf-8")
    result = newsfold("extract", str(tmp_path / "a.html"), "--url", "http://herald.test/local/pier?utm_source=x")
    assert result.returncode == 0, result.stderr
    [row] = lines(result.stdout)
    assert list(row) == ["id", "url", "title", "text", "authors", "published", "modified", "language",
                         "canonical_url", "image", "site_name"]
    assert row["title"] == "Pier repairs to take weeks"
    assert row["authors"] == ["Ana Ortiz", "Li Wei"]
    assert row["published"] == "2026-11-20T09:30:00+01:00" and row["modified"] == "2026-11-21T10:00:00+01:00"
    assert row["canonical_url"] == "http://herald.test/local/pier" and row["language"] == "en"
    assert row["site_name"] == "Herald" and row["image"] == "/img/pier.jpg"
    assert row["text"].startswith("The harbour authority") and "Ana Ortiz" not in row["text"]


def test_items_file_with_gzip_pages_relative_to_its_folder(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "1.html.gz").write_bytes(gzip.compress(article_html(3).encode()))
    (tmp_path / "pages" / "2.html").write_text(article_html(9, "Ferries move south"), encoding="utf-8")
    items = tmp_path / "items.jsonl"
    items.write_text("\n".join(json.dumps(i) for i in [
        {"id": "one", "url": "http://herald.test/1", "html_path": "pages/1.html.gz"},
        {"id": "two", "url": "http://herald.test/2", "html_path": "pages/2.html"},
        {"id": "gone", "url": "http://herald.test/3", "html_path": "pages/missing.html"},
    ]) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = newsfold("extract", "--items", str(items), "-o", str(out))
    assert result.returncode == 0, result.stderr
    rows = lines(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["one", "two", "gone", "4"]
    assert rows[0]["title"] == "Pier repairs to take weeks" and rows[1]["title"] == "Ferries move south"
    assert "missing.html" in rows[2]["error"] and "not an object" in rows[3]["error"]


def write_bad_pages(folder: Path) -> dict[str, str]:
    """Bad inputs, each with what its line must say: an error, or (for readable ones) the right text."""
    folder.mkdir()
    (folder / "binary.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64)
    (folder / "empty.html").write_bytes(b"")
    filler = "<p>" + "Filler text of a page that is far too big. " * 50 + "</p>"
    (folder / "huge.html").write_text("<html><body>" + filler * (20_000_000 // len(filler)) + "</body></html>")
    broken = article_html().replace("</p>", "").replace("</article>", "").replace("</html>", "")[:-40]
    (folder / "broken.html").write_text(broken + "<div><span><<<>>&&", encoding="utf-8")
    russian = "Ремонт причала займёт несколько недель, сообщили в администрации порта во вторник."
    (folder / "cp1251.html").write_bytes(
        ("<html><head><title>Причал</title></head><body><article>"
         + "".join(f"<p>{russian} Работы начнутся через {n} дней.</p>" for n in range(6))
         + "</article></body></html>").encode("cp1251"))
    (folder / "truncated.html.gz").write_bytes(gzip.compress(article_html().encode())[:60])
    return {"binary.html": "error", "empty.html": "error", "huge.html": "error", "truncated.html.gz": "error",
            "broken.html": "harbour authority", "cp1251.html": "Ремонт причала займёт"}


def test_bad_input_gives_an_error_line_or_the_right_text(tmp_path: Path) -> None:
    expected = write_bad_pages(tmp_path / "bad")
    result = newsfold("extract", str(tmp_path / "bad"), timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = {Path(r["id"]).name: r for r in lines(result.stdout)}
    assert set(rows) == set(expected)
    for name, want in expected.items():
        if want == "error":
            assert rows[name].get("error"), (name, rows[name])
        else:
            assert want in rows[name]["text"], (name, rows[name])
    assert f"limit {MAX_BYTES // 1_000_000} MB" in rows["huge.html"]["error"]


def test_a_folder_s_recurring_lines_are_that_site_s_chrome(tmp_path: Path) -> None:
    house = "Shared from our partner network under licence."
    for n in range(4):
        html = article_html(n * 10, f"Story number {n} of the day").replace(
            "</article>", f"<p>{house}</p></article>")
        (tmp_path / f"{n}.html").write_text(html, encoding="utf-8")
    result = newsfold("extract", str(tmp_path), "--url", "http://mirror.test/a")
    rows = lines(result.stdout)
    assert len(rows) == 4 and all(house not in r["text"] for r in rows)
    assert all("northern pier" in r["text"] for r in rows)


@pytest.mark.parametrize("args", [[], ["--items", "missing.jsonl"]])
def test_usage_errors_are_one_line(args: list[str], tmp_path: Path) -> None:
    result = newsfold("extract", *args, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
