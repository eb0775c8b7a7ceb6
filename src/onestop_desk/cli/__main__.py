"""``python -m onestop_desk.cli``: the same as the ``onestop-desk-admin`` console script."""

from onestop_desk.cli.main import main

raise SystemExit(main())
