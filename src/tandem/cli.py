"""The `tandem` console script: Django's management commands with Tandem's settings.

`tandem import-people x.csv` runs the `import_people` command: hyphens in the command name are
accepted because that is how people type commands.

Commands that need neither the database nor any app (`solve-matching`: the engine is pure) run on
a fast path: the settings are read as usual, but `django.setup()` is not called, so no model,
admin, URL configuration or system check is loaded (about a second of start-up). Output, options,
messages and their language are those of the same command run through Django.
"""

from __future__ import annotations

import os
import sys

# Command name → module of its `Command` class, for commands that run without django.setup().
WITHOUT_APPS = {"solve_matching": "tandem.matching.management.commands.solve_matching"}


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tandem.config.settings")
    # The command name, and the one after `help`, may be typed with hyphens.
    positions = [1, 2] if len(args) > 2 and args[1] == "help" else [1]
    for index in positions:
        if len(args) > index and not args[index].startswith("-"):
            args[index] = args[index].replace("-", "_")
    if len(args) > 1 and args[1] in WITHOUT_APPS:
        run_without_apps(args)
        return
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


def run_without_apps(args: list[str]) -> None:
    """Run a command of `WITHOUT_APPS` as `execute_from_command_line` would, minus the apps.

    The app registry is marked ready with no app, because Django's translations need a ready
    registry; every message of these commands is in the project catalogue (LOCALE_PATHS), which
    takes precedence over the apps' catalogues anyway, so the translations are the same.
    `--settings` and `--pythonpath` are applied first, as `ManagementUtility.execute` does.
    """
    from importlib import import_module

    from django.apps import apps
    from django.core.management.base import CommandError, CommandParser, handle_default_options

    parser = CommandParser(add_help=False, allow_abbrev=False)
    parser.add_argument("--settings")
    parser.add_argument("--pythonpath")
    parser.add_argument("args", nargs="*")
    try:
        options, _ = parser.parse_known_args(args[2:])
        handle_default_options(options)
    except CommandError:
        pass  # the command's own parser reports bad options
    apps.populate([])
    import_module(WITHOUT_APPS[args[1]]).Command().run_from_argv(args)


if __name__ == "__main__":
    main()
