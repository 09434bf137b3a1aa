"""SQLite storage through SQLAlchemy 2: schema, engine, migrations and the encrypted record store."""
