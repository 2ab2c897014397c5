"""Process helpers of the process tests and the campaign: a process's descendants, whether one still runs,
the processes whose command line mentions a path."""
from __future__ import annotations

import os

import psutil


def descendants(pid: int) -> set[int]:
    try:
        return {child.pid for child in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return set()


def running(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def mentioning(text: str) -> list[int]:
    """Running processes (not this one) whose command line contains ``text``."""
    found = []
    for proc in psutil.process_iter(["pid", "cmdline"]):
        if proc.info["pid"] != os.getpid() and any(text in part for part in proc.info["cmdline"] or ()) \
                and running(proc.info["pid"]):
            found.append(proc.info["pid"])
    return found
