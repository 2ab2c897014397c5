"""gap_report_docx: the HTML report's content as a Word document, for any input."""
from __future__ import annotations

import io

import docx

from analyzer.report.docx_writer import gap_report_docx
from analyzer.report.view import STATUS_LETTER

from .conftest import TODAY


def test_gap_report_holds_summary_coverage_citations_and_findings(txt_reports):
    report = txt_reports["school-59-krasnodar-2023"]
    document = docx.Document(io.BytesIO(gap_report_docx(report, TODAY)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert TODAY.strftime("%d.%m.%Y") in text and report.document.source in text
    scores, coverage, legal, findings = document.tables
    assert scores.rows[-1].cells[0].text == "итого"
    letters = [c.text for row in coverage.rows for c in row.cells[2:] if c.text]
    assert sorted(letters) == sorted(STATUS_LETTER[m.status] for m in report.clauses)
    assert len(legal.rows) == len(report.citations) + 1
    assert sorted(r.cells[1].text for r in findings.rows[1:]) == sorted(f.code for f in report.findings)
    missing = [m.clause for m in report.clauses if m.status == "missing"]
    assert all(f"({clause}," in text for clause in missing)     # what to add, with the reference wording
