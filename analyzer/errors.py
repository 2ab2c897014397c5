"""Error catalogue. Every error a user can meet names the file and the reason
in Russian and carries a stable ``RL0xx`` code (documented in docs/findings.md).
"""
from __future__ import annotations


class ReglintError(Exception):
    """Base of every error reglint raises on purpose."""

    code = "RL900"


class ConfigError(ReglintError):
    """Reference data is broken: a developer's error, not a user's."""

    code = "RL901"


class StoreError(ReglintError):
    """A batch store that cannot be used: not a reglint store, damaged, or of a newer schema.

    ``reason`` is Russian, for the user; the file is left as it was.
    """

    code = "RL902"

    def __init__(self, path: str, reason: str):
        self.path = path
        self.reason = reason
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"база {self.path}: {self.reason}"


class OutputError(ReglintError):
    """A report or export that could not be written (full disk, read-only folder …); nothing half-written stays."""

    code = "RL903"

    def __init__(self, path: str, detail: str):
        self.path = path
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"не удалось записать {self.path}: {self.detail}"


class InputError(ReglintError):
    """A file that cannot be analysed. ``reason`` is Russian, for the user."""

    code = "RL000"
    reason = "файл не удалось прочитать"

    def __init__(self, path: str, detail: str | None = None):
        self.path = path
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        tail = f" ({self.detail})" if self.detail else ""
        return f"{self.path}: {self.reason}{tail}"


class Corrupt(InputError):
    code = "RL001"
    reason = "файл повреждён или не соответствует своему формату"


class Encrypted(InputError):
    code = "RL002"
    reason = "файл защищён паролем (зашифрован); снимите защиту и загрузите снова"


class NoTextLayer(InputError):
    code = "RL003"
    reason = "в файле не найден текст: ни в текстовом слое, ни распознаванием (OCR)"


class Empty(InputError):
    code = "RL004"
    reason = "файл пуст или не содержит текста"


class TooLarge(InputError):
    code = "RL005"
    reason = "файл слишком велик"


class UnsupportedType(InputError):
    code = "RL006"
    reason = "формат файла не поддерживается"


class ConverterMissing(InputError):
    code = "RL007"
    reason = "для чтения этого формата нужен LibreOffice (soffice), он не установлен"


class OcrMissing(InputError):
    code = "RL008"
    reason = "для распознавания сканов (OCR) нужен Tesseract с русским языком, он не установлен"
