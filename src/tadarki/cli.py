"""The `tadarki` command.

The contract commands (audit, minutes, bangla-date) run without Django or a database, so a
portal maintainer or a CI pipeline can use them like a linter. Everything else is Django's
management commands.
"""

import os
import sys

CONTRACT_COMMANDS = {
    "audit": "tadarki.engine.cli",
    "minutes": "tadarki.minutes.cli",
    "bangla-date": "tadarki.bangla.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else ""
    if command in CONTRACT_COMMANDS:
        import importlib

        module = importlib.import_module(CONTRACT_COMMANDS[command])
        return module.main(argv[2:])
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tadarki.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["tadarki", *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
