"""``onestop-desk-admin``: the same services as the app, for administrators and scripts.

``main`` (the console script) and the command table live in :mod:`.main`; what every command
shares in :mod:`.base`; one module per command group beside them.
"""

from onestop_desk.cli.main import main

__all__ = ["main"]
