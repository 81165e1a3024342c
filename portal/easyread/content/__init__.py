"""All explanation pages, in the order the index shows them, and the index's own words."""

from flask_babel import lazy_gettext as _l

from . import register, reviews, rights

INDEX_TITLE = _l("The register and reviews explained")
INDEX_INTRO = (
    _l("These pages explain the Dynamic Support Register and care reviews."),
    _l("Each page is in easy read."),
    _l("You can listen to every page."),
    _l("You can also choose a standard version."),
)

_BY_SLUG = {page.slug: page for page in (*register.PAGES, *reviews.PAGES, *rights.PAGES)}

ORDER = (
    "dynamic-support-register",
    "register-colours",
    "asking-to-join-the-register",
    "care-and-treatment-reviews",
    "review-panel",
    "review-day",
    "when-reviews-happen",
    "asking-for-a-review",
    "after-the-review",
    "if-you-are-not-happy",
    "consent",
    "advocates",
    "your-information",
)

PAGES = tuple(_BY_SLUG[slug] for slug in ORDER if slug in _BY_SLUG)
BY_SLUG = {page.slug: page for page in PAGES}
