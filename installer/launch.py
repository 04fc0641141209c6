"""Entry point of the packaged app: the window, or a command when one is given."""

import sys

from desktop_app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
