"""Walking a question journey as a person would: load each page, answer, press Continue."""

from datetime import date, timedelta

BASE = "/ask-to-join-the-register"


def dob(years_ago, days=0):
    today = date.today()
    born = (
        date(today.year - years_ago, today.month, today.day)
        if not (today.month == 2 and today.day == 29)
        else date(today.year - years_ago, 3, 1)
    )
    born = born + timedelta(days=days)
    return {
        "date_of_birth-day": str(born.day),
        "date_of_birth-month": str(born.month),
        "date_of_birth-year": str(born.year),
    }


def answers(role="person", age=30, consent="yes", days=0, **overrides):
    steps = {
        "who": {"role": role},
        "you": {"name": "Alex Carer", "relationship": "mum", "email": "alex@example.org"},
        "person": {
            "first_name": "Sam",
            "last_name": "Jones",
            "nhs_number": "943 476 5919",
            **dob(age, days),
        },
        "address": {"line1": "1 High Street", "town": "Leeds", "postcode": "ls14hr"},
        "contact": {"ways": ["phone"], "phone": "01632 960 123"},
        "communication": {"needs": ["easy_read"]},
        "diagnosis": {"diagnosis": "autism"},
        "living": {"setting": "family_home"},
        "risks": {"reasons": ["life_events"], "more": "Things are hard at home."},
        "support": {"supporters": ["gp"]},
        "help": {"what_would_help": "Someone to talk to."},
        "consent": {
            "agree": consent,
            "parent_name": "Pat Parent",
            "parent_contact": "My mum, Pat, 01632 960 555",
        },
        "child_view": {"view": "agrees"},
    }
    for key, value in overrides.items():
        steps[key] = value
    return steps


def begin(client, base=BASE):
    token = client.csrf_token(base)
    response = client.post(f"{base}/begin", data={"csrf_token": token})
    assert response.status_code == 303
    return response.headers["Location"]


def walk(client, steps, stop_before=None, base=BASE):
    """Answer pages until check answers (or stop_before). Returns the keys visited."""
    location = begin(client, base)
    visited = []
    while location.startswith(f"{base}/"):
        key = location.rsplit("/", 1)[1].split("?")[0]
        if key in ("check-answers", "not-sending") or key == stop_before:
            break
        visited.append(key)
        response = client.submit(location, steps[key])
        assert response.status_code == 303, (key, response.status_code, errors(response))
        location = response.headers["Location"]
    return visited, location


def errors(response):
    soup = getattr(response, "soup", None)
    return [a.get_text(strip=True) for a in soup.select(".nhsuk-error-summary a")] if soup else []


def send(client, base=BASE):
    token = client.csrf_token(f"{base}/check-answers")
    return client.post(f"{base}/check-answers", data={"csrf_token": token})
