"""Credits for everything the portal ships that others made. The credits page lists these,
and a test checks that every picture the portal shows is listed here."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Credit:
    work: str
    author: str
    licence: str
    licence_url: str


SOFTWARE = (
    Credit(
        _l("NHS.UK frontend"),
        _l("NHS England"),
        _l("MIT licence"),
        "https://github.com/nhsuk/nhsuk-frontend/blob/main/LICENSE",
    ),
    Credit(
        _l("NHS.UK frontend Jinja templates"),
        _l("NHS England and contributors"),
        _l("MIT licence"),
        "https://github.com/NHSDigital/nhsuk-frontend-jinja/blob/main/LICENSE",
    ),
    Credit(
        _l("eSpeak NG speech"),
        _l("the eSpeak NG contributors"),
        _l("GNU GPL version 3"),
        "https://github.com/espeak-ng/espeak-ng/blob/master/COPYING",
    ),
)

OPENMOJI_LICENCE = (_l("CC BY-SA 4.0"), "https://creativecommons.org/licenses/by-sa/4.0/")


def pictures():
    """One credit per OpenMoji picture the portal shows."""
    from .easyread.pictures import PICTURES

    name, url = OPENMOJI_LICENCE
    return [
        Credit(f"{picture.shows} ({picture.code})", "OpenMoji", name, url)
        for picture in PICTURES.values()
    ]
