"""All explanation pages, in the order the index shows them."""

from . import register, reviews, rights

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
