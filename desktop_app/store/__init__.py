"""The SQLite ledger: models, opening and upgrading the file, backups."""
