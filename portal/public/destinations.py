"""The places the start page can send someone ("no wrong door")."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Destination:
    key: str
    path: str
    title: object
    hint: object


DESTINATIONS = (
    Destination(
        "register",
        "/ask-to-join-the-register",
        _l("Ask to go on the Dynamic Support Register"),
        _l("A list that helps people get the right support before a crisis."),
    ),
    Destination(
        "review",
        "/ask-for-a-review",
        _l("Ask for a Care and Treatment Review"),
        _l("A meeting to check that care is right. For under 18s, education is part of it."),
    ),
    Destination(
        "planner",
        "/my-review-planner",
        _l("Fill in my review planner"),
        _l("Get ready for a review. You can print it."),
    ),
    Destination(
        "request",
        "/my-request",
        _l("Check my request or change my consent"),
        _l("You need the reference number we gave you."),
    ),
    Destination(
        "feedback",
        "/feedback",
        _l("Tell us what a review was like"),
        _l("You do not have to give your name."),
    ),
    Destination(
        "about",
        "/about/",
        _l("Read about the register and reviews"),
        _l("In easy read. You can listen to it too."),
    ),
)

BY_KEY = {destination.key: destination for destination in DESTINATIONS}
