"""The `careboard` command: one sub-command per module in `careboard.analytics.commands`.

Each command module has a docstring (its help), `add_arguments(parser)` and `run(args) -> int`
(the exit status). Adding a command is adding a module; nothing here changes.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from careboard.analytics import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="careboard", description="careboard analytics: SSDA903 returns and indicators."
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        name = getattr(module, "NAME", info.name.replace("_", "-"))
        doc = (module.__doc__ or "").strip()
        sub = subparsers.add_parser(
            name, help=doc.splitlines()[0] if doc else None, description=doc
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
