"""The planner's pages: the list of parts, each question page (on the shared journey
engine), and the whole planner on one page. Pages for the code, PIN, linking, sharing,
deleting and printing are in manage.py and printing.py."""

from flask import Response, abort, redirect, render_template, request, session
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ..easyread.render import Renderer, area_values, spoken
from ..easyread.views import Listening
from ..errors import replay_fields
from ..forms import PortalForm
from ..i18n import current_language
from ..journeys.views import Flow
from ..services import planners
from ..services.area import current_area
from . import access, bp
from .access_forms import OpenForm, UnlockForm
from .forms import MAX_ACTIONS, ActionsForm
from .journey import JOURNEY, PARTS, display_name, part_label, part_of, part_status
from .present import present

# Buttons and tokens a planner page may send that are not answers; code, pin and step
# come with a page carried through the open or unlock page.
NOT_ANSWERS = (
    "csrf_token",
    "save_for_later",
    "autosave",
    "add_action",
    "code",
    "pin",
    "step",
    "switch_language",
)


class PlannerFlow(Flow):
    """The journey engine, storing answers in a Planner instead of a Draft, with no
    sending at the end: each part returns to the list of parts."""

    step_template = "planner/step.html"
    not_answers = NOT_ANSWERS

    def register(self):
        bp.add_url_rule("", "start", self.start_page)
        bp.add_url_rule("/begin", "begin", self.begin, methods=["POST"])
        bp.add_url_rule("/parts", "tasks", self.tasks)
        bp.add_url_rule("/my-planner", "check", self.check)
        bp.add_url_rule("/<step_key>", "step", self.step_page, methods=["GET", "POST"])

    # Storage -------------------------------------------------------------------------

    def current_draft(self, for_update=False):
        return access.current(for_update=for_update)

    def save_answers(self, draft, answers):
        draft.language = current_language()  # the language the person last wrote in
        planners.save(draft, answers)

    def after_step(self, step, answers):
        if step.key == "actions":
            kept = [
                {k: v for k, v in action.items() if k != "remove"}
                for action in answers["actions"].get("actions") or []
                if not action.get("remove") and (action.get("what") or "").strip()
            ]
            answers = {**answers, "actions": {"actions": kept[:MAX_ACTIONS]}}
        return answers

    # Pages ---------------------------------------------------------------------------

    def start_page(self):
        if self.current_draft() is not None:
            return redirect(self.url("tasks"))
        return render_template(
            "planner/start.html", flow=self, form=PortalForm(), locked=access.locked_here()
        )

    def begin(self):
        PortalForm().validate_on_submit() or abort(400)
        if self.current_draft() is not None:
            return redirect(self.url("tasks"), 303)
        planner, code = planners.create(get_locale().language, referral=just_sent_review())
        access.open_here(planner)
        session["planner:code"] = code
        return redirect(self.url("your_link"), 303)

    def tasks(self):
        planner = self.current_draft()
        if planner is None:
            return redirect(self.url("start"))
        session.pop("planner:code", None)  # shown once only
        planners.viewed(planner, "parts")
        items = [task_item(self, part, planner.answers) for part in PARTS]
        return render_template(
            "planner/tasks.html",
            flow=self,
            planner=planner,
            items=items,
            name=display_name(planner.answers),
            done=sum(1 for part in PARTS if part_status(part, planner.answers) == "done"),
            form=PortalForm(),
        )

    def check(self):
        planner = self.current_draft()
        if planner is None:
            return redirect(self.url("start"))
        planners.viewed(planner, "whole")
        return render_template(
            "planner/whole.html",
            flow=self,
            planner=planner,
            parts=present(planner.answers),
            name=display_name(planner.answers),
        )

    def step_page(self, step_key):
        step = self.journey.step(step_key)
        if step is None:
            abort(404)
        if request.method == "POST":
            planner = self.current_draft(for_update=True)
            if planner is None:
                # The session ended and a PIN protects the planner: keep what was typed
                # and ask for the code and PIN, rather than lose it.
                return locked_out(step), 403
            if "autosave" in request.form:
                if step.applies(planner.answers):
                    self.keep_raw(step, planner)
                return Response(status=204, mimetype="text/plain")
        elif (planner := self.current_draft()) is not None:
            planners.viewed(planner, step.key)
        return super().step_page(step_key)

    def new_draft(self):
        abort(403)  # never reached: step_page handles a missing planner first

    def save_for_later(self, step, draft, form):
        self.keep_raw(step, draft)
        return redirect(self.url("tasks"), 303)

    def next_url(self, step, draft):
        if step.key == "actions" and "add_action" in request.form:
            return self.url("step", step_key="actions")
        if request.args.get("return") == "check":
            return self.url("check")
        part = part_of(step.key)
        keys = [s.key for s in part.steps if s.applies(draft.answers)]
        index = keys.index(step.key) if step.key in keys else len(keys)
        if index + 1 < len(keys):
            return self.url("step", step_key=keys[index + 1])
        return self.url("tasks")

    def previous_step(self, step, answers):
        part = part_of(step.key)
        keys = [s for s in part.steps if s.applies(answers)]
        index = next((i for i, s in enumerate(keys) if s.key == step.key), 0)
        return keys[index - 1] if index > 0 else None

    def render_step(self, step, draft, form):
        if isinstance(form, ActionsForm):
            entries = form.actions.entries
            if len(entries) < MAX_ACTIONS and (not entries or not entries[-1].form.is_empty()):
                form.actions.append_entry()
        return super().render_step(step, draft, form)

    def step_context(self, step, draft):
        part = part_of(step.key)
        if not step.rows:
            return {"part": part, "rows": []}
        values = area_values(current_area())
        listening = Listening()
        whole = spoken([s for row in step.rows for s in row.sentences], values)
        return {
            "part": part,
            "rows": Renderer(values).rows(step.rows),
            "listening": listening,
            "page_audio": listening.url(whole),
        }

    def back_url(self, step, answers):
        previous = self.previous_step(step, answers)
        return self.url("step", step_key=previous.key) if previous else self.url("tasks")


def task_item(flow, part, answers):
    status = part_status(part, answers)
    steps = [s for s in part.steps if s.applies(answers)]
    target = next((s for s in steps if s.key not in answers), steps[0])
    tags = {
        "not_started": {"text": _l("Not started"), "classes": "nhsuk-tag--grey"},
        "in_progress": {"text": _l("In progress"), "classes": "nhsuk-tag--blue"},
    }
    item = {
        "title": {"text": part_label(part)},
        "hint": str(part.hint),
        "href": flow.url("step", step_key=target.key),
    }
    item["status"] = {"text": _l("Done")} if status == "done" else {"tag": tags[status]}
    return item


def just_sent_review():
    """The review request this browser has just sent, to link a new planner to."""
    from ..public.request_flow import find

    if not request.form.get("link_request"):
        return None
    reference = session.get("journey:review:draft:done")
    return find(reference) if reference else None


def locked_out(step):
    if access.locked_here() is not None:  # this device knows the planner: the PIN is enough
        template, form = "planner/unlock.html", UnlockForm(formdata=None)
    else:
        template, form = "planner/open.html", OpenForm(formdata=None)
    return render_template(template, flow=flow, form=form, replay=carried(), step_key=step.key)


def carried():
    """The answers a page sent while the planner was closed, to carry through the open
    or unlock page as hidden fields."""
    return [(name, value) for name, value in replay_fields() if name not in NOT_ANSWERS]


flow = PlannerFlow(JOURNEY, bp, _l("My review planner"))

from . import manage, printing  # noqa: E402, F401 - more routes on the same blueprint
