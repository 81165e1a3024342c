"""Using the planner as a person would: start one, fill in pages, open it elsewhere."""

BASE = "/my-review-planner"

ADULT = {
    "first_name": "Sam",
    "last_name": "Jones",
    "date_of_birth-day": "4",
    "date_of_birth-month": "3",
    "date_of_birth-year": "1990",
}

PAGES = {
    "before": {},
    "coordinator": {"name": "Priya Shah", "team": "Community team", "phone": "01632 960 111"},
    "about_you": ADULT,
    "want": {"want": "yes"},
    "decider": {"decider": "me"},
    "guardian": {"name": "Gill Guardian", "role": "deputy", "agrees": "yes"},
    "parent": {"name": "Pat Parent", "relationship": "mum", "agrees": "yes"},
    "invite": {"family": "My sister Ann", "advocate": "Ben from the advocacy service"},
    "which_day": {"day": "different_day"},
    "helps": {"helps": "A quiet room and pictures."},
    "profile": {
        "important": "My dog Rex.\nSwimming on Fridays.",
        "like": "I make people laugh.",
        "support": "Give me time to answer.",
    },
    "when": {"date-day": "14", "date-month": "3", "date-year": "2027", "place": "Oak House"},
    "safe": {"good": "Staff are kind.", "better": "Fewer changes of staff."},
    "care": {"good": "My nurse listens.", "better": "More time outside."},
    "future": {"plan": "Move to a flat.", "hopes": "Live near my sister."},
    "community": {"view": "community", "plan": "Find a flat with support."},
    "questions": {"questions": "When can I go home?"},
    "day": {"wanted": ["one_at_a_time", "breaks"], "with_me": "Ann", "place": "The garden room"},
    "what_now": {"what_now": "Find me a home near Ann."},
    "actions": {
        "actions-0-what": "Find a flat",
        "actions-0-who": "Priya",
        "actions-0-by_when": "June",
        "actions-0-done": "no",
    },
}


def start(client):
    """Start a planner; returns its code, read off the page that shows it once."""
    token = client.csrf_token(BASE)
    response = client.post(f"{BASE}/begin", data={"csrf_token": token})
    assert response.status_code == 303, response.status_code
    page = client.get(response.headers["Location"])
    return page.soup.select_one("#planner-code").get_text(strip=True)


def fill(client, key, data=None, **extra):
    response = client.submit(f"{BASE}/{key}", {**(PAGES[key] if data is None else data), **extra})
    assert response.status_code == 303, (key, response.status_code, errors(response))
    return response.headers["Location"]


def fill_part(client, first_key, pages=PAGES):
    """Answer each page of a part from its first, until it returns to the parts list."""
    location, visited = f"{BASE}/{first_key}", []
    while location.startswith(f"{BASE}/") and not location.endswith("/parts"):
        key = location.rsplit("/", 1)[1]
        visited.append(key)
        location = fill(client, key, pages[key])
    return visited


def errors(response):
    soup = getattr(response, "soup", None)
    return [a.get_text(strip=True) for a in soup.select(".nhsuk-error-summary a")] if soup else []


def statuses(client):
    page = client.get(f"{BASE}/parts")
    return [s.get_text(" ", strip=True) for s in page.soup.select(".nhsuk-task-list__status")]


def open_with(client, code, pin=""):
    token = client.csrf_token(f"{BASE}/open")
    return client.post(f"{BASE}/open", data={"csrf_token": token, "code": code, "pin": pin})


def new_browser(app):
    return app.test_client_class(app, app.response_class, use_cookies=True)
