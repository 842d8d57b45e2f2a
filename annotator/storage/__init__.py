"""SQLite storage through SQLAlchemy 2: typed models, connection pragmas, migrations, the Project facade."""
