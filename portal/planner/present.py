"""The planner's answers as something to show: on the "my planner" page, in the preview
of what is shared with the chair, on the staff side, and in the PDF. One place decides
how each answer reads, so all of them say the same thing."""

import re
from dataclasses import dataclass, field
from datetime import date

from flask_babel import format_date

from ..forms.fields import CheckboxesField, DateField, RadioField
from ..journeys.engine import from_stored, question_fields
from .forms import ActionsForm, ReadForm
from .journey import PARTS

BLANK_ACTION_ROWS = 5


@dataclass
class Answer:
    """One question and its answer. kind: text, long_text, date, choice or checklist.
    For choice and checklist, options lists every choice as (label, chosen). hint is the
    question's hint on the form (the blank PDF shows it)."""

    label: str
    kind: str
    text: str = ""
    options: list = field(default_factory=list)
    hint: str = ""

    @property
    def given(self):
        return bool(self.text) or any(chosen for _label, chosen in self.options)


@dataclass
class PageView:
    key: str
    heading: str
    answers: list


@dataclass
class PartView:
    key: str
    number: int
    title: str
    hint: str
    picture: str
    pages: list
    # Part 6 only: the person's actions, each {what, who, by_when, done}.
    actions: list | None = None


# "(optional)" helps on the form; in a summary or on paper it is noise.
TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


def answer_for(f):
    label = TRAILING_ASIDE.sub("", str(f.label.text))
    hint = str(f.description or "")
    if isinstance(f, RadioField):
        options = [(str(text), f.is_chosen(value)) for value, text, *_ in f.iter_choices()]
        chosen = next((text for text, is_chosen in options if is_chosen), "")
        return Answer(label, "choice", chosen, options, hint)
    if isinstance(f, CheckboxesField):
        options = [(str(text), f.is_chosen(value)) for value, text, *_ in f.iter_choices()]
        return Answer(label, "checklist", "", options, hint)
    if isinstance(f, DateField):
        shown = format_date(f.data, "d MMMM y") if f.data else ""
        return Answer(label, "date", shown, hint=hint)
    kind = "long_text" if f.type == "TextAreaField" else "text"
    return Answer(label, kind, (f.data or "").strip(), hint=hint)


def filled_form(step, answers):
    form_class = step.form_class(answers)
    return form_class(
        formdata=None, data=from_stored(form_class, answers.get(step.key)), meta={"csrf": False}
    )


def actions_of(answers, blank=False):
    if blank:
        return [dict.fromkeys(("what", "who", "by_when"), "") | {"done": None}] * BLANK_ACTION_ROWS
    stored = (answers.get("actions") or {}).get("actions") or []
    return [
        {
            "what": a.get("what") or "",
            "who": a.get("who") or "",
            "by_when": a.get("by_when") or "",
            "done": a.get("done") == "yes",
        }
        for a in stored
        if (a.get("what") or "").strip()
    ]


def present(answers, parts=None, blank=False):
    """The parts asked for (all by default), in order. blank gives every question with
    no answers, for people who prefer to write on paper: every page of every route, so
    the paper form has both the parent's and the guardian's consent pages."""
    answers = {} if blank else {k: v for k, v in (answers or {}).items() if not k.startswith("_")}
    shown = []
    for part in PARTS:
        if parts is not None and part.key not in parts:
            continue
        pages, actions = [], None
        for step in part.steps:
            if not blank and not step.applies(answers):
                continue
            form_class = step.form_class(answers)
            if form_class is ReadForm:
                continue
            if form_class is ActionsForm:
                actions = actions_of(answers, blank)
                continue
            form = filled_form(step, answers)
            pages.append(
                PageView(
                    step.key,
                    str(step.heading(answers)),
                    [answer_for(f) for f in question_fields(form)],
                )
            )
        shown.append(
            PartView(
                part.key, part.number, str(part.title), str(part.hint), part.picture, pages, actions
            )
        )
    return shown


def shareable(answers, parts):
    """A copy of the answers that belong to these parts, as stored (for the chair)."""
    # Only pages that still apply: exactly what present() showed in the preview.
    keys = {
        step.key
        for part in PARTS
        if part.key in parts
        for step in part.steps
        if step.applies(answers)
    }
    return {k: v for k, v in answers.items() if k in keys}


def review_date(answers):
    value = (answers.get("when") or {}).get("date")
    return date.fromisoformat(value) if value else None
