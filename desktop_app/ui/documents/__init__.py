"""Word documents she exports from the window (the year-end 工作总结)."""
