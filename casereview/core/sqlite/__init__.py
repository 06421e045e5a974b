"""Django's SQLite backend, retrying the start of a transaction (or a lone write in autocommit
mode) that finds the database locked by another writer (see ``base``)."""
