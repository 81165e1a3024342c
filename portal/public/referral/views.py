from flask import abort, render_template, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ...extensions import db
from ...journeys.views import Flow
from ...models import Referral
from ...services import mail, referrals
from ...services.area import current_area
from ...services.pdf import render_pdf
from . import bp
from .journey import JOURNEY, consent_route, themselves


class ReferralFlow(Flow):
    """The journey engine, plus what a request to join the register does at the end."""

    templates = "referral"

    def prepare(self, form, answers):
        return form.speak_to_the_person() if themselves(answers) else form

    def declines(self, step, form, answers):
        return step.key == "consent" and referrals.declines(consent_route(answers), form.agree.data)

    def decline(self, draft):
        referrals.record_declined(consent_route(draft.answers))
        super().decline(draft)

    def submit(self, draft):
        reference, token = referrals.submit(draft.id, consent_route(draft.answers))
        if token:  # first time only: a repeated "Send" sends nothing twice
            session[f"{self.session_key}:status_token"] = token
            session[f"{self.session_key}:emailed"] = send_confirmation(find(reference))
        return reference


def find(reference):
    return db.session.scalar(select(Referral).where(Referral.reference == reference))


def send_confirmation(referral):
    body = render_template("referral/email.txt", referral=referral, area=current_area())
    subject = _("We have your request: %(ref)s", ref=referral.reference)
    return mail.send(referral.requester_email, subject, body)


flow = ReferralFlow(JOURNEY, bp, _l("Ask to go on the Dynamic Support Register"))


def submitted_referral():
    """The request this browser has just sent; nobody else's."""
    reference = session.get(f"{flow.session_key}:done")
    referral = find(reference) if reference else None
    if referral is None:
        abort(404)
    return referral


@bp.route("/confirmation")
def confirmation():
    referral = submitted_referral()
    return render_template(
        "referral/confirmation.html",
        flow=flow,
        referral=referral,
        status_token=session.pop(f"{flow.session_key}:status_token", None),
        emailed=session.get(f"{flow.session_key}:emailed"),
        mail_enabled=mail.enabled(),
    )


@bp.route("/consent-receipt.pdf")
def receipt():
    referral = submitted_referral()
    return render_pdf(
        "referral/receipt.html", f"consent-{referral.reference}.pdf", referral=referral
    )
