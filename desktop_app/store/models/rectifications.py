"""Models for this record kind are added by its feature (see the migration of the same name)."""
