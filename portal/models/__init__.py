"""SQLAlchemy models, one module per aggregate. Imported here so Alembic sees them all."""

from .area import AreaSettings
from .audit import AuditEvent
from .draft import Draft
from .feedback import Feedback
from .language import LanguageCheck
from .planner import Planner, PlannerShare
from .referral import ConsentRecord, Referral, ReferralNote, StatusChange
from .register import RatingChange, RegisterEntry, Review, ReviewAction
from .staff import StaffMember, StaffSession

__all__ = [
    "AreaSettings",
    "AuditEvent",
    "ConsentRecord",
    "Draft",
    "Feedback",
    "LanguageCheck",
    "Planner",
    "PlannerShare",
    "RatingChange",
    "Referral",
    "ReferralNote",
    "RegisterEntry",
    "Review",
    "ReviewAction",
    "StaffMember",
    "StaffSession",
    "StatusChange",
]
