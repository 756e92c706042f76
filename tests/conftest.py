"""Fixtures that run the real thing: the simulated web and the crawl job as subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Web:
    """A running `newsfold simweb` and the files it wrote."""

    process: subprocess.Popen
    folder: Path

    @property
    def sources(self) -> Path:
        return self.folder / "sources.toml"

    def truth(self) -> list[dict]:
        return [json.loads(line) for line in (self.folder / "truth.jsonl").read_text().splitlines()]

    def config(self, name: str, sources: list[dict], scrapy: dict | None = None) -> Path:
        """Another sources file for this web (same proxy and [scrapy] table), with the given sources."""
        from newsfold.config import dump_config, load_config

        base = load_config(self.sources)
        path = self.folder / f"{name}.toml"
        crawl = {"proxy": base.proxy, "proxy_hosts": list(base.proxy_hosts)}
        path.write_text(dump_config(sources, crawl, {**base.scrapy, **(scrapy or {})}), encoding="utf-8")
        return path

    def site_sources(self, kind: str, **options: object) -> list[dict]:
        """Every outlet of this web as a source of `kind` (feed, sitemap or section), with `options`;
        section sources get the depth that pages through a whole front page."""
        from newsfold.simweb.sites import PROFILES
        from newsfold.simweb.world import LISTING_SIZE

        per_site = max(sum(row["site"] == p.site.domain for row in self.truth()) for p in PROFILES)
        depth = {"depth": per_site // LISTING_SIZE + 1} if kind == "section" else {}
        return [{**p.site.source(kind), **depth, **options} for p in PROFILES]


def start_web(folder: Path, *args: str) -> Web:
    """Start the simulated web and wait until it says it is serving."""
    process = subprocess.Popen(
        [sys.executable, "-m", "newsfold", "simweb", "--out", str(folder), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=folder.parent,
    )
    line = process.stdout.readline()
    if "serving" not in line:
        process.kill()
        raise RuntimeError(f"simweb did not start: {line} {process.stderr.read()}")
    return Web(process, folder)


def stop_web(web: Web) -> None:
    os.kill(web.process.pid, signal.SIGTERM)
    try:
        web.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(web.process.pid, signal.SIGKILL)
        web.process.wait()
    web.process.stdout.close()
    web.process.stderr.close()


@pytest.fixture
def web_factory(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    """Start webs with the given simweb arguments; every one is stopped by its pid afterwards."""
    started: list[Web] = []

    def start(*args: str) -> Web:
        web = start_web(tmp_path_factory.mktemp("web") / "web", *args)
        started.append(web)
        return web

    yield start
    for web in started:
        if web.process.poll() is None:
            stop_web(web)


def module_web(name: str, *args: str):
    """A module-scoped fixture: one simulated web started with `args`, stopped by its pid at the end."""

    @pytest.fixture(scope="module")
    def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
        running = start_web(tmp_path_factory.mktemp(name) / "web", *args)
        yield running
        stop_web(running)

    return web


def newsfold(*args: str, cwd: Path | None = None, timeout: float = 240) -> subprocess.CompletedProcess:
    """Run the `newsfold` command in a subprocess (a Twisted reactor starts once per process)."""
    return subprocess.run([sys.executable, "-m", "newsfold", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or ROOT)
