"""``python -m capuy``: the ``capuy`` command."""

from capuy.cli import main

main()
