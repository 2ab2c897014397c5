"""Realistic edited copies of regulations, for robustness tests and the benchmark.

Schools copy a template and then edit it: duties are deleted, weakened or
moved to another role, citations get wrong dates and numbers, the text is
re-wrapped by a PDF export, renumbered, paraphrased, or OCR-damaged. Each
function takes the text (and a seeded ``random.Random``) and returns the
edited text, so a test can assert what reglint must then report.
"""
from __future__ import annotations

import random
import re

BULLET = re.compile(r"^\s*(?:[-–—•·*]\s|\d{1,2}(?:\.\d{1,2})+\.?\s)", re.MULTILINE)
TOP_NUMBER = re.compile(r"^(\W{0,6})(\d{1,2})(\.(?:\d{1,2}\.?)*)(?=\s|[А-ЯЁ])", re.MULTILINE)
LATIN = str.maketrans("АВЕКМНОРСТХаеорсух", "ABEKMHOPCTXaeopcyx")
PARAPHRASES = (
    ("обучающимися", "учащимися"), ("обучающихся", "учащихся"), ("Обучающийся", "Учащийся"),
    ("педагогическим работникам", "педагогам"), ("создает", "формирует"), ("направляет", "рассылает"),
    ("ссылки-приглашения", "пригласительные ссылки"), ("осуществляет взаимодействие", "взаимодействует"),
    ("оказывает помощь и поддержку", "помогает и поддерживает"),
)


def delete_line(text: str, phrase: str) -> str:
    """Remove the line that contains ``phrase`` (a deleted duty)."""
    lines = text.split("\n")
    kept = [line for line in lines if phrase not in line]
    if len(kept) == len(lines):
        raise ValueError(f"phrase not found: {phrase!r}")
    return "\n".join(kept)


def weaken_line(text: str, phrase: str, marker: str = "при необходимости") -> str:
    """Make the duty on the line with ``phrase`` optional: «при необходимости» in front of it."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if phrase in line:
            lines[i] = line.replace(phrase, f"{marker} {phrase}", 1)
            return "\n".join(lines)
    raise ValueError(f"phrase not found: {phrase!r}")


def move_line(text: str, phrase: str, after: str) -> str:
    """Move the line with ``phrase`` to just after the line with ``after`` (another role's list)."""
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if phrase in line)
    line = lines.pop(index)
    target = next(i for i, other in enumerate(lines) if after in other)
    lines.insert(target + 1, line)
    return "\n".join(lines)


def replace(text: str, old: str, new: str) -> str:
    """A targeted edit (a wrong date or number in a citation); fails loudly if ``old`` is absent."""
    if old not in text:
        raise ValueError(f"not found: {old!r}")
    return text.replace(old, new, 1)


def rewrap(text: str, width: int = 70) -> str:
    """Hard-wrap every long paragraph at ``width`` columns, as a PDF export does."""
    out = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if line and len(line) + 1 + len(word) > width:
                out.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        out.append(line)
    return "\n".join(out)


def renumber(text: str, shift: int = 1) -> str:
    """Shift every section number at the start of a line by ``shift`` (2.1. → 3.1.)."""
    return TOP_NUMBER.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + shift}{m.group(3)}", text)


def reorder_sections(text: str) -> str:
    """Swap the second and third top-level sections (a part moved in the draft), numbers kept as written."""
    from analyzer.analysed import analyse_text
    from analyzer.structure import parse

    tops = [s for s in parse(analyse_text(text)).sections if s.level == 1]
    if len(tops) < 3:
        raise ValueError("fewer than three top-level sections")
    second, third = tops[1], tops[2]
    return (text[:second.start] + text[third.start:third.end].rstrip("\n") + "\n"
            + text[second.start:second.end].rstrip("\n") + "\n" + text[third.end:].lstrip("\n"))


def paraphrase(text: str) -> str:
    """Swap words for the synonyms real regulations use."""
    for old, new in PARAPHRASES:
        text = text.replace(old, new)
    return text


def ocr_noise(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """Replace a share of Cyrillic letters with their Latin look-alikes."""
    return "".join(ch.translate(LATIN) if rng.random() < rate else ch for ch in text)


def random_variant(text: str, rng: random.Random) -> str:
    """A plausible edited copy: some duties deleted or weakened, maybe re-wrapped or paraphrased."""
    lines = text.split("\n")
    duties = [i for i, line in enumerate(lines) if BULLET.match(line) and len(line) > 40]
    for i in sorted(rng.sample(duties, k=min(len(duties), rng.randint(0, 4))), reverse=True):
        if rng.random() < 0.5:
            del lines[i]
        else:
            lines[i] = re.sub(r"^(\s*[-–—•·*]?\s*)", r"\1при необходимости ", lines[i], count=1)
    text = "\n".join(lines)
    if rng.random() < 0.3:
        text = rewrap(text, rng.randint(60, 90))
    if rng.random() < 0.3:
        text = paraphrase(text)
    if rng.random() < 0.2:
        text = renumber(text, 1)
    return text
