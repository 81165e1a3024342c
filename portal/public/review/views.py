from datetime import date

from flask_babel import lazy_gettext as _l

from ...services.review_timescales import review_name
from ..referral.journey import born, themselves
from ..request_flow import RequestFlow
from . import bp
from .journey import JOURNEY, consent_route, due_for


def review_details(answers):
    """A review request's own columns: its type and when the policy says it is due."""
    due = due_for(answers)
    return {
        "review_type": review_name(born(answers), date.today()),
        "review_due_kind": due.kind,
        "review_due_by": due.by,
    }


class ReviewFlow(RequestFlow):
    templates = "review"


flow = ReviewFlow(
    JOURNEY,
    bp,
    _l("Ask for a Care and Treatment Review"),
    kind="review",
    route_of=consent_route,
    themselves=themselves,
    details=review_details,
)
