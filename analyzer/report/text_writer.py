"""Plain-text report: one line per finding, linter style, then a summary."""
from __future__ import annotations

from collections import Counter

from analyzer.model import Report

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_RU = {"error": "ошибка", "warning": "предупреждение", "info": "замечание"}
INSTITUTION_RU = {"school": "общеобразовательная организация", "college": "СПО", "additional":
                  "дополнительное образование", "preschool": "дошкольная организация", "unknown": "не определён"}


def render_text(report: Report) -> str:
    lines = []
    source = report.document.source
    for f in sorted(report.findings, key=lambda f: (f.start if f.start is not None else -1, f.code)):
        where = f"{source}:{f.section}" if f.section else source
        lines.append(f"{where}: {f.code} {f.severity} {f.message}")
    counts = Counter(f.severity for f in report.findings)
    present = sum(1 for c in report.clauses if c.status == "present")
    applicable = sum(1 for c in report.clauses if c.status != "not_applicable")
    summary = ", ".join(f"{SEVERITY_RU[s]}: {counts.get(s, 0)}" for s in SEVERITY_ORDER)
    lines.append(f"{source}: тип — {INSTITUTION_RU[report.institution_type]}; "
                 f"положений на месте {present} из {applicable}; ссылок на акты {len(report.citations)}; {summary}")
    return "\n".join(lines)
