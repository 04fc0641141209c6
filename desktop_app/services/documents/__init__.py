"""Word documents she edits, signs and stamps (python-docx)."""
