"""`reglint sections FILE`: the parsed structure of one regulation."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from analyzer import Document, InputError, Structure, read
from analyzer.analysed import analyse_text
from analyzer.cli import help_of
from analyzer.report.json_writer import approvals_to_list, sections_to_list
from analyzer.structure import parse
from analyzer.vocabulary import APPROVAL_RU

TEXT_HEADING = 100


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sections", help=help_of("sections"))
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(func=run)


def to_dict(document: Document, structure: Structure) -> dict[str, Any]:
    text = document.text
    return {
        "document": {
            "source": document.source, "format": document.format, "pages": document.pages,
            "title": structure.title,
            "approval": approvals_to_list(structure),
        },
        "sections": sections_to_list(structure),
        "defects": [{"kind": d.kind, "detail": d.detail, "start": d.start, "end": d.end, "quote": text[d.start:d.end]}
                    for d in structure.defects],
    }


def _short(text: str, limit: int = TEXT_HEADING) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def render_text(document: Document, structure: Structure) -> str:
    out = [f"Файл: {document.source} ({document.format})", f"Заголовок: {structure.title or '— не найден'}"]
    if not structure.approvals:
        out.append("Утверждение: — не найдено")
    for a in structure.approvals:
        details = [a.body or "—"]
        details += [f"протокол № {a.protocol_number}"] if a.protocol_number else []
        details += [f"приказ № {a.order_number}"] if a.order_number else []
        details += [", ".join(d.value.isoformat() if d.value else d.text for d in a.dates)] if a.dates else []
        details += [a.signatory] if a.signatory else []
        out.append(f"{APPROVAL_RU[a.kind]}: " + "; ".join(details))
    out.append("Разделы:")
    for s in structure.sections:
        out.append(f"{'  ' * s.level}{s.label or '¶'} [{s.role}] {_short(s.heading)}")
    if structure.defects:
        out.append("Нарушения нумерации и оформления:")
        for d in structure.defects:
            out.append(f"  {d.kind}: {d.detail} — «{_short(document.text[d.start:d.end], 80)}»")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    try:
        document = read(args.file)
    except InputError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    structure = parse(analyse_text(document.text))
    if args.format == "json":
        print(json.dumps(to_dict(document, structure), ensure_ascii=False, indent=2))
    else:
        print(render_text(document, structure))
    return 0
