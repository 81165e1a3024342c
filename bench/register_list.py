"""How quickly the staff register list answers with 100,000 people on the register: the
whole page (guard, count, query, render, audit row) through the Flask test client, signed
in as a register manager.

Run: .venv/bin/python bench/register_list.py [people] [rounds]
On PostgreSQL: DATABASE_URL=postgresql://postgres@127.0.0.1/bench_register (before the command)
(the PostgreSQL database is created if missing, and emptied first).
Target: every case under 100 ms at the median and at p90.
"""

import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, text  # noqa: E402

from bench.app import bench_app, postgres_app, signed_in_client  # noqa: E402
from portal.extensions import db  # noqa: E402
from portal.models import RegisterEntry  # noqa: E402
from portal.models.register import SETTINGS  # noqa: E402
from portal.services.tokens import ALPHABET  # noqa: E402

PEOPLE = 100_000
ROUNDS = 25
TARGET_MS = 100.0
BATCH = 5_000

FIRST = (
    "Aaliyah Aaron Abdul Adam Aisha Alex Alfie Ali Alice Amara Amelia Amir Amy Anna Archie "
    "Arjun Ava Ayesha Ben Bethany Billy Bobby Callum Cerys Charlie Chloe Connor Daisy Daniel "
    "David Dylan Eden Elijah Ella Ellie Emily Emma Ethan Evie Fatima Finley Freddie Freya "
    "George Grace Hannah Harley Harry Harvey Hassan Holly Ibrahim Isaac Isla Jack Jacob Jade "
    "James Jamie Jasmine Jayden Jessica Joe Joshua Kai Katie Kian Layla Leo Lewis Liam Lily "
    "Logan Lucy Luke Maisie Mason Max Maya Megan Mia Mohammed Molly Muhammad Nathan Niamh "
    "Noah Nuala Olivia Oliver Oscar Owen Phoebe Poppy Priya Rhys Riley Rosie Ruby Ryan Sam "
    "Samuel Sara Scarlett Sienna Sofia Sophie Tegan Theo Thomas Tyler Victoria Will Yusuf Zara"
).split()
LAST = (
    "Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright Thompson Evans "
    "Walker White Roberts Green Hall Wood Jackson Clarke Patel Khan Lewis James Phillips "
    "Mason Mitchell Rose Davis Rodriguez Cox Alexander Morgan Moore Martin Price Shaw Lee "
    "Hughes Edwards Turner Hill Parker Cooper Ward Harris Clark Young King Baker Allen Scott "
    "Adams Bell Campbell Anderson Murray Begum Hussain Ahmed Ali Singh Kaur Kelly Murphy "
    "O'Brien Ryan Walsh Byrne Doyle McCarthy Nowak Kowalski Okafor Mensah Adeyemi Owusu "
    "Nguyen Chen Wang Li Santos Silva Costa Ferreira Rossi Russo Fischer Weber Novak Horvat "
    "Ivanova Petrov Popescu Yilmaz Demir Kaya Haddad Rahman Chowdhury Miah Uddin Begum "
    "Fletcher Gardner Holmes Lloyd Marshall Owen Palmer Pearce Reid Stevens Webb Wells"
).split()
# A realistic spread: most people settled at home (GREEN), a few in hospital (BLUE).
RATINGS = (("RED", 8), ("AMBER", 27), ("GREEN", 55), ("BLUE", 10))
SETTING_WEIGHTS = (30, 20, 10, 15, 5, 10, 10)


def nhs_number(rng):
    """A random NHS number with a valid check digit."""
    while True:
        digits = [rng.randrange(10) for _ in range(9)]
        check = 11 - sum(d * w for d, w in zip(digits, range(10, 1, -1), strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)


def reference(number):
    body = ""
    for _ in range(8):
        number, digit = divmod(number, len(ALPHABET))
        body += ALPHABET[digit]
    return f"DSR-{body[:4]}-{body[4:]}"


def person(rng, number, today):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    # About a third children and young people, the rest adults.
    age_days = (
        rng.randint(5 * 365, 17 * 365) if rng.random() < 0.33 else rng.randint(18 * 365, 80 * 365)
    )
    rating = rng.choices([r for r, _ in RATINGS], [w for _, w in RATINGS])[0]
    active = rng.random() > 0.05
    has_action = rng.random() < 0.6
    return {
        "reference": reference(number),
        "active": active,
        "added_by": "staff:1",
        "removed_by": None if active else "staff:1",
        "removed_reason": None if active else "No longer at risk of admission.",
        "first_name": first,
        "last_name": last,
        "first_name_key": first.lower(),
        "last_name_key": last.lower(),
        "nhs_number": nhs_number(rng) if rng.random() < 0.9 else None,
        "date_of_birth": today - timedelta(days=age_days),
        "postcode": "LS1 4HR",
        "communication_needs": "Easy read letters" if rng.random() < 0.3 else None,
        "condition": rng.choice(("learning_disability", "autism", "both", "waiting")),
        "setting": "hospital" if rating == "BLUE" else rng.choices(SETTINGS, SETTING_WEIGHTS)[0],
        "risk_reasons": [],
        "consent_given_on": today - timedelta(days=rng.randint(1, 1500)),
        "rating": rating,
        "rating_reason": "Rated at the register meeting.",
        # Some reviews and actions are overdue, most are not.
        "next_review_on": today + timedelta(days=rng.randint(-20, 90)),
        "next_action_due": today + timedelta(days=rng.randint(-15, 60)) if has_action else None,
    }


def fill(app, people):
    rng = random.Random(7)  # the same register every run
    today = date.today()
    start = time.perf_counter()
    with app.app_context():
        for low in range(0, people, BATCH):
            rows = [person(rng, n, today) for n in range(low, min(low + BATCH, people))]
            db.session.execute(insert(RegisterEntry), rows)
        db.session.commit()
        # Fresh statistics (and on PostgreSQL a visibility map), as autovacuum would leave.
        if db.engine.dialect.name == "postgresql":
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("VACUUM ANALYZE register_entry"))
        else:
            db.session.execute(text("ANALYZE"))
            db.session.commit()
    return time.perf_counter() - start


def cases(people):
    pages = max(1, round(people * 0.95 / 25))
    return [
        ("first page, default sort", {}),
        ("middle page", {"page": pages // 2}),
        ("last page", {"page": pages}),
        ("sorted by next review", {"sort": "review"}),
        ("sorted by next review, middle page", {"sort": "review", "page": pages // 2}),
        ("rating RED", {"rating": "RED"}),
        ("rating GREEN, page 100", {"rating": "GREEN", "page": 100}),
        ("ratings RED and BLUE", {"rating": ["RED", "BLUE"]}),
        ("age: child under 16", {"age": "child"}),
        ("age: young person 16-17", {"age": "young_person"}),
        ("age: adult", {"age": "adult"}),
        ("setting: hospital", {"setting": "hospital"}),
        ("setting: supported living", {"setting": "supported_living"}),
        ("overdue register review", {"overdue": "review"}),
        ("overdue action", {"overdue": "action"}),
        ("overdue review and action, RED", {"overdue": ["review", "action"], "rating": "RED"}),
        ("name search: surname prefix", {"q": "smi"}),
        ("name search: first name", {"q": "olivia"}),
        ("name search: first and last", {"q": "olivia jones"}),
        ("NHS number search", {"q": "NHS"}),
        ("reference search", {"q": reference(4242)}),
        ("people who came off", {"view": "removed"}),
        # Beyond the brief's list: deep into a large filtered list.
        ("age: adult, page 50", {"age": "adult", "page": 50}),
        ("setting: hospital, page 20", {"setting": "hospital", "page": 20}),
    ]


def known_nhs_number(app):
    with app.app_context():
        return db.session.scalar(
            db.select(RegisterEntry.nhs_number)
            .where(RegisterEntry.active.is_(True), RegisterEntry.nhs_number.is_not(None))
            .limit(1)
        )


def time_case(client, query, rounds):
    path = "/staff/register?" + urlencode(query, doseq=True)
    client.get(path)  # warm up: templates compiled, statements cached
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return statistics.median(samples), samples[max(0, round(len(samples) * 0.9) - 1)], response


def main():
    people = int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else ROUNDS
    url = os.environ.get("DATABASE_URL")
    app = postgres_app(url) if url else bench_app()
    with app.app_context():
        dialect = db.engine.dialect.name
    seconds = fill(app, people)
    print(f"{dialect}: {people:,} people inserted in {seconds:.1f} s")
    client = signed_in_client(app)
    nhs = known_nhs_number(app)
    failed = 0
    print(f"{'case (rounds: ' + str(rounds) + ')':40} {'median':>9} {'p90':>9} {'rows':>9}  ")
    print(f"{'':40} {'':>9} {'':>9} {'':>9}  target {TARGET_MS:.0f} ms")
    for name, query in cases(people):
        if query.get("q") == "NHS":
            query = {"q": f"{nhs[:3]} {nhs[3:6]} {nhs[6:]}"}
        median, p90, response = time_case(client, query, rounds)
        found = response.soup.find(id="results-count") if hasattr(response, "soup") else None
        shown = response.get_data(as_text=True).count(
            'class="nhsuk-table__row portal-register-row"'
        )
        ok = median < TARGET_MS and p90 < TARGET_MS
        failed += not ok
        status = "PASS" if ok else "FAIL"
        print(f"{name:40} {median:8.1f}ms {p90:8.1f}ms {shown:>9}  {status}", flush=True)
        del found
    print(f"{dialect}: {'all cases PASS' if not failed else f'{failed} case(s) FAIL'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
