"""The 听课 tab: lesson observation records and quotas."""
