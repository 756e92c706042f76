"""The `newsfold` command: a thin layer over the job's modules (each command has a Python equivalent)."""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path

import click

from newsfold.config import ConfigError, load_config

DB_HELP = "SQLite database file (default: ./news.db, or [crawl] db of the sources file)."
db_option = click.option("--db", type=click.Path(path_type=Path), default=Path("news.db"), show_default=True,
                         help="Database file.")
jsonl_out = click.option("--out", "-o", type=click.File("w", encoding="utf-8"), default="-",
                         help="Output JSONL (default: stdout).")


def _interactive() -> bool:
    return sys.stderr.isatty()


@click.group()
@click.version_option(package_name="newsfold")
def main() -> None:
    """newsfold: crawl news sources, fold mirrored copies into stories, write a digest.

    Try `newsfold demo` for the whole job against a simulated news web on 127.0.0.1.
    """


@main.command()
@click.option("--seed", default=7, show_default=True, help="Seed of the simulated web.")
@click.option("--articles", default=400, show_default=True, help="Article pages in the simulated web.")
@db_option
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("digest.md"), show_default=True,
              help="Digest file.")
def demo(seed: int, articles: int, db: Path, out: Path) -> None:
    """Crawl a simulated news web, store and fold it, write the digest, and score the grouping.

    Example: newsfold demo --articles 400
    """
    from newsfold.demo import DemoError, run_demo

    try:
        result = run_demo(seed, articles, db, out, progress=_interactive())
    except DemoError as exc:
        raise click.ClickException(str(exc)) from None
    from newsfold.crawl import summary_line

    click.echo(summary_line(result.stats))
    click.echo(f"stored in {db}; digest of {result.stories} stories in {out}")
    click.echo("grouping against the simulated truth:")
    for line in result.report.lines():
        click.echo("  " + line)
    if result.events:
        click.echo("  " + result.events.line())
    click.echo(f"demo wall time {result.seconds:.1f} s")


@main.command()
@click.option("--seed", default=7, show_default=True, help="Seed of the simulated web.")
@click.option("--articles", default=400, show_default=True, help="Article pages in the base batch.")
@click.option("--later", default=0, show_default=True,
              help="Also publish this many later articles (new stories and late copies of earlier ones).")
@click.option("--broken", is_flag=True, help="Add a site whose feeds and pages fail in every common way.")
@click.option("--port", default=0, show_default=True, help="Port on 127.0.0.1 (0: any free port).")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=Path("simweb"), show_default=True,
              help="Folder for sources.toml and truth.jsonl.")
def simweb(seed: int, articles: int, later: int, broken: bool, port: int, out: Path) -> None:
    """Serve the simulated news web until interrupted.

    Writes OUT/sources.toml (for `newsfold crawl --config`) and OUT/truth.jsonl (url, story, event,
    kind per article). Example: newsfold simweb --seed 7 --articles 300 --out web/
    """
    from newsfold.demo import write_web_files
    from newsfold.simweb import SimWebServer, build_world

    world = build_world(seed, articles, later=later, broken=broken)
    server = SimWebServer(world, port=port)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    server.start()
    try:
        sources = write_web_files(world, server, out)
        click.echo(f"serving {len(world.sites)} sites, {len(world.truth)} articles at {server.proxy_url}; "
                   f"sources in {sources}", nl=True)
        sys.stdout.flush()
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


@main.command()
@click.option("--config", "-c", type=click.Path(path_type=Path), default=Path("sources.toml"), show_default=True,
              help="Sources file.")
@click.option("--db", type=click.Path(path_type=Path), default=None, help=DB_HELP)
@click.option("--spider", "spiders", multiple=True, type=click.Choice(["feeds", "sitemaps", "sections"]),
              help="Run only this spider (repeatable; default: one for each kind of source in the file).")
def crawl(config: Path, db: Path | None, spiders: tuple[str, ...]) -> None:
    """Crawl every source once, fold new articles into stories, store them.

    Feeds, then sitemaps, then section pages, one spider after the other. Meant for cron: silent but
    for warnings and a one-line summary; a second crawl on the same database exits at once. Example:
    newsfold crawl --config sources.toml --db news.db
    """
    try:
        load_config(config)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    from newsfold.crawl import run_crawl, summary_line
    from newsfold.joblock import LockHeld

    try:
        stats = run_crawl(config, db, progress=_interactive(), spiders=spiders)
    except LockHeld as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(summary_line(stats))


def _span(value: str, option: str = "--since"):
    from newsfold.times import parse_span

    try:
        return parse_span(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _window_start(since: str | None) -> str | None:
    """The ISO time `--since` reaches back to from now, or None for no limit."""
    from newsfold.times import iso, utcnow

    return iso(utcnow() - _span(since)) if since else None


def _open_store(db: Path):
    """The existing database, or one clear line: read commands never create an empty file."""
    from newsfold.storage import Store

    if not db.exists():
        raise click.ClickException(f"{db}: no such database (run `newsfold crawl` first)")
    return Store(db)


@main.command()
@db_option
@click.option("--since", default="24h", show_default=True,
              help="Window: stories published in the last 90m, 24h, 7d, 2w...")
@click.option("--since-last", is_flag=True,
              help="Window: since the previous digest (recorded in the database); --since before the first.")
@click.option("--format", "-f", "formats", type=click.Choice(["md", "html", "atom", "json"]), multiple=True,
              help="md (default), html (one self-contained page), atom (feed), json; repeatable.")
@click.option("--all", "all_formats", is_flag=True, help="Every format, side by side: digest.md, .html, .xml, .json.")
@click.option("--out", "-o", type=click.Path(path_type=Path), default=None,
              help="Digest file ('-' for standard output; default digest.md, digest.html...). With several "
                   "formats, the others are written beside it under the same name.")
@click.option("--limit", default=200, show_default=True, help="Stories at most.")
def digest(db: Path, since: str, since_last: bool, formats: tuple[str, ...], all_formats: bool,
           out: Path | None, limit: int) -> None:
    """Write the digest of the window's stories, most widely carried first, copies collapsed.

    \b
    Example: newsfold digest --since 24h -o digest.md
             newsfold digest --since-last --all -o public/digest.html
    """
    from newsfold.digest import FORMATS, output_paths, record, render_digest, window_start, write_digest
    from newsfold.times import utcnow

    names = list(FORMATS) if all_formats else list(dict.fromkeys(formats)) or ["md"]
    span = _span(since)
    to_stdout = out is not None and str(out) == "-"
    if to_stdout and len(names) > 1:
        raise click.BadParameter("standard output takes one format", param_hint="--out")
    paths = output_paths(out or Path("digest").with_suffix(FORMATS[names[0]].suffix), names)
    store = _open_store(db)
    try:
        now = utcnow()
        start = window_start(store, now, span, since_last)
        if to_stdout:
            result, texts = render_digest(store, start, now, names, limit)
            click.echo(texts[names[0]], nl=False)
            record(store, result, names)
            return
        result = write_digest(store, start, now, paths, limit)
    except OSError as exc:
        raise click.ClickException(f"cannot write the digest: {exc}") from None
    finally:
        store.close()
    click.echo(f"digest of {len(result.stories)} stories written to {', '.join(map(str, paths.values()))}")


@main.command()
@db_option
@click.option("--since", default=None, help="Only articles published in the last 7d, 30d... (default: all).")
@click.option("--limit", default=30, show_default=True, help="Domains at most.")
@click.option("--all", "everyone", is_flag=True, help="List domains that copy nothing too.")
def mirrors(db: Path, since: str | None, limit: int, everyone: bool) -> None:
    """Rank domains by the share of their articles that copy another domain's story.

    Example: newsfold mirrors --since 30d
    """
    from newsfold.storage.queries import mirror_report

    start = _window_start(since)
    store = _open_store(db)
    try:
        rows = [r for r in mirror_report(store.db, start) if everyone or r.copies][:limit]
    finally:
        store.close()
    if not rows:
        click.echo("no domain copies another's articles")
        return
    width = max(len(r.domain) for r in rows)
    click.echo(f"{'domain':<{width}}  copies/articles  share  copies most from")
    for r in rows:
        sources = ", ".join(f"{d} ({n})" for d, n in r.copied) or "-"
        click.echo(f"{r.domain:<{width}}  {r.copies:>6}/{r.articles:<8} {r.share:>5.0%}  {sources}")


@main.command()
@click.argument("query")
@db_option
@click.option("--since", default=None, help="Only articles published in the last 7d, 30d... (default: all).")
@click.option("--limit", default=20, show_default=True, help="Stories at most.")
def search(query: str, db: Path, since: str | None, limit: int) -> None:
    """Full-text search over every stored article, answered as stories, most relevant first.

    Words are matched whole (with English stemming), all of them; quotes and operators are taken
    literally.

    Example: newsfold search "prisoner swap" --since 7d
    """
    from newsfold.digest.text import TITLE_LIMIT, clean_text, plain, plural, when
    from newsfold.storage.search import search_stories

    if not query.split():
        raise click.BadParameter("give at least one word", param_hint="QUERY")
    start = _window_start(since)
    store = _open_store(db)
    try:
        hits = search_stories(store.db, query, start, limit)
    finally:
        store.close()
    if not hits:
        click.echo(f"no story matches {query!r}")
    for number, hit in enumerate(hits, 1):
        story = hit.story  # page text: no control characters may reach the terminal
        click.echo(f"{number}. {clean_text(story.title, TITLE_LIMIT)}\n   {plain(story.url)}\n   "
                   f"{plain(story.domain)} · {when(story.published)} · "
                   f"{plural(hit.copies, 'copy', 'copies')} on {plural(story.domains, 'domain')}")


@main.command()
@click.argument("articles", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@jsonl_out
def cluster(articles: Path, out) -> None:
    """Fold a JSONL (or .jsonl.gz) dump of articles into stories, offline.

    Input lines: id, text, optional url, title, published. Output lines: id, story, canonical,
    similarity, kind. Example: newsfold cluster articles.jsonl -o stories.jsonl
    """
    from newsfold.cluster import cluster as run_cluster

    result = run_cluster(articles, out)
    click.echo(f"cluster: {result.articles} articles in {result.stories} stories, "
               f"{len(result.skipped)} lines skipped", err=True)


@main.command()
@click.argument("pages", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--url", default=None, help="The page's URL (default: a file: URL of each file).")
@click.option("--items", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="JSONL of {id, url, html_path}, paths relative to the file's folder.")
@jsonl_out
def extract(pages: tuple[Path, ...], url: str | None, items: Path | None, out) -> None:
    """Extract the article of each HTML page (plain or .gz, files or folders) as one JSON line.

    Lines: id, url, title, text, authors, published, modified, language, canonical_url, image,
    site_name; a page without an article gives id, url and error. Lines that recur across a
    domain's pages are stripped as that site's chrome. Examples:
    newsfold extract page.html --url https://example.org/news/1;
    newsfold extract --items pages.jsonl -o articles.jsonl
    """
    from newsfold.extractbatch import InputError, extract_pages, pages_from_items, pages_from_paths

    if not pages and items is None:
        raise click.UsageError("give PAGES or --items")
    try:
        inputs = [*pages_from_paths(pages, url), *(pages_from_items(items) if items else ())]
    except InputError as exc:
        raise click.ClickException(str(exc)) from None
    errors = 0
    for row in extract_pages(inputs):
        errors += "error" in row
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    click.echo(f"extract: {len(inputs)} pages, {errors} without an article", err=True)
    if inputs and errors == len(inputs):
        sys.exit(1)


@main.command()
@db_option
@jsonl_out
def export(db: Path, out) -> None:
    """Write the stored articles as JSONL in the order they were stored (the input of `cluster`).

    Lines: id, url, title, text, published, story, kind. Example: newsfold export -o articles.jsonl
    """
    from newsfold.storage import Store

    if not db.exists():
        raise click.ClickException(f"{db}: no such database (run `newsfold crawl` first)")
    store = Store(db)
    for row in store.articles():
        out.write(json.dumps({"id": row["id"], "url": row["url"], "title": row["title"], "text": row["text"],
                              "published": row["published"], "story": row["story"], "kind": row["copy_kind"]},
                             ensure_ascii=False) + "\n")
    store.close()


# -- sources -------------------------------------------------------------------------------------------
config_option = click.option("--config", "-c", type=click.Path(path_type=Path), default=Path("sources.toml"),
                             show_default=True, help="Sources file (created if missing).")


@main.group()
def sources() -> None:
    """Add, import and check the sources of sources.toml.

    Example: newsfold sources add https://www.example.org/ && newsfold sources list
    """


def _append(config: Path, found: list[dict], **hints: str | None) -> None:
    from newsfold.config import append_sources
    from newsfold.sources import new_only

    try:
        added, skipped = new_only(config, [{**f, **{k: v for k, v in hints.items() if v}} for f in found])
        if added:
            append_sources(config, added)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    for source in added:
        click.echo(f"added {source['kind']} {source['name']!r}: {source['url']}")
    for url in skipped:
        click.echo(f"already in {config}: {url}")
    click.echo(f"{len(added)} sources added to {config}")


@sources.command("add")
@click.argument("url")
@config_option
@click.option("--language", default=None, help="Language hint stored with the source (e.g. en).")
@click.option("--role", type=click.Choice(["original", "mirror"]), default=None, help="Hint: original or mirror.")
def sources_add(url: str, config: Path, language: str | None, role: str | None) -> None:
    """Find the feeds a home page offers (rel=alternate links, else the usual feed paths) and add them.

    A URL that is a feed itself is added as it is. Example: newsfold sources add https://www.example.org/
    """
    from newsfold.sources import discover

    if config.exists():
        try:
            load_config(config, require_sources=False)
        except ConfigError as exc:
            raise click.ClickException(str(exc)) from None
    found = discover(url, config)
    for problem in found.problems:
        click.echo(f"warning: {problem}", err=True)
    if not found.feeds:
        raise click.ClickException(f"{url}: no feed found (add it by hand as kind = \"section\" or \"sitemap\")")
    _append(config, found.feeds, language=language, role=role)


@sources.command("import")
@click.argument("opml", type=click.Path(dir_okay=False, path_type=Path))
@config_option
def sources_import(opml: Path, config: Path) -> None:
    """Add the feeds of an OPML export from a feed reader (folders are flattened).

    Example: newsfold sources import subscriptions.opml
    """
    from newsfold.sources import OpmlError, read_opml

    try:
        feeds = read_opml(opml)
    except OpmlError as exc:
        raise click.ClickException(str(exc)) from None
    if not feeds:
        raise click.ClickException(f"{opml}: no feeds (no <outline xmlUrl=...>)")
    _append(config, feeds)


@sources.command("list")
@db_option
def sources_list(db: Path) -> None:
    """Show each source's health: last success, failures in a row, articles contributed, share of copies.

    Sources failing 5 times in a row are flagged FAILING (they are still tried). Example: newsfold sources list
    """
    from newsfold.sources import health_lines
    from newsfold.storage import Store

    if not db.exists():
        raise click.ClickException(f"{db}: no such database (run `newsfold crawl` first)")
    store = Store(db)
    rows = store.source_health()
    store.close()
    for line in health_lines(rows):
        click.echo(line)
