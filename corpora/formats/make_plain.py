#!/usr/bin/env python3
"""Build plain office fixtures: the regulation typed by hand, no automatic lists.

Most schools type "1.1." themselves. Word and LibreOffice then write a DOCX
without ``word/numbering.xml``, and DOC, ODT and RTF files without list
definitions. For every input TXT this script has LibreOffice open the text as
it is (UTF-8, one paragraph a line) and save it as NAME.docx, NAME.odt,
NAME.rtf and NAME.doc in the output folder; ``--check`` asserts that no DOCX
holds a numbering part.

Example (from the folder above ``corpora/``):
    python corpora/formats/make_plain.py corpora/regulations/*.txt --out corpora/formats/plain --check
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

TARGETS = {"docx": "docx:MS Word 2007 XML", "odt": "odt", "rtf": "rtf", "doc": "doc:MS Word 97"}
TEXT_FILTER = "Text (encoded):UTF8,LF,,,"


def convert(txt: Path, out: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice not found")
    with tempfile.TemporaryDirectory() as tmp:
        for ext, target in TARGETS.items():
            subprocess.run([soffice, f"-env:UserInstallation={Path(tmp, 'profile').as_uri()}", "--headless",
                            f"--infilter={TEXT_FILTER}", "--convert-to", target, "--outdir", str(out), str(txt)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
            if not (out / f"{txt.stem}.{ext}").is_file():
                sys.exit(f"LibreOffice wrote no {txt.stem}.{ext}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("txt", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="fail when a DOCX has a numbering part")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for txt in args.txt:
        convert(txt, args.out)
        if args.check:
            with zipfile.ZipFile(args.out / f"{txt.stem}.docx") as zf:
                if "word/numbering.xml" in zf.namelist():
                    sys.exit(f"{txt.stem}.docx has word/numbering.xml")
        print(txt.stem)


if __name__ == "__main__":
    main()
