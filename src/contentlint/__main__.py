"""``python -m contentlint``: the command line."""

from contentlint.cli import main

if __name__ == "__main__":
    main()
