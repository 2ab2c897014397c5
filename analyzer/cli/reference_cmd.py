"""`reglint reference build`: rebuild the MR points and validate the clause set."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer.clause_set import reference_dir
from analyzer.cli import help_of

REPO = reference_dir().parent
DEFAULT_MR = REPO / "corpora" / "reference" / "metodrek-minprosv-2023.txt"
DEFAULT_MR2 = REPO / "corpora" / "reference" / "metodrek-minprosv-2023-ed2.txt"
DEFAULT_SPEC = REPO.parent / "shared" / "spec" / "clauses.yaml"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("reference", help=help_of("reference"))
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = actions.add_parser("build", help="разобрать текст МР на пункты и сверить набор положений со спецификацией")
    build.add_argument("--mr", type=Path, default=DEFAULT_MR, help="текст методических рекомендаций")
    build.add_argument("--mr2", type=Path, default=DEFAULT_MR2, help="второй текст методических рекомендаций")
    build.add_argument("--spec", type=Path, default=DEFAULT_SPEC, help="spec/clauses.yaml (необязательно)")
    build.set_defaults(func=run_build)


def run_build(args: argparse.Namespace) -> int:
    from reference.build import build, build_second

    ref = reference_dir()
    spec = args.spec if args.spec and args.spec.exists() else None
    result = build(args.mr, ref / "clauses.yaml", spec, ref / "mr_points.yaml")
    second = build_second(args.mr2, ref / "clauses.yaml", result.points, ref / "mr2_points.yaml")
    print(f"Пунктов МР (текст 1): {len(result.points)}; изменилось: {', '.join(result.changed) or 'нет'}")
    print(f"Пунктов МР (текст 2): {len(second.points)}; изменилось: {', '.join(second.changed) or 'нет'}")
    if spec is None:
        print("Спецификация не найдена: сверка идентификаторов пропущена.", file=sys.stderr)
    for problem in (*result.problems, *second.problems):
        print(f"Расхождение: {problem}", file=sys.stderr)
    return 1 if result.problems or second.problems else 0
