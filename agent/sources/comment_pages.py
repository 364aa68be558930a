"""The other pages of a paginated comment thread: WordPress's `comment-page-N` and `?cpage=N`,
Blogger's `commentPage=N`, Drupal's pager, or a link that says "Older comments".

Only links that stay on the post's own address count, so "older posts" and
archive links never pull a different post's thread in.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

PAGE_LINK = re.compile(r"/comment-page-\d+|[?&](?:cpage|commentPage|comments_page|page)=\d+", re.I)
PAGE_WORDS = re.compile(
    r"older comments|newer comments|previous comments|next comments|more comments|"
    r"oudere reacties|nieuwere reacties|meer reacties|vorige reacties|volgende reacties|"
    r"ältere kommentare|neuere kommentare|weitere kommentare|"
    r"commentaires plus anciens|commentaires plus récents|commentaires précédents",
    re.I,
)
REGION = re.compile(r"comment|reactie|kommentar|commentaire|discussion|forum", re.I)


def post_path(url: str) -> str:
    """The post's own path, without /comment-page-N/."""
    path = urlsplit(url).path
    return re.sub(r"/comment-page-\d+/?$", "/", path).rstrip("/") or "/"


def comment_page_links(root, page_url: str) -> list[str]:
    """Absolute URLs of the thread's other pages linked from this page, in page order."""
    here = urlsplit(page_url)
    own = post_path(page_url)
    found: list[str] = []
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        absolute = urljoin(page_url, href).split("#")[0]
        parts = urlsplit(absolute)
        if parts.netloc != here.netloc or post_path(absolute) != own:
            continue
        words = " ".join(link.text_content().split())
        paged = PAGE_LINK.search(absolute)
        if paged and re.match(r"[?&]page=", paged.group(), re.I) and not _in_comments(link):
            continue  # a bare ?page=N outside the comments pages something else
        wanted = paged or PAGE_WORDS.search(words)
        if wanted and absolute != page_url.split("#")[0] and absolute not in found:
            found.append(absolute)
    return found


def _in_comments(element) -> bool:
    for candidate in (element, *element.iterancestors()):
        if isinstance(candidate.tag, str) and REGION.search(
            f"{candidate.get('class') or ''} {candidate.get('id') or ''}"
        ):
            return True
    return False
