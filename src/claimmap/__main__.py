"""``python -m claimmap``: the same as the ``claimmap`` command."""

from claimmap.cli import main

if __name__ == "__main__":
    main()
