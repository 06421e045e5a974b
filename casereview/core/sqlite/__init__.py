"""Django's SQLite backend, retrying the start of a transaction while another writer holds the
database (see ``base.DatabaseWrapper``)."""
