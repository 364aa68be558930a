"""The report a manager hands to the director: HTML, an A4 PDF from Chromium, and a CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from agent.reports.build import draft, write_report_sync
from agent.reports.csv_export import safe_cell
from agent.reports.months import Month
from agent.reports.pdf import CHROMIUM

from .conftest import AFTER, OCTOBER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed"),
]
A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def reports(tmp_path_factory, inputs, profile) -> dict[str, dict]:
    """October in Dutch and in English, written once for the whole module."""
    made = {}
    for lang in ("nl", "en"):
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        made[lang] = write_report_sync(folder, draft(OCTOBER, lang, profile, inputs, AFTER))
    return made


def pdf_text(meta: dict) -> tuple[PdfReader, str]:
    reader = PdfReader(meta["files"]["pdf"])
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_is_a4_with_the_details_after_the_first_page(reports, lang):
    reader, _ = pdf_text(reports[lang])
    assert len(reader.pages) >= 2
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2


def test_the_dutch_pdf_holds_the_key_numbers(reports):
    _, text = pdf_text(reports["nl"])
    assert "Maandrapport oktober 2026 — Vlotbank" in text
    assert "23 keer genoemd (+15% t.o.v. september)" in text
    assert "9 van de 10 klachten binnen 4 werkuren beantwoord (mediaan 1 u 10 min)" in text
    assert "Klachten 10 10 2 u 15 min" in text  # received, answered, clock median
    assert "Femke Zonneveld" in text and "Opvallende gesprekken" in text


def test_the_english_pdf_holds_the_key_numbers(reports):
    _, text = pdf_text(reports["en"])
    assert "Monthly report October 2026 — Vlotbank" in text
    assert "mentioned 23 times (+15% compared with September)" in text
    assert "9 of 10 complaints answered within 4 working hours (median 1 h 10 min)" in text
    assert "Complaints 10 10 2 h 15 min" in text
    assert "Notable threads" in text


def test_charts_are_drawn_into_the_report(reports):
    html = Path(reports["nl"]["files"]["html"]).read_text(encoding="utf-8")
    assert html.count("<svg") == 3  # mentions per term, sentiment per week, posts per day
    assert "<script" not in html and 'http-equiv="Content-Security-Policy"' in html
    _, text = pdf_text(reports["nl"])
    assert "Week 40" in text and "Week 44" in text  # chart labels made it into the PDF


def test_the_csv_has_one_row_per_item_of_the_month_matching_the_store(reports, stored):
    store, _ = stored
    raw = Path(reports["en"]["files"]["csv"]).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(raw)))
    start = datetime(2026, 9, 30, 22, 0, tzinfo=UTC)
    end = datetime(2026, 10, 31, 23, 0, tzinfo=UTC)

    def in_october(item):
        return start <= datetime.fromisoformat(item["published_at"].replace("Z", "+00:00")) < end

    october, _ = store.find("items", in_october)
    assert sorted(r["id"] for r in rows) == sorted(i["id"] for i in october)
    for intent in ("complaint", "question", "praise"):
        expected = sum(1 for i in october if i["analysis"]["intent"] == intent)
        assert sum(1 for r in rows if r["intent"] == intent) == expected
    answered = [r for r in rows if r["intent"] == "complaint" and r["answered"] == "1"]
    assert len(answered) == 10
    assert sorted(float(r["response_working_seconds"]) for r in answered)[4:6] == [3600, 4800]


def test_the_dutch_csv_has_dutch_headers(reports):
    raw = Path(reports["nl"]["files"]["csv"]).read_text(encoding="utf-8-sig")
    header = next(csv.reader(io.StringIO(raw)))
    assert header[:4] == ["id", "bron", "soort", "gepubliceerd"] and "tekst" in header


def test_a_stranger_s_text_can_never_become_a_spreadsheet_formula():
    assert safe_cell('=HYPERLINK("http://x.example","klik")').startswith("'=")
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("-5 sterren") == "'-5 sterren"
    assert safe_cell(-0.5) == "-0.5" and safe_cell(True) == "1" and safe_cell(None) == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("nl", "Geen gegevens voor december 2026"),
        ("en", "No data for December 2026"),
    ],
)
def test_an_empty_month_gives_a_short_honest_report(tmp_path, inputs, profile, lang, expected):
    december = Month.parse("2026-12")
    later = datetime(2027, 1, 3, tzinfo=UTC)
    meta = write_report_sync(tmp_path, draft(december, lang, profile, inputs, later))
    assert meta["empty"] and len(meta["summary"]) == 1
    assert meta["summary"][0].startswith(expected)
    reader, text = pdf_text(meta)
    assert len(reader.pages) == 1 and expected in text
    rows = list(csv.reader(io.StringIO(Path(meta["files"]["csv"]).read_text("utf-8-sig"))))
    assert len(rows) == 1  # just the header
