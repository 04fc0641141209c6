"""Pure-Python rules and vocabulary: no Qt, no SQL."""
