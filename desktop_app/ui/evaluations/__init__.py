"""The 考核 tab: semester sheet, year results, 五个好, honours, approvals."""
