"""The `tandem` console script: Django's management commands with Tandem's settings.

`tandem import-people x.csv` runs the `import_people` command: hyphens in the command name are
accepted because that is how people type commands.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.config.settings")
    # The command name, and the one after `help`, may be typed with hyphens.
    positions = [1, 2] if len(args) > 2 and args[1] == "help" else [1]
    for index in positions:
        if len(args) > index and not args[index].startswith("-"):
            args[index] = args[index].replace("-", "_")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
