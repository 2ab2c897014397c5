"""`reglint --help` and `reglint explain` start without the heavy layers; the
public API in ``analyzer`` loads its parts only when they are used."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "pymorphy3", "analyzer.checks", "analyzer.report", "dask", "pandas", "docx")


def loaded_after(code: str) -> set[str]:
    probe = f"import sys, contextlib, io\nwith contextlib.redirect_stdout(io.StringIO()):\n    {code}\n" \
            "print(' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    return set(out.split())


@pytest.mark.parametrize("argv", [["explain", "RL102"], ["explain", "--all"], ["--help"]])
def test_cli_start_loads_no_heavy_module(argv):
    code = f"from analyzer.cli import main\n    try: main({argv!r})\n    except SystemExit: pass"
    assert not {m for m in loaded_after(code) if m.split(".")[0] in HEAVY or m.startswith(HEAVY)}


def test_explain_reads_the_catalogue_data():
    reglint = Path(sys.executable).with_name("reglint")
    out = subprocess.run([reglint, "explain", "RL102"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("RL102 clause.partial")


def test_public_api_is_lazy_and_complete():
    import analyzer

    assert sorted(analyzer.__all__) == sorted(analyzer._EXPORTS)
    assert not {m for m in loaded_after("import analyzer") if m != "analyzer" and m.startswith("analyzer.")}
    report = analyzer.analyze(Path(__file__).parents[1] / "corpora" / "regulations" / "apk-college.txt")
    assert isinstance(report, analyzer.Report) and all(isinstance(f, analyzer.Finding) for f in report.findings)
    assert report.document == analyzer.read(report.document.source)


def test_text_check_loads_no_docx_or_pdf_stack():
    """A TXT check imports the readers and writers of its own format only: no python-docx, pypdfium2,
    jinja2-based writers, nor the DOCX or PDF reader modules."""
    txt = Path(__file__).parents[1] / "corpora" / "regulations" / "apk-college.txt"
    code = f"from analyzer.cli import main\n    try: main(['check', {str(txt)!r}])\n    except SystemExit: pass"
    loaded = loaded_after(code)
    assert "analyzer.ingest.txt_reader" in loaded and "analyzer.report.text_writer" in loaded
    unwanted = {"docx", "pypdfium2", "analyzer.ingest.docx_reader", "analyzer.ingest.pdf_reader",
                "analyzer.ingest.image_reader", "analyzer.report.docx_writer", "analyzer.report.html_writer"}
    assert not loaded & unwanted


def test_batch_parent_loads_no_nlp_layer(tmp_path):
    """The batch's parent expands inputs, hashes and writes the store; the workers fork from a server that
    loaded spaCy once. A parent importing spaCy spent about a second of a core the workers need."""
    db = tmp_path / "audit.sqlite"
    for name in ("a.txt", "b.txt"):   # two documents, so that two worker processes run them
        (tmp_path / name).write_text(f"Положение {name} об использовании ИКОП «Сферум»", encoding="utf-8")
    code = ("from analyzer.batch.orchestrator import current_versions\n    current_versions()\n"
            "    from analyzer.cli import main\n"
            f"    try: main(['batch', '--workers', '2', '--db', {str(db)!r}, {str(tmp_path)!r}])\n"
            "    except SystemExit: pass")
    loaded = loaded_after(code)
    assert "analyzer.batch.orchestrator" in loaded and "analyzer.config" in loaded
    assert db.exists() and not {m for m in loaded if m.split(".")[0] == "spacy" or m.startswith("analyzer.nlp")}


def test_check_loads_spacy_only_when_a_token_pattern_can_match():
    """spaCy builds a Doc only for the Matcher of template remnants: a school's regulation with no word of
    another kind of organisation is checked without importing it; a college's that says «школа» imports it."""
    root = Path(__file__).parents[1] / "corpora" / "regulations"
    loaded = {}
    for name in ("co-milyutina-2023.txt", "apk-college.txt"):
        code = f"from analyzer.cli import main\n    try: main(['check', {str(root / name)!r}])\n    except SystemExit: pass"
        loaded[name] = "spacy" in loaded_after(code)
    assert loaded == {"co-milyutina-2023.txt": False, "apk-college.txt": True}
