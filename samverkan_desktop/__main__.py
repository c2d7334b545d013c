"""`python -m samverkan_desktop`: the same as the `samverkan-desktop` command."""

import sys

from samverkan_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
