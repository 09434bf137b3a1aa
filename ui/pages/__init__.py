"""The window's pages: first run, recovery key, unlock, and the pages shown once unlocked."""
