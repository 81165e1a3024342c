"""The routes every journey has: start, each step, save and come back, resume, check
answers, send, confirmation. A journey's own module says what happens when it is sent."""

from datetime import date

from flask import (
    abort,
    after_this_request,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from itsdangerous import BadSignature, URLSafeSerializer
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from ..extensions import db
from ..forms import PortalForm
from ..forms.fields import StringField
from ..forms.validators import Required
from ..i18n import current_language
from ..services import audit, drafts
from .engine import display_value, from_stored, question_fields, to_stored

RAW = "_raw"  # answers saved mid-page, exactly as typed, even if not yet valid


class Flow:
    """Binds a Journey to a blueprint. Subclasses say how to send and what ends it early."""

    templates = "journeys"
    step_template = "journeys/step.html"
    # Form names that are buttons or tokens, not answers.
    not_answers = ("csrf_token", "save_for_later", "switch_language")
    # A journey about nobody's record (anonymous feedback) leaves no trail when resumed.
    audit_resumes = True

    def __init__(self, journey, bp, title):
        self.journey = journey
        self.bp = bp
        self.title = title
        self.session_key = f"journey:{journey.name}:draft"
        self.register()

    # What a journey provides -------------------------------------------------------

    def submit(self, draft):
        """Send the answers; returns the reference."""
        raise NotImplementedError

    def declines(self, step, form, answers):
        """True when this answer ends the journey (a no to consent)."""
        return False

    def decline_url(self):
        return self.url("declined")

    def forget_draft(self):
        session.pop(self.session_key, None)

        @after_this_request
        def clear_cookie(response):
            response.delete_cookie(self.cookie_name(), path=self.url("start"))
            return response

    def prepare(self, form, answers):
        """Adjust a form to the answers so far (wording, for example)."""
        return form

    def after_step(self, step, answers):
        """Answers to store after a page is answered; a journey may add to them."""
        return answers

    # Drafts ---------------------------------------------------------------------------

    def current_draft(self, for_update=False):
        """The draft this browser is filling in: from the session, or, when the session
        has ended, from the draft cookie, which lasts as long as drafts are kept."""
        draft_id = session.get(self.session_key) or self.draft_from_cookie()
        draft = drafts.find(draft_id, self.journey.name, for_update=for_update)
        if draft is not None:
            session[self.session_key] = draft.id
        return draft

    def new_draft(self):
        drafts.purge_expired()  # cheap (indexed), and keeps old answers from lingering
        draft = drafts.start(self.journey.name, get_locale().language)
        session[self.session_key] = draft.id
        session.permanent = True
        self.remember_draft(draft.id)
        return draft

    # A signed cookie naming the draft, so an ended session or a restart loses nothing.
    def cookie_name(self):
        return f"draft_{self.journey.name}"

    def signer(self):
        return URLSafeSerializer(current_app.secret_key, salt="journey-draft")

    def draft_from_cookie(self):
        signed = request.cookies.get(self.cookie_name())
        try:
            return self.signer().loads(signed) if signed else None
        except BadSignature:
            return None

    def remember_draft(self, draft_id):
        value = self.signer().dumps(draft_id)

        @after_this_request
        def set_cookie(response):
            response.set_cookie(
                self.cookie_name(),
                value,
                max_age=int(drafts.lifetime().total_seconds()),
                secure=current_app.config["SESSION_COOKIE_SECURE"],
                httponly=True,
                samesite="Lax",
                path=self.url("start"),
            )
            return response

    def url(self, endpoint, **values):
        return url_for(f"{self.bp.name}.{endpoint}", **values)

    # Routes ---------------------------------------------------------------------------

    def register(self):
        bp = self.bp
        bp.add_url_rule("", "start", self.start_page)
        bp.add_url_rule("/begin", "begin", self.begin, methods=["POST"])
        bp.add_url_rule("/check-answers", "check", self.check, methods=["GET", "POST"])
        bp.add_url_rule("/saved", "saved", self.saved)
        bp.add_url_rule("/resume", "resume", self.resume, methods=["GET", "POST"])
        bp.add_url_rule("/not-sent", "declined", self.declined)
        bp.add_url_rule("/<step_key>", "step", self.step_page, methods=["GET", "POST"])

    def start_page(self):
        draft = self.current_draft()
        return render_template(
            f"{self.templates}/start.html",
            flow=self,
            draft=draft,
            form=PortalForm(),
        )

    def begin(self):
        PortalForm().validate_on_submit() or abort(400)
        draft = self.current_draft() or self.new_draft()
        return redirect(self.where_to_carry_on(draft), 303)

    def where_to_carry_on(self, draft):
        """A page left half-changed first, so an edit saved for later is not lost; then
        the first unanswered page; then check answers."""
        pending = draft.answers.get(RAW, {})
        for step in self.journey.applicable(draft.answers):
            if step.key in pending:
                return self.url("step", step_key=step.key)
        nxt = self.journey.first_unanswered(draft.answers)
        return self.url("step", step_key=nxt.key) if nxt else self.url("check")

    def step_page(self, step_key):
        step = self.journey.step(step_key)
        if step is None:
            abort(404)
        if request.method == "GET":
            draft = self.current_draft()
            if draft is None:
                return redirect(self.url("start"))
            if not step.applies(draft.answers):
                return redirect(self.url("check"))
            return self.render_step(step, draft, self.form_for_display(step, draft))
        # Locked, so two tabs saving at once cannot overwrite each other's answers.
        draft = self.current_draft(for_update=True) or self.new_draft()
        if not step.applies(draft.answers):
            # An old tab, or a replayed page: keep what was typed, carry on where it fits.
            self.keep_raw(step, draft)
            missing = self.journey.first_unanswered(draft.answers)
            return redirect(
                self.url("step", step_key=missing.key) if missing else self.url("check"), 303
            )
        if "switch_language" in request.form:
            return self.switch_language(step, draft)
        form = self.prepare(step.form_class(draft.answers)(formdata=request.form), draft.answers)
        if "save_for_later" in request.form:
            return self.save_for_later(step, draft, form)
        if not form.validate():
            return self.render_step(step, draft, form), 400
        answers = dict(draft.answers)
        answers[step.key] = to_stored(form)
        answers[RAW] = {k: v for k, v in answers.get(RAW, {}).items() if k != step.key}
        self.save_answers(draft, self.after_step(step, answers))
        if self.declines(step, form, answers):
            return redirect(self.decline_url(), 303)
        return redirect(self.next_url(step, draft), 303)

    def next_url(self, step, draft):
        answers = draft.answers
        if request.args.get("return") == "check":
            missing = self.journey.first_unanswered(answers)
            return self.url("step", step_key=missing.key) if missing else self.url("check")
        nxt = self.journey.after(step.key, answers)
        return self.url("step", step_key=nxt.key) if nxt else self.url("check")

    def form_for_display(self, step, draft):
        form_class = step.form_class(draft.answers)
        raw = draft.answers.get(RAW, {}).get(step.key)
        if raw:
            form = form_class(formdata=MultiDict(raw))
        else:
            stored = from_stored(form_class, draft.answers.get(step.key))
            form = form_class(formdata=None, data=stored)
        return self.prepare(form, draft.answers)

    def render_step(self, step, draft, form):
        back = self.back_url(step, draft.answers)
        return render_template(
            self.step_template,
            flow=self,
            step=step,
            heading=step.heading(draft.answers),
            form=form,
            fields=question_fields(form),
            back=back,
            language_form="question-form",
            **self.step_context(step, draft),
        )

    def step_context(self, step, draft):
        """More for a journey's own step template."""
        return {}

    def back_url(self, step, answers):
        previous = self.previous_step(step, answers)
        return self.url("step", step_key=previous.key) if previous else self.url("start")

    def previous_step(self, step, answers):
        steps = self.journey.applicable(answers)
        keys = [s.key for s in steps]
        index = keys.index(step.key) if step.key in keys else 0
        return steps[index - 1] if index > 0 else None

    def keep_raw(self, step, draft):
        raw = {k: v for k, v in request.form.lists() if k not in self.not_answers}
        answers = dict(draft.answers)
        answers[RAW] = {**answers.get(RAW, {}), step.key: raw}
        self.save_answers(draft, answers)

    def save_answers(self, draft, answers):
        drafts.replace_answers(draft, answers)

    def switch_language(self, step, draft):
        """The language switcher on a question page sends the answers with it: keep them
        as typed (checked when the page is sent) and show the same page in the language
        chosen. ?lang= on this request has already chosen it and remembers it."""
        draft.language = current_language()
        self.keep_raw(step, draft)
        kept = {"return": "check"} if request.args.get("return") == "check" else {}
        return redirect(self.url("step", step_key=step.key, **kept), 303)

    def save_for_later(self, step, draft, form):
        self.keep_raw(step, draft)
        session[f"{self.session_key}:token"] = drafts.make_resume_token(draft)
        return redirect(self.url("saved"), 303)

    def saved(self):
        token = session.pop(f"{self.session_key}:token", None)
        if token is None:
            return redirect(self.url("start"))
        link = self.url("resume", _external=True) + "?code=" + token
        return render_template("journeys/saved.html", flow=self, link=link, code=token)

    def resume(self):
        form = ResumeForm(formdata=request.form if request.method == "POST" else None)
        if request.method == "GET":
            form.code.data = request.args.get("code", "")
            return render_template("journeys/resume.html", flow=self, form=form)
        if form.validate():
            draft = drafts.find_by_token(form.code.data.strip(), self.journey.name)
            if draft is not None:
                session[self.session_key] = draft.id
                session.permanent = True
                self.remember_draft(draft.id)
                if self.audit_resumes:
                    audit.record("draft.resumed", "draft", None, journey=self.journey.name)
                    db.session.commit()
                return redirect(self.where_to_carry_on(draft), 303)
            form.code.errors.append(form.not_found_message)
        return render_template("journeys/resume.html", flow=self, form=form), 400

    def check(self):
        draft = self.current_draft()
        if draft is None:
            done = session.get(f"{self.session_key}:done")
            return redirect(self.url("confirmation") if done else self.url("start"))
        if draft.submitted_reference:  # sent already: a second press of "Send"
            return self.finish(draft.submitted_reference)
        missing = self.journey.first_unanswered(draft.answers)
        if missing:
            return redirect(self.url("step", step_key=missing.key))
        form = PortalForm()
        if request.method == "POST":
            form.validate_on_submit() or abort(400)
            return self.finish(self.submit(draft))
        return render_template(
            "journeys/check_answers.html",
            flow=self,
            sections=self.summary(draft.answers),
            form=form,
        )

    def finish(self, reference):
        session[f"{self.session_key}:done"] = reference
        self.forget_draft()
        return redirect(self.url("confirmation"), 303)

    def summary(self, answers):
        sections = []
        for step in self.journey.applicable(answers):
            form_class = step.form_class(answers)
            form = form_class(
                formdata=None,
                data=from_stored(form_class, answers.get(step.key)),
                meta={"csrf": False},
            )
            self.prepare(form, answers)
            change = self.url("step", step_key=step.key, **{"return": "check"})
            rows = [summary_row(f, change) for f in question_fields(form)]
            sections.append((step.heading(answers), rows))
        return sections

    def declined(self):
        return render_template(f"{self.templates}/declined.html", flow=self)


ANSWER = Markup('<span class="portal-answer">%s</span>')  # escapes what it is given


def summary_row(field, change_url):
    value = display_value(field)
    if isinstance(value, date):
        value = format_date(value, "d MMMM y")
    return {
        "key": {"text": field.label.text},
        # In a span of its own: the answer's own line breaks show (pre-line), the
        # macro's indentation around it does not.
        "value": {"html": ANSWER % (value or _("Not given"))},
        "actions": {
            "items": [
                {"href": change_url, "text": _("Change"), "visuallyHiddenText": field.label.text}
            ]
        },
    }


class ResumeForm(PortalForm):
    code = StringField(
        _l("Your code"),
        description=_l("It is in the link we gave you, after code="),
        validators=[Required(_l("Enter the code from your link"))],
    )
    not_found_message = _l("We could not find saved answers for that code. Check it and try again.")
