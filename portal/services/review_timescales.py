"""When a Care (Education) and Treatment Review should happen, by the 2023 policy.

One rule set, used by the public confirmation page and by the staff register alike:
- Post-admission, with no community review before: within 2 weeks for under 18s,
  4 weeks for adults (age on the day of admission).
- Post-admission, after a community review was held: within 6 weeks of admission.
- A move to another hospital, or to a ward of higher or lower security: a review should be
  arranged after the move (the policy gives no number of weeks, so neither do we).
- Repeat reviews in hospital, from the last review: every 3 months for children, 6 months
  for adults in non-secure settings, 12 months for adults in secure settings (age today).
- In the community: when the person's needs show a review is right; no fixed date.
"""

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l

from .consent import age_on

ADULT_AGE = 18

POST_ADMISSION_CHILD = "post_admission_child"
POST_ADMISSION_ADULT = "post_admission_adult"
AFTER_COMMUNITY_REVIEW = "after_community_review"
AFTER_MOVE = "after_move"
REPEAT_CHILD = "repeat_child"
REPEAT_ADULT = "repeat_adult"
REPEAT_ADULT_SECURE = "repeat_adult_secure"
COMMUNITY = "community"

EXPLAIN = {
    POST_ADMISSION_CHILD: _l(
        "Under 18s should have a review within 2 weeks of going into hospital."
    ),
    POST_ADMISSION_ADULT: _l("Adults should have a review within 4 weeks of going into hospital."),
    AFTER_COMMUNITY_REVIEW: _l(
        "After a review at home, a review should happen within 6 weeks of going into hospital."
    ),
    AFTER_MOVE: _l(
        "A move to another hospital, or to more or less security, means a new review "
        "should be arranged."
    ),
    REPEAT_CHILD: _l("Under 18s in hospital should have a review every 3 months."),
    REPEAT_ADULT: _l("Adults in hospital should have a review every 6 months."),
    REPEAT_ADULT_SECURE: _l("Adults in a secure hospital should have a review every 12 months."),
    COMMUNITY: _l("At home or in the community, a review happens when it would help."),
}


@dataclass(frozen=True)
class ReviewDue:
    kind: str
    # The latest date the review should happen by; None when the policy sets no date.
    by: date | None
    # The date the rule counts from (admission, move or last review).
    counted_from: date | None
    # A move after the last review, which also calls for a review.
    moved_on: date | None = None
    # True when nobody knows if there was a review since admission: the date may be wrong.
    uncertain: bool = False

    @property
    def explanation(self):
        return EXPLAIN[self.kind]

    def overdue(self, today):
        return self.by is not None and self.by < today and not self.uncertain


def add_months(start, months):
    """The same day so many months on, or the month's last day when it has fewer days."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _repeat(born, today, secure, last_review):
    if age_on(born, today) < ADULT_AGE:
        return ReviewDue(REPEAT_CHILD, add_months(last_review, 3), last_review)
    if secure:
        return ReviewDue(REPEAT_ADULT_SECURE, add_months(last_review, 12), last_review)
    return ReviewDue(REPEAT_ADULT, add_months(last_review, 6), last_review)


def _post_admission(born, admitted, community_review_before):
    if community_review_before:
        return ReviewDue(AFTER_COMMUNITY_REVIEW, admitted + timedelta(weeks=6), admitted)
    if age_on(born, admitted) < ADULT_AGE:
        return ReviewDue(POST_ADMISSION_CHILD, admitted + timedelta(weeks=2), admitted)
    return ReviewDue(POST_ADMISSION_ADULT, admitted + timedelta(weeks=4), admitted)


def review_due(
    born,
    today,
    in_hospital,
    admitted=None,
    community_review_before=False,
    secure=False,
    moved_on=None,
    last_review=None,
    last_review_unknown=False,
):
    """The next review the policy asks for. When a move also calls for one, the dated
    rule still gives the date (a move never hides a deadline) and the move is noted."""
    if not in_hospital:
        return ReviewDue(COMMUNITY, None, None)
    move = moved_on if moved_on and (last_review is None or moved_on > last_review) else None
    if last_review and admitted and last_review >= admitted:
        dated = _repeat(born, today, secure, last_review)
    elif admitted:
        dated = _post_admission(born, admitted, community_review_before)
    else:
        dated = None
    if dated is None:
        return ReviewDue(AFTER_MOVE, None, move) if move else ReviewDue(COMMUNITY, None, None)
    return replace(dated, moved_on=move, uncertain=last_review_unknown and not last_review)


def review_name(born, today):
    """CETR for under 18s, CTR for adults."""
    return "CETR" if age_on(born, today) < ADULT_AGE else "CTR"
