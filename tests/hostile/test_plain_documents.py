"""Ordinary documents that must be read: no automatic lists, a long Cyrillic TXT, a long text within the
limit; and the typed refusals for a text beyond it and for locked ZIP members."""
from __future__ import annotations

import zipfile
from pathlib import Path

import hostile_files as h
import pytest

from analyzer.cli import main
from analyzer.errors import Encrypted, TooLarge
from analyzer.ingest import MAX_CHARS, read
from analyzer.pipeline import analyze


def _verdicts(path: Path) -> dict[str, str]:
    return {c.clause: c.status for c in analyze(path).clauses}


@pytest.mark.parametrize("stem", [p.stem for p in h.REGULATIONS])
def test_plain_docx_without_numbering_part_reads_like_its_text(stem):
    plain = h.PLAIN / f"{stem}.docx"
    with zipfile.ZipFile(plain) as zf:
        assert "word/numbering.xml" not in zf.namelist()
    document = read(plain)
    source = read(h.CORPORA / "regulations" / f"{stem}.txt")
    assert document.text.split() == source.text.split()
    assert _verdicts(plain) == _verdicts(h.CORPORA / "regulations" / f"{stem}.txt")


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["odt", "rtf", "doc"])
def test_plain_office_formats_get_the_verdicts_of_their_text(fmt):
    stem = "ddt-grad-chudes-2023"
    assert _verdicts(h.PLAIN / f"{stem}.{fmt}") == _verdicts(h.CORPORA / "regulations" / f"{stem}.txt")


def test_utf8_text_cut_inside_a_letter_by_the_sniff_window_is_read(tmp_path):
    path = h.utf8_cut_txt(tmp_path)
    assert path.read_bytes()[65535] >= 0xC0          # the window's last byte opens a letter
    document = read(path)
    assert document.format == "txt" and "Сферум" in document.text


def test_long_but_legal_text_is_analysed(tmp_path):
    path = h.long_txt(tmp_path, MAX_CHARS - 10_000)
    report = analyze(path)
    assert len(report.document.text) > 400_000 and report.in_scope


def test_one_line_text_within_the_limit_is_analysed(tmp_path):
    report = analyze(h.one_line_txt(tmp_path, MAX_CHARS - 10_000))
    assert report.in_scope


@pytest.mark.parametrize("build", [lambda d: h.long_txt(d, 2_000_000), lambda d: h.many_paragraphs_docx(d)])
def test_text_beyond_the_limit_is_refused_by_name_before_analysis(tmp_path, capsys, build):
    path = build(tmp_path)
    with pytest.raises(TooLarge) as caught:
        read(path)
    assert str(path) in caught.value.message
    assert main(["check", str(path), "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "допустимо не более" in err and "Traceback" not in err


def test_docx_with_an_encrypted_zip_member_is_refused_as_encrypted(tmp_path, capsys):
    path = h.encrypted_member_docx(tmp_path)
    with pytest.raises(Encrypted):
        read(path)
    assert main(["check", str(path)]) == 2
    assert "зашифрован" in capsys.readouterr().err
