"""Lesson observations (听课) and visits (家访·访谈): records, quota settings, quota and coverage queries."""
