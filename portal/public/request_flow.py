"""What happens at the end of a request journey, for both kinds of request: a no to
consent ends it and keeps nothing; a send stores it, emails a confirmation, and the
confirmation page, receipt and status link follow."""

from flask import abort, render_template, session
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..journeys.views import Flow
from ..models import Referral
from ..services import mail, referrals
from ..services.area import current_area
from ..services.pdf import render_pdf


class RequestFlow(Flow):
    def __init__(self, journey, bp, title, kind, route_of, themselves, details=None):
        self.kind, self.route_of, self.themselves, self.details = (
            kind,
            route_of,
            themselves,
            details,
        )
        super().__init__(journey, bp, title)
        bp.add_url_rule("/confirmation", "confirmation", self.confirmation)
        bp.add_url_rule("/consent-receipt.pdf", "receipt", self.receipt)

    def prepare(self, form, answers):
        return form.speak_to_the_person() if self.themselves(answers) else form

    def declines(self, step, form, answers):
        return step.key == "consent" and referrals.declines(self.route_of(answers), form.agree.data)

    def decline(self, draft):
        referrals.record_declined(self.route_of(draft.answers), self.kind)
        super().decline(draft)

    def submit(self, draft):
        reference, token = referrals.submit(
            draft.id, self.route_of(draft.answers), self.kind, self.details
        )
        if token:  # first time only: a repeated "Send" sends nothing twice
            session[f"{self.session_key}:status_token"] = token
            session[f"{self.session_key}:emailed"] = send_confirmation(find(reference))
        return reference

    def sent(self):
        """The request this browser has just sent; nobody else's."""
        reference = session.get(f"{self.session_key}:done")
        referral = find(reference) if reference else None
        if referral is None:
            abort(404)
        return referral

    def confirmation(self):
        referral = self.sent()
        return render_template(
            f"{self.templates}/confirmation.html",
            flow=self,
            referral=referral,
            status_token=session.pop(f"{self.session_key}:status_token", None),
            emailed=session.get(f"{self.session_key}:emailed"),
            mail_enabled=mail.enabled(),
        )

    def receipt(self):
        referral = self.sent()
        return render_pdf(
            "referral/receipt.html", f"consent-{referral.reference}.pdf", referral=referral
        )


def find(reference):
    return db.session.scalar(select(Referral).where(Referral.reference == reference))


def send_confirmation(referral):
    body = render_template("referral/email.txt", referral=referral, area=current_area())
    subject = _("We have your request: %(ref)s", ref=referral.reference)
    return mail.send(referral.requester_email, subject, body)
