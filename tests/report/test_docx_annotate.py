"""annotate_docx: the methodologist's own DOCX back with a Word comment at each finding."""
from __future__ import annotations

import io

import docx
import pytest

from analyzer.ingest import read
from analyzer.report.docx_writer import annotate_docx
from analyzer.report.view import strip_list_mark

from .conftest import CORPORA, STEMS, TODAY, analyze_bytes
from .docx_support import comment_anchors, typed_docx


def _norm(text: str) -> str:
    return " ".join(text.split())


def _check(report, source: bytes) -> tuple[dict, dict]:
    """Annotate; return comments by id and where they are anchored, after the common checks."""
    out = annotate_docx(report, source, TODAY)
    comments = {c.comment_id: c for c in docx.Document(io.BytesIO(out)).comments}
    anchors = comment_anchors(out)
    placed = [f for f in report.findings if f.start is not None]
    assert len(comments) == len(anchors) == len(placed) + 1
    assert {c.author for c in comments.values()} == {"reglint"}
    # Nothing but comments was added: the text reads back the same.
    assert read(out, name="annotated.docx").text == report.document.text
    summary = [cid for cid, c in comments.items() if c.text.startswith("Проверка reglint")]
    assert len(summary) == 1
    assert anchors[summary[0]][0] == report.document.blocks[0].paragraph
    return comments, anchors


def _anchored(finding, paragraph: int, comments, anchors) -> str:
    """The text of the finding's comment, which must start in ``paragraph`` and hold the quote's start."""
    cid = next((cid for cid, c in comments.items()
                if c.text.startswith(f"{finding.code} ") and finding.message in c.text and cid in anchors
                and anchors[cid][0] == paragraph
                and _norm(strip_list_mark(finding.quote))[:25] in _norm(anchors[cid][1])), None)
    assert cid is not None, f"no comment of {finding.code} at paragraph {paragraph}: «{finding.quote[:60]}»"
    return anchors.pop(cid)[1]


@pytest.mark.parametrize("stem", STEMS)
def test_comments_sit_on_the_findings_words(stem, docx_reports, docx_sources):
    report = docx_reports[stem]
    comments, anchors = _check(report, docx_sources[stem])
    for f in sorted((f for f in report.findings if f.start is not None), key=lambda f: f.start):
        _anchored(f, report.document.locate(f.start).paragraph, comments, anchors)
        if f.fix:
            assert any(f.fix in c.text for c in comments.values())


def test_anchor_is_exact_when_words_are_scattered_over_runs():
    text = (CORPORA / "regulations" / "apk-college.txt").read_text(encoding="utf-8")
    source = typed_docx(text)
    report = analyze_bytes(source, "typed.docx")
    comments, anchors = _check(report, source)
    single = [f for f in report.findings if f.start is not None and "\n" not in f.quote]
    assert len(single) >= 5
    for f in sorted(single, key=lambda f: f.start):
        assert _anchored(f, report.document.locate(f.start).paragraph, comments, anchors) == f.quote
