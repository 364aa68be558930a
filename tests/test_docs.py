"""The README is checked against the code, so it cannot drift (Datasette's test_docs)."""

from __future__ import annotations

from pathlib import Path

from agent.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_the_readme_opens_with_the_two_commands():
    first_lines = README.splitlines()[:5]
    assert any(line.strip().startswith("./scripts/run") for line in first_lines)
    assert any(line.strip().startswith("./scripts/test") for line in first_lines)


def test_every_setting_is_documented_with_its_environment_variable():
    for setting in SETTINGS:
        assert f"| {setting.name} |" in README, setting.name
        assert f"`{setting.env}`" in README, setting.env


def test_the_ci_script_runs_exactly_the_test_command():
    ci = (Path(__file__).resolve().parent.parent / ".ci" / "run").read_text()
    assert [line for line in ci.splitlines() if line and not line.startswith("#")] == [
        "exec ./scripts/test"
    ]


def test_every_watch_filter_is_documented():
    from agent.watch.lines import FILTERS

    assert "roos watch" in README
    assert f"--only {'|'.join(f for f in FILTERS if f != 'all')}|all" in README
