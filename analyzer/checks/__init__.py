"""All checks, registered on import. One module per family of codes."""
from analyzer.checks import clauses, dates, document, legal_refs, structure_defects, template  # noqa: F401  (registration)
from analyzer.checks.base import CHECKS, Check, CheckContext, run_checks

__all__ = ["CHECKS", "Check", "CheckContext", "run_checks"]
