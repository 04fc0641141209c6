"""组织生活: meetings, attendance and 谈心谈话 (commands, queries, rosters, what is due)."""
