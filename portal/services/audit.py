"""The audit trail: every view or change of a person's record leaves a row. The row says
who, what and which record; never the person's details."""

from ..extensions import db
from ..models import AuditEvent


def record(action, subject_type, subject_id=None, actor="public", **detail):
    db.session.add(
        AuditEvent(
            actor=actor,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            detail=detail,
        )
    )
