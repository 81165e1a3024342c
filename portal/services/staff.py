"""Staff accounts: creation, password rules and hashing (argon2), sign-in attempts and
lockout, invitations."""

from datetime import timedelta

from argon2 import PasswordHasher
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from zxcvbn import zxcvbn
from zxcvbn.frequency_lists import FREQUENCY_LISTS

from ..extensions import db
from ..models import StaffMember
from ..models.staff import ROLES
from . import audit
from .clock import aware, now
from .tokens import new_token, token_hash

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200
# Wrong passwords or codes in a row before the account waits.
MAX_FAILED_ATTEMPTS = 5
LOCK_TIME = timedelta(minutes=15)
INVITE_LIFETIME = timedelta(days=7)
COMMON_PASSWORDS = frozenset(FREQUENCY_LISTS["passwords"])
_hasher = PasswordHasher()
# Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not a real password")


class StaffError(ValueError):
    pass


def password_problem(password, email="", name=""):
    """Why this password cannot be used, in plain words, or None."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return _l("Password must be %(n)s characters or more", n=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return _l("Password must be %(n)s characters or fewer", n=MAX_PASSWORD_LENGTH)
    if password.lower() in COMMON_PASSWORDS:
        return _l("That password is too common. Choose one that is harder to guess")
    local = email.split("@")[0]
    words = [*name.split(), *local.replace(".", " ").split()]
    inputs = [part for part in (email, local, name, name.replace(" ", ""), *words) if part]
    if zxcvbn(password[:100], user_inputs=inputs)["score"] < 2:
        return _l("That password is too easy to guess. Try a few unrelated words together")
    return None


def create_staff(email, name, password, role="administrator"):
    email = email.strip().lower()
    if role not in ROLES:
        raise StaffError(f"Role must be one of: {', '.join(ROLES)}")
    if "@" not in email:
        raise StaffError("Enter an email address in the correct format, like name@example.org")
    problem = password_problem(password, email, name)
    if problem:
        raise StaffError(str(problem))
    if email_taken(email):
        raise StaffError("A staff member with that email address already exists")
    member = StaffMember(
        email=email, name=name.strip(), role=role, password_hash=_hasher.hash(password)
    )
    db.session.add(member)
    db.session.commit()
    return member


def email_taken(email):
    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(StaffMember)
            .where(StaffMember.email == email.strip().lower())
        )
    )


def set_password(member, password):
    member.password_hash = _hasher.hash(password)


def verify_password(member, password):
    if member is None or not member.password_hash:
        _spend_time()
        return False
    try:
        return _hasher.verify(member.password_hash, password)
    except Exception:  # argon2 raises several kinds of mismatch and invalid-hash errors
        return False


def _spend_time():
    try:
        _hasher.verify(_DUMMY_HASH, "x")
    except Exception:  # noqa: S110 - a mismatch is the point: only the time matters
        pass


def by_email(email):
    return db.session.scalar(
        select(StaffMember).where(StaffMember.email == (email or "").strip().lower())
    )


def is_locked(member):
    return member.locked_until is not None and aware(member.locked_until) > now()


def failed_attempt(member, step):
    """Count a wrong password or code; lock the account after too many in a row."""
    member.failed_attempts = (member.failed_attempts or 0) + 1
    audit.record("staff.sign_in_failed", "staff", member.id, actor="public", step=step)
    if member.failed_attempts >= MAX_FAILED_ATTEMPTS:
        member.locked_until = now() + LOCK_TIME
        member.failed_attempts = 0
        audit.record("staff.locked", "staff", member.id, actor="public")
    db.session.commit()


def unlock(member, actor):
    member.locked_until = None
    member.failed_attempts = 0
    audit.record("staff.unlocked", "staff", member.id, actor=actor)


def invite(email, name, role, actor):
    """A new member who chooses their own password from a private link. Returns
    (member, token); only the token's hash is kept."""
    member = StaffMember(
        email=email.strip().lower(), name=name.strip(), role=role, password_hash=""
    )
    db.session.add(member)
    token = reissue_invite(member)
    db.session.flush()
    audit.record("staff.invited", "staff", member.id, actor=actor, role=role)
    return member, token


def reissue_invite(member):
    """Clear the password, authenticator and any lock, and make a new invitation link."""
    token = new_token()
    member.password_hash = ""
    member.totp_secret = None
    member.totp_confirmed = False
    member.totp_last_step = None
    member.failed_attempts = 0
    member.locked_until = None
    member.invite_token_hash = token_hash(token)
    member.invite_expires_at = now() + INVITE_LIFETIME
    return token


def by_invite(token):
    member = db.session.scalar(
        select(StaffMember).where(StaffMember.invite_token_hash == token_hash(token.strip()))
    )
    if member is None or not member.is_active or aware(member.invite_expires_at) < now():
        return None
    return member


def accept_invite(member, password):
    set_password(member, password)
    member.invite_token_hash = None
    member.invite_expires_at = None
    audit.record("staff.invite_accepted", "staff", member.id, actor=f"staff:{member.id}")
