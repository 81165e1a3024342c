"""The My CTR Planner as a journey: six parts, each a few pages, in the booklet's order.
Which consent pages apply depends on the person's age and whether they can decide."""

from dataclasses import dataclass
from datetime import date

from flask_babel import lazy_gettext as _l

from ..easyread.content.planner import BEFORE_ROWS, DAY_ROWS
from ..journeys import Journey, Step
from ..services import consent
from . import forms


def born(answers):
    value = (answers.get("about_you") or {}).get("date_of_birth")
    return date.fromisoformat(value) if value else None


def under_16(answers):
    birth = born(answers)
    return birth is not None and consent.age_on(birth, date.today()) < consent.ADULT_CONSENT_AGE


def sixteen_or_over(answers):
    return born(answers) is not None and not under_16(answers)


def guardian_decides(answers):
    return sixteen_or_over(answers) and (answers.get("decider") or {}).get("decider") == "guardian"


@dataclass(frozen=True)
class Part:
    key: str
    number: int
    title: object
    hint: object
    picture: str
    steps: tuple


PARTS = (
    Part(
        "before",
        1,
        _l("Before my review and giving my consent"),
        _l("What a review is, who sees the report, and your care coordinator"),
        "read",
        (
            Step("before", forms.ReadForm, _l("Before your review"), rows=BEFORE_ROWS),
            Step("coordinator", forms.CoordinatorForm, _l("Your care coordinator")),
        ),
    ),
    Part(
        "consent",
        2,
        _l("My consent form"),
        _l("Say yes or no to a review, and who you would like there"),
        "agree",
        (
            Step("about_you", forms.AboutYouForm, _l("About you")),
            Step("want", forms.WantForm, _l("Would you like to have a review?")),
            Step(
                "decider",
                forms.DeciderForm,
                _l("Who decides about your review?"),
                applies=sixteen_or_over,
            ),
            Step(
                "guardian",
                forms.GuardianForm,
                _l("The person who decides for you"),
                applies=guardian_decides,
                intro=(
                    _l("This page is for a guardian or deputy to fill in."),
                    _l("Or for someone making a best interests decision."),
                ),
            ),
            Step(
                "parent",
                forms.ParentForm,
                _l("Your parent agrees too"),
                applies=under_16,
                intro=(
                    _l("You are under 16, so a parent agrees to the review too."),
                    _l("Your own view still matters."),
                ),
            ),
            Step("invite", forms.InviteForm, _l("Who would you like to invite?")),
            Step("which_day", forms.WhichDayForm, _l("When would you like your review?")),
            Step("helps", forms.HelpsForm, _l("What would help your review go well?")),
        ),
    ),
    Part(
        "about_me",
        3,
        _l("About me"),
        _l("A one-page profile: what matters to you, and how to support you"),
        "person",
        (Step("profile", forms.ProfileForm, _l("About me")),),
    ),
    Part(
        "planning",
        4,
        _l("Planning my review"),
        _l("The 4 big questions, and your own questions"),
        "plan",
        (
            Step("when", forms.WhenForm, _l("When is your review?")),
            Step("safe", forms.GoodAndBetterForm, _l("Am I safe?")),
            Step("care", forms.GoodAndBetterForm, _l("Am I getting good care now?")),
            Step("future", forms.FutureForm, _l("What are my plans for the future?")),
            Step("community", forms.CommunityForm, _l("Can my care be given in the community?")),
            Step("questions", forms.QuestionsForm, _l("My questions")),
        ),
    ),
    Part(
        "day",
        5,
        _l("On the day"),
        _l("Your choices for the day, as a list you can print"),
        "calendar",
        (Step("day", forms.DayChoicesForm, _l("My choices on the day"), rows=DAY_ROWS),),
    ),
    Part(
        "after",
        6,
        _l("After my review"),
        _l("What needs to happen now, and your list of actions"),
        "yes",
        (
            Step("what_now", forms.WhatNowForm, _l("What needs to happen now")),
            Step("actions", forms.ActionsForm, _l("My list of actions")),
        ),
    ),
)

BY_KEY = {part.key: part for part in PARTS}


def part_label(part):
    return _l("Part %(n)s: %(title)s", n=part.number, title=part.title)


JOURNEY = Journey("planner", tuple(step for part in PARTS for step in part.steps))


def part_of(step_key):
    return next(part for part in PARTS if any(s.key == step_key for s in part.steps))


def part_status(part, answers):
    """not_started, in_progress or done: done when every page that applies has been
    saved with Continue and nothing half-typed is waiting."""
    keys = [s.key for s in part.steps if s.applies(answers)]
    pending = answers.get("_raw", {})
    saved = [k for k in keys if k in answers]
    if saved and len(saved) == len(keys) and not any(k in pending for k in keys):
        return "done"
    if saved or any(k in pending for k in keys):
        return "in_progress"
    return "not_started"


def display_name(answers):
    about = answers.get("about_you") or {}
    return (about.get("preferred_name") or about.get("first_name") or "").strip()


def full_name(answers):
    about = answers.get("about_you") or {}
    return " ".join(
        part for part in (about.get("first_name"), about.get("last_name")) if part
    ).strip()
