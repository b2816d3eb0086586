from ventanilla.cli import main

raise SystemExit(main())
