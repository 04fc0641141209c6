"""The one place a pledge's fields meet the `pledge` table.

The domain describes a pledge in three parts — its content (`PledgeData`), its posting
(`Publication`) and its review (`Review`). These functions read each part from a `Pledge` row
and write it back; the commands, the importer and `PledgeRow` all go through them, so a field
is mapped once.
"""

from __future__ import annotations

from desktop_app.domain.pledges import PledgeData, Publication, Review
from desktop_app.store.models.pledges import Pledge


def content_of(pledge: Pledge) -> PledgeData:
    return PledgeData(
        member_id=pledge.member_id, kind=pledge.kind, school_year=pledge.school_year,
        standard=pledge.standard or "", content_items=list(pledge.content_items or []),
        signed_date=pledge.signed_date,
    )


def publication_of(pledge: Pledge) -> Publication:
    return Publication(pledge.published_from, pledge.published_to, list(pledge.publication_places or []))


def review_of(pledge: Pledge) -> Review:
    return Review(pledge.review_grade, pledge.review_body, pledge.review_date,
                  pledge.review_comment or "", pledge.review_explanation or "")


def put_content(pledge: Pledge, data: PledgeData) -> None:
    pledge.member_id = data.member_id
    pledge.kind = data.kind
    pledge.school_year = data.school_year
    pledge.standard = data.standard or None
    pledge.content_items = list(data.content_items)
    pledge.signed_date = data.signed_date


def put_publication(pledge: Pledge, publication: Publication | None) -> None:
    """Record the posting; None takes it down."""
    pledge.published_from = publication.start if publication else None
    pledge.published_to = publication.end if publication else None
    pledge.publication_places = list(dict.fromkeys(publication.places)) if publication else []


def put_review(pledge: Pledge, review: Review | None) -> None:
    """Record the review; None clears it (reopening)."""
    pledge.review_grade = review.grade if review else None
    pledge.review_body = review.body if review else None
    pledge.review_date = review.review_date if review else None
    pledge.review_comment = ((review.comment or "").strip() or None) if review else None
    pledge.review_explanation = ((review.explanation or "").strip() or None) if review else None
