"""A tour of every kind of public page, as one person would take it: the information
pages, each question journey (every page, and every page sent empty to see its errors),
check answers, confirmations, the status page, the planner's pages and the error pages.
Used to check each language page by page."""

from . import journey_helpers as helpers
from .planner_helpers import BASE as PLANNER
from .planner_helpers import PAGES as PLANNER_PAGES
from .planner_helpers import start as start_planner
from .test_feedback import feedback_answers
from .test_review_journey import review_answers

INFORMATION = (
    "/",
    "/about/",
    "/about/words-we-use",
    "/about/words-we-use?version=standard",
    "/accessibility",
    "/privacy",
    "/contact",
    "/credits",
    "/my-request",
    "/my-request/link",
    "/no-such-page",
)


def explanation_pages():
    from portal.easyread.content import PAGES

    for page in PAGES:
        yield f"/about/{page.slug}"
        yield f"/about/{page.slug}?version=standard"


def typed_values():
    """Everything the tour types, so a page showing it back is not taken for English."""
    found = set()
    for journey in (helpers.answers(), review_answers(), feedback_answers(), PLANNER_PAGES):
        for answers in journey.values():
            for value in answers.values():
                found.update(value if isinstance(value, list) else [str(value)])
    return found


def walk_journey(client, base, steps, seen):
    """Every page of a journey: shown, sent empty (its errors), then answered."""
    location = helpers.begin(client, base)
    while location.startswith(f"{base}/"):
        key = location.rsplit("/", 1)[1].split("?")[0]
        if key in ("check-answers", "not-sent"):
            break
        seen.append((f"{base}/{key}", client.get(location)))
        empty = client.submit(location, {})
        if empty.status_code == 400:  # a page whose questions must be answered
            seen.append((f"{base}/{key} empty", empty))
        response = client.submit(location, steps[key])
        assert response.status_code == 303, (key, response.status_code)
        location = response.headers["Location"]
    seen.append((f"{base}/check-answers", client.get(f"{base}/check-answers")))
    sent = helpers.send(client, base)
    assert sent.status_code == 303
    seen.append((f"{base}/confirmation", client.get(f"{base}/confirmation")))


def visit_planner(client, seen):
    seen.append((PLANNER, client.get(PLANNER)))
    start_planner(client)
    for key, answers in PLANNER_PAGES.items():
        page = client.get(f"{PLANNER}/{key}")
        if page.status_code != 200:  # a page that does not apply to these answers
            continue
        seen.append((f"{PLANNER}/{key}", page))
        client.submit(f"{PLANNER}/{key}", answers)
    # Sharing needs a planner linked to a request: the planner's own tests cover it.
    for path in ("/parts", "/my-planner", "/pin", "/link", "/delete"):
        seen.append((PLANNER + path, client.get(PLANNER + path)))
    for path in ("/pin", "/link"):
        empty = client.submit(PLANNER + path, {})
        assert empty.status_code == 400, path
        seen.append((f"{PLANNER}{path} empty", empty))


def tour(client, language):
    """[(label, response)] for every page visited, all in one language."""
    seen = [("/ first", client.get(f"/?lang={language}"))]
    for path in (*INFORMATION, *explanation_pages()):
        seen.append((path, client.get(path)))
    seen.append(("/my-request empty", client.submit("/my-request", {})))
    seen.append(("/ empty", client.submit("/", {})))
    walk_journey(client, helpers.BASE, helpers.answers(age=12, role="parent"), seen)
    seen.append((f"{helpers.BASE} start", client.get(helpers.BASE)))
    walk_journey(client, "/ask-for-a-review", review_answers(age=15, where="hospital"), seen)
    walk_journey(client, "/feedback", feedback_answers(tell_us="yes"), seen)
    declined = helpers.answers(consent="no")
    helpers.walk(client, declined)
    seen.append((f"{helpers.BASE}/not-sent", client.get(f"{helpers.BASE}/not-sent")))
    visit_planner(client, seen)
    for label, response in seen:
        assert response.status_code in (200, 400, 404), (label, response.status_code)
    return seen
