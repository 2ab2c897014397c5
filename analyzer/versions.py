"""The version of the reference data a report is made with (``Report.reference_version``), which the batch
store compares to know which documents to audit again. Without the NLP layer: the batch's parent reads it.
"""
from __future__ import annotations

import hashlib

from analyzer.clause_set import ClauseSet
from analyzer.cue_data import load_cue_data
from analyzer.issuer_data import load_issuer_data
from analyzer.template_data import load_template_data
from analyzer.thresholds import DEFAULT_THRESHOLDS, Thresholds


def reference_version(clause_set: ClauseSet, thresholds: Thresholds = DEFAULT_THRESHOLDS) -> str:
    """The version of the reference data a report is made with: the clause set's, reference/template.yaml's,
    reference/cues.yaml's and reference/issuers.yaml's, and the thresholds when they are not the calibrated
    defaults."""
    version = (f"{clause_set.version}+template-{load_template_data().version}+cues-{load_cue_data().version}"
               f"+issuers-{load_issuer_data().version}")
    if thresholds != DEFAULT_THRESHOLDS:
        version += "+thresholds-" + hashlib.sha256(repr(thresholds).encode()).hexdigest()[:8]
    return version
