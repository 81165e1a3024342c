"""Time-based codes from an authenticator app (TOTP, RFC 6238) for staff sign-in.

A code is accepted for the 30 seconds before and after its own, to allow for clocks that
drift, but each time step is accepted once only: the last step used is stored, so a code
seen over someone's shoulder, or replayed, never works a second time."""

import hmac
import time
from enum import Enum

import pyotp
import qrcode
import qrcode.image.svg
from markupsafe import Markup, escape
from sqlalchemy import or_, update

from ..extensions import db
from ..models import StaffMember

DRIFT_STEPS = 1


class Check(Enum):
    OK = "ok"
    WRONG = "wrong"
    REUSED = "reused"


def new_secret():
    return pyotp.random_base32()


def grouped(secret):
    """The key as people type it from the screen: groups of 4."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def provisioning_uri(secret, email, issuer):
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=issuer)


def qr_svg(uri, label):
    """The set-up link as an inline SVG QR code: drawn here, never fetched from elsewhere."""
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    svg = image.to_string(encoding="unicode")
    named = f'<svg class="portal-qr" role="img" aria-label="{escape(label)}" focusable="false" '
    return Markup(svg.replace("<svg ", named, 1))  # noqa: S704 - our own URI, label escaped


def check(member, code, at=None):
    """Check a code against the member's secret and, when right, use up its time step."""
    digits = "".join(ch for ch in str(code or "") if ch.isdigit())
    if not member.totp_secret or len(digits) != 6:
        return Check.WRONG
    totp = pyotp.TOTP(member.totp_secret)
    step_now = totp.timecode(at if at is not None else time.time())
    for step in range(step_now - DRIFT_STEPS, step_now + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), digits):
            return Check.OK if claim_step(member, step) else Check.REUSED
    return Check.WRONG


def claim_step(member, step):
    """Use up a time step in one UPDATE, so two requests racing with the same code cannot
    both win: the second finds the step already stored and changes nothing."""
    claimed = db.session.execute(
        update(StaffMember)
        .where(
            StaffMember.id == member.id,
            or_(StaffMember.totp_last_step.is_(None), StaffMember.totp_last_step < step),
        )
        .values(totp_last_step=step)
    ).rowcount
    return claimed == 1
