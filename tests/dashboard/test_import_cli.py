"""`roos import FILE`: last year's comments from a spreadsheet or a JSON-lines export become
items on day one, with the columns worked out (or given), a progress bar, and nothing stored
twice when the same file is imported again."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from agent.import_rows import guess_mapping, parse_date
from tests.support.agent import ROOS, AgentProcess

EXPORT = """Naam;Reactie;Datum;Link;Netwerk
Bea Bakker;VlotPay rekende twee keer af, wie helpt?;03-11-2026 10:15;https://www.linkedin.com/feed/update/urn:li:activity:7410000000000000001/;LinkedIn
Cas Claes;Hoe blokkeer ik mijn VlotPas?;04-11-2026 09:00;https://www.linkedin.com/feed/update/urn:li:activity:7410000000000000002/;LinkedIn
Dirk Dijkstra;;05-11-2026;;LinkedIn
Eva Evers;Top service van Vlotbank!;2026-11-06T08:30:00Z;https://blog.example/vlotbank#c4;Blog
"""


def roos(*args: str, home: Path, port: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ROOS_HOME": str(home), "ROOS_SCHEDULER": "0"}
    if port:
        env["ROOS_PORT"] = str(port)
    return subprocess.run([str(ROOS), *args], env=env, capture_output=True, text=True, timeout=120)


def test_columns_are_found_under_their_dutch_and_english_names():
    assert guess_mapping(["Naam", "Reactie", "Datum", "Link"]) == {
        "text": "Reactie",
        "author": "Naam",
        "date": "Datum",
        "url": "Link",
    }
    assert (
        guess_mapping(["Comment Text", "body"], {"text": "Comment Text"})["text"] == "Comment Text"
    )
    assert parse_date("03-11-2026 10:15") == "2026-11-03T10:15:00Z"
    assert parse_date("2026-11-06T09:30:00+01:00") == "2026-11-06T08:30:00Z"
    assert parse_date("gisteren") is None


def test_a_spreadsheet_is_imported_without_an_agent_and_only_once(tmp_path):
    home, export = tmp_path / "home", tmp_path / "reacties.csv"
    export.write_text(EXPORT, encoding="utf-8")
    first = roos("import", str(export), home=home)
    assert first.returncode == 0, first.stderr
    assert "text ← 'Reactie'" in first.stderr and "author ← 'Naam'" in first.stderr
    assert "1 row(s) without text are skipped." in first.stderr
    assert "[####################] 3/3" in first.stderr
    assert first.stdout.strip() == "3 item(s) imported from reacties.csv."
    assert roos("import", str(export), home=home).returncode == 0
    with AgentProcess(home) as agent:
        status, listed = agent.call("GET", "/api/items?limit=50")
    assert status == 200 and listed["total"] == 3
    sources = sorted(i["source"] for i in listed["items"])
    assert sources == ["blog", "linkedin", "linkedin"]
    bea = next(i for i in listed["items"] if i["author"]["name"] == "Bea Bakker")
    assert bea["published_at"] == "2026-11-03T10:15:00Z" and bea["analysis"]["language"] == "nl"


def test_json_lines_go_to_the_running_agent_and_a_wrong_mapping_is_explained(tmp_path):
    home, export = tmp_path / "home", tmp_path / "mentions.jsonl"
    rows = [
        {
            "comment_body": "Is Vlotbank open on Sunday?",
            "user": "Fleur Faber",
            "when": "2026-11-08",
        },
        {
            "comment_body": "Vlotbank's app crashed again",
            "user": "Gijs Gerritsen",
            "when": "2026-11-09",
        },
    ]
    export.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    with AgentProcess(home) as agent:
        missing = roos("import", str(export), home=home, port=agent.port)
        assert missing.returncode == 1 and "say which with --map text=" in missing.stderr
        wrong = roos("import", str(export), "--map", "text=Bericht", home=home, port=agent.port)
        assert wrong.returncode == 1 and "the file has no column 'Bericht'" in wrong.stderr
        done = roos(
            "import",
            str(export),
            "--map",
            "text=comment_body",
            "--map",
            "date=when",
            "--source",
            "x",
            home=home,
            port=agent.port,
        )
        assert done.returncode == 0, done.stderr
        status, listed = agent.call("GET", "/api/items?limit=50")
    assert status == 200 and listed["total"] == 2
    assert {i["source"] for i in listed["items"]} == {"x"}
    assert {i["author"]["name"] for i in listed["items"]} == {"Fleur Faber", "Gijs Gerritsen"}
