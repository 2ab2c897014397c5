"""Plain-text report: one line per finding, linter style; then a line per cited act the registry
does not know (not checked, with what was read), the text of the recommendations the draft
follows, and a summary."""
from __future__ import annotations

from analyzer.model import Report
from analyzer.report.view import OCR_MARK, SEVERITY_RU, build_view
from analyzer.vocabulary import DECISION_RU


def render_text(report: Report) -> str:
    view = build_view(report)
    lines = [f"{view.source}: {view.ocr_banner}"] if view.ocr_banner else []
    for item in view.findings:
        f = item.finding
        where = f"{view.source}:{item.location}" if item.location else view.source
        review = item.review
        note = f" [{DECISION_RU[review.decision]}{': ' + review.comment if review.comment else ''}]" if review else ""
        ocr = f" [{OCR_MARK}]" if f.ocr else ""
        lines.append(f"{where}: {f.code} {f.severity} {f.message}{ocr}{note}")
    for c in view.citations:
        if c.unchecked:
            where = f"{view.source}:{c.section}" if c.section else view.source
            lines.append(f"{where}: ссылка «{' '.join(c.quote.split())}» {c.unchecked}")
    overall = view.overall
    summary = ", ".join(f"{SEVERITY_RU[s]}: {n}" for s, n in view.counts.items())
    if view.edition:
        lines.append(f"{view.source}: {view.edition}")
    lines.append(f"{view.source}: тип — {view.institution}; "
                 f"положений на месте {overall.present} из {overall.applicable}; "
                 f"ссылок на акты {len(view.citations)}; {summary}"
                 + (f"; отклонено рецензентом: {len(view.suppressed)}" if view.suppressed else ""))
    return "\n".join(lines)
