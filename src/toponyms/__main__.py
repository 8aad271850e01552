"""``python -m toponyms``: the same as the ``toponyms`` command."""

from toponyms.cli import main

raise SystemExit(main())
