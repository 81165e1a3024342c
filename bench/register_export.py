"""How long the register exports take with 100,000 people on the register, and how much
memory they need: the whole request (guard, CSRF, audit row, file) through the Flask test
client, signed in as a register manager. Every minimum dataset field is filled, with
some text a spreadsheet would run as a formula.

Run: .venv/bin/python bench/register_export.py [people]
     DATABASE_URL=postgresql://postgres@127.0.0.1/bench_export \
       .venv/bin/python bench/register_export.py
(the PostgreSQL database is created if missing, and emptied first).
"""

import os
import random
import re
import resource
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from bench.app import bench_app, postgres_app, signed_in_client  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import RegisterEntry  # noqa: E402
from portal.models.register import CONDITIONS, RATINGS, SETTINGS  # noqa: E402

PEOPLE = 100_000
BATCH = 5_000
FIRST = "Ada Ben Chloé Dev Eilidh Femi Grace Hamza Iona Jack Kai Léa Maya Niamh Omar Priya".split()
LAST = "Ahmed Brown Clarke Davies Evans Fischer García Hussain Jones Kowalski Nowak O'Brien".split()
RISKS = ["behaviour", "previous_admission", "unsettled_home", "mental_health"]
LONG = "Needs a settled routine and the same support staff; worries when plans change. " * 3


def person(rng, number, today):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    active = rng.random() > 0.05
    return {
        "reference": f"DSR-{number:04X}-{number * 7 % 65536:04X}",
        "active": active,
        "added_by": "staff:1",
        "removed_at": None if active else datetime.now(UTC),
        "removed_by": None if active else "staff:1",
        "removed_reason": None if active else "No longer at risk of admission.",
        "first_name": first,
        "last_name": last,
        "first_name_key": first.lower(),
        "last_name_key": last.lower(),
        "nhs_number": f"{rng.randrange(10**9, 10**10)}",
        "date_of_birth": today - timedelta(days=rng.randint(5 * 365, 80 * 365)),
        "address": f"{rng.randint(1, 200)} High Street\nLeeds",
        "postcode": "LS1 4HR",
        "communication_needs": "Easy read letters; an interpreter (Polish)",
        "condition": rng.choice(CONDITIONS),
        "setting": rng.choice(SETTINGS),
        "mental_health_diagnosis": "Anxiety",
        "behaviour_that_challenges": "Hits out when frightened",
        "criminal_justice_contact": "None",
        "last_annual_health_check": today - timedelta(days=rng.randint(1, 400)),
        "placement_52_week": rng.random() < 0.1,
        "in_transition": rng.random() < 0.2,
        "care_coordinator": "Jo Smith, community team, 0113 496 0000",
        "service_provider": "Leeds Support Ltd",
        "has_care_plan": True,
        "has_crisis_plan": rng.random() < 0.7,
        "has_risk_assessment": True,
        "crisis_contacts": "+44 7700 900123 (mum)" if rng.random() < 0.3 else "Mum, 07700 900123",
        "key_risks": "=Risk of placement breakdown" if rng.random() < 0.05 else LONG,
        "risk_reasons": rng.sample(RISKS, 2),
        "previous_admissions": "2019, 6 weeks",
        "personal_budget_offered": True,
        "advocate_involved": False,
        "person_wishes": "To live near my family and go to college.",
        "family_wishes": "A settled home with the same staff.",
        "current_package": "24-hour supported living, 2:1 in the community",
        "consent_given_on": today - timedelta(days=rng.randint(1, 1500)),
        "keyworker_referral": "yes",
        "keyworker_referral_on": today - timedelta(days=100),
        "carers_assessment": "no",
        "rating": rng.choice(RATINGS),
        "rating_reason": "Rated at the register meeting.",
        "last_review_on": today - timedelta(days=rng.randint(1, 200)),
        "next_review_on": today + timedelta(days=rng.randint(-20, 90)),
    }


def fill(app, people):
    rng = random.Random(7)
    today = date.today()
    with app.app_context():
        for low in range(0, people, BATCH):
            rows = [person(rng, n, today) for n in range(low, min(low + BATCH, people))]
            db.session.execute(insert(RegisterEntry), rows)
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()


def rss_mb():
    """This process's resident memory now (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


class MemoryWatch(threading.Thread):
    """Samples resident memory every 20 ms, to find how far an export raises it."""

    def __init__(self):
        super().__init__(daemon=True)
        self.start_mb = self.peak = rss_mb()
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, rss_mb())
            time.sleep(0.02)

    def stop(self):
        self.running = False
        self.join()
        return self.peak - self.start_mb


def timed(client, path, data):
    page = client.get("/staff/exports").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    watch = MemoryWatch()
    watch.start()
    start = time.perf_counter()
    response = client.post(path, data={**data, "csrf_token": token}, buffered=False)
    size = 0
    for chunk in response.response:  # read as a browser would, chunk by chunk
        size += len(chunk)
    response.close()
    seconds = time.perf_counter() - start
    grew = watch.stop()
    assert response.status_code == 200, (path, response.status_code)
    return seconds, size, grew


def main():
    people = int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE
    url = os.environ.get("DATABASE_URL")
    app = postgres_app(url) if url else bench_app()
    with app.app_context():
        dialect = db.engine.dialect.name
    start = time.perf_counter()
    fill(app, people)
    print(f"{dialect}: {people:,} people inserted in {time.perf_counter() - start:.1f} s")
    client = signed_in_client(app)
    print(f"memory in use before the exports: {rss_mb():.0f} MB")
    today = date.today()
    cases = (
        ("register CSV, on the register", "/staff/exports/register", {"file_format": "csv"}),
        (
            "register CSV, everyone",
            "/staff/exports/register",
            {"file_format": "csv", "include_removed": "yes"},
        ),
        ("register XLSX, on the register", "/staff/exports/register", {"file_format": "xlsx"}),
        (
            "anonymised summary CSV",
            "/staff/exports/summary/download",
            {
                "start-day": "1",
                "start-month": str(today.month),
                "start-year": str(today.year - 1),
                "end-day": str(today.day),
                "end-month": str(today.month),
                "end-year": str(today.year),
            },
        ),
    )
    print(f"{'export':34} {'seconds':>8} {'size':>9} {'memory rose by':>16}")
    for name, path, data in cases:
        seconds, size, grew = timed(client, path, data)
        print(f"{name:34} {seconds:8.2f} {size / 1e6:7.1f}MB {grew:14.0f}MB", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
