"""The parts of a DOCX package that its body text needs: the main document, its styles and numbering, and
the title of its core properties — found through the package's relationships, as Open Packaging
Conventions (ECMA-376 part 2) define, and parsed with lxml alone.

python-docx builds an object model of every part of the package (settings, fonts, theme, …) on opening;
reading only these four halves the time a DOCX takes to read. python-docx still writes DOCX (reports,
corrected drafts). The parser is python-docx's own setting: blank text dropped, no entities resolved.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass

from lxml import etree
from lxml.etree import _Element

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
MAIN, STYLES, NUMBERING = (_OFFICE + t for t in ("officeDocument", "styles", "numbering"))
CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_TITLE = "{http://purl.org/dc/elements/1.1/}title"


@dataclass(frozen=True)
class DocxParts:
    document: _Element
    styles: _Element | None
    numbering: _Element | None
    title: str


def _rels_name(part: str) -> str:
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", f"{name}.rels")


def _targets(zf: zipfile.ZipFile, part: str) -> dict[str, str]:
    """relationship type → the member name of its first internal target, for the part named ``part``
    ("" is the package itself)."""
    name = _rels_name(part)
    if name not in zf.NameToInfo:
        return {}
    base = posixpath.dirname(part)
    found: dict[str, str] = {}
    for rel in etree.fromstring(zf.read(name), _PARSER).iter(_RELS):
        target = rel.get("Target")
        if rel.get("TargetMode") == "External" or not target:
            continue
        member = posixpath.normpath(posixpath.join("/" + base, target)).lstrip("/")
        found.setdefault(rel.get("Type", ""), member)
    return found


def _part(zf: zipfile.ZipFile, member: str | None) -> _Element | None:
    return etree.fromstring(zf.read(member), _PARSER) if member and member in zf.NameToInfo else None


def read_parts(data: bytes) -> DocxParts:
    """The parts of the DOCX in ``data``. Raises KeyError when the package has no main document,
    ``zipfile`` errors for a damaged archive, ``etree.XMLSyntaxError`` for a damaged part."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        package = _targets(zf, "")
        main = package[MAIN]
        document = _part(zf, main)
        if document is None:
            raise KeyError(main)
        rels = _targets(zf, main)
        core = _part(zf, package.get(CORE))
        title = core.findtext(_TITLE) if core is not None else None
        return DocxParts(document, _part(zf, rels.get(STYLES)), _part(zf, rels.get(NUMBERING)), title or "")
