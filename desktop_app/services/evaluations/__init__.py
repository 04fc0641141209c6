"""量化考核 use cases: schemes (settings per year), scores, approvals, the year's results."""
