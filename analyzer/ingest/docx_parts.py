"""The parts of a DOCX package that its body text needs: the main document, its styles and numbering, and
the title of its core properties — found through the package's relationships, as Open Packaging
Conventions (ECMA-376 part 2) define, and parsed with lxml alone.

python-docx builds an object model of every part of the package (settings, fonts, theme, …) on opening;
reading only these four halves the time a DOCX takes to read. python-docx still writes DOCX (reports,
corrected drafts). The parser is python-docx's own setting: blank text dropped, no entities resolved.

Of the styles part only the styles that numbering asks for are parsed (``Styles``): documents made from
python-docx's template carry 164 styles in 350 KB, most of them table styles no paragraph uses.
"""
from __future__ import annotations

import codecs
import io
import posixpath
import re
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
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLES, _STYLE, _STYLE_ID = (f"{{{_W}}}{t}" for t in ("styles", "style", "styleId"))
_DECLARATION = re.compile(rb"<\?xml\s[^>]*\?>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
# A start or empty-element tag: group 1 its name, group 2 "/" when it is empty. Attribute values may hold ">".
_TAG = re.compile(rb"""<([^\s/>]+)(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>""")
_NOT_SPACE = re.compile(rb"\S")


class Styles:
    """The ``w:style`` children of a styles part by ``w:styleId``, each parsed when it is first asked for.

    ``heads`` holds every style's start tag (its attributes), parsed together, in document order; a style's
    children are parsed from its own bytes. This reads a part as a full parse would when the part is UTF-8,
    has no comment, CDATA, DTD or processing instruction (so every "<" opens a tag), binds no prefix before
    its first style and lists its styles one after another after everything else, separated by space only:
    each slice from ``<w:style`` to the next ``</w:style>`` is then one whole style (were a style with
    content nested in another, the outer one's closing tag would fall outside every slice, which is
    refused). Any other part is parsed whole. Nothing is parsed until numbering needs a style, and damage
    in a style never read goes unnoticed.
    """

    def __init__(self, data: bytes | None) -> None:
        self._data = data or b""
        self._heads: list[_Element] | None = [] if data is None else None
        self._ids: dict[str | None, int] = {}
        self._slices: list[tuple[int, int]] = []
        self._elements: dict[int, _Element] = {}
        self._root = self._root_end = b""

    def _index(self) -> list[_Element]:
        if self._heads is None:
            self._heads = self._split(self._data) or self._parse_whole(self._data)
            self._ids = {head.get(_STYLE_ID): i for i, head in enumerate(self._heads)}   # the last of an id wins
        return self._heads

    def _parse_whole(self, data: bytes) -> list[_Element]:
        heads = list(etree.fromstring(data, _PARSER).iterfind(_STYLE))
        self._elements = dict(enumerate(heads))
        return heads

    def _split(self, data: bytes) -> list[_Element] | None:
        """The start tags of the styles, with ``_slices`` and ``_root`` set; None when the part is not as
        the class docstring requires."""
        pos = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        declaration = _DECLARATION.match(data, pos)
        if declaration:
            encoding = _ENCODING.search(declaration.group())
            if encoding and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
                return None
            pos = declaration.end()
        # "<" opens most of the part's 12 000 tags, which makes "<!" slow to look for; "!" alone is quick.
        if (b"!" in data and b"<!" in data) or (data.find(b"?", pos) >= 0 and data.find(b"<?", pos) >= 0):
            return None
        root = _TAG.search(data, pos)
        if root is None or data[pos:root.start()].strip() or root.group(2):
            return None
        root_end = b"</" + root.group(1) + b">"
        bare_root = etree.fromstring(root.group() + root_end, _PARSER)
        prefixes = [prefix for prefix, uri in bare_root.nsmap.items() if uri == _W]
        if bare_root.tag != _STYLES or len(prefixes) != 1:
            return None
        name = (f"{prefixes[0]}:" if prefixes[0] else "").encode() + b"style"
        pos = data.find(b"<" + name, root.end())
        while pos >= 0 and (tag := _TAG.match(data, pos)) and tag.group(1) != name:   # <w:styleLink> and the like
            pos = data.find(b"<" + name, tag.end())
        # What precedes the first style must not declare a prefix of its own: a style there under another
        # prefix would be missed.
        if pos < 0 or data.find(b"xmlns", root.end(), pos) >= 0:
            return None
        close = b"</" + name
        tags: list[bytes] = []
        slices: list[tuple[int, int]] = []
        while (tag := _TAG.match(data, pos)) and tag.group(1) == name:
            end = tag.end() if tag.group(2) else data.find(close, tag.end()) + len(close) + 1
            if end < tag.end() or data[end - 1:end] != b">":   # no closing tag, or "</w:style >", "</w:styleX>"
                return None
            tags.append(data[pos:tag.start(2) if tag.group(2) else tag.end() - 1] + b"/>")
            slices.append((pos, end))
            following = _NOT_SPACE.search(data, end)
            pos = following.start() if following else len(data)
        if data[pos:].rstrip() != root_end:
            return None
        heads = list(etree.fromstring(root.group() + b"".join(tags) + root_end, _PARSER))
        if any(head.tag != _STYLE for head in heads):   # a style that binds its prefix to another namespace
            return None
        self._root, self._root_end, self._slices = root.group(), root_end, slices
        return heads

    def __contains__(self, style_id: object) -> bool:
        self._index()
        return style_id in self._ids

    def __getitem__(self, style_id: str | None) -> _Element:
        self._index()
        i = self._ids[style_id]
        if i not in self._elements:
            start, end = self._slices[i]
            self._elements[i] = etree.fromstring(self._root + self._data[start:end] + self._root_end, _PARSER)[0]
        return self._elements[i]

    def default_paragraph(self) -> str | None:
        """The id of the default paragraph style, None without one."""
        heads = self._index()
        return next((sid for sid, i in self._ids.items() if heads[i].get(f"{{{_W}}}type") == "paragraph"
                     and heads[i].get(f"{{{_W}}}default") in ("1", "true", "on")), None)


@dataclass(frozen=True)
class DocxParts:
    document: _Element
    styles: Styles
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
    ``zipfile`` errors for a damaged archive, ``etree.XMLSyntaxError`` for a damaged part (a style: when
    ``Styles`` reads it)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        package = _targets(zf, "")
        main = package[MAIN]
        document = _part(zf, main)
        if document is None:
            raise KeyError(main)
        rels = _targets(zf, main)
        core = _part(zf, package.get(CORE))
        title = core.findtext(_TITLE) if core is not None else None
        styles = rels.get(STYLES)
        return DocxParts(document, Styles(zf.read(styles) if styles in zf.NameToInfo else None),
                         _part(zf, rels.get(NUMBERING)), title or "")
