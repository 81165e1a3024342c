"""Tell us what a review was like: the feedback form on the journey engine. It ends with
a thank you, and leaves nothing in the browser or the database that leads to the row."""

from flask import abort, redirect, render_template, request, session
from flask_babel import lazy_gettext as _l

from ...extensions import db
from ...forms import PortalForm
from ...journeys.views import RAW, Flow
from ...models import Draft
from . import bp, sending
from .journey import ABOUT_YOU, JOURNEY, named

WHO_YOU_ARE = ("identity", *ABOUT_YOU)


class FeedbackFlow(Flow):
    templates = "feedback"
    audit_resumes = False

    def __init__(self, journey, blueprint, title):
        super().__init__(journey, blueprint, title)
        blueprint.add_url_rule("/confirmation", "confirmation", self.confirmation)

    @property
    def done_key(self):
        return f"{self.session_key}:done"  # the key Flow.check looks for

    def after_step(self, step, answers):
        """Choosing to stay anonymous forgets, there and then, anything typed about who
        you are (sending drops it too, whatever the draft holds)."""
        if step.key == "identity" and not named(answers):
            answers = {k: v for k, v in answers.items() if k not in ABOUT_YOU}
            answers[RAW] = {k: v for k, v in answers.get(RAW, {}).items() if k not in ABOUT_YOU}
        return answers

    def submit(self, draft):
        sending.send(draft.id)

    def finish(self, _reference=None):
        # The session keeps only that something was sent: no id, nothing to find it by.
        session[self.done_key] = True
        self.forget_draft()
        return redirect(self.url("confirmation"), 303)

    def check(self):
        if request.method == "POST" and self.sent_a_moment_ago():
            PortalForm().validate_on_submit() or abort(400)
            return self.finish()
        return super().check()

    def sent_a_moment_ago(self):
        """The browser still names a draft that is gone: the other press of a double
        click sent it (its answer, which would say so, may never reach the browser)."""
        draft_id = session.get(self.session_key) or self.draft_from_cookie()
        return bool(draft_id) and db.session.get(Draft, draft_id) is None

    def summary(self, answers):
        """Two lists instead of one a page: the review, then who you are."""
        steps = self.journey.applicable(answers)
        review, you = [], []
        for step, (_heading, rows) in zip(steps, super().summary(answers), strict=True):
            (you if step.key in WHO_YOU_ARE else review).extend(rows)
        return [(_l("Your feedback"), review), (_l("About you"), you)]

    def confirmation(self):
        if not session.get(self.done_key):
            return redirect(self.url("start"))
        return render_template("feedback/confirmation.html", flow=self)

    def declined(self):
        abort(404)  # no answer ends this form early


flow = FeedbackFlow(JOURNEY, bp, _l("Tell us what a review was like"))
