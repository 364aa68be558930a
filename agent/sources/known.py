"""Which items a source has already brought in: the stored ones, and the ones retention retired.

Retention summarises old items away and keeps only a short hash of each id (in
its audit record). When a scrape meets such an item again, say a 2019 comment
still on the page, it is recognised from that hash: not new, not stored again,
no alert.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator


class KnownIds:
    def __init__(
        self, ids: Iterable[str], retired: Iterable[str] = (), digest: Callable[[str], str] = str
    ) -> None:
        self.ids = set(ids)
        self.retired = set(retired)
        self.digest = digest

    def __contains__(self, item_id: object) -> bool:
        if not isinstance(item_id, str):
            return False
        return item_id in self.ids or (bool(self.retired) and self.digest(item_id) in self.retired)

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)
