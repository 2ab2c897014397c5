"""Plain-text report: one line per finding, linter style, then a summary."""
from __future__ import annotations

from analyzer.model import Report
from analyzer.report.view import OCR_MARK, SEVERITY_RU, build_view


def render_text(report: Report) -> str:
    view = build_view(report)
    lines = [f"{view.source}: {view.ocr_banner}"] if view.ocr_banner else []
    for item in view.findings:
        f = item.finding
        where = f"{view.source}:{item.location}" if item.location else view.source
        lines.append(f"{where}: {f.code} {f.severity} {f.message}" + (f" [{OCR_MARK}]" if f.ocr else ""))
    overall = view.overall
    summary = ", ".join(f"{SEVERITY_RU[s]}: {n}" for s, n in view.counts.items())
    lines.append(f"{view.source}: тип — {view.institution}; "
                 f"положений на месте {overall.present} из {overall.applicable}; "
                 f"ссылок на акты {len(view.citations)}; {summary}")
    return "\n".join(lines)
