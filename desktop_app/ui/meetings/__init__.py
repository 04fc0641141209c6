"""The 组织生活 tab: meetings, 谈心谈话, what is due and attendance."""
