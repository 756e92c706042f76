"""Page chrome removed from the tree before trafilatura runs.

On a long page trafilatura's own pruning finds the article; on a short one (a teaser, a truncated
copy on a mirror) it falls back to looser extractors that take in the byline, the share bar and the
cookie notice, and on any page it reads link lists, embedded posts and the next story of an
endless-scroll page as text. Those blocks are what make one article's copies look different to
dedup, so they go first, by generic signals that hold on real sites: the class and id names of chrome
blocks (and of fact boxes), link density, figure captions, linked headlines of other stories, italic
notes closing a body, and the page's structure (a body split into parts of one class is shown to
trafilatura whole). The lines trafilatura still keeps are judged by their shape in
`newsfold.chromelines`. No publisher is named: a rule that only fits one site would be a defect.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml.html import HtmlElement

#: Class or id words that name a chrome block. Matched as whole words of the attribute (split on
#: spaces, dashes and underscores), so "cookie-banner" and "hd-cookie" match but "shares" does not.
CHROME_WORDS = frozenset(
    "by byline byline-block author authors cookie cookies consent gdpr cmp share sharing social "
    "newsletter subscribe related readmore read-more source-credit credit credits promo sponsored "
    "advert advertisement ad ads also-read poll survey umfrage cta video player modal popup".split()
)
#: Classes of the embed codes social networks hand out: a quoted post is not the article's text.
EMBED_CLASSES = frozenset({"twitter-tweet", "instagram-media", "tiktok-embed", "fb-post", "bluesky-embed"})
#: Boxes set beside the story (fact boxes, info boxes): supplements, whatever their size.
BOX_WORDS = frozenset({"infobox", "info-box", "factbox", "fact-box", "faktaboks", "faktabox", "faktenbox"})
#: Text for screen readers only ("opens in a new window", "Advertisement"): the page does not show it.
HIDDEN_WORDS = frozenset({"sr-only", "sronly", "visually-hidden", "visuallyhidden", "screen-reader-text",
                          "screen-reader-only", "screenreader", "sr-text", "a11y-hidden", "offscreen"})
ALWAYS_CHROME = EMBED_CLASSES | BOX_WORDS | HIDDEN_WORDS
SPLIT = re.compile(r"[-_]+")
#: Where a camel-cased class name starts a word: "ArticleByline" -> "Article", "Byline".
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")

#: Chrome blocks are small; a bigger element whose class names a chrome word is a wrapper (WordPress
#: tags its article "tag-social-media", layouts wrap the page in "gate-ad"), and is kept.
CHROME_CHARS = 300
#: A list of at least this many items with at least this share of its text in links is a link list.
LINK_LIST_ITEMS = 2
LINK_DENSITY = 0.7


#: Chinese and Japanese leave no spaces between words; a word there averages about two characters.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def text_key(text: str) -> str:
    """A text's identity when comparing a line with a title or a site name: case and non-word folded away."""
    return re.sub(r"\W+", "", text.casefold())


def trigrams(text: str) -> set[tuple[str, ...]]:
    """A text's word trigrams, case folded: what two printings of one passage share despite markup."""
    words = re.findall(r"\w+", text.casefold())
    return set(zip(words, words[1:], words[2:], strict=False))


def word_count(text: str) -> int:
    """Words in `text`, counting unspaced Chinese and Japanese characters as one word per two."""
    unspaced = len(UNSPACED.findall(text))
    return len(UNSPACED.sub(" ", text).split()) + unspaced // 2


def class_words(element: HtmlElement) -> frozenset[str]:
    """The words of an element's class and id, whole and split on dashes, underscores and camel case."""
    return _name_words(element.get("class") or "") | _name_words(element.get("id") or "")


@lru_cache(maxsize=8192)
def _name_words(value: str) -> frozenset[str]:
    """Cached: pages repeat a few class names on thousands of elements."""
    words: set[str] = set()
    for name in value.split():
        words.add(name.lower())
        for part in SPLIT.split(name):
            words.add(part.lower())
            if not part.islower():
                words.update(w.lower() for w in CAMEL.split(part))
    words.discard("")
    return frozenset(words)


def strip_chrome(tree: HtmlElement) -> HtmlElement:
    """Remove small blocks whose class or id names chrome (bylines, share bars, cookie notices, credits),
    figure captions, later stories and link lists; let trafilatura see a body split in parts whole."""
    for element in tree.xpath("//body//*[@class or @id]"):
        if element.getparent() is None or element.tag in ("body", "html"):
            continue
        words = class_words(element)
        if (words & CHROME_WORDS and len(element.text_content()) <= CHROME_CHARS) or words & ALWAYS_CHROME:
            element.drop_tree()
    for caption in tree.xpath("//body//figcaption"):  # describes a picture trafilatura leaves out
        caption.drop_tree()
    for later in _later_articles(tree):
        later.drop_tree()
    _unclass_split_bodies(tree)
    for note in _closing_notes(tree):
        note.drop_tree()
    for ruby in tree.xpath("//body//ruby"):
        _flatten(ruby)
    for element in tree.xpath("//body//ul | //body//ol"):
        if element.getparent() is not None and is_link_list(element):
            element.drop_tree()
    for teaser in tree.xpath("//body//a[.//h2 or .//h3 or .//h4]"):  # a linked headline: another story
        if teaser.getparent() is not None:
            teaser.drop_tree()
    return tree


#: A body part holds at least this many paragraphs of at least this many words.
PART_PARAGRAPHS = 2
PART_WORDS = 12


def _unclass_split_bodies(tree: HtmlElement) -> None:
    """Drop the class of body parts that share one (a page that splits its body around ads and
    sidebars): trafilatura takes the first element its body expressions match for the whole article,
    and without the shared class it takes their common container instead."""
    groups: dict[str, list[HtmlElement]] = {}
    for element in tree.xpath("//body//*[@class][p]"):
        prose = [p for p in element.iterchildren("p") if len(p.text_content().split()) >= PART_WORDS]
        if len(prose) >= PART_PARAGRAPHS:
            groups.setdefault(element.get("class"), []).append(element)
    for parts in groups.values():
        if len(parts) > 1:
            for part in parts:
                del part.attrib["class"]


#: A paragraph with at least this share of its text in <em>/<i> is set in italics.
ITALIC_SHARE = 0.9
OUTER_ITALICS = ".//em[not(ancestor::em or ancestor::i)] | .//i[not(ancestor::em or ancestor::i)]"
QUOTES = "\"'„“”«»‘’‚‹›「『"


def _closing_notes(tree: HtmlElement) -> list[HtmlElement]:
    """Italic paragraphs closing a body container: the author's bio, an editor's note, a disclaimer
    after the story's last roman paragraph. (Notes that stand in containers of their own are cut from
    the end of the extracted text: `italic_paragraphs`.)"""
    notes: list[HtmlElement] = []
    for body in tree.xpath("//body//*[count(p) >= 3]"):
        paragraphs = [p for p in body.iterchildren("p") if p.text_content().strip()]
        tail: list[HtmlElement] = []
        while paragraphs and _italic(paragraphs[-1]):
            tail.append(paragraphs.pop())
        if len(paragraphs) >= PART_PARAGRAPHS:
            notes.extend(tail)
    return notes


def italic_paragraphs(tree: HtmlElement) -> set[str]:
    """The text keys of the paragraphs set in italics: an extracted text closed by them (a bio, an
    editor's note, a pointer to the live blog) ends with notes, not story (`chromelines.trim_notes`)."""
    return {text_key(p.text_content()) for p in tree.xpath("//body//p[.//em or .//i]") if _italic(p)}


def _italic(paragraph: HtmlElement) -> bool:
    """Set in italics and not a quotation (a quote closing the story is the story's)."""
    text = paragraph.text_content().strip()
    if text[:1] in QUOTES or text[-1:] in QUOTES:
        return False
    italic = sum(len("".join(e.text_content().split())) for e in paragraph.xpath(OUTER_ITALICS))
    return bool(text) and italic >= ITALIC_SHARE * len("".join(text.split()))


def _flatten(element: HtmlElement) -> None:
    """Replace an inline element by its text: trafilatura breaks a paragraph at a <ruby> reading aid
    (Japanese furigana) and leaves the word on a line of its own."""
    text = element.text_content()
    for child in list(element):
        element.remove(child)
    element.text = text
    element.drop_tag()


def _later_articles(tree: HtmlElement) -> list[HtmlElement]:
    """Top-level <article>s with their own <h1> after the first: the next stories an endless-scroll
    page has appended, which trafilatura would read as one long article."""
    headed = [a for a in tree.xpath("//body//article[.//h1]") if not a.xpath("ancestor::article")]
    return headed[1:]


def is_link_list(element: HtmlElement) -> bool:
    """A list whose items are links, nearly all their text: teasers of other articles, not the story's
    own points (the classic link-density signal of boilerplate detection)."""
    items = element.xpath("./li")
    text = sum(len(" ".join(li.text_content().split())) for li in items)
    linked = sum(len(" ".join(a.text_content().split())) for li in items for a in li.xpath(".//a"))
    return len(items) >= LINK_LIST_ITEMS and text > 0 and linked / text >= LINK_DENSITY
