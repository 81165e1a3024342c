"""SQLAlchemy models, one module per aggregate. Imported here so Alembic sees them all."""

from .area import AreaSettings
from .audit import AuditEvent
from .draft import Draft
from .feedback import Feedback
from .planner import Planner, PlannerShare
from .referral import ConsentRecord, Referral, StatusChange
from .staff import StaffMember

__all__ = [
    "AreaSettings",
    "AuditEvent",
    "ConsentRecord",
    "Draft",
    "Feedback",
    "Planner",
    "PlannerShare",
    "Referral",
    "StaffMember",
    "StatusChange",
]
