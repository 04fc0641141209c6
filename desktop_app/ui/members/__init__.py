"""The 党员 tab: the roster of members and the 双培双促进 cultivation plans."""
