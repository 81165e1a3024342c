"""Staff accounts: creation and password hashing (argon2)."""

from argon2 import PasswordHasher
from sqlalchemy import func, select

from ..extensions import db
from ..models import StaffMember
from ..models.staff import ROLES

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


class StaffError(ValueError):
    pass


def create_staff(email, name, password, role="administrator"):
    email = email.strip().lower()
    if role not in ROLES:
        raise StaffError(f"Role must be one of: {', '.join(ROLES)}")
    if "@" not in email:
        raise StaffError("Enter an email address in the correct format, like name@example.org")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError(f"The password must be {MIN_PASSWORD_LENGTH} characters or more")
    taken = db.session.scalar(
        select(func.count()).select_from(StaffMember).where(StaffMember.email == email)
    )
    if taken:
        raise StaffError("A staff member with that email address already exists")
    member = StaffMember(
        email=email, name=name.strip(), role=role, password_hash=_hasher.hash(password)
    )
    db.session.add(member)
    db.session.commit()
    return member


def verify_password(member, password):
    try:
        return _hasher.verify(member.password_hash, password)
    except Exception:  # argon2 raises several kinds of mismatch and invalid-hash errors
        return False
