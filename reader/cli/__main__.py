"""``python -m reader.cli``: the ``qari`` command."""

from reader.cli import main

raise SystemExit(main())
