"""Moving in and out: a TinyDB home goes into the team database and back, and compares equal.
Joining a team from the command line, and passwords that never touch a command line."""

from __future__ import annotations

import os
import subprocess

from agent.store import TABLES, SyncStore
from tests.support.agent import ROOS


def roos(*args: str, home, env: dict | None = None) -> subprocess.CompletedProcess:
    full = {**os.environ, "ROOS_HOME": str(home), **(env or {})}
    for name in ("ROOS_STORE", "ROOS_MEMBER"):
        if not (env or {}).get(name):
            full.pop(name, None)
    return subprocess.run([str(ROOS), *args], env=full, capture_output=True, text=True, timeout=120)


def a_full_home(home) -> dict[str, list[dict]]:
    """A home with something in every table, the way the agent writes them."""
    store = SyncStore(home / "store").open()
    for table in TABLES:
        store.upsert(
            table,
            [
                {
                    "id": f"{table}-{n}",
                    "n": n,
                    "text": f"Tekst {n} — ‘quotes’ ok",
                    "nested": {"a": [1, 2.5, None]},
                }
                for n in range(30)
            ],
        )
    (home / "profile.toml").write_text('name = "Vlotbank"\naliases = ["Vlot"]\n', encoding="utf-8")
    return {table: sorted(store.find(table)[0], key=lambda d: d["id"]) for table in TABLES}


def test_a_home_moves_into_the_team_database_and_back_unchanged(tmp_path, team_db):
    home, back = tmp_path / "alone", tmp_path / "back"
    before = a_full_home(home)
    env = {"ROOS_STORE_SCHEMA": team_db.schema}

    moved = roos("store", "migrate", "--to", team_db.url, home=home, env=env)
    assert moved.returncode == 0, moved.stderr
    assert "every table's count agrees" in moved.stdout and "100%" in moved.stderr
    assert team_db.sql("SELECT count(*) FROM items") == [(30,)]
    again = roos("store", "migrate", "--to", team_db.url, home=home, env=env)  # idempotent
    assert again.returncode == 0 and "copied 0, unchanged 30" in again.stdout
    assert team_db.sql("SELECT count(*) FROM items") == [(30,)]
    assert team_db.sql("SELECT profile->>'name' FROM team_profile") == [("Vlotbank",)]

    team_env = {**env, "ROOS_STORE": team_db.url, "ROOS_MEMBER": "Fatima"}
    out = roos("store", "migrate", "--to", f"tinydb:{back}", home=tmp_path / "member", env=team_env)
    assert out.returncode == 0, out.stderr
    after = SyncStore(back / "store").open()
    assert {t: sorted(after.find(t)[0], key=lambda d: d["id"]) for t in TABLES} == before
    assert 'name = "Vlotbank"' in (back / "profile.toml").read_text(encoding="utf-8")


def test_an_interrupted_move_resumes_where_it_stopped(tmp_path, team_db):
    home = tmp_path / "alone"
    a_full_home(home)
    team_db.join("Fatima")  # creates the schema
    # As if the first run died after some batches: part of items is there already.
    team_db.sql(
        'INSERT INTO items (id, doc) VALUES (\'items-0\', \'{"id": "items-0", "n": 0, "text": "oud"}\')'
    )
    moved = roos(
        "store",
        "migrate",
        "--to",
        team_db.url,
        home=home,
        env={"ROOS_STORE_SCHEMA": team_db.schema},
    )
    assert moved.returncode == 0, moved.stderr
    assert team_db.sql("SELECT doc->>'text' FROM items WHERE id = 'items-0'") == [
        ("Tekst 0 — ‘quotes’ ok",)
    ]


def test_joining_a_team_never_takes_a_password_from_the_command_line(tmp_path, team_db):
    home = tmp_path / "fatima"
    url_with_password = team_db.url.replace("roos_test@", "roos_test:geheim@")
    refused = roos("team", "join", url_with_password, "--as", "Fatima", home=home)
    assert (
        refused.returncode != 0 and "password" in refused.stderr and "geheim" not in refused.stderr
    )
    assert not (home / "team.toml").exists()


def test_the_first_member_is_admin_the_next_a_member_and_the_profile_is_shared(tmp_path, team_db):
    fatima, joost = tmp_path / "fatima", tmp_path / "joost"
    fatima.mkdir()
    (fatima / "profile.toml").write_text('name = "Vlotbank"\n', encoding="utf-8")
    args = ("--schema", team_db.schema)
    first = roos("team", "join", team_db.url, "--as", "Fatima", *args, home=fatima)
    assert first.returncode == 0, first.stderr
    assert "as Fatima (admin)" in first.stdout and "now the team's profile" in first.stdout
    second = roos("team", "join", team_db.url, "--as", "Joost", *args, home=joost)
    assert "as Joost (member)" in second.stdout, second.stderr
    assert 'name = "Vlotbank"' in (joost / "profile.toml").read_text(encoding="utf-8")
    assert "password" not in (joost / "team.toml").read_text(encoding="utf-8")

    refused = roos("team", "role", "Fatima", "read-only", home=joost)
    assert refused.returncode != 0 and "only an admin" in refused.stderr
    given = roos("team", "role", "Joost", "read-only", home=fatima)
    assert given.returncode == 0, given.stderr
    shown = roos("team", "show", home=joost)
    assert "Joost" in shown.stdout and "read-only" in shown.stdout and "geheim" not in shown.stdout


def test_the_admin_joins_bringing_their_data_in_one_command(tmp_path, team_db):
    home = tmp_path / "fatima"
    before = a_full_home(home)
    joined = roos(
        "team",
        "join",
        team_db.url,
        "--as",
        "Fatima",
        "--schema",
        team_db.schema,
        "--migrate",
        home=home,
    )
    assert joined.returncode == 0, joined.stderr
    assert "as Fatima (admin)" in joined.stdout
    assert team_db.sql("SELECT count(*) FROM people") == [(len(before["people"]),)]
