#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "casereview.settings")
    # On a developer's machine the command line runs as it is (development settings). The web
    # entry point (casereview.wsgi) has no such default, and deployments set DEBUG=0 for both.
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
