from datetime import date

from flask_babel import lazy_gettext as _l

from ...services import referrals
from ...services.review_timescales import review_name
from ..referral.journey import themselves
from ..request_flow import RequestFlow
from . import bp
from .journey import JOURNEY, born, consent_route, due_for


def review_details(answers):
    """A review request's own columns: its type and when the policy says it is due."""
    due = due_for(answers)
    return {
        "review_type": review_name(born(answers), date.today()),
        "review_due_kind": due.kind,
        "review_due_by": due.by,
    }


# What an earlier request already told us, used at send instead of asking again.
KNOWN_PAGES = ("person", "address", "contact", "communication", "diagnosis")


def with_linked_details(answers):
    """Fill the skipped pages from the earlier request, on the server only."""
    known = answers.get("known") or {}
    earlier = referrals.by_reference(known.get("reference")) if known.get("reference") else None
    if earlier is None:
        return answers
    filled = {key: earlier.answers[key] for key in KNOWN_PAGES if key in earlier.answers}
    return {**filled, **answers, "known": {**known, "reference": earlier.reference}}


class ReviewFlow(RequestFlow):
    templates = "review"

    def fill_in(self, answers):
        return with_linked_details(answers)


flow = ReviewFlow(
    JOURNEY,
    bp,
    _l("Ask for a Care and Treatment Review"),
    kind="review",
    route_of=consent_route,
    themselves=themselves,
    details=review_details,
)
