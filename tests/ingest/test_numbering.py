"""Word numbering rules, on numbering and style definitions written here the way Word writes them."""
from __future__ import annotations

import pytest
from docx.oxml import parse_xml

from analyzer.ingest.docx_parts import Styles
from analyzer.ingest.numbering import Numbering, format_number

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def lvl(ilvl: int, text: str, fmt: str = "decimal", start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


MULTI = lvl(0, "%1.") + lvl(1, "%1.%2.") + lvl(2, "%1.%2.%3.")


def numbering(abstracts: dict[int, str], nums: dict[int, str]) -> Numbering:
    xml = (f"<w:numbering {W}>"
           + "".join(f'<w:abstractNum w:abstractNumId="{a}">{body}</w:abstractNum>' for a, body in abstracts.items())
           + "".join(f'<w:num w:numId="{n}">{body}</w:num>' for n, body in nums.items()) + "</w:numbering>")
    return Numbering(parse_xml(xml), None)


def para(num_id: int | None = None, ilvl: int | None = None, style: str | None = None):
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if num_id is not None:
        level = f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numPr>{level}<w:numId w:val="{num_id}"/></w:numPr>'
    return parse_xml(f"<w:p {W}><w:pPr>{ppr}</w:pPr></w:p>")


def labels(numbering_: Numbering, paragraphs) -> list[str | None]:
    return [numbering_.label(p) for p in paragraphs]


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (3, "decimal", "3"), (3, "decimalZero", "03"), (1, "russianLower", "а"), (10, "russianLower", "к"),
    (29, "russianUpper", "АА"), (27, "lowerLetter", "aa"), (4, "upperRoman", "IV"), (19, "lowerRoman", "xix"),
    (5, "none", ""), (7, "ordinalText", "7"),
])
def test_number_formats(n, fmt, shown):
    assert format_number(n, fmt) == shown


def test_levels_count_and_restart():
    nb = numbering({0: MULTI}, {1: '<w:abstractNumId w:val="0"/>'})
    paras = [para(1, 0), para(1, 1), para(1, 1), para(1, 2), para(1, 0), para(1, 1), para(1, 2)]
    assert labels(nb, paras) == ["1.", "1.1.", "1.2.", "1.2.1.", "2.", "2.1.", "2.1.1."]


def test_deeper_item_first_fixes_the_higher_number():
    nb = numbering({0: MULTI}, {1: '<w:abstractNumId w:val="0"/>'})
    assert labels(nb, [para(1, 1), para(1, 1), para(1, 0)]) == ["1.1.", "1.2.", "2."]


def test_lvl_restart_zero_never_restarts():
    levels = lvl(0, "%1.") + lvl(1, "%1.%2.", extra='<w:lvlRestart w:val="0"/>')
    nb = numbering({0: levels}, {1: '<w:abstractNumId w:val="0"/>'})
    assert labels(nb, [para(1, 0), para(1, 1), para(1, 0), para(1, 1)]) == ["1.", "1.1.", "2.", "2.2."]


def test_instances_of_one_list_continue_and_start_override_restarts():
    nb = numbering({0: MULTI}, {
        1: '<w:abstractNumId w:val="0"/>',
        2: '<w:abstractNumId w:val="0"/>',
        3: '<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>',
    })
    assert labels(nb, [para(1, 0), para(1, 0), para(2, 0), para(3, 0), para(3, 0)]) == ["1.", "2.", "3.", "1.", "2."]


def test_level_override_replaces_the_format():
    nb = numbering({0: MULTI}, {
        1: '<w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">' + lvl(0, "%1)", "russianLower") + "</w:lvlOverride>",
    })
    assert labels(nb, [para(1, 0), para(1, 0)]) == ["а)", "б)"]


def test_legal_numbering_shows_higher_levels_in_digits():
    levels = lvl(0, "Раздел %1.", "upperRoman") + lvl(1, "%1.%2.", extra="<w:isLgl/>")
    nb = numbering({0: levels}, {1: '<w:abstractNumId w:val="0"/>'})
    assert labels(nb, [para(1, 0), para(1, 1), para(1, 0)]) == ["Раздел I.", "1.1.", "Раздел II."]


@pytest.mark.parametrize(("glyph", "mark"), [("\uf0b7", "•"), ("–", "-"), ("-", "-"), ("·", "·"), ("o", "•"),
                                             ("§", "•")])
def test_bullets_are_one_of_three_marks(glyph, mark):
    nb = numbering({0: lvl(0, glyph, "bullet")}, {1: '<w:abstractNumId w:val="0"/>'})
    assert nb.label(para(1, 0)) == mark


def test_no_number_for_num_id_zero_unknown_num_or_format_none():
    nb = numbering({0: lvl(0, "", "none")}, {1: '<w:abstractNumId w:val="0"/>'})
    assert labels(nb, [para(0, 0), para(7, 0), para(1, 0), para()]) == [None, None, None, None]


def test_numbering_attached_to_styles():
    styles = Styles((
        f"<w:styles {W}>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Clause"><w:basedOn w:val="Heading1"/>'
        '<w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Point"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        "</w:styles>").encode())
    levels = lvl(0, "%1.", extra='<w:pStyle w:val="Heading1"/>') + lvl(1, "%1.%2.") + \
        lvl(2, "%1.%2.%3.", extra='<w:pStyle w:val="Point"/>')
    nb = Numbering(parse_xml(f'<w:numbering {W}><w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
                             f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'), styles)
    paras = [para(style="Heading1"), para(style="Point"), para(style="Heading1"),
             para(0, None, style="Heading1"), para(None, None, "Normal"), para(1, 1, "Heading1")]
    # "Clause" has an ilvl but no numId of its own: it inherits numId 1 through basedOn.
    paras.insert(2, para(style="Clause"))
    assert labels(nb, paras) == ["1.", "1.1.1.", "1.2.", "2.", None, None, "2.1."]


def test_list_style_link_leads_to_the_levels():
    styles = Styles((
        f"<w:styles {W}><w:style w:type=\"numbering\" w:styleId=\"Outline\">"
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>').encode())
    nb = Numbering(parse_xml(
        f'<w:numbering {W}><w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Outline"/>{MULTI}</w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>'), styles)
    assert labels(nb, [para(2, 0), para(2, 1)]) == ["1.", "1.1."]
