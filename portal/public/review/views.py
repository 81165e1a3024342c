from datetime import date

from flask_babel import lazy_gettext as _l

from ...services import referrals
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


# The pages an earlier request already answered, copied so they need not be retyped.
KNOWN_PAGES = ("person", "address", "contact")


class ReviewFlow(RequestFlow):
    templates = "review"

    def after_step(self, step, answers):
        known = answers.get("known") or {}
        if step.key != "known" or not (known.get("reference") or "").strip():
            return answers
        earlier = referrals.find(known["reference"], date.fromisoformat(known["date_of_birth"]))
        linked = dict(answers)
        for key in KNOWN_PAGES:
            if key in earlier.answers and key not in answers:
                linked[key] = earlier.answers[key]
        linked["known"] = {**known, "reference": earlier.reference}
        return linked


flow = ReviewFlow(
    JOURNEY,
    bp,
    _l("Ask for a Care and Treatment Review"),
    kind="review",
    route_of=consent_route,
    themselves=themselves,
    details=review_details,
)
