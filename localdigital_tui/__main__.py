"""``python -m localdigital_tui`` runs the ``localdigital`` command line."""

from localdigital_tui.cli import main

if __name__ == "__main__":
    main()
