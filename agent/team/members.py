"""Members of the team and their roles, kept in the team database's ``members`` table.

The first member to join becomes admin; later ones join as member, unless an admin added
them beforehand with another role (`roos team role NAME read-only`). Roles:
admin (profile, team, sources), member (the daily work), read-only (dashboard and reports).
"""

from __future__ import annotations

import time

import psycopg

ROLES = ("admin", "member", "read-only")
NAME_MAX = 100


def check_name(name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > NAME_MAX or any(ch in name for ch in "\n\r\t"):
        raise ValueError("a member name is 1 to 100 characters on one line")
    return name


def join(conn: psycopg.Connection, name: str) -> str:
    """Add the member (admin when the team is empty); their role, new or kept."""
    with conn.transaction():
        conn.execute("LOCK TABLE members IN SHARE ROW EXCLUSIVE MODE")
        row = conn.execute("SELECT role FROM members WHERE name = %s", (name,)).fetchone()
        if row:
            return row[0]
        (count,) = conn.execute("SELECT count(*) FROM members").fetchone()
        role = "admin" if count == 0 else "member"
        conn.execute("INSERT INTO members (name, role) VALUES (%s, %s)", (name, role))
        return role


def set_role(conn: psycopg.Connection, name: str, role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role: one of {', '.join(ROLES)}")
    with conn.transaction():
        conn.execute(
            "INSERT INTO members (name, role) VALUES (%s, %s) "
            "ON CONFLICT (name) DO UPDATE SET role = EXCLUDED.role",
            (name, role),
        )
        (admins,) = conn.execute("SELECT count(*) FROM members WHERE role = 'admin'").fetchone()
        if admins == 0:
            raise ValueError("the team needs at least one admin")


def role_of(conn: psycopg.Connection, name: str | None) -> str | None:
    if not name:
        return None
    row = conn.execute("SELECT role FROM members WHERE name = %s", (name,)).fetchone()
    return row[0] if row else None


def listing(conn: psycopg.Connection) -> list[dict]:
    rows = conn.execute("SELECT name, role, joined_at FROM members ORDER BY name").fetchall()
    return [{"name": n, "role": r, "joined_at": j.isoformat()} for n, r, j in rows]


class RoleCache:
    """The member's role, re-read at most every few seconds (an admin may change it)."""

    TTL = 5.0

    def __init__(self) -> None:
        self.role: str | None = None
        self.read_at = 0.0

    def fresh(self) -> bool:
        return time.monotonic() - self.read_at < self.TTL

    def set(self, role: str | None) -> None:
        self.role, self.read_at = role, time.monotonic()

    def forget(self) -> None:
        self.read_at = 0.0
