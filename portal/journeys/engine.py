from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from wtforms.fields import SubmitField as WTSubmitField

from ..forms.fields import CheckboxesField, DateField, RadioField, SelectField


def always(_answers):
    return True


@dataclass(frozen=True)
class Step:
    key: str
    # A form class, or a function of the answers that picks one.
    form: object
    title: object
    applies: Callable = always
    # Show the crisis panel at the top (pages that ask about risk).
    crisis: bool = False
    # Extra words above the questions, as a tuple of messages.
    intro: tuple = field(default_factory=tuple)
    # Easy-read rows (a picture and short sentences) above the questions.
    rows: tuple = field(default_factory=tuple)

    def form_class(self, answers):
        return self.form(answers) if not isinstance(self.form, type) else self.form

    def heading(self, answers):
        return self.title(answers) if callable(self.title) else self.title


@dataclass(frozen=True)
class Journey:
    name: str
    steps: tuple

    def step(self, key):
        return next((s for s in self.steps if s.key == key), None)

    def applicable(self, answers):
        return [step for step in self.steps if step.applies(answers)]

    def after(self, key, answers):
        """The next applicable step after key, or None at the end."""
        steps = self.applicable(answers)
        keys = [s.key for s in steps]
        if key not in keys:
            return steps[0] if steps else None
        index = keys.index(key)
        return steps[index + 1] if index + 1 < len(steps) else None

    def first_unanswered(self, answers):
        return next((s for s in self.applicable(answers) if s.key not in answers), None)


def question_fields(form):
    return [f for f in form if f.name != "csrf_token" and not isinstance(f, WTSubmitField)]


def to_stored(form):
    """A form's answers as JSON: dates become ISO strings."""
    stored = {}
    for f in question_fields(form):
        stored[f.name] = f.data.isoformat() if isinstance(f.data, date) else f.data
    return stored


def from_stored(form_class, stored):
    """The keyword data to fill a form from stored answers."""
    data = dict(stored or {})
    for name, value in list(data.items()):
        unbound = getattr(form_class, name, None)
        if unbound is not None and unbound.field_class is DateField and value:
            data[name] = date.fromisoformat(value)
    return data


def display_value(f):
    """How an answer reads on the check answers page."""
    if isinstance(f, RadioField | SelectField):
        return next((str(label) for value, label, *_ in f.iter_choices() if value == f.data), "")
    if isinstance(f, CheckboxesField):
        chosen = {str(v) for v in f.data or []}
        return ", ".join(str(label) for value, label, *_ in f.iter_choices() if value in chosen)
    if isinstance(f, DateField):
        return f.data
    return f.data or ""
