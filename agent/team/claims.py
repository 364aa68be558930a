"""No double answers: "Fatima is answering" while a member has the reply box open.

A claim names the item, the member and when it expires (CLAIM_SECONDS after it was last
renewed: the extension and the dashboard renew it while the box stays open, so a closed
laptop frees the item by itself). The team keeps claims in the database's ``claims`` table,
so every agent sees them; alone, on TinyDB, they live in the agent's memory (several tabs
of one user). Taking an item another member claims does not steal it: the answer says who.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from aiohttp import web

from ..server.keys import CONFIG, SERVICES, STORE
from ..store.backend import team_mode

CLAIM_SECONDS = 180
BOOK = "claims"


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds").replace("+00:00", "Z")


def take_claim(held: dict | None, item_id: str, member: str, now: datetime) -> tuple[dict, bool]:
    """Pure rule: the holder keeps an unexpired claim; anyone else's turn otherwise."""
    if held and held["member"] != member and held["expires_at"] > _iso(now):
        return held, False
    expires = _iso(now + timedelta(seconds=CLAIM_SECONDS))
    return {"item_id": item_id, "member": member, "expires_at": expires}, True


class MemoryClaims:
    def __init__(self) -> None:
        self.held: dict[str, dict] = {}

    async def claim(self, item_id: str, member: str, now: datetime) -> tuple[dict, bool]:
        claim, mine = take_claim(self.held.get(item_id), item_id, member, now)
        if mine:
            self.held[item_id] = claim
        return claim, mine

    async def release(self, item_id: str, member: str) -> bool:
        if (self.held.get(item_id) or {}).get("member") == member:
            del self.held[item_id]
            return True
        return False

    async def active(self, now: datetime) -> list[dict]:
        stamp = _iso(now)
        return sorted(
            (c for c in self.held.values() if c["expires_at"] > stamp), key=lambda c: c["item_id"]
        )


class TeamClaims:
    """The same rule in one SQL statement, so two agents claiming at once cannot both win."""

    def __init__(self, store) -> None:
        self.store = store

    async def _db(self, fn):
        return await self.store.on_connection(fn)

    async def claim(self, item_id: str, member: str, now: datetime) -> tuple[dict, bool]:
        def run(conn):
            row = conn.execute(
                "INSERT INTO claims (item_id, member, expires_at) VALUES (%s, %s, %s) "
                "ON CONFLICT (item_id) DO UPDATE SET member = EXCLUDED.member, "
                "expires_at = EXCLUDED.expires_at "
                "WHERE claims.expires_at <= %s OR claims.member = EXCLUDED.member "
                "RETURNING member, expires_at",
                (item_id, member, now + timedelta(seconds=CLAIM_SECONDS), now),
            ).fetchone()
            if row is None:
                row = conn.execute(
                    "SELECT member, expires_at FROM claims WHERE item_id = %s", (item_id,)
                ).fetchone()
            return row

        holder, expires = await self._db(run)
        claim = {"item_id": item_id, "member": holder, "expires_at": _iso(expires)}
        return claim, holder == member

    async def release(self, item_id: str, member: str) -> bool:
        def run(conn):
            cur = conn.execute(
                "DELETE FROM claims WHERE item_id = %s AND member = %s", (item_id, member)
            )
            return cur.rowcount > 0

        return await self._db(run)

    async def active(self, now: datetime) -> list[dict]:
        def run(conn):
            return conn.execute(
                "SELECT item_id, member, expires_at FROM claims WHERE expires_at > %s "
                "ORDER BY item_id",
                (now,),
            ).fetchall()

        rows = await self._db(run)
        return [{"item_id": i, "member": m, "expires_at": _iso(e)} for i, m, e in rows]


def claims_of(app: web.Application):
    services = app[SERVICES]
    if BOOK not in services:
        team = team_mode(app[CONFIG])
        services[BOOK] = TeamClaims(app[STORE]) if team else MemoryClaims()
    return services[BOOK]


def now_utc() -> datetime:
    return datetime.now(UTC)
