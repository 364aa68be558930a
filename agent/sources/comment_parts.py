"""Who wrote a comment, when, and what it says: read from the comment's own elements.

A comment's own elements are its territory minus every other comment nested in
it. The body is the most specific body-like element (a `*-content`/`*-text`
class, `itemprop=text`, then `*-body`/`content`), minus metadata and buttons;
the author comes from microformat/vcard/name classes, `cite`, author classes,
and last from "by X" / "von X" / "door X" / "par X" / "X says:" in the metadata
text; the date as comment_dates reads it. Class names are hints here, never
requirements: the fallbacks read the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urljoin

from lxml import etree

from agent.sources.comment_dates import machine_date, text_date
from agent.sources.comment_nodes import DATEISH, Node, classes, tokens

BODY_FIELD = re.compile(r"^field-+name-+comment-+body$")
BODY_FIRST = re.compile(
    r"^(?:[a-z_-]*comment|forum|reactie|kommentar)[-_]?(?:content|text|texte|message|entry|inhalt|tekst)$"
    r"|^e-content$"
)
BODY_NEXT = re.compile(
    r"^(?:[a-z_-]*comment[-_]?body|commentbody)$"
    r"|(?:^|[-_])(?:content|text|message|body|inhoud|inhalt|contenu|tekst|texte)$"
)
META = re.compile(
    r"(?:^|[-_])(?:meta|metadata|commentmetadata|author|vcard|avatar|reply|edit|like|likes|vote|votes|"
    r"share|report|actions|action|toolbar|header|footer|says|permalink|date|time|rating|flag|links|"
    r"attribution|submitted|user-picture|chapo|titre|title|signature|"
    r"repondre|antworten|reageer|beantwoorden)(?:$|[-_])"
)
# Text only screen readers get ("In reply to ..."): whole class names, as "field-label-hidden"
# on a Drupal body field hides its label, not the body.
HIDDEN = frozenset(
    {"hidden", "visually-hidden", "element-hidden", "element-invisible", "sr-only"}
    | {"screen-reader-text", "rdf-meta"}
)
DROP_TAGS = frozenset(
    {
        "button",
        "form",
        "script",
        "style",
        "noscript",
        "svg",
        "img",
        "time",
        "footer",
        "header",
        "nav",
    }
)
AUTHOR_FIRST = re.compile(
    r"^(?:fn|p-name|username|nickname|[a-z-]*(?:author|auteur|autor|user|commenter)[-_]?name|"
    r"wpd-comment-author|forum-auteur)$"
)
AUTHOR_NEXT = re.compile(r"(?:^|[-_])(?:author|auteur|autor|user|commenter|poster|nick)(?:$|[-_])")
BY_NAME = re.compile(
    r"(?:^|\s)(?:posted by|written by|geschreven door|geplaatst door|geschrieben von|écrit par|"
    r"by|von|door|par)\s*:?\s+([^,|•·\n:]{1,60}?)(?:\s+(?:on|am|op|le|at|om|um)\s|\s*[,|•·:\n]|$)",
    re.I,
)
NAME_SAYS = re.compile(
    r"^\s*(.{1,60}?)\s+(?:says|said|wrote|writes|zegt|schreef|schrijft|sagt|schrieb|schreibt|"
    r"meint|dit|a dit|écrit|a écrit)(?=\s*[:…]|\.\.\.|\s*$|\s+(?:on|op|am|le)\s)",
    re.I,
)
SAYS_WORDS = re.compile(
    r"\s*(?:says|said|zegt|schreef|sagt|schrieb|meint|a dit|dit|écrit|a écrit)\s*[:.…]*\s*$", re.I
)
UNVERIFIED = re.compile(
    r"\s*\((?:not verified|nicht überprüft|niet geverifieerd|non vérifié)\)\s*$", re.I
)
PINGBACK = re.compile(r"(?:^|[-_])(?:pingback|trackback)(?:$|[-_])")
PINGBACK_TEXT = re.compile(r"^\s*(?:pingback|trackback)\b", re.I)
OWNER_REPLY = re.compile(
    r"(?:author|owner|admin|blog|eigenaar)[-_]?(?:reply|response|antwoord|antwort|reponse)"
    r"|(?:reply|antwoord|antwort)[-_]?(?:from-)?(?:author|owner|admin)"
)
BUTTON_WORDS = re.compile(
    r"(?:reply|reply to this comment|antworten|antwort|beantwoorden|reageer|reageren|répondre|"
    r"répondre à ce message|edit|bewerken|bearbeiten|modifier|report|melden|signaler|quote|"
    r"zitieren|citer|citeren|delete|verwijderen|löschen|supprimer|like|vind ik leuk|gefällt mir|"
    r"j'aime|permalink|link)\s*[»›→↵]?",
    re.I,
)
REPLY_LEAD = re.compile(
    r"^(?:reply|answer|antwoord|antwort|réponse|reactie|reaktion)\b[^:]{0,40}:$", re.I
)
SHOW_COMMENT = re.compile(r"showComment=(\d{13})")
PERMALINK = re.compile(r"#(?:comment-?|c|forum)\d+|/comment/\d+")
MACHINE_ATTRS = (
    "datetime",
    "content",
    "data-comment-timestamp",
    "data-timestamp",
    "data-time",
    "data-date",
)
DATE_PROPS = frozenset({"datecreated", "datepublished", "commenttime", "dc:date", "dc:created"})
SEPARATORS = re.compile(r"\s[|•·—–]\s|\n|\s(?:on|am|op|le)\s", re.I)
MAX_NAME = 80
HAS_DIGIT = re.compile(r"\d")


def own_elements(node: Node, foreign: set) -> Iterator:
    """The node's elements in document order, without the comments nested in it."""
    stack = list(reversed(node.territory))
    while stack:
        element = stack.pop()
        yield element
        children = [c for c in element if isinstance(c.tag, str) and c not in foreign]
        stack.extend(reversed(children))


BLOCKS = frozenset(
    {"p", "div", "li", "dt", "dd", "br", "footer", "header", "section", "article", "small"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "ul", "ol"}
)


def text_of(element, skip: Callable[[object], bool], lines: bool = False) -> str:
    """Readable text of an element, leaving out subtrees `skip` rejects.

    Blocks become spaces, or line breaks with `lines` (metadata keeps its lines apart
    so a byline does not run into the date below it).
    """
    parts: list[str] = []

    def walk(current) -> None:
        parts.append(current.text or "")
        for child in current:
            if isinstance(child.tag, str) and not skip(child):
                walk(child)
                parts.append("\n" if lines and child.tag in BLOCKS else " ")
            parts.append(child.tail or "")

    walk(element)
    text = "".join(parts)
    if lines:
        return "\n".join(" ".join(line.split()) for line in text.splitlines() if line.strip())
    return " ".join(text.split())


def loose_text(territory: list, skip: Callable[[object], bool], author: str) -> str:
    """A body without a body element: the comment's text pieces that are not its byline or date."""
    pieces: list[str] = []

    def keep(text: str | None) -> None:
        piece = " ".join((text or "").split())
        if author and piece.startswith(author):
            piece = piece[len(author) :].strip()
        if not piece or SAYS_WORDS.fullmatch(" " + piece) or BY_NAME.fullmatch(piece):
            return
        byline = NAME_SAYS.match(piece)
        if byline and len(piece) < 100:
            rest = piece[byline.end() :].strip(" :")
            if not rest or text_date(re.sub(r"^(?:on|op|am|le)\s+", "", rest)):
                return
        if len(piece) < 60 and text_date(piece):
            return
        pieces.append(piece)

    def walk(element) -> None:
        keep(element.text)
        for child in element:
            if isinstance(child.tag, str) and not skip(child):
                walk(child)
            keep(child.tail)

    for element in territory:
        if not skip(element):
            walk(element)
    return " ".join(pieces)


def body_element(own: list):
    """The most specific body-like element; a body-like wrapper gives way to one inside it."""
    found = None
    for pattern in (BODY_FIELD, BODY_FIRST, BODY_NEXT):
        found = next((e for e in own if _matches(e, pattern) and not is_meta(e)), None)
        if found is not None:
            break
    while found is not None:
        inner = next(
            (
                e
                for e in found.iterdescendants(etree.Element)
                if e in own
                and not is_meta(e)
                and any(_matches(e, p) for p in (BODY_FIELD, BODY_FIRST, BODY_NEXT))
            ),
            None,
        )
        if inner is None:
            return found
        found = inner
    return None


def _matches(element, pattern: re.Pattern) -> bool:
    if pattern is BODY_FIRST and element.get("itemprop") in ("text", "commentText"):
        return True
    return any(pattern.search(c) for c in classes(element))


def is_meta(element) -> bool:
    """Metadata or a button: by tag, by class hint, or a link that only says "Reply"."""
    if element.tag in DROP_TAGS or META.search(element.get("class") or ""):
        return True
    if HIDDEN.intersection(classes(element)):
        return True
    if element.tag in ("a", "span", "div", "p") and len(element) <= 1:
        text = element.text_content()
        return len(text) < 40 and bool(BUTTON_WORDS.fullmatch(text.strip()))
    return False


def owner_replies(body) -> list:
    """Replies the blog's owner wrote inside a visitor's comment body (no anchor of their own):
    a block with an owner-reply class, or one that opens with a bold "Reply:"/"Antwoord:"."""
    found = []
    for element in body.iterdescendants("p", "div", "blockquote", "section"):
        if any(element is f or f in element.iterancestors() for f in found):
            continue
        lead = element[0] if len(element) and not (element.text or "").strip() else None
        led = (
            lead is not None
            and lead.tag in ("strong", "b")
            and bool(REPLY_LEAD.match(" ".join(lead.text_content().split())))
        )
        if led or OWNER_REPLY.search(tokens(element)):
            found.append(element)
    return found


def author_of(own: list, meta_text: str, base_url: str) -> dict:
    picks = (
        lambda e: (
            any(AUTHOR_FIRST.match(c) for c in classes(e))
            or e.get("property") == "foaf:name"
            or (e.get("itemprop") == "name" and _in_author(e))
        ),
        lambda e: e.tag == "cite" or e.get("itemprop") in ("author", "creator"),
        lambda e: bool(AUTHOR_NEXT.search(e.get("class") or "")) and "avatar" not in tokens(e),
    )
    for pick in picks:
        found = [e for e in own if pick(e)]
        if pick is picks[-1]:
            # Author classes: the smallest match first, a wrapper's class may name the author.
            found.sort(key=lambda e: len(e.text_content()))
        for element in found:
            name = clean_name(" ".join(element.text_content().split()))
            if name:
                return _with_profile(name, element, base_url)
    for pattern in (BY_NAME, NAME_SAYS):
        match = pattern.search(meta_text)
        if match:
            name = clean_name(match.group(1))
            if name:
                link = next(
                    (e for e in own if e.tag == "a" and e.text_content().strip() == name), None
                )
                return _with_profile(name, link, base_url) if link is not None else {"name": name}
    # Last resort: a short bold name or a nofollow profile link ahead of the text.
    for element in own:
        if element.tag in ("strong", "b") or "nofollow" in (element.get("rel") or ""):
            name = clean_name(" ".join(element.text_content().split()))
            if name and not HAS_DIGIT.search(name) and len(name) <= 40:
                return _with_profile(name, element, base_url)
    return {"name": ""}


def clean_name(text: str) -> str:
    name = UNVERIFIED.sub("", SAYS_WORDS.sub("", text)).strip(" :\u2013-")
    name = re.sub(r"^(?:by|von|door|par)\s+", "", name, flags=re.I)
    return name if 0 < len(name) <= MAX_NAME else ""


def _in_author(element) -> bool:
    return any(a.get("itemprop") in ("author", "creator") for a in element.iterancestors())


def _with_profile(name: str, element, base_url: str) -> dict:
    link = element if element.tag == "a" else element.find(".//a[@href]")
    author = {"name": name}
    href = link.get("href") if link is not None else None
    if href:
        absolute = urljoin(base_url, href)
        if absolute.startswith(("http://", "https://")) and not PERMALINK.search(absolute):
            author["profile_url"] = absolute
    return author


def date_of(
    own: list, meta_text: str, body, lang: str | None, post_date: str | None, now
) -> str | None:
    for element in own:
        prop = f"{element.get('itemprop') or ''} {element.get('property') or ''}".lower().split()
        for attribute in MACHINE_ATTRS:
            value = element.get(attribute)
            if value and (attribute != "content" or DATE_PROPS & set(prop)):
                found = machine_date(value)
                if found:
                    return found
    for element in own:
        match = SHOW_COMMENT.search(element.get("href") or "")
        if match:
            return machine_date(match.group(1))
    for element in own:
        if DATEISH.search(tokens(element)) or (
            element.tag == "a" and PERMALINK.search(element.get("href") or "")
        ):
            for text in (element.get("title"), element.text_content()):
                found = text_date(text or "", lang, post_date, now)
                if found:
                    return found
    for element in own:  # the smallest elements that hold a date, e.g. <small>date, par X</small>
        text = element.text_content()
        if len(text) < 2 * MAX_NAME and HAS_DIGIT.search(text) and not _inside(element, body):
            found = text_date(BY_NAME.sub(" ", text), lang, post_date, now)
            if found:
                return found
    for piece in SEPARATORS.split(BY_NAME.sub("\n", meta_text)):
        found = text_date(piece, lang, post_date, now)
        if found:
            return found
    return None


def _inside(element, body) -> bool:
    return body is not None and (element is body or any(a is body for a in element.iterancestors()))


def is_pingback(node: Node, text: str) -> bool:
    return bool(PINGBACK.search(" ".join(classes(node.root)))) or bool(PINGBACK_TEXT.match(text))
