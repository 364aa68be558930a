"""One text, prepared once for every analysis step.

Language detection, mentions, intent and promotion all read the same comment in folded form
(see `textnorm`), most of them without its links. Folding and splitting a text into words are
the costly parts of those steps, so `Text` does each at most once, when a step first asks,
and the pipeline hands the same `Text` to every step. Each form is exactly what the step's
own `textnorm` call would give, so a step reads the same whether it gets a `Text` or a `str`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from agent.analysis.textnorm import COMBINING, URL, fold, folded_words

T = TypeVar("T")


class Text:
    """A text and its folded forms, each computed on first use. Not shared between threads."""

    __slots__ = (
        "_aligned",
        "_delinked",
        "_folded",
        "_folded_words",
        "_memo",
        "_words",
        "any_link",
        "link",
        "raw",
    )

    def __init__(self, raw: str) -> None:
        self.raw = raw
        # Two notions of "has a link": `textnorm.words` also knows "WWW.", `intent` does not.
        self.link = "://" in raw or "www." in raw
        self.any_link = self.link or "WWW." in raw
        self._folded: str | None = None
        self._aligned: str | bool | None = False  # False: not computed yet
        self._delinked: str | None = None
        self._words: list[str] | None = None
        self._folded_words: list[str] | None = None
        self._memo: dict[str, Any] | None = None

    @property
    def folded(self) -> str:
        """`textnorm.fold` of the whole text."""
        if self._folded is None:
            self._folded = fold(self.raw)
        return self._folded

    @property
    def aligned(self) -> str | None:
        """`textnorm.aligned_fold`: the folded text when its offsets are the original ones."""
        if self._aligned is False:
            folded = self.folded
            same = len(folded) == len(self.raw)
            if same and not self.raw.isascii():
                same = COMBINING.search(self.raw) is None
            self._aligned = folded if same else None
        return self._aligned  # type: ignore[return-value]

    def _without_links(self) -> str:
        """The folded text with its links blanked out (only computed for texts with links)."""
        if self._delinked is None:
            self._delinked = fold(URL.sub(" ", self.raw))
        return self._delinked

    @property
    def plain(self) -> str:
        """The text as written with its links blanked out, as `intent` reads it."""
        return URL.sub(" ", self.raw) if self.link else self.raw

    @property
    def unlinked(self) -> str:
        """Folded text without links, as `intent` reads it."""
        return self._without_links() if self.link else self.folded

    @property
    def words(self) -> list[str]:
        """`textnorm.words`: the folded words, links left out. Do not modify the list."""
        if self._words is None:
            self._words = folded_words(self._without_links() if self.any_link else self.folded)
        return self._words

    @property
    def folded_words(self) -> list[str]:
        """The words of `folded`, links included."""
        if self._folded_words is None:
            any_link = self.any_link
            self._folded_words = folded_words(self.folded) if any_link else self.words
        return self._folded_words

    @property
    def unlinked_words(self) -> list[str]:
        """The words of `unlinked`."""
        return self.words if self.link or not self.any_link else self.folded_words

    def derived(self, name: str, compute: Callable[[Text], T]) -> T:
        """`compute(self)`, worked out once: for what another module derives from the text
        and needs twice (the knowledge base's content words)."""
        if self._memo is None:
            self._memo = {}
        if name not in self._memo:
            self._memo[name] = compute(self)
        return self._memo[name]


def as_text(text: str | Text | None) -> Text:
    """`text` itself when already prepared, else a new `Text` ("" for None)."""
    return text if isinstance(text, Text) else Text(text or "")
