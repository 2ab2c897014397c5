"""Tesseract through its command line: one page image in, words with boxes out.

The CLI's TSV output gives every word with its box, line and confidence; the
image goes in on stdin as PNM, so nothing touches the disk and nothing is
compressed. pytesseract would
spawn the same binary after writing the image to a temporary file. Each call
runs one Tesseract thread (``OMP_THREAD_LIMIT=1``): batch workers already use
every core, and Tesseract's own threads buy little on one page.

A page scanned askew is straightened first (``deskew_angle``: the angle whose
row profile of ink is sharpest), so that Tesseract's lines are the printed
lines. A page that reads badly (low mean confidence, few words) is checked by
Tesseract's orientation detector (OSD) and read again turned upright; upright
pages never pay for OSD. The Russian model reads a Latin e-mail address or
site in Cyrillic letters («шюЮ@зЕегат.ги»): such words alone are read again
with the English model.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import time
from dataclasses import asdict
from functools import lru_cache
from typing import Any

import numpy as np
from PIL import Image

from analyzer.errors import OcrMissing
from analyzer.model import OcrPage, OcrWord

LANGUAGE = "rus"          # plus "eng" for addresses, see _latin_addresses
# Chosen on the scorer (bench/ocr_bench.py): psm 3 (automatic layout) keeps the
# approval table's two columns apart, psm 6 (one block) runs them together.
PSM = 4
PAGE_TIMEOUT = 60.0          # seconds per page; a page cut off is reported, the document goes on
_UPRIGHT_CONFIDENCE = 60.0   # below this mean word confidence (or under _MIN_WORDS words) a page reads badly
_MIN_WORDS = 5
_INSTALL = "установите пакеты tesseract-ocr и tesseract-ocr-rus (Debian/Ubuntu: apt-get install tesseract-ocr " \
           "tesseract-ocr-rus)"


@lru_cache(maxsize=1)
def engine() -> str:
    """"tesseract 5.3.0" with its Russian model; OcrMissing when either is not installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise OcrMissing("tesseract", _INSTALL)
    try:
        listed = subprocess.run([binary, "--list-langs"], check=False, capture_output=True, text=True, timeout=30)
        version = subprocess.run([binary, "--version"], check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise OcrMissing("tesseract", f"{_INSTALL}; запуск не удался: {exc}") from None
    if LANGUAGE not in listed.stdout.split():
        raise OcrMissing("tesseract", f"нет русской модели распознавания; {_INSTALL}")
    first = (version.stdout or version.stderr).splitlines()[0].strip()
    return first


def settings_key(dpi: int) -> str:
    """What an OCR result depends on besides the image: engine, language, layout mode, resolution."""
    return f"{engine()} {LANGUAGE} (eng addresses) psm{PSM} {dpi}dpi"


def _run(args: list[str], image: bytes, timeout: float) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")}
    done = subprocess.run(["tesseract", "stdin", "stdout", *args], input=image, capture_output=True,
                          timeout=timeout, env=env, check=False)
    return done.stdout.decode("utf-8", "replace")


def _pnm(image: Image.Image) -> bytes:
    """The image as PNM (P5/P6): Leptonica reads it from stdin like PNG, and it costs no compression."""
    buffer = io.BytesIO()
    image.save(buffer, "PPM")
    return buffer.getvalue()


def _words(tsv: str) -> tuple[OcrWord, ...]:
    words: list[OcrWord] = []
    lines: dict[tuple[int, int, int], int] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) != 12 or cols[0] != "5" or not cols[11].strip():
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))
        line = lines.setdefault(key, len(lines))
        words.append(OcrWord(cols[11].strip(), float(cols[10]), int(cols[6]), int(cols[7]), int(cols[8]),
                             int(cols[9]), line))
    return tuple(words)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
# A word that is an address (e-mail, site) the Russian model has read in Cyrillic: «шюЮ@зЕегат.ги».
_ADDRESS = re.compile(r".*[а-яё].*(?:@|\.(?:ги|гц|ру|сот|огд|рф)\b)|.*@.*[а-яё]", re.IGNORECASE)
_LATIN_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:[\w-]+\.)+[a-z]{2,}", re.ASCII | re.IGNORECASE)


def _latin_addresses(image: Image.Image, words: tuple[OcrWord, ...], dpi: int, timeout: float) -> tuple[OcrWord, ...]:
    """Addresses read again with the English model, one word image at a time (a few per page)."""
    mended = []
    for word in words:
        if _ADDRESS.match(word.text):
            box = (max(word.left - 6, 0), max(word.top - 6, 0), word.left + word.width + 6, word.top + word.height + 6)
            text = _run(["-l", "eng", "--psm", "7", "--dpi", str(dpi)], _pnm(image.crop(box)), timeout).strip()
            found = _LATIN_ADDRESS.search(text)
            if found:
                tail = word.text[len(word.text.rstrip(".,;:)»")):]
                word = OcrWord(found.group(0) + tail, word.conf, word.left, word.top, word.width, word.height,
                               word.line)
        mended.append(word)
    return tuple(mended)


def _orientation(image: bytes, dpi: int, timeout: float) -> int:
    """Degrees to turn the image clockwise to make it upright, by Tesseract's OSD (0 when unsure)."""
    found = _ROTATE.search(_run(["--psm", "0", "--dpi", str(dpi), "-l", "osd"], image, timeout))
    return int(found.group(1)) if found else 0


_SKEW_STEPS = (np.arange(-4.0, 4.01, 0.5), np.arange(-0.4, 0.41, 0.1))
_MIN_SKEW = 0.3    # degrees; less is left as it is
_INK_CONTRAST = 60  # grey levels below the paper's shade that count as ink (uneven light is not ink)


def deskew_angle(image: Image.Image) -> float:
    """The turn (degrees, counter-clockwise) that makes the text lines horizontal: the angle whose
    row profile of ink is sharpest, coarse then fine, on a quarter-size copy thresholded against the paper's
    shade (so that a light gradient across the page does not count)."""
    grey = np.asarray(image.convert("L").reduce(4))
    paper = np.percentile(grey, 90)
    small = Image.fromarray(np.where(grey < paper - _INK_CONTRAST, 255, 0).astype(np.uint8))   # ink only
    best = 0.0
    for steps in _SKEW_STEPS:
        best = max((best + a for a in steps),
                   key=lambda a: float(np.var(np.asarray(small.rotate(a, fillcolor=0), dtype=np.float32).sum(axis=1))))
    return round(best, 1) if abs(best) >= _MIN_SKEW else 0.0


def _poor(page: OcrPage) -> bool:
    return page.mean_confidence < _UPRIGHT_CONFIDENCE or len(page.words) < _MIN_WORDS


def _better(a: OcrPage, b: OcrPage) -> OcrPage:
    return b if b.mean_confidence * len(b.words) > a.mean_confidence * len(a.words) else a


def straighten(image: Image.Image, skew: float) -> Image.Image:
    """``image`` turned by ``skew`` degrees; the corners filled with the paper's own shade, not white, so
    that a greyish scan keeps one background for the threshold."""
    paper = int(np.percentile(np.asarray(image.convert("L").reduce(4)), 90))
    fill = paper if image.mode == "L" else (paper,) * 3
    return image.rotate(skew, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)


def recognise(image: Image.Image, page: int, dpi: int, timeout: float = PAGE_TIMEOUT) -> OcrPage:
    """Read one page image, straightened; a page that reads badly is turned upright by OSD and read again,
    and if it still reads badly, read with adaptive (Sauvola) thresholding, which copes with uneven light
    where Tesseract's global threshold sees no text at all.

    A page that exceeds ``timeout`` comes back empty with ``timed_out`` set.
    """
    started = time.perf_counter()

    def left() -> float:
        return max(timeout - (time.perf_counter() - started), 1.0)

    settings = settings_key(dpi)
    if image.mode not in ("L", "RGB"):
        image = image.convert("L")
    skew = deskew_angle(image)
    if skew:
        image = straighten(image, skew)

    def read(picture: Image.Image, rotation: int, *extra: str) -> OcrPage:
        args = ["-l", LANGUAGE, "--psm", str(PSM), "--dpi", str(dpi), *extra, "tsv"]
        return OcrPage(page, picture.width, picture.height, dpi, _words(_run(args, _pnm(picture), left())),
                       rotation, settings=settings)

    try:
        best, picture = read(image, 0), image
        if _poor(best):
            rotation = _orientation(_pnm(image), dpi, left())
            if rotation:
                turned = image.rotate(-rotation, expand=True)
                again = read(turned, rotation)
                if _better(best, again) is again:
                    best, picture = again, turned
        if _poor(best):
            best = _better(best, read(picture, best.rotation, "-c", "thresholding_method=2"))
        words = _latin_addresses(picture, best.words, dpi, left())
    except subprocess.TimeoutExpired:
        return OcrPage(page, image.width, image.height, dpi, (), 0, time.perf_counter() - started, True, settings)
    return OcrPage(page, best.width, best.height, dpi, words, best.rotation,
                   round(time.perf_counter() - started, 3), False, settings, skew=skew)


def page_to_dict(page: OcrPage) -> dict[str, Any]:
    """A JSON-ready copy for the cache (words as short lists)."""
    data = asdict(page)
    data["words"] = [[w.text, w.conf, w.left, w.top, w.width, w.height, w.line] for w in page.words]
    return data


def page_from_dict(data: dict[str, Any]) -> OcrPage:
    region = data.get("region")
    return OcrPage(**{**data, "words": tuple(OcrWord(*w) for w in data["words"]),
                      "region": tuple(region) if region else None})
