"""The command line: `wellbeing-app [--data-dir DIR] [COMMAND]`."""
