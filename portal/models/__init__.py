"""SQLAlchemy models, one module per aggregate. Imported here so Alembic sees them all."""

from .area import AreaSettings
from .staff import StaffMember

__all__ = ["AreaSettings", "StaffMember"]
