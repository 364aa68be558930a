"""Where the comments are in a page, found by structure rather than by theme.

Every engine gives each comment an anchor so it can be linked to: an id or name
such as `comment-12`, `li-comment-12`, `div-comment-12`, `c5177765368903808290`
(Blogger), `forum31` (SPIP) or `wpd-comm-12_0` (wpDiscuz). A comment is the
largest element around its anchor that holds no other comment's anchor; when
the anchor is an empty marker (Drupal's `<a id="comment-12"></a>`) or a header
(old Blogger's `<dt>`), the comment runs on over the following siblings up to
the next anchor. Its *territory* also takes the reply lists that follow it
(SPIP's `<ul>`, Drupal's `div.indented`), so a reply's parent is simply the
nearest comment whose territory holds it.

Pages without anchors are read from schema.org / microformat / RDFa comment
hints, and failing those from repeated sibling blocks inside a comments region
that each carry an author, a time and some text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

ANCHOR = re.compile(
    r"^(?:[a-z]+[-_]){0,2}?(commentaire|comentario|comment|comm|cmt|kommentar|reactie|reaction|forum|c)"
    r"(?:[-_](?:body|content|text|item|entry|wrap|box))?[-_]?(\d+|(?=[0-9a-f]*\d)[0-9a-f]{12,})(?:_(\d+))?$",
    re.I,
)
SMALL_ANCHOR = 25  # characters: less text than this around an anchor is a marker, not a comment
# Whole pages can sit in one <form> (ASP.NET), so a form around a comment is no reason to skip it.
NO_COMMENTS_IN = frozenset({"head", "textarea", "script", "style", "template", "select", "option"})
STOP_SIBLING = re.compile(
    r"(?:^|[-_])(?:respond|reply-title|comment-form|nav|navigation|pager|pagination)(?:$|[-_])"
)
REPLY_BOX = re.compile(
    r"(?:^|[-_\s])(?:children|replies|reply-list|indented|sub|subcomments|thread|inline-thread|"
    r"antworten|reacties|comment-replies)(?:$|[-_\s])"
)
REGION = re.compile(
    r"comment|reactie|kommentar|commentaire|reaction|response|discussion|forum|antwoord|opmerking",
    re.I,
)
HINT_TYPES = re.compile(r"(?:schema\.org/(?:Comment|UserComments)|sioct?:Comment)", re.I)
HINT_CLASSES = frozenset({"h-cite", "p-comment", "u-comment"})
AUTHORISH = re.compile(r"author|auteur|autor|user|name|cite|commenter|\bfn\b|vcard|by", re.I)
DATEISH = re.compile(r"date|time|datum|zeit|stamp|publi|posted|meta|submitted", re.I)
BY_WORD = re.compile(r"^\s*(?:by|von|door|geschreven door|par|posted by)\s+\S", re.I)
CLOCK_OR_YEAR = re.compile(r"\b\d{1,2}[:.h]\d{2}\b|\b(?:19|20)\d{2}\b")


@dataclass(eq=False)
class Node:
    """One comment in the page: its root element, the elements it covers, what it says it is."""

    key: str  # the engine's comment number, or "" when the page gives none
    root: lxml_html.HtmlElement
    territory: list = field(default_factory=list)
    explicit_parent: str | None = None  # wpDiscuz writes the parent into the id
    anchor: str = ""  # the id or name the page links the comment by
    anchors: set = field(default_factory=set, repr=False)  # every anchor in the page


def classes(element) -> list[str]:
    return (element.get("class") or "").lower().split()


def tokens(element) -> str:
    """Class and id in one string, for name hints."""
    return f"{element.get('class') or ''} {element.get('id') or ''}".lower()


def find_nodes(root) -> list[Node]:
    """Every comment in the document, in page order, each with its territory set."""
    nodes = _anchored(root)
    if not nodes:
        nodes = [Node("", element, [element]) for element in _hinted(root)]
    if not nodes:
        nodes = [Node("", element, [element]) for element in _repeated_blocks(root)]
    return nodes


def anchor_key(element) -> tuple[str, str | None, str] | None:
    """(comment number, parent number or None, anchor) if the element is a comment anchor."""
    for attribute in ("id", "name"):
        value = (element.get(attribute) or "").strip()
        if not value or (attribute == "name" and element.tag != "a"):
            continue
        match = ANCHOR.match(value)
        # A bare "c" needs a long number (Blogger's) unless it is a link target (<a name="c7">):
        # a <div id="c1"> is a layout column far more often than a comment.
        short_c = match and match.group(1).lower() == "c" and len(match.group(2)) < 3
        if match and not (short_c and (element.tag != "a" or element.get("href"))):
            return match.group(2), match.group(3), value
    return None


def _usable(element) -> bool:
    return not any(a.tag in NO_COMMENTS_IN for a in element.iterancestors()) and (
        element.tag not in NO_COMMENTS_IN
    )


def _anchored(root) -> list[Node]:
    first: dict[str, lxml_html.HtmlElement] = {}
    found_as: dict[str, tuple] = {}
    for element in root.iter(etree.Element):
        found = anchor_key(element)
        if found is None or found[0] in first or not _usable(element):
            continue
        first[found[0]] = element
        found_as[found[0]] = found
    if not first:
        return []
    anchors = set(first.values())
    nodes = []
    for key, element in first.items():
        _, parent, anchor = found_as[key]
        explicit = parent if parent not in (None, "0") else None
        nodes.append(Node(key, _grow(element, anchors), explicit_parent=explicit, anchor=anchor))
    for node in nodes:
        node.territory = _territory(node.root, anchors)
        node.anchors = anchors
    return nodes


def run_on(node: Node) -> list:
    """The node's territory read as a marker's: for an anchored header whose text follows it."""
    if not node.anchors:
        return node.territory
    return _territory(node.root, node.anchors, marker=True)


def _contains_other(element, own, anchors: set) -> bool:
    return any(d in anchors and d is not own for d in element.iter(etree.Element))


def _grow(anchor, anchors: set):
    """The largest element around a small anchor that holds no other comment's anchor."""
    element = anchor
    if _text_length(element) >= SMALL_ANCHOR:
        return element
    while True:
        parent = element.getparent()
        if (
            parent is None
            or parent.tag in ("body", "html", "ul", "ol", "dl")  # a list is never one comment
            or REPLY_BOX.search(tokens(parent))
            or _contains_other(parent, anchor, anchors)
        ):
            return element
        element = parent


def _territory(root, anchors: set, marker: bool = False) -> list:
    """The root, the siblings it runs on over when it is only a marker, and its reply lists."""
    covered = [root]
    marker = marker or _text_length(root) < SMALL_ANCHOR or root.tag == "dt"
    for sibling in root.itersiblings():
        if not isinstance(sibling.tag, str):
            continue
        if sibling in anchors or _is_stop(sibling):
            break
        holds_comments = _contains_other(sibling, None, anchors)
        if holds_comments:
            if sibling.tag in ("ul", "ol", "dl") or REPLY_BOX.search(tokens(sibling)) or marker:
                covered.append(sibling)
            break
        if not marker:
            break
        covered.append(sibling)
    return covered


def _is_stop(element) -> bool:
    return (
        element.tag in ("form", "h1", "h2", "h3", "h4", "h5", "h6", "nav")
        or bool(STOP_SIBLING.search(tokens(element)))
        or element.find(".//form") is not None
    )


def _text_length(element) -> int:
    return len("".join(element.itertext()).strip())


def _hinted(root) -> list:
    found = []
    for element in root.iter(etree.Element):
        kind = f"{element.get('itemtype') or ''} {element.get('typeof') or ''}"
        if (
            HINT_TYPES.search(kind)
            or element.get("itemprop") == "comment"
            or HINT_CLASSES & set(classes(element))
        ) and _usable(element):
            found.append(element)
    return found


def _repeated_blocks(root) -> list:
    """Sibling blocks of one shape inside a comments region, each with author, time and text."""
    best: list = []
    for parent in root.iter(etree.Element):
        if not _in_region(parent) or not _usable(parent):
            continue
        groups: dict[tuple, list] = {}
        for child in parent:
            if isinstance(child.tag, str):
                groups.setdefault(_shape(child), []).append(child)
        for members in groups.values():
            good = [m for m in members if _looks_like_comment(m)]
            if len(good) >= 2 and len(good) * 10 >= len(members) * 6 and len(good) > len(best):
                best = good
    if not best:
        return []
    shape = _shape(best[0])
    region = best[0].getparent()
    # Replies repeat the shape further down, inside their parent comment.
    nested = [
        element
        for element in region.iter(etree.Element)
        if element not in best and _shape(element) == shape and _looks_like_comment(element)
    ]
    chosen = set(best) | set(nested)
    return [element for element in region.iter(etree.Element) if element in chosen]


def _shape(element) -> tuple:
    kept = [c for c in classes(element) if not re.search(r"\d|odd|even|alt|first|last", c)]
    return element.tag, kept[0] if kept else ""


def _in_region(element) -> bool:
    for candidate in (element, *element.iterancestors()):
        if REGION.search(tokens(candidate)):
            return True
    return False


def _looks_like_comment(element) -> bool:
    if _text_length(element) < 10:
        return False
    has_time = element.find(".//time") is not None or any(
        CLOCK_OR_YEAR.search(d.text or "") and len(d.text_content()) < 60
        for d in _descendants(element)
    )
    has_author = any(
        AUTHORISH.search(tokens(d))
        or d.tag in ("cite", "strong", "b")
        or BY_WORD.search(d.text or "")
        for d in _descendants(element)
    )
    return has_time and has_author


def _descendants(element) -> Iterator:
    return element.iterdescendants(etree.Element)
