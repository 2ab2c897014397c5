"""`reglint sections FILE [--format text|json]`."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from analyzer.cli import sections
from analyzer.ingest import read

ROOT = Path(__file__).resolve().parents[2]
DDT = ROOT / "corpora" / "regulations" / "ddt-grad-chudes-2023.txt"


def main(argv: list[str]) -> int:
    """The command as `reglint` runs it: registered on a parser, called through ``args.func``."""
    parser = argparse.ArgumentParser(prog="reglint")
    sections.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


def test_text_tree(capsys):
    assert main(["sections", str(DDT)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "    2.1 [administrator] Действия администратора ИКОП «Сферум»: координирует процессы по использованию" \
           " платформы в образовате…" in out
    assert any(line.startswith("ПРИНЯТО: Педагогическом совете; протокол № 2; 2023-12-29") for line in out)
    assert any("dangling_colon" in line for line in out)


def test_json(capsys):
    assert main(["sections", str(DDT), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["document"]["format"] == "txt"
    assert data["document"]["title"].startswith("ПОЛОЖЕНИЕ об использовании")
    assert data["document"]["approval"][1] == {
        "kind": "approved", "body": "Директор", "protocol_number": None, "order_number": "411-1/Д",
        "dates": ["2023-12-29", "2023-12-29"], "signatory": "И.Ю. Черникова",
        "start": data["document"]["approval"][1]["start"], "end": data["document"]["approval"][1]["end"]}
    section = next(s for s in data["sections"] if s["number"] == "2.4.")
    assert (section["level"], section["kind"], section["role"]) == (2, "clause", "student")
    text = read(DDT).text
    for defect in data["defects"]:
        assert defect["quote"] == text[defect["start"]:defect["end"]]


def test_docx_gives_the_tree_of_the_txt(capsys):
    main(["sections", str(DDT), "--format", "json"])
    from_txt = json.loads(capsys.readouterr().out)["sections"]
    main(["sections", str(ROOT / "corpora" / "formats" / "ddt-grad-chudes-2023.docx"), "--format", "json"])
    from_docx = json.loads(capsys.readouterr().out)["sections"]
    shape = [(s["number"] if s["kind"] != "bullet" else "", s["level"], s["role"]) for s in from_txt]
    assert [(s["number"] if s["kind"] != "bullet" else "", s["level"], s["role"]) for s in from_docx] == shape


def test_unreadable_file(tmp_path, capsys):
    empty = tmp_path / "пустой.txt"
    empty.write_bytes(b"")
    assert main(["sections", str(empty)]) == 2
    err = capsys.readouterr().err
    assert "пустой.txt" in err and "пуст" in err
