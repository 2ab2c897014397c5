"""Inputs: folders, list files, uploads and ZIP archives, with hostile archives among them."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from batch_support import REGULATIONS

from analyzer.batch import audit, audit_items, inputs
from analyzer.batch.inputs import expand, safe_member_name
from analyzer.batch.store import Store

TEXT = REGULATIONS[3].read_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def mark_encrypted(data: bytes, name: bytes) -> bytes:
    """Set the "encrypted" flag of member ``name`` in its local and central headers (zipfile cannot encrypt)."""
    out = bytearray(data)
    local, central = out.find(name) - 30, out.rfind(name) - 46    # fixed header sizes before the name
    assert out[local:local + 4] == b"PK\x03\x04" and out[central:central + 4] == b"PK\x01\x02"
    out[local + 6] |= 0x1
    out[central + 8] |= 0x1
    return bytes(out)


def files_under(root: Path) -> set[Path]:
    return {p for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize(("raw", "safe"), [
    ("../../etc/x.txt", "etc/x.txt"), ("/etc/passwd.txt", "etc/passwd.txt"), ("C:\\Windows\\win.txt", "Windows/win.txt"),
    ("a/./b/../c.txt", "a/b/c.txt"), ("школа\x1b[31m.txt", "школа?[31m.txt"), ("..", "без имени"),
])
def test_member_names_are_only_labels(raw, safe):
    assert safe_member_name(raw) == safe


def test_traversal_names_are_audited_without_writing_anything(tmp_path, monkeypatch):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    archive = work / "schools.zip"
    archive.write_bytes(zip_bytes({"../../etc/x.txt": TEXT, "/tmp/abs.txt": TEXT, "..\\..\\win.txt": TEXT,
                                   "ok/школа.txt": TEXT}))
    monkeypatch.chdir(work)
    before = files_under(tmp_path)
    summary = audit([Path("schools.zip")], work / "audit.sqlite", workers=1)
    written = files_under(tmp_path) - before
    assert {p.name for p in written} <= {"audit.sqlite", "audit.sqlite-wal", "audit.sqlite-shm"}
    assert all(p.parent == work for p in written)
    assert not Path("/etc/x.txt").exists() and not (tmp_path / "etc").exists()
    assert (summary.done, summary.failed) == (4, 0)
    docs = {d["name"]: d for d in Store(work / "audit.sqlite").documents()}
    assert set(docs) == {"schools.zip/etc/x.txt", "schools.zip/tmp/abs.txt", "schools.zip/win.txt",
                         "schools.zip/ok/школа.txt"}
    assert all(d["in_scope"] == 1 for d in docs.values())
    assert "небезопасное имя" in docs["schools.zip/etc/x.txt"]["notes"][0]
    assert docs["schools.zip/ok/школа.txt"]["notes"] == []


def test_zip_bombs_are_rejected_before_reading(tmp_path):
    bomb = zip_bytes({"bomb.txt": b"\x00" * (2 << 20), "huge.txt": b"\x00" * (31 << 20), "good.txt": TEXT})
    assert len(bomb) < 200_000
    summary = audit_items([("region.zip", bomb)], tmp_path / "audit.sqlite", workers=1)
    docs = {d["name"]: d for d in Store(tmp_path / "audit.sqlite").documents()}
    assert summary.failed == 2
    assert docs["region.zip/bomb.txt"]["error_code"] == "RL005"
    assert "zip-бомб" in docs["region.zip/bomb.txt"]["error_message"]
    assert docs["region.zip/huge.txt"]["error_code"] == "RL005"
    assert docs["region.zip/bomb.txt"]["content_hash"] is None    # never unpacked
    assert docs["region.zip/good.txt"]["error_code"] is None


def test_too_many_members_rejects_the_archive(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_MEMBERS", 3)
    archive = zip_bytes({f"{i}.txt": TEXT for i in range(4)})
    with expand(uploads=[("many.zip", archive)]) as entries:
        assert len(entries) == 1 and entries[0].error.code == "RL005"


def test_corrupt_and_encrypted_members_are_recorded(tmp_path):
    good = REGULATIONS[0].read_bytes()
    data = bytearray(zip_bytes({"a-good.txt": good, "b-bad.txt": TEXT}))
    start = data.index(b"b-bad.txt") + len("b-bad.txt")        # the local header's name, then the compressed data
    data[start + 100:start + 400] = bytes(300)
    buffer = io.BytesIO(bytes(data))
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr("c-locked.txt", TEXT)
    db = tmp_path / "audit.sqlite"
    summary = audit_items([("set.zip", mark_encrypted(buffer.getvalue(), b"c-locked.txt"))], db, workers=1)
    docs = {d["name"]: d for d in Store(db).documents()}
    assert summary.total == 3 and summary.failed == 2
    assert docs["set.zip/a-good.txt"]["error_code"] is None
    assert docs["set.zip/b-bad.txt"]["error_code"] == "RL001"
    assert docs["set.zip/c-locked.txt"]["error_code"] == "RL002"


def test_a_broken_archive_is_one_failed_entry(tmp_path):
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 not really a zip")
    summary = audit([tmp_path / "bad.zip"], tmp_path / "audit.sqlite", workers=1)
    (doc,) = Store(tmp_path / "audit.sqlite").documents()
    assert summary.failed == 1 and doc["error_code"] == "RL001"


def test_cp866_member_names_are_read_as_russian():
    info = zipfile.ZipInfo("положение.txt".encode("cp866").decode("cp437"))
    assert info.flag_bits & 0x800 == 0
    assert inputs._member_name(info) == "положение.txt"


def test_list_files_folders_and_uploads(tmp_path):
    folder = tmp_path / "schools"
    (folder / "sub").mkdir(parents=True)
    for i, path in enumerate(REGULATIONS[:2]):
        (folder / "sub" / f"{i}.txt").write_bytes(path.read_bytes())
    listing = tmp_path / "list.txt"
    listing.write_text(f"# schools\nschools/sub/0.txt\n\n{folder / 'sub' / '1.txt'}\nmissing.txt\n", encoding="utf-8")
    with expand([f"@{listing}", folder], uploads=[("x.txt", TEXT), ("x.txt", b"other"), ("in.zip", zip_bytes({"y.txt": TEXT}))]) as entries:
        names = [e.name for e in entries]
        paths = [e.path for e in entries]
    assert len(paths) == len(set(paths))
    assert names[:3] == [str(tmp_path / "schools/sub/0.txt"), str(folder / "sub" / "1.txt"), str(tmp_path / "missing.txt")]
    assert entries[2].error is not None and "не найден" in entries[2].error.message
    assert names[3:] == ["x.txt", "x.txt (2)", "in.zip/y.txt"]    # the folder repeats what the list gave


def test_a_dangling_link_in_a_folder_is_an_error_not_a_crash(tmp_path):
    folder = tmp_path / "schools"
    folder.mkdir()
    (folder / "good.txt").write_bytes(TEXT)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    summary = audit([folder], tmp_path / "audit.sqlite", workers=1, follow_symlinks=True)
    docs = {Path(d["name"]).name: d for d in Store(tmp_path / "audit.sqlite").documents()}
    assert (summary.total, summary.failed) == (2, 1)
    assert docs["gone.txt"]["error_code"] == "RL000" and docs["good.txt"]["error_code"] is None
    audit([folder], tmp_path / "audit.sqlite", workers=1)     # links not followed: recorded as such
    docs = {Path(d["name"]).name: d for d in Store(tmp_path / "audit.sqlite").documents()}
    assert docs["gone.txt"]["error_code"] == "RL006" and "символическая ссылка" in docs["gone.txt"]["error_message"]
