"""``python -m contentlint``: the command line."""

from contentlint.cli import run

if __name__ == "__main__":
    run()
