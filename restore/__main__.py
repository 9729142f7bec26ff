"""``python -m restore``: the same as the ``restore`` command."""

from .cli import main

if __name__ == "__main__":
    main()
