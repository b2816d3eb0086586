"""``ventanilla`` command line. No subcommand starts the cashier app."""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["central"]:
        from central.cli import main as central_main

        return central_main(argv[1:])
    parser = argparse.ArgumentParser(prog="ventanilla")
    parser.parse_args(argv)
    return 0
