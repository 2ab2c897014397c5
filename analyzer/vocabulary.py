"""reglint's vocabulary: every closed set of values with its Russian labels.

Roles, clause statuses and levels, how a text of the recommendations states a
clause, severities, finding categories, review actions, citation problems, act
kinds and statuses, approval kinds, institution types, document formats and OCR
modes, section kinds, numbering styles and structure defects, batch export
formats and their column kinds are declared here once, as ``Literal`` types with their labels; the model, the
stages, the report contract, the store and the app import them. A test
checks that every label table covers its type exactly, so a new value is
one edit here (and its label), never a silent gap somewhere else. The label
tables are keyed by ``str``: they are looked up with values read back from
JSON reports and the store; tests/test_vocabulary.py checks their keys.
"""
from __future__ import annotations

from typing import Literal

# ------------------------------------------------------------------- roles
Role = Literal[
    "general", "organisation", "head", "administrator", "class_teacher",
    "teacher", "student", "parent", "rights", "final", "approval", "other",
]
# The roles a clause of the reference set can belong to, in the order reports list them.
ROLES: tuple[Role, ...] = ("general", "organisation", "head", "administrator", "class_teacher", "teacher",
                           "student", "parent", "rights", "final")
ROLE_TITLES: dict[str, str] = {
    "general": "общие положения", "organisation": "организация в целом", "head": "руководитель (администрация)",
    "administrator": "администратор ИКОП «Сферум»", "class_teacher": "классный руководитель (куратор)",
    "teacher": "педагогический работник", "student": "обучающийся", "parent": "родитель (законный представитель)",
    "rights": "права участников", "final": "заключительные положения", "approval": "реквизиты утверждения",
    "other": "прочее",
}
PERSON_ROLES: frozenset[Role] = frozenset({"head", "administrator", "class_teacher", "teacher", "student", "parent"})
# Whose duties a section can state: the persons and the organisation as a whole.
DUTY_ROLES: frozenset[Role] = PERSON_ROLES | {"organisation"}
# Sections about a topic rather than a participant.
TOPIC_ROLES: frozenset[Role] = frozenset({"general", "rights", "final"})

# ------------------------------------------------------------ institutions
InstitutionType = Literal["school", "college", "additional", "preschool", "unknown"]
# The types the reference clause set is written for (a clause's ``applies``).
INSTITUTIONS: tuple[InstitutionType, ...] = ("school", "college", "additional")
INSTITUTION_RU: dict[str, str] = {
    "school": "общеобразовательная организация", "college": "СПО", "additional": "дополнительное образование",
    "preschool": "дошкольная организация", "unknown": "не определён"}
INSTITUTION_SHORT_RU: dict[str, str] = {
    "school": "школа", "college": "СПО", "additional": "доп. образование", "preschool": "детский сад",
    "unknown": "не определён"}

# ----------------------------------------------------------------- clauses
Level = Literal["required", "recommended", "template"]
LEVELS: tuple[Level, ...] = ("required", "recommended", "template")
LEVEL_RU: dict[str, str] = {"required": "обязательные", "recommended": "рекомендуемые",
                              "template": "типового положения"}
LEVEL_ONE_RU: dict[str, str] = {"required": "обязательное", "recommended": "рекомендуемое",
                                  "template": "типовое положение"}

ClauseStatus = Literal["present", "partial", "misplaced", "missing", "not_applicable"]
STATUSES: tuple[ClauseStatus, ...] = ("present", "partial", "misplaced", "missing", "not_applicable")
STATUS_RU: dict[str, str] = {"present": "есть", "partial": "частично", "misplaced": "не на месте",
                                      "missing": "нет", "not_applicable": "не применяется"}
# One letter per status, so that the coverage table reads in black and white.
STATUS_LETTER: dict[str, str] = {"present": "Е", "partial": "Ч", "misplaced": "М", "missing": "Н",
                                          "not_applicable": "—"}

# How a text of the recommendations states a clause (``Statement.how``), against the clause's wording.
StatementHow = Literal["same", "narrower", "wider", "absent"]
STATEMENT_HOW_RU: dict[str, str] = {"same": "так же", "narrower": "уже (меньше или слабее)", "wider": "шире",
                                    "absent": "нет"}

# Why a clause is only partly stated, in words a methodologist reads (``ClauseMatch.reasons``).
REASONS = {
    "optional": "обязанность сделана необязательной («при необходимости», «может»), тогда как по МР она обязательна",
    "conditional": "обязанность или право поставлены в зависимость от условия («при наличии технической "
                   "возможности», «по согласованию с администрацией»), которого в МР нет",
    "subject": "круг лиц указан шире или иначе, чем в МР (например, «из числа работников» вместо "
               "«из числа педагогических работников»)",
    "related_role": "раздела этой роли в положении нет; обязанность указана только для другой роли",
}

# ---------------------------------------------------------------- findings
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
SEVERITY_ORDER: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SEVERITY_RU: dict[str, str] = {"error": "ошибка", "warning": "предупреждение", "info": "замечание"}
SEVERITY_PLURAL_RU: dict[str, str] = {"error": "ошибки", "warning": "предупреждения", "info": "замечания"}
SEVERITY_BY_LEVEL: dict[str, Severity] = {"required": "error", "recommended": "warning", "template": "info"}

Category = Literal[
    "missing_clause", "partial_clause", "misplaced_clause", "legal_ref", "template_remnant", "approval_missing",
    "date_inconsistent", "structure", "wrong_contact", "wrong_name", "out_of_scope", "internal",
]
CATEGORY_RU: dict[str, str] = {
    "missing_clause": "нет положения", "partial_clause": "положение неполное",
    "misplaced_clause": "положение не на месте", "legal_ref": "ссылка на правовой акт",
    "template_remnant": "остаток шаблона", "approval_missing": "нет реквизитов утверждения",
    "date_inconsistent": "даты", "structure": "структура и нумерация", "wrong_contact": "контакты",
    "wrong_name": "название платформы", "out_of_scope": "документ не о «Сферуме»",
    "internal": "внутренняя ошибка проверки"}

# ---------------------------------------------------------------- reviews
Decision = Literal["accepted", "dismissed"]
# A finding's state under review; None: not decided (at most commented).
DECISION_RU: dict[str | None, str] = {"accepted": "подтверждено", "dismissed": "отклонено", None: "не рассмотрено"}
# What a reviewer does with a finding (the decisions store's ``action``).
ReviewAction = Literal["accept", "dismiss", "comment"]
REVIEW_ACTION_RU: dict[str, str] = {"accept": "подтверждено", "dismiss": "отклонено", "comment": "комментарий"}
DISMISS_REASONS: dict[str, str] = {"false_positive": "ложное срабатывание",
                                   "not_applicable": "не относится к этой организации",
                                   "fixed_elsewhere": "исправлено в другом документе"}

# ------------------------------------------------------------ legal acts
Problem = Literal["wrong_date", "wrong_number", "missing_number", "wrong_title", "wrong_kind", "repealed", "expired",
                  "not_yet_in_force", "unknown"]
PROBLEMS: tuple[Problem, ...] = ("wrong_date", "wrong_number", "missing_number", "wrong_title", "wrong_kind",
                                 "repealed", "expired", "not_yet_in_force", "unknown")
PROBLEM_RU: dict[str, str] = {
    "wrong_date": "неверная дата", "wrong_number": "неверный номер", "missing_number": "не указан номер",
    "wrong_title": "неверное название", "wrong_kind": "неверный вид акта или орган", "repealed": "утратил силу",
    "expired": "срок действия истёк", "not_yet_in_force": "ещё не вступил в силу",
    "unknown": "акт не опознать: нет ни номера, ни названия",
}

ActKind = Literal["federal_law", "resolution", "order", "letter", "instruction", "sanitary_rules", "decree"]
ACT_KIND_RU: dict[str, str] = {
    "federal_law": "федеральный закон", "resolution": "постановление", "order": "приказ", "letter": "письмо",
    "instruction": "распоряжение", "sanitary_rules": "санитарные правила", "decree": "указ"}

ActStatus = Literal["in_force", "repealed", "expired", "not_yet_in_force", "unknown"]
ACT_STATUSES: frozenset[ActStatus] = frozenset({"in_force", "repealed", "expired", "not_yet_in_force", "unknown"})
ACT_STATUS_RU: dict[str, str] = {"in_force": "действует", "repealed": "утратил силу", "expired": "срок истёк",
                                       "not_yet_in_force": "не вступил в силу", "unknown": "не установлен"}

# ---------------------------------------------------------------- approval
ApprovalKind = Literal["adopted", "approved", "agreed", "considered"]
APPROVAL_RU: dict[str, str] = {"adopted": "ПРИНЯТО", "approved": "УТВЕРЖДЕНО", "agreed": "СОГЛАСОВАНО",
                                        "considered": "РАССМОТРЕНО"}

# --------------------------------------------------------------- documents
# The formats a document is read from (``Document.format``).
DocumentFormat = Literal["txt", "md", "docx", "pdf", "doc", "odt", "rtf", "tiff", "jpeg", "png"]
# Which pages are read by OCR: those without a usable text layer, every page, none.
OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = ("auto", "always", "never")

# --------------------------------------------------------------- structure
SectionKind = Literal["heading", "clause", "item", "bullet", "paragraph"]
# How a line is numbered: "1.2.", "IV.", "А)", "а)", "1)", "-".
NumberingStyle = Literal["dotted", "roman", "letter_upper", "letter_lower", "paren", "bullet"]
# A numbering or layout problem the parser saw (``StructureDefect.kind``); each has its check.
DefectKind = Literal["number_gap", "number_restart", "dangling_colon", "unnumbered", "missing_section",
                     "title_mismatch", "duplicate_number"]

# ----------------------------------------------------------- batch exports
ExportFormat = Literal["csv", "xlsx", "html"]
EXPORT_FORMATS: tuple[ExportFormat, ...] = ("csv", "xlsx", "html")
EXPORT_FORMAT_RU: dict[str, str] = {"csv": "CSV", "xlsx": "XLSX", "html": "HTML-сводка"}
# How an export's column is laid out: text, a count, a share (0…1), seconds.
ColumnKind = Literal["text", "int", "percent", "seconds"]

# ----------------------------------------------------------------- letters
# Russian letters as list numbering counts them (Word's russianLower): no ё, й, ъ, ы, ь.
RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
