"""Entry point: `annotator new|import|export …` runs the command line; anything else opens the window."""

from __future__ import annotations

import sys

COMMANDS = {"new", "import", "export", "merge", "agreement", "assign", "role", "check", "backups", "restore", "sources", "claims", "suggest", "server", "push", "pull"}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in COMMANDS:
        from annotator.cli import main as cli_main

        return cli_main(args)
    from annotator.app import main as app_main

    return app_main(args)


if __name__ == "__main__":
    sys.exit(main())
