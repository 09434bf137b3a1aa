from wellbeing_app.cli.main import main

raise SystemExit(main())
