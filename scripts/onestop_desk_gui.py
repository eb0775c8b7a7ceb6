"""Entry script for the PyInstaller bundle (the installed package uses its console scripts)."""

from onestop_desk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
