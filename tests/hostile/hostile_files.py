"""Builders of the hostile and unlucky inputs: shared by the tests in this folder and bench/hostile_campaign.py.

Each builder writes one file (or a few) into ``folder`` from the corpora and returns its path; nothing is
random, so a failing case can be rebuilt.
"""
from __future__ import annotations

import io
import re
import sqlite3
import struct
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
REGULATIONS = sorted((CORPORA / "regulations").glob("*.txt"))
PLAIN = CORPORA / "formats" / "plain"
DOCX = CORPORA / "formats" / "ddt-grad-chudes-2023.docx"
TEXT = (CORPORA / "regulations" / "apk-college.txt").read_text(encoding="utf-8")

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _rewrite(source: Path, target: Path, edit: dict[str, bytes | None], flags: dict[str, int] | None = None) -> Path:
    """A copy of the ZIP ``source`` with members replaced (None: removed) or added, stored in order."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename in edit:
                data = edit[info.filename]
                if data is not None:
                    out.writestr(info.filename, data)
            else:
                out.writestr(info, src.read(info))
        for name, data in edit.items():
            if data is not None and name not in src.namelist():
                out.writestr(name, data)
    for name, bits in (flags or {}).items():
        set_flag(target, name, bits)
    return target


def set_flag(path: Path, member: str, bits: int) -> None:
    """Set general-purpose flag ``bits`` of ``member`` in its local header and its central directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(member)
    data[info.header_offset + 6] |= bits
    name = member.encode()
    for m in re.finditer(rb"PK\x01\x02", data):
        at = m.start()
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name:
            data[at + 8] |= bits
    path.write_bytes(bytes(data))


def _document_xml(paragraphs: list[str], ppr: str = "") -> bytes:
    body = "".join(f"<w:p>{ppr.format(i=i)}<w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>"
                   for i, p in enumerate(paragraphs))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>{body}</w:body>' \
           f"</w:document>".encode()


# ----------------------------------------------------------------------------- ordinary documents
def utf8_cut_txt(folder: Path) -> Path:
    """A valid UTF-8 TXT over 64 KiB whose 65,536th byte opens a two-byte Cyrillic letter."""
    data = ("\n".join([TEXT] * 7)).encode()
    while data[65535] < 0xC0:
        data = b" " + data
    path = folder / "long-utf8.txt"
    path.write_bytes(data)
    return path


def long_txt(folder: Path, chars: int, name: str = "long.txt") -> Path:
    """The regulation repeated to ``chars`` characters, paragraphs kept."""
    text = "\n".join([TEXT] * (chars // len(TEXT) + 1))[:chars]
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def one_line_txt(folder: Path, chars: int) -> Path:
    """The regulation as one line of ``chars`` characters (a PDF text layer without breaks)."""
    text = " ".join([TEXT.replace("\n", " ")] * (chars // len(TEXT) + 1))[:chars]
    path = folder / "one-line.txt"
    path.write_text(text, encoding="utf-8")
    return path


def many_paragraphs_docx(folder: Path, count: int = 100_000) -> Path:
    """A DOCX with ``count`` short paragraphs (the regulation's words, numbered)."""
    words = TEXT.split()
    paragraphs = [f"{words[i % len(words)]} {i}" for i in range(count)]
    return _rewrite(DOCX, folder / "paragraphs.docx", {"word/document.xml": _document_xml(paragraphs)})


def encrypted_member_docx(folder: Path) -> Path:
    """A DOCX whose document part carries the ZIP encryption flag."""
    return _rewrite(DOCX, folder / "locked-member.docx", {}, flags={"word/document.xml": 0x1})


# ----------------------------------------------------------------------------- bounded time and memory
def style_chain_docx(folder: Path, styles: int = 6000) -> Path:
    """A DOCX whose paragraph styles form one ``basedOn`` chain of ``styles``; each paragraph uses the deepest
    ones, and the chain ends in a loop."""
    chain = "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:name w:val="s{i}"/>'
                    f'<w:basedOn w:val="s{i - 1 if i else styles - 1}"/></w:style>' for i in range(styles))
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {_W}>{chain}</w:styles>'.encode()
    lines = [line for line in TEXT.split("\n") if line.strip()]
    paragraphs = [lines[i % len(lines)][:60] for i in range(styles)]
    document = _document_xml(paragraphs, ppr='<w:pPr><w:pStyle w:val="s{i}"/></w:pPr>')
    return _rewrite(DOCX, folder / "style-chain.docx", {"word/styles.xml": xml, "word/document.xml": document})


def huge_start_docx(folder: Path, fmt: str = "lowerLetter") -> Path:
    """A DOCX whose only list starts at 2,147,483,647 and numbers 200 paragraphs."""
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {_W}>'
                 f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="2147483647"/>'
                 f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'
                 f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode()
    paragraphs = [line for line in TEXT.split("\n") if line.strip()][:200]
    document = _document_xml(paragraphs, ppr='<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>')
    return _rewrite(DOCX, folder / f"huge-start-{fmt}.docx",
                    {"word/numbering.xml": numbering, "word/document.xml": document})


def markup_bomb_docx(folder: Path, megabytes: int = 290) -> Path:
    """A DOCX that passes the ratio guard (about 16:1) but whose document part unpacks to ``megabytes``."""
    words = [f"{w}{i % 977}" for i, w in enumerate(TEXT.split())]
    chunk = " ".join(words).encode()
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document {_W}><w:body><w:p><w:r><w:t>'.encode()
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    body = (chunk * (megabytes * (1 << 20) // len(chunk) + 1))[:megabytes << 20]
    return _rewrite(DOCX, folder / "markup-bomb.docx", {"word/document.xml": head + body + tail})


def entity_docx(folder: Path) -> Path:
    """A DOCX whose document part declares an XML entity and uses it in the text."""
    with zipfile.ZipFile(DOCX) as zf:
        xml = zf.read("word/document.xml").decode()
    at = xml.index("?>") + 2
    xml = xml[:at] + '<!DOCTYPE w:document [<!ENTITY sf "Сферум">]>' + xml[at:].replace("Сферум", "&sf;", 3)
    return _rewrite(DOCX, folder / "entity.docx", {"word/document.xml": xml.encode()})


# ----------------------------------------------------------------------------- stores
def foreign_db(folder: Path) -> Path:
    """Somebody else's SQLite database (rollback journal, no user_version)."""
    path = folder / "contacts.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        db.execute("INSERT INTO contacts VALUES ('Иванова', '+7 900 000-00-00')")
    return path


def newer_store(folder: Path, version: int = 2) -> Path:
    """A store written by a newer reglint: its tables, a higher user_version."""
    path = folder / "newer.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT)")
        db.execute(f"PRAGMA user_version={version}")
    return path


def damaged_store(folder: Path, source: Path) -> Path:
    """A real store with its header overwritten."""
    path = folder / "damaged.sqlite"
    data = bytearray(source.read_bytes())
    data[:100] = b"\x00" * 100
    path.write_bytes(bytes(data))
    return path
