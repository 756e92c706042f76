"""The HTML digest in a real browser: headless Chromium renders it, runs nothing a title smuggled in.

Chromium is Debian's `chromium` package (`.ci/run` installs it when missing). The test skips, saying
so, only when no chromium is on PATH.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from test_digest import put

from conftest import newsfold
from newsfold.storage import Store

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
MARK = "document.documentElement.setAttribute('data-pwned', '{}')"
HOSTILE = {
    "script": f"<script>{MARK.format('script')}</script>Storm hits coast",
    "img": f'"><img src=x onerror="{MARK.format("img")}">Pier closes',
    "svg": f"<svg/onload={MARK.format('svg')}>Ferry delayed",
    "control": "Bridge\x00 reopens\x1b[31m\u202e after\x07 repairs",
    "long": "Flood " + "warning " * 1250,  # 10,000 characters
}


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is not installed (Debian package `chromium`; .ci/run installs it)")
    return found


def browse(binary: str, profile: Path, *args: str, timeout: float = 90) -> str:
    """Run headless Chromium in its own process group with a fresh profile; kill the group on timeout."""
    process = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={profile}", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, start_new_session=True)
    try:
        out, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise
    assert process.returncode == 0, f"chromium exited with {process.returncode}"
    return out


@pytest.fixture
def hostile_digest(tmp_path: Path) -> tuple[Path, int]:
    """An HTML digest, written by the command, of ordinary stories and stories with hostile titles,
    summaries, links and sections."""
    store = Store(tmp_path / "news.db")
    first = put(store, "http://herald.test/harbour", "Harbour reopens after the storm", section="World")
    put(store, "http://copycat.test/harbour", story=first)
    for name, title in HOSTILE.items():
        put(store, f"http://herald.test/{name}", title, text=f"{title}. <b onmouseover=alert(1)>Read</b> on.",
            section=f"<i onclick=alert(1)>{name}</i>")
    put(store, f"javascript:{MARK.format('link')}", "A link that is a script")
    count = store.db["stories"].count
    store.close()
    page = tmp_path / "digest.html"
    result = newsfold("digest", "--db", str(tmp_path / "news.db"), "--since", "5200w", "-f", "html", "-o", str(page))
    assert result.returncode == 0, result.stderr
    return page, count


def test_chromium_runs_scripts_in_this_mode(tmp_path: Path) -> None:
    """The control: without our escaping, an inline script does run, so the check below can fail."""
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><body><script>{MARK.format('control')}</script></body></html>")
    dom = browse(chromium(), tmp_path / "profile", "--dump-dom", page.as_uri())
    assert 'data-pwned="control"' in dom


def test_rendered_digest_shows_every_story_and_runs_no_hostile_markup(hostile_digest, tmp_path: Path) -> None:
    page, count = hostile_digest
    binary = chromium()
    dom = lxml_html.fromstring(browse(binary, tmp_path / "profile", "--dump-dom", page.as_uri()))
    assert dom.get("data-pwned") is None
    assert len(dom.xpath("//article[@class='story']")) == count
    assert not dom.xpath("//script | //img | //svg | //iframe | //object | //embed")
    assert not [a for a in dom.xpath("//@*") if a.attrname.lower().startswith("on")]
    assert all(h.startswith(("http://", "https://", "#")) for h in dom.xpath("//@href"))
    titles = [" ".join(h.text_content().split()) for h in dom.xpath("//article/h3")]
    assert any(f"<script>{MARK.format('script')}</script>Storm hits coast" in t for t in titles)
    assert any("Bridge reopens [31m after repairs" in t for t in titles)
    long_title = next(t for t in titles if "Flood warning" in t)
    assert long_title.endswith("…") and len(long_title) < 220
    assert any("A link that is a script" in t for t in titles)
    assert not dom.xpath("//a[contains(., 'A link that is a script')]")  # shown, but not as a link
    for name, size in (("wide", "1280,2000"), ("phone", "390,1600")):
        shot = tmp_path / f"digest-{name}.png"
        browse(binary, tmp_path / "profile", f"--window-size={size}", f"--screenshot={shot}", page.as_uri())
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
