"""Imported once by the batch's fork server, before it forks any worker (``set_forkserver_preload``).

The analysis stack is imported and warmed up here, then the heap is frozen: every worker starts from that
state, shared copy-on-write, instead of importing spaCy and building the pipeline, clause set, registry and
matcher itself (≈ 1 s of CPU per worker), and its garbage collector never walks the inherited objects
(the ``gc.freeze`` recipe of the ``gc`` module's documentation for processes that fork without exec).
"""
from __future__ import annotations

import gc

from analyzer.batch.worker import warm_up

warm_up()
gc.freeze()
