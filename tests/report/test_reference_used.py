"""The writers use the reference data the analysis used, not the installed copy loaded again."""
from __future__ import annotations

import yaml

from analyzer import Document, analyze_document
from analyzer.registry import default_path, parse_registry
from analyzer.report.citation_fixes import citation_fixes

TEXT = ("1.1. Положение разработано в соответствии с Федеральным законом от 29.12.2012 № 274-ФЗ "
        "«Об образовании в Российской Федерации».\n")


def _registry_with_citation(act_id: str, citation: str):
    data = yaml.safe_load(default_path().read_text(encoding="utf-8"))
    next(a for a in data["acts"] if a["id"] == act_id)["citation"] = citation
    return parse_registry(data, "registry changed by the test")


def test_corrected_citation_comes_from_the_analysis_registry():
    document = Document(source="case.txt", format="txt", text=TEXT)
    installed = citation_fixes(analyze_document(document))
    assert [f.text for f in installed] == [("Федеральным законом от 29.12.2012 № 273-ФЗ "
                                           "«Об образовании в Российской Федерации»")]
    registry = _registry_with_citation("fz-273-2012", "Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании»")
    report = analyze_document(document, registry=registry)
    assert report.registry is registry
    assert [f.text for f in citation_fixes(report)] == ["Федеральным законом от 29.12.2012 № 273-ФЗ «Об образовании»"]

