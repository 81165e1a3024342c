"""What happens at the end of a request journey, for both kinds of request: a no to
consent is confirmed, then ends it and keeps nothing; a send stores what still applies,
emails a confirmation, and the confirmation page, receipt and status link follow."""

import time

from flask import abort, redirect, render_template, request, session
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from ..extensions import db
from ..forms import PortalForm
from ..i18n import current_language, locale_for
from ..journeys.views import Flow
from ..models import Referral
from ..services import audit, drafts, mail, referrals
from ..services.area import current_area
from ..services.pdf import render_pdf

# On a shared computer the next person must not find the last one's receipt.
RECEIPT_MINUTES = 60


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
        bp.add_url_rule("/not-sending", "confirm_no", self.confirm_no, methods=["GET", "POST"])

    def prepare(self, form, answers):
        return form.speak_to_the_person() if self.themselves(answers) else form

    def after_step(self, step, answers):
        """Stamp a consent answer with who it was asked of; when a later change means
        someone else must now decide (age or role changed), it no longer counts."""
        answers = dict(answers)
        route = self.route_of(answers)
        if step.key == "consent":
            answers["consent"] = {**answers["consent"], "route": route}
        elif (answers.get("consent") or {}).get("route") not in (None, route):
            answers.pop("consent")
            answers.pop("child_view", None)
        return answers

    def declines(self, step, form, answers):
        return step.key == "consent" and referrals.declines(self.route_of(answers), form.agree.data)

    def decline_url(self):
        # One tap on "No" must not delete everything: ask first.
        return self.url("confirm_no")

    def confirm_no(self):
        draft = self.current_draft()
        if draft is None:
            return redirect(self.url("start"))
        form = PortalForm()
        if request.method == "POST":
            form.validate_on_submit() or abort(400)
            referrals.record_declined(self.route_of(draft.answers), self.kind)
            drafts.discard(draft)
            self.forget_draft()
            return redirect(self.url("declined"), 303)
        back = self.url("step", step_key="consent")
        return render_template("journeys/confirm_no.html", flow=self, form=form, back=back)

    def fill_in(self, answers):
        """Answers a journey adds at send (a linked person's details, for example)."""
        return answers

    def prepare_to_send(self, answers):
        keep = {step.key for step in self.journey.applicable(answers)}
        return self.fill_in({k: v for k, v in answers.items() if k in keep})

    def submit(self, draft):
        reference, token = referrals.submit(
            draft.id,
            self.route_of,
            self.kind,
            self.details,
            self.prepare_to_send,
            language=current_language(),
        )
        if token:  # first time only: a repeated "Send" sends nothing twice
            session[f"{self.session_key}:status_token"] = token
            session[f"{self.session_key}:emailed"] = send_confirmation(find(reference))
        session[f"{self.session_key}:sent_at"] = time.time()
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
        sent_at = session.get(f"{self.session_key}:sent_at", 0)
        if time.time() - sent_at > RECEIPT_MINUTES * 60:
            abort(404)
        audit.record("receipt.downloaded", "referral", referral.id)
        db.session.commit()
        return render_pdf(
            "referral/receipt.html", f"consent-{referral.reference}.pdf", referral=referral
        )


def find(reference):
    return db.session.scalar(select(Referral).where(Referral.reference == reference))


def send_confirmation(referral):
    """In the language the request was sent in, whatever page sends it."""
    with force_locale(locale_for(referral.language)):
        body = render_template("referral/email.txt", referral=referral, area=current_area())
        subject = _("We have your request: %(ref)s", ref=referral.reference)
    return mail.send(referral.requester_email, subject, body, language=referral.language)
