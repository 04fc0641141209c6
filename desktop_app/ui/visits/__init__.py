"""The 家访 tab: visit and interview records, quotas and coverage."""
