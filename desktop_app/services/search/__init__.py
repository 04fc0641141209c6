"""One search box for everything: people, classes, pledges, records, suggestions, rectifications."""

from desktop_app.services.search.kinds import SearchKind
from desktop_app.services.search.query import SearchGroup, SearchHit, search

__all__ = ["SearchGroup", "SearchHit", "SearchKind", "search"]
