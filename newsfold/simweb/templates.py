"""HTML page templates: each site's own chrome (nav, cookie banner, title style, date markup, footer).

Pages are assembled from a `Theme` (the site's look, as data) and a `Page` (one article's content), so
every site reads differently to an extractor while one function renders them all.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from .sites import Site


@dataclass(frozen=True)
class Page:
    """One article as a site shows it."""

    site: Site
    url: str
    headline: str
    section: str
    published: datetime
    authors: tuple[str, ...]
    paragraphs: Sequence[str]
    description: str
    canonical: str | None
    related: Sequence[tuple[str, str]] = ()
    read_more: tuple[str, str] | None = None  # (outlet name, URL of the full story), for teasers
    credit: tuple[str, str] | None = None  # (text, link) naming where the story came from


@dataclass(frozen=True)
class Theme:
    """A site's look.

    title: <title> pattern with {headline}, {section}, {domain}, {name}.
    skeleton: everything inside <body>, with {main}, {nav}, {cookie}, {footer}, {name}, {domain}, {side}.
    article: the article block, with {h1}, {byline}, {time}, {body}, {credit}, {share}.
    body: the text container, with {paragraphs}; `paragraph` formats one paragraph.
    meta: which machine-readable hints the head carries: "og", "jsonld", "published".
    insert: HTML placed after the third paragraph, with {url} and {headline} of a related article.
    byline: pattern with {authors}; a text without {authors} is a fixed staff credit; "" for none.
    """

    title: str
    skeleton: str
    article: str
    body: str
    paragraph: str = "<p>{}</p>"
    meta: frozenset[str] = frozenset()
    time_format: str = "%d %B %Y, %H:%M UTC"
    byline: str = '<p class="byline">By {authors}</p>'
    cookie: str = ("We use cookies to understand how you use our site and to improve your experience. "
                   "By continuing you accept our use of cookies.")
    nav: tuple[str, ...] = ("World", "Business", "Economy", "Markets", "Politics", "Science", "Weather")
    footer: str = "All rights reserved."
    newsletter: str = ""
    insert: str = ""
    share: bool = True
    related_heading: str = "Related posts"
    related_class: str = "related"


def _text(text: str) -> str:
    """Escape for a text node: quotes stay as they are, as in real pages."""
    return escape(text, quote=False)


def _join_authors(authors: Sequence[str]) -> str:
    names = [_text(a) for a in authors]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _head(theme: Theme, site: Site, title: str, page: Page | None) -> str:
    lines = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">', f"<title>{_text(title)}</title>"]
    feed_type = "application/atom+xml" if site.feed_format == "atom" else "application/rss+xml"
    lines.append(f'<link rel="alternate" type="{feed_type}" title="{escape(site.name)}" href="{site.feed_url}">')
    lines.append(f'<link rel="stylesheet" href="/assets/{site.domain.split(".")[0]}.css">')
    if page is not None:
        lines.append(f'<meta name="description" content="{escape(page.description[:200])}">')
        if page.canonical:
            lines.append(f'<link rel="canonical" href="{escape(page.canonical)}">')
        if "og" in theme.meta:
            lines += [f'<meta property="og:title" content="{escape(page.headline)}">',
                      f'<meta property="og:site_name" content="{escape(site.name)}">',
                      f'<meta property="og:url" content="{escape(page.url)}">',
                      '<meta property="og:type" content="article">']
        if "published" in theme.meta:
            lines.append(f'<meta property="article:published_time" content="{page.published.isoformat()}">')
        if "jsonld" in theme.meta:
            lines.append(f'<script type="application/ld+json">{_json_ld(page)}</script>')
    lines.append("</head>")
    return "\n".join(lines)


def _json_ld(page: Page) -> str:
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": page.headline,
        "datePublished": page.published.isoformat(), "dateModified": page.published.isoformat(),
        "author": [{"@type": "Person", "name": a} for a in page.authors],
        "publisher": {"@type": "Organization", "name": page.site.name},
        "mainEntityOfPage": page.url, "articleSection": page.section,
    }
    return json.dumps(data).replace("</", "<\\/")


def _chrome(theme: Theme, site: Site) -> dict[str, str]:
    nav = "".join(f'<li><a href="/section/{s.lower()}">{s}</a></li>' for s in theme.nav)
    return {
        "name": _text(site.name), "domain": site.domain, "nav": f"<ul>{nav}</ul>",
        "cookie": f'<p>{_text(theme.cookie)}</p><button type="button">Accept</button>'
                  '<button type="button">Manage settings</button>',
        "footer": f'<p>&copy; {_text(site.name)}. {_text(theme.footer)}</p><ul><li><a href="/about">About us</a>'
                  '</li><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms of use</a></li></ul>',
    }


def _side(theme: Theme, page: Page) -> str:
    items = "".join(f'<li><a href="{escape(url)}">{_text(h)}</a></li>' for url, h in page.related)
    related = (f'<section class="{theme.related_class}"><h2>{theme.related_heading}</h2><ul>{items}</ul></section>'
               if items else "")
    newsletter = (f'<aside class="newsletter"><h3>{_text(theme.newsletter)}</h3><form action="/subscribe" '
                  'method="post"><input type="email" name="email" placeholder="Your email">'
                  '<button type="submit">Sign up</button></form></aside>' if theme.newsletter else "")
    return related + newsletter


def _body(theme: Theme, page: Page) -> str:
    paragraphs = [theme.paragraph.format(_text(p)) for p in page.paragraphs]
    if theme.insert and len(paragraphs) > 3 and page.related:
        url, related_headline = page.related[0]
        paragraphs.insert(3, theme.insert.format(url=escape(url), headline=_text(related_headline)))
    if page.read_more:
        outlet, url = page.read_more
        paragraphs.append(f'<p class="read-more">Read the full story at <a href="{escape(url)}">{_text(outlet)}</a>'
                          '</p>')
    return theme.body.format(paragraphs="\n".join(paragraphs))


def render_article(theme: Theme, page: Page) -> str:
    site = page.site
    title = theme.title.format(headline=page.headline, section=page.section, domain=site.domain, name=site.name)
    byline = theme.byline.format(authors=_join_authors(page.authors)) if theme.byline and page.authors else ""
    when = page.published
    credit = (f'<p class="source-credit"><a href="{escape(page.credit[1])}">{_text(page.credit[0])}</a></p>'
              if page.credit else "")
    share = ('<div class="share-bar"><span>Share this article</span><button data-share="email">Email</button>'
             '<button data-share="copy">Copy link</button><button data-share="print">Print</button></div>'
             if theme.share else "")
    article = theme.article.format(
        h1=f"<h1>{_text(page.headline)}</h1>", byline=byline, credit=credit, share=share, body=_body(theme, page),
        time=f'<time datetime="{when.isoformat()}">{when.strftime(theme.time_format)}</time>',
        section=_text(page.section))
    body = theme.skeleton.format(main=article, side=_side(theme, page), **_chrome(theme, site))
    return f"{_head(theme, site, title, page)}\n{body}\n</html>\n"


def render_listing(theme: Theme, site: Site, heading: str, items: Sequence[tuple[str, str, datetime]],
                   next_url: str | None = None) -> str:
    """A home, section or error page in the site's chrome, listing (url, headline, published) items, with a
    link to the next page of older items if there is one."""
    rows = "".join(f'<li><a href="{escape(url)}">{_text(h)}</a> <time datetime="{t.isoformat()}">'
                   f'{t.strftime(theme.time_format)}</time></li>' for url, h, t in items)
    more = f'<a class="next-page" rel="next" href="{escape(next_url)}">Older stories</a>' if next_url else ""
    main = f'<section class="listing"><h1>{_text(heading)}</h1><ul>{rows}</ul>{more}</section>'
    body = theme.skeleton.format(main=main, side="", **_chrome(theme, site))
    return f"{_head(theme, site, f'{heading} | {site.name}', None)}\n{body}\n</html>\n"


THEMES: dict[str, Theme] = {
    "harbor-herald.test": Theme(
        title="{headline} | {section} | {domain}",
        meta=frozenset({"og", "published"}),
        skeleton=(
            '<body class="hh">\n<div id="cookie-banner" class="cookie-banner" role="dialog">{cookie}</div>\n'
            '<header class="site-header"><a class="logo" href="/">{name}</a><nav class="main-nav">{nav}</nav>'
            '</header>\n<main id="content">{main}</main>\n<aside class="sidebar">{side}</aside>\n'
            '<footer class="site-footer">{footer}</footer>\n</body>'),
        article=('<article class="story">\n<header><span class="kicker">{section}</span>{h1}{byline}{time}</header>\n'
                 '{share}\n{body}\n{credit}\n</article>'),
        body='<div class="article-body">\n{paragraphs}\n</div>',
        newsletter="Get the Harbor Herald morning briefing",
    ),
    "northgate-courier.test": Theme(
        title="{headline} - {name}",
        meta=frozenset({"jsonld"}),
        time_format="%B %d, %Y %H:%M",
        byline='<div class="author-line">By <span class="author">{authors}</span></div>',
        cookie="This website uses cookies. Some are essential, others help us show you relevant content.",
        skeleton=(
            '<body>\n<div class="topbar"><a href="/">{name}</a> <a href="/subscribe">Subscribe</a></div>\n'
            '<nav id="sections">{nav}</nav>\n<div class="layout"><div class="col-main">{main}</div>\n'
            '<div class="col-side">{side}</div></div>\n<div class="consent" id="consent-popup">{cookie}</div>\n'
            '<footer id="footer">{footer} <p>Northgate Courier is published by Northgate Media Group.</p></footer>\n'
            '</body>'),
        article=('<div class="story-wrap">{h1}\n<div class="meta">{byline} {time}</div>\n'
                 '<section class="story__content" itemprop="articleBody">{body}</section>\n{credit}{share}</div>'),
        body="{paragraphs}",
        related_heading="Related posts",
        related_class="more-stories",
    ),
    "daily-meridian.test": Theme(
        title="{name}: {headline}",
        meta=frozenset({"og", "jsonld", "published"}),
        time_format="%a %d %b %Y %H.%M UTC",
        byline='<address class="byline">{authors}</address>',
        cookie="Cookies help us deliver The Daily Meridian. By using our services, you agree to our use of cookies.",
        skeleton=(
            '<body class="dm-article">\n<header><div class="masthead"><a href="/">{name}</a></div>'
            '<nav role="navigation">{nav}</nav></header>\n<div class="cookie-notice">{cookie}</div>\n'
            '<div id="page">{main}<div class="rail">{side}</div></div>\n<footer>{footer}</footer>\n</body>'),
        article=('<article>\n<div class="headline-block">{h1}<p class="standfirst-section">{section}</p></div>\n'
                 '<div class="byline-block">{byline}{time}</div>\n{body}\n{credit}{share}\n</article>'),
        body='<div id="story-text" class="entry-content">\n{paragraphs}\n</div>',
        newsletter="The Meridian Midday newsletter",
    ),
    "valley-ledger.test": Theme(
        title="{headline} — {name}",
        meta=frozenset({"published"}),
        time_format="%d/%m/%Y %H:%M",
        paragraph='<p class="para">{}</p>',
        byline='<span class="by">by {authors}</span>',
        cookie="Valley Ledger and its partners use cookies for analytics and advertising.",
        skeleton=(
            '<body>\n<div class="wrapper">\n<div class="banner"><h2 class="brand"><a href="/">{name}</a></h2>'
            '<div class="menu">{nav}</div></div>\n{main}\n{side}\n<div class="bottom">{footer}</div>\n</div>\n'
            '<div class="gdpr-overlay">{cookie}</div>\n</body>'),
        article=('<div class="ledger-article">{h1}<div class="dateline-row">{byline} · {time}</div>\n{body}\n'
                 '{share}{credit}</div>'),
        body='<div class="ledger-article__body">\n{paragraphs}\n</div>',
        share=False,
        newsletter="Ledger Weekly: the stories that matter, every Friday",
    ),
    "coastline-times.test": Theme(
        title="{headline} | {name}",
        meta=frozenset({"og", "jsonld"}),
        time_format="%H:%M UTC, %d %B %Y",
        byline='<div class="c-byline">Written by {authors}</div>',
        insert='<div class="ad-slot" aria-hidden="true">Advertisement</div>',
        skeleton=(
            '<body class="c-page">\n<div class="c-cookie" data-consent="pending">{cookie}</div>\n'
            '<header class="c-header"><a class="c-logo" href="/">{name}</a>{nav}</header>\n'
            '<main class="c-main">{main}</main>\n<div class="c-aside">{side}</div>\n'
            '<footer class="c-footer">{footer}</footer>\n</body>'),
        article=('<article class="c-article">\n<p class="c-section">{section}</p>{h1}\n{byline}{time}\n{body}\n{share}'
                 '{credit}\n</article>'),
        body='<div class="c-article-content">\n{paragraphs}\n</div>',
    ),
    "evening-compass.test": Theme(
        title="{headline} · {section} · {name}",
        meta=frozenset({"published", "og"}),
        time_format="%d %b %Y",
        byline='<p class="post-author">Posted by {authors}</p>',
        insert='<p class="also-read"><strong>Also read:</strong> <a href="{url}">{headline}</a></p>',
        cookie="Our site uses cookies. Read our cookie policy to learn more.",
        skeleton=(
            '<body class="compass">\n<div id="wrap"><header id="top"><div class="logo"><a href="/">{name}</a></div>'
            '<nav class="primary">{nav}</nav></header>\n<div id="main">{main}</div>\n<div id="sidebar">{side}</div>\n'
            '<footer id="colophon">{footer}</footer></div>\n<div class="cookie-bar">{cookie}</div>\n</body>'),
        article=('<article class="post">\n<header class="post-header">{h1}{byline}{time}</header>\n{body}\n'
                 '<footer class="post-footer">{credit}{share}</footer>\n</article>'),
        body='<div class="post-content">\n{paragraphs}\n</div>',
        newsletter="Join the Compass: our evening email",
    ),
    "lantern-wire.test": Theme(
        title="{headline} | {name}",
        meta=frozenset({"jsonld", "published"}),
        time_format="%Y-%m-%d %H:%M UTC",
        byline='<p class="wire-byline">By {authors}, Lantern Wire</p>',
        cookie="Lantern Wire uses essential cookies only.",
        nav=("Top news", "World", "Business", "Markets", "Science"),
        skeleton=(
            '<body>\n<header class="wire-head"><a href="/">{name}</a> <span>News for newsrooms</span>{nav}</header>\n'
            '<div class="cookies">{cookie}</div>\n{main}\n<div class="wire-side">{side}</div>\n'
            '<footer>{footer} Lantern Wire material may be republished by subscribing outlets.</footer>\n</body>'),
        article='<div class="wire-item">{h1}{byline}{time}\n{body}\n{credit}</div>',
        body='<div class="wire-story">\n{paragraphs}\n</div>',
        share=False,
        related_heading="More from the wire",
    ),
    "newsmirror-hub.test": Theme(
        title="{headline} | {name}",
        meta=frozenset({"og"}),
        time_format="%Y/%m/%d",
        byline='<div class="by">Author: {authors}</div>',
        cookie="We and our 214 partners use cookies to store and access information on your device.",
        nav=("Home", "Trending", "World", "Money", "Tech"),
        skeleton=(
            '<body class="mirror">\n<div class="cmp-overlay">{cookie}</div>\n<div class="hdr"><a href="/">{name}</a>'
            '{nav}</div>\n<div class="container"><div class="left">{main}</div><div class="right">{side}'
            '<div class="ad">Sponsored</div></div></div>\n<div class="ftr">{footer}</div>\n</body>'),
        article='<div class="entry">{h1}{time}{byline}\n{body}\n{credit}{share}</div>',
        body='<div class="content">\n{paragraphs}\n</div>',
        related_heading="You may also like",
        newsletter="Never miss a trending story",
    ),
    "repost-daily.test": Theme(
        title="{headline} – {name}",
        meta=frozenset({"published"}),
        time_format="%d.%m.%Y",
        byline='<span class="staff">By Repost Daily Staff</span>',
        cookie="This site uses cookies to personalise ads.",
        nav=("Latest", "Popular", "News", "Business"),
        skeleton=(
            '<body>\n<table class="frame" width="100%"><tr><td class="head" colspan="2"><a href="/">{name}</a>{nav}'
            '</td></tr>\n<tr><td class="text-col">{main}</td><td class="side-col">{side}</td></tr>\n'
            '<tr><td class="foot" colspan="2">{footer}</td></tr></table>\n<div id="cookie-law">{cookie}</div>\n'
            '</body>'),
        article='<div class="post-single">{h1}<div class="info">{byline} {time}</div>\n{body}\n{credit}{share}</div>',
        body='<div class="post-body">\n{paragraphs}\n</div>',
        related_heading="Related posts",
    ),
    "headline-digest.test": Theme(
        title="{name} » {headline}",
        byline="",
        time_format="%B %d, %Y",
        cookie="By using this site you agree to cookies.",
        nav=("Home", "Digest", "Archive"),
        skeleton=(
            '<body>\n<div id="hd-top"><a href="/">{name}</a><div class="nav">{nav}</div></div>\n'
            '<div id="hd-main">{main}</div>\n<div id="hd-side">{side}</div>\n'
            '<div id="hd-cookie">{cookie}</div>\n<div id="hd-foot">{footer}</div>\n</body>'),
        article='<div class="digest-item">{h1}<div class="date">{time}</div>\n{body}\n{credit}</div>',
        body='<table class="article"><tr><td class="text">\n{paragraphs}\n</td></tr></table>',
        share=False,
        related_heading="More digest stories",
    ),
    "broken.test": Theme(
        title="{headline} | {name}",
        meta=frozenset({"published"}),
        skeleton=('<body>\n<header><a href="/">{name}</a>{nav}</header>\n<div class="cookie">{cookie}</div>\n'
                  '{main}\n{side}\n<footer>{footer}</footer>\n</body>'),
        article='<article>{h1}{byline}{time}\n{body}</article>',
        body='<div class="text">\n{paragraphs}\n</div>',
        share=False,
    ),
}
