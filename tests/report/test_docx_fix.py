"""fix_docx: the corrected draft with tracked changes, accepted and rejected as in Word."""
from __future__ import annotations

import datetime as dt
import io

import docx
import pytest
from docx.oxml.ns import qn

from analyzer.ingest import read
from analyzer.registry import load_registry
from analyzer.report.citation_fixes import FIXABLE
from analyzer.report.docx_writer import fix_docx
from analyzer.report.fix_plan import plan_fixes

from .conftest import CORPORA, STEMS, analyze_bytes
from .docx_support import accept_all, reject_all, typed_docx

WHEN = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.UTC)


def _wrong_date_text(stem: str) -> str:
    """The regulation with the year of one correctly cited, dated act moved back by one."""
    text = (CORPORA / "regulations" / f"{stem}.txt").read_text(encoding="utf-8")
    report = analyze_bytes(text.encode(), f"{stem}.txt")
    registry = load_registry()
    cited = next(c for c in report.citations
                 if not c.problems and c.cited.date_text and registry.get(c.act).confirmed("date"))
    year = str(cited.cited.date.year)
    wrong = cited.quote.replace(cited.cited.date_text, cited.cited.date_text.replace(year, str(int(year) - 1)))
    return text.replace(cited.quote, wrong, 1)


@pytest.fixture(scope="module")
def drafts(docx_sources, make_formats, tmp_path_factory) -> dict[str, bytes]:
    """The corpora DOCX (Word numbering) and DOCX of other habits with a wrongly dated citation."""
    out = dict(docx_sources)
    tmp = tmp_path_factory.mktemp("drafts")
    for stem in ("ddt-grad-chudes-2023", "co-milyutina-2023"):
        txt = tmp / f"{stem}.txt"
        txt.write_text(_wrong_date_text(stem), encoding="utf-8")
        make_formats.build_docx(str(txt), str(tmp / f"{stem}-headings.docx"), style="headings")
        out[f"{stem}-headings"] = (tmp / f"{stem}-headings.docx").read_bytes()
        out[f"{stem}-typed"] = typed_docx(txt.read_text(encoding="utf-8"))
    return out


CASES = [*STEMS, "ddt-grad-chudes-2023-headings", "co-milyutina-2023-headings",
         "ddt-grad-chudes-2023-typed", "co-milyutina-2023-typed"]


def _revisions(data: bytes) -> tuple[list, list]:
    body = docx.Document(io.BytesIO(data)).element.body
    return body.findall(".//" + qn("w:ins")), body.findall(".//" + qn("w:del"))


@pytest.mark.parametrize("case", CASES)
def test_accepting_every_change_closes_the_gaps(case, drafts):
    before = analyze_bytes(drafts[case], f"{case}.docx")
    plan = plan_fixes(before)
    fixed = fix_docx(before, drafts[case], WHEN)
    inserted, deleted = _revisions(fixed)
    replaced = len(plan.rewordings) + len(plan.citations)
    # An inserted paragraph is two revisions (its text and its paragraph mark), a replacement one of each kind.
    assert len(inserted) >= 2 * len(plan.insertions) + replaced and len(deleted) >= replaced
    assert {(r.get(qn("w:author")), r.get(qn("w:date"))) for r in inserted + deleted} == {
        ("reglint", "2025-06-01T12:00:00Z")}
    assert plan.insertions or plan.rewordings

    after = analyze_bytes(accept_all(fixed), f"{case}.docx")
    status = {m.clause: m for m in after.clauses}
    for clause in [i.clause for i in plan.insertions] + [r.clause for r in plan.rewordings]:
        match = status[clause]
        # A wider subject stated in another sentence the fix does not touch keeps a duty partial;
        # the wording reglint wrote must then be the evidence found, at full score.
        conflict_elsewhere = match.reasons == ("subject",) and match.score >= 99 and len(match.evidence) > 1
        assert match.status == "present" or conflict_elsewhere, (clause, match)
    for fix in plan.citations:
        cited = [c for c in after.citations if c.act == fix.act]
        assert cited and all(not FIXABLE & set(c.problems) for c in cited)


@pytest.mark.parametrize("case", ["school-59-krasnodar-2023", "co-milyutina-2023-typed"])
def test_rejecting_every_change_gives_the_draft_back(case, drafts):
    before = analyze_bytes(drafts[case], f"{case}.docx")
    fixed = fix_docx(before, drafts[case], WHEN)
    assert read(reject_all(fixed), name="rejected.docx").text == before.document.text


def test_wrong_citations_are_replaced_in_the_grammatical_case_of_the_draft(drafts):
    before = analyze_bytes(drafts["ddt-grad-chudes-2023-typed"], "typed.docx")
    plan = plan_fixes(before)
    assert len(plan.citations) == 1
    fix = plan.citations[0]
    written = before.document.text[fix.start:fix.end]
    assert written.split()[0] == fix.text.split()[0]           # "Распоряжением" stays instrumental
    assert "реквизиты не подтверждены" not in fix.text
    after = analyze_bytes(accept_all(fix_docx(before, drafts["ddt-grad-chudes-2023-typed"], WHEN)), "x.docx")
    assert fix.text in after.document.text


@pytest.mark.parametrize("case", ["co-milyutina-2023-typed", "ddt-grad-chudes-2023-typed"])
def test_typed_lists_are_continued(case, drafts):
    before = analyze_bytes(drafts[case], "typed.docx")
    lines = read(accept_all(fix_docx(before, drafts[case], WHEN)), name="x.docx").text.split("\n")
    text = before.document.text
    after_items = [i for i in plan_fixes(before).insertions
                   if not i.lead and text[i.after.start:i.after.end].startswith("- ")]
    assert after_items
    for ins in after_items:
        assert f"- {ins.wording}" in lines
