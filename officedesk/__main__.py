"""python -m officedesk: same as the officedesk command."""

from officedesk.cli import main

raise SystemExit(main())
