"""``python -m capuy.cli``: the ``capuy`` command."""

from capuy.cli import main

main()
