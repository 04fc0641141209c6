"""`python -m desktop_app` starts the window; with a command it runs the CLI."""

import sys

from desktop_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
