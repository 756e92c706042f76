"""Lines of extracted text that are chrome, not story, judged by their own shape and words.

What trafilatura keeps after the tree was cleaned (`newsfold.boilerplate`): the headline again, a
byline, "Read the full story at ...", a photo credit, a consent notice or a blocked-embed placeholder,
a newsletter prompt, a "Related"/"Read more" lead and its list, a share bar, a dateline, the site's
notices (reading time, contributor credits, ad labels, time stamps, video teasers). Each rule is a
short-line shape with words in the languages of the news the project reads; long lines are prose and
stay whatever they start with. No publisher is named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsfold.boilerplate import text_key, word_count

#: A byline on a line of its own: "By A and B", "Author: A", "Posted by A", "Written by A".
BYLINE = re.compile(r"^(?:(?:posted|written|reported)\s+)?(?:by|author:|authors:)\s+\S", re.IGNORECASE)
#: Lines that point away from the article or belong to the site, not the story.
TRAILER = re.compile(
    r"^(?:read (?:the )?(?:full|whole|original) (?:story|article)|continue reading|read more at|"
    r"this (?:story|article) (?:was )?(?:originally|first) (?:published|appeared)|originally published (?:at|on|by)|"
    r"first published (?:in|on|at|by)|this (?:story|article) (?:is|was) (?:a translation|translated)|"
    r"diese[rs]? (?:artikel|beitrag|text) (?:ist|erschien) (?:zuerst|ursprünglich|eine übersetzung)|erschien zuerst|"
    r"©|\(c\)|copyright\b|all rights reserved)",
    re.IGNORECASE,
)
#: A byline or trailer longer than this is prose that happens to start the same way.
SHORT_LINE = 16


#: A photo credit standing alone: "Photo: AFP", "STR/AFP via Getty Images", "Foto: NTB".
CREDIT = re.compile(
    r"^(?:fotos?|photos?|bild(?:er)?|image|picture|credit|quelle|kilde|fuente|crédit|crédito|kuva|zdjęcie)\s*:"
    r"|getty ?images|shutterstock|\bimago\b|picture[- ]alliance|istock|\bafp\b|\breuters\b|\bdpa\b"
    r"|\bepa\b|\balamy\b|\bap photo\b|\bntb\b|\banp\b|\bkeystone\b",
    re.IGNORECASE,
)
CREDIT_WORDS = 8
#: Consent notices and placeholders for blocked embeds name what they are about and what to do.
CONSENT_TOPIC = re.compile(
    r"cookie|consent|privacy settings|privatsphäre|datenschutz|einwilligung|external content|"
    r"externe[rn]? inhalt|embedded content|informasjonskapsler|samtykke|confidentialité|privacidad",
    re.IGNORECASE,
)
CONSENT_ACTION = re.compile(
    r"accept|agree|allow|enable|activat|aktivier|akzeptier|zustimm|erlaub|klick|click|load|lade|"
    r"verfügbar|available|continu|settings|einstellungen|godta|accepter|aceptar|accett|einverstanden",
    re.IGNORECASE,
)
CONSENT_WORDS = 45
#: Newsletter and subscription prompts.
PROMPT = re.compile(
    r"newsletter|subscribe|subscription|abonnier|\babo\b|sign up|signup|inscri|suscr|iscriviti|registrier|"
    r"join our|follow us|folgen sie uns|download (?:our|the) app|app herunterladen|kostenlos testen|free trial|"
    r"(?:android|ios) (?:und|and|et|y|og|och) (?:android|ios)|"
    r"subscriber|abonnent|suscriptor|abonné|有料会員|会員限定",
    re.IGNORECASE,
)
PROMPT_WORDS = 25
#: A newsletter's own pitch runs longer than other prompts ("... informs you every weekday ... sign up").
NEWSLETTER = re.compile(r"newsletter\b.*\b(?:sign up|anmeld|abonnier|subscribe|register|inscri|iscriv|suscr)|"
                        r"in (?:your|ihr(?:em)?) (?:inbox|postfach)", re.IGNORECASE)
NEWSLETTER_WORDS = 45
#: Reading-time labels: "Lesedauer: 4 Minuten", "5 min read".
READING_TIME = re.compile(r"^(?:lesedauer|lesezeit|reading time|temps de lecture|tiempo de lectura|lästid|lesetid)\b|"
                          r"^\d+\s*(?:min(?:ute)?s?\.?)\s*(?:read|lesen|lecture|lectura)$", re.IGNORECASE)
READING_WORDS = 6
#: Contributor credits printed under a story: "Reporting by A; Editing by B", "Mit Material von dpa".
CONTRIBUTORS = re.compile(
    r"^(?:(?:additional )?reporting by|writing by|editing by|with reporting (?:by|from)|with reports from|"
    r"mit material (?:von|der)|mit agenturmaterial|redaktion:|übersetzung:|faktencheck:|mitarbeit:)",
    re.IGNORECASE)
CONTRIBUTOR_WORDS = 30
#: A credit followed by another sentence is the story's own note ("... staff in X. X will update this report").
SECOND_SENTENCE = re.compile(r"[.!?]\s+\S")
#: An advertisement's label standing alone: "Anzeige", "Passer la publicité".
AD_LABEL = re.compile(r"^(?:advertisement|anzeige|werbung|(?:passer la )?publicité|publicidad|pubblicità|annons|"
                      r"annonse|reklame|sponsored|gesponsert)$", re.IGNORECASE)
#: A line that only says when the page was published or updated: "Uppdaterad 15.59 | Publicerad 14.14".
STAMP = re.compile(r"^(?:updated|published|posted|aktualisiert|veröffentlicht|uppdaterad|publicerad|oppdatert|"
                   r"publisert|opdateret|publiceret|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\b",
                   re.IGNORECASE)
STAMP_WORDS = 10
#: A video or audio teaser ends with its running time: "... 21.04.2024 | 3:18 min".
DURATION = re.compile(r"(?:^|\s)\d{1,2}:\d{2}(?::\d{2})?\s*min\.?$", re.IGNORECASE)
#: The lead of a list of other articles: "Read more:", "Related posts", "Lesen Sie auch", "Les også".
RELATED = re.compile(
    r"^(?:read (?:more|also|next)|also read|related(?: posts| articles| stories| coverage)?|see also|"
    r"more (?:on|about) this|more from|you may also like|recommended|lesen sie (?:auch|mehr)|mehr zum thema|"
    r"auch interessant|weitere artikel|das könnte sie auch interessieren|les også|les mer|lire aussi|à lire aussi|"
    r"leer más|lee también|leggi anche|läs också|läs mer|læs også|czytaj (?:też|także|więcej)|ähnliche|"
    r"most (?:read|popular)|popular|meistgelesen|top stories|more\s*:|"
    r"on this page|auf dieser seite|table of contents|inhaltsverzeichnis|"
    r"[■◆●▼▶►【\[]?(?:関連(?:記事|ニュース|キーワード)|おすすめ(?:情報|記事|ニュース)?))"
    r"(?:\b|[\s:：】\]]|$)",
    re.IGNORECASE,
)
RELATED_WORDS = 25
#: A byline in the page's language: "Von Nina Magoley", "Par Jean Dupont" (names only after the word).
LOCAL_BYLINE = re.compile(r"^(?i:von|par|por|di|av|af|door|przez|de)\s+(?:[A-ZÄÖÜÉÁÍÓÚÅØÆ][\w.'-]*\s*){1,4}$")
#: A line that only dates the page: "Stand: 22.04.2024, 06:00 Uhr", "Freitag, 28.04.2023, 19:25".
DATE_IN_LINE = re.compile(r"\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b")
DATELINE_WORDS = 8
DATELINE_LETTER_WORDS = 3
#: Comment-section prompts: "Join our commenting forum", "Kommentar schreiben", "Comments".
COMMENTS = re.compile(r"^(?:comments?|kommentare?|commentaires?|comentarios?|commenti|kommentarer)$|"
                      r"comment(?:ing|s)?\b.*\b(?:join|log ?in|sign in|post|confirm|write)|"
                      r"(?:join|log ?in|sign in|post|write|confirm)\b.*\bcomment|"
                      r"kommentar (?:schreiben|verfassen|abgeben)|comment on this (?:article|story)|comment policy|"
                      r"einloggen.*kommentar",
                      re.IGNORECASE)
COMMENT_WORDS = 15
#: An invitation to follow the site on a network: "Follow X on Twitter", "Folgst du schon X auf WhatsApp?"
#: (whole words: a story's "followed by" or "folgte" next to a network's name is prose).
FOLLOW = re.compile(r"\b(?:follow|folge|folgen sie|folgst|abonnier\w*|join|add us|get in touch|sent straight)\b",
                    re.IGNORECASE)
FOLLOW_WORDS = 40
#: A share bar: "Share", "Teilen", or two or more networks named on one short line.
SHARE = re.compile(r"^(?:share|teilen|partager|compartir|condividi|del|dela|udostępnij)\b", re.IGNORECASE)
NETWORKS = re.compile(r"facebook|twitter|\bx\b|whatsapp|linkedin|telegram|pinterest|e-?mail|reddit|bluesky",
                      re.IGNORECASE)
SHARE_WORDS = 8
#: A short line printed more than once in one body is a placeholder ("External content not available").
REPEAT_WORDS = 12
LIST_ITEM = re.compile(r"^[-•*·]\s")
#: A stated headline shorter than this may be a section name that a subheading repeats.
ECHO_WORDS = 3


def is_chrome_line(line: str) -> bool:
    """Whether one line of extracted text is page chrome by its own shape and words."""
    words = len(line.split())
    return (
        (words <= SHORT_LINE and bool(BYLINE.match(line) or TRAILER.match(line)))
        or (words <= CREDIT_WORDS and bool(CREDIT.search(line)) and not line.endswith((".", "?", "!", '"')))
        or (words <= CONSENT_WORDS and bool(CONSENT_TOPIC.search(line)) and bool(CONSENT_ACTION.search(line)))
        or (words <= PROMPT_WORDS and bool(PROMPT.search(line)))
        or (words <= RELATED_WORDS and bool(RELATED.match(line)))
        or (words <= SHARE_WORDS and (bool(SHARE.match(line)) or len(NETWORKS.findall(line)) >= 2))
        or (words <= FOLLOW_WORDS and bool(FOLLOW.search(line)) and bool(NETWORKS.search(line)))
        or bool(LOCAL_BYLINE.match(line))
        or (words <= DATELINE_WORDS and bool(DATE_IN_LINE.search(line))
            and sum(w.isalpha() for w in line.split()) <= DATELINE_LETTER_WORDS)
        or (words <= COMMENT_WORDS and bool(COMMENTS.search(line)))
        or _is_notice(line, words)
    )


def _is_notice(line: str, words: int) -> bool:
    """The site's notices about the page rather than the story: newsletter pitches, reading times,
    contributor credits, ad labels, time stamps, media teasers."""
    return (
        (words <= NEWSLETTER_WORDS and bool(NEWSLETTER.search(line)))
        or (words <= READING_WORDS and bool(READING_TIME.search(line)))
        or (words <= CONTRIBUTOR_WORDS and bool(CONTRIBUTORS.match(line)) and not SECOND_SENTENCE.search(line))
        or bool(AD_LABEL.match(line))
        or (words <= STAMP_WORDS and bool(STAMP.match(line)) and any(ch.isdigit() for ch in line))
        or bool(DURATION.search(line))
    )


def _is_title_echo(line: str, title: str) -> bool:
    """The headline again, alone or with a short label after a separator ("Headline | wdr aktuell")."""
    if text_key(line) == text_key(title):
        return True
    rest = line[len(title):] if line.startswith(title) else ""
    return bool(re.match(r"^\s*[|\-–—:]\s*\S", rest)) and len(rest.split()) <= 4


def trim_lines(text: str, title: str, headlines: Iterable[str] = ()) -> str:
    """Drop copies of the headline and the lines that are chrome, not story.

    `headlines` are the page's other statements of its headline (<h1>, og:title...): a page may print
    one while declaring another, and neither is body text.

    A "Related"/"Read more" heading takes the list of links under it along; a short line printed
    twice or more is a placeholder and goes in every place.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    echoes = {text_key(h) for h in headlines if word_count(h) >= ECHO_WORDS}
    lines = [line for line in lines if not (title and _is_title_echo(line, title)) and text_key(line) not in echoes]
    counts: dict[str, int] = {}
    for line in lines:
        counts[text_key(line)] = counts.get(text_key(line), 0) + 1
    kept: list[str] = []
    in_list = False
    for line in lines:
        if in_list and LIST_ITEM.match(line):
            continue
        in_list = False
        if len(line.split()) <= REPEAT_WORDS and counts[text_key(line)] > 1:
            continue
        if is_chrome_line(line):
            in_list = bool(RELATED.match(line)) and len(line.split()) <= 4
            continue
        kept.append(line)
    return "\n".join(kept)


def trim_notes(text: str, notes: set[str]) -> str:
    """`text` without the notes closing it (`notes`: text keys of its italic paragraphs, see
    `newsfold.boilerplate.italic_paragraphs`); italics inside the story are followed by roman text,
    and a text all in italics is left whole."""
    lines = text.splitlines()
    end = len(lines)
    while end and text_key(lines[end - 1]) in notes:
        end -= 1
    return "\n".join(lines[:end]) if end else text
