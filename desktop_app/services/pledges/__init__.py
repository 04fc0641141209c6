"""Pledges (承诺): queries in `queries`, changes in `commands`, bulk year start in `year_start`."""

from desktop_app.services.pledges.commands import (
    TOPIC,
    ReviewEntry,
    delete_draft,
    delete_drafts,
    publish,
    publish_many,
    record_review,
    record_reviews,
    reopen,
    start_fulfilment,
    update_pledge,
    withdraw_publication,
    write_pledge,
)
from desktop_app.services.pledges.queries import (
    PledgeRow,
    counts_by_status,
    get_pledge,
    list_pledges,
    not_yet_pledged,
    pledge_years,
    review_grades,
)
from desktop_app.services.pledges.year_start import YearStart, previous_school_year, start_year

__all__ = [
    "TOPIC", "ReviewEntry", "delete_draft", "delete_drafts", "publish", "publish_many", "record_review", "record_reviews",
    "reopen", "start_fulfilment", "update_pledge", "withdraw_publication", "write_pledge",
    "PledgeRow", "counts_by_status", "get_pledge", "list_pledges", "not_yet_pledged", "pledge_years",
    "review_grades", "YearStart", "previous_school_year", "start_year",
]
