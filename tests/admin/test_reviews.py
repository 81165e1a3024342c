"""C(E)TR reviews on the register: planning with the policy's due date, recording that a
review was held and its report, SMART actions, and the planner shared with the chair."""

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from flask import render_template
from sqlalchemy import func, select

from portal.extensions import db
from portal.models import (
    AuditEvent,
    Planner,
    PlannerShare,
    Referral,
    RegisterEntry,
    Review,
    ReviewAction,
)
from portal.services import review_timescales as rt

TODAY = date.today()


def years_ago(years, days=0):
    return TODAY.replace(year=TODAY.year - years) - timedelta(days=days)


def make_entry(app, born, **extra):
    with app.app_context():
        entry = RegisterEntry(
            reference=f"DSR-{uuid4().hex[:8].upper()}",
            first_name="Sam",
            last_name="Taylor",
            first_name_key="sam",
            last_name_key="taylor",
            date_of_birth=born,
            added_by="staff:0",
            rating="BLUE",
            rating_reason="In hospital now.",
            **extra,
        )
        db.session.add(entry)
        db.session.commit()
        return entry.id


def make_review(app, entry_id, **fields):
    values = {"review_type": "CTR", "setting": "in_hospital", "created_by": "staff:0", **fields}
    with app.app_context():
        review = Review(entry_id=entry_id, **values)
        db.session.add(review)
        db.session.commit()
        return review.id


def make_referral(app, **fields):
    values = {
        "kind": "review",
        "reference": f"REV-{uuid4().hex[:8].upper()}",
        "status": "review_agreed",
        "requester_role": "self",
        "first_name": "Sam",
        "last_name": "Taylor",
        "date_of_birth": years_ago(30),
        "postcode": "LS1 4HR",
        "status_token_hash": uuid4().hex,
        **fields,
    }
    with app.app_context():
        referral = Referral(**values)
        db.session.add(referral)
        db.session.commit()
        return referral.id


def day_parts(name, day):
    return {
        f"{name}-day": str(day.day),
        f"{name}-month": str(day.month),
        f"{name}-year": str(day.year),
    }


def plan_data(setting, planned=None, **extra):
    data = {"setting": setting, **day_parts("planned_on", planned or TODAY + timedelta(days=7))}
    for key, value in extra.items():
        data.update(day_parts(key, value) if isinstance(value, date) else {key: value})
    return data


def get(app, model, row_id):
    with app.app_context():
        row = db.session.get(model, row_id)
        db.session.expunge_all()
        return row


def audits(app, action, subject_id=None):
    with app.app_context():
        query = select(AuditEvent).where(AuditEvent.action == action)
        if subject_id is not None:
            query = query.where(AuditEvent.subject_id == subject_id)
        return db.session.scalars(query).all()


def only_review(app, entry_id):
    with app.app_context():
        review = db.session.scalars(select(Review).where(Review.entry_id == entry_id)).one()
        db.session.expunge_all()
        return review


def errors(page):
    summary = page.soup.select_one(".nhsuk-error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


def text(page):
    return " ".join(page.soup.main.get_text(" ").split())


@pytest.fixture
def manager(staff_client):
    return staff_client("register_manager", name="Rita Manager")


# Planning: the due date comes from review_timescales -------------------------------------


def test_child_post_admission_is_a_cetr_due_within_2_weeks(app, manager):
    born = years_ago(12)
    admitted = TODAY - timedelta(days=3)
    entry_id = make_entry(app, born)
    url = f"/staff/register/{entry_id}/reviews/new"
    response = manager.submit(
        url, plan_data("post_admission", admitted=admitted, community_review_before="no")
    )
    assert response.status_code == 303
    review = only_review(app, entry_id)
    expected = rt.review_due(born, TODAY, True, admitted=admitted)
    assert expected.kind == rt.POST_ADMISSION_CHILD
    assert (review.review_type, review.due_kind, review.due_by) == (
        "CETR",
        expected.kind,
        expected.by,
    )
    assert review.due_by == admitted + timedelta(weeks=2)
    assert response.headers["Location"] == f"/staff/reviews/{review.id}"
    planned = audits(app, "review.planned", review.id)
    assert len(planned) == 1 and planned[0].actor.startswith("staff:")
    assert planned[0].detail["entry"] == entry_id and "Sam" not in str(planned[0].detail)

    page = manager.get(f"/staff/reviews/{review.id}")
    assert page.status_code == 200
    shown = text(page)
    assert "Care, Education and Treatment Review (CETR)" in shown
    assert f"{review.due_by:%-d} " in shown and "within 2 weeks of going into hospital" in shown
    assert "Overdue" not in shown


def test_adult_post_admission_is_a_ctr_due_within_4_weeks_or_6_after_a_community_review(
    app, manager
):
    born = years_ago(30)
    admitted = TODAY - timedelta(days=40)
    first = make_entry(app, born)
    manager.submit(
        f"/staff/register/{first}/reviews/new",
        plan_data("post_admission", admitted=admitted, community_review_before="no"),
    )
    review = only_review(app, first)
    assert review.review_type == "CTR" and review.due_kind == rt.POST_ADMISSION_ADULT
    assert review.due_by == rt.review_due(born, TODAY, True, admitted=admitted).by
    assert review.due_by == admitted + timedelta(weeks=4)
    # Planned after the due date and not held: overdue.
    assert "Overdue" in text(manager.get(f"/staff/reviews/{review.id}"))

    second = make_entry(app, born)
    manager.submit(
        f"/staff/register/{second}/reviews/new",
        plan_data("post_admission", admitted=admitted, community_review_before="yes"),
    )
    after_community = only_review(app, second)
    assert after_community.due_kind == rt.AFTER_COMMUNITY_REVIEW
    assert after_community.due_by == admitted + timedelta(weeks=6)


@pytest.mark.parametrize(
    ("age", "secure", "kind", "months"),
    [
        (15, "no", rt.REPEAT_CHILD, 3),
        (40, "no", rt.REPEAT_ADULT, 6),
        (40, "yes", rt.REPEAT_ADULT_SECURE, 12),
    ],
)
def test_repeat_reviews_in_hospital(app, manager, age, secure, kind, months):
    born = years_ago(age)
    admitted = TODAY - timedelta(days=400)
    last = TODAY - timedelta(days=20)
    entry_id = make_entry(app, born, last_review_on=last)
    url = f"/staff/register/{entry_id}/reviews/new"
    # The last review date is filled in from the register.
    form = manager.get(url).soup
    assert form.find(id="last_review-day")["value"] == str(last.day)
    response = manager.submit(
        url, plan_data("in_hospital", admitted=admitted, last_review=last, secure=secure)
    )
    assert response.status_code == 303
    review = only_review(app, entry_id)
    expected = rt.review_due(
        born, TODAY, True, admitted=admitted, last_review=last, secure=secure == "yes"
    )
    assert (review.due_kind, review.due_by) == (kind, expected.by)
    assert review.due_by == rt.add_months(last, months)
    assert review.review_type == ("CETR" if age < 18 else "CTR")
    assert str(rt.EXPLAIN[kind]) in text(manager.get(f"/staff/reviews/{review.id}"))


def test_in_hospital_with_no_review_since_admission_counts_from_admission(app, manager):
    born = years_ago(30)
    admitted = TODAY - timedelta(days=10)
    entry_id = make_entry(app, born, last_review_on=TODAY - timedelta(days=300))
    manager.submit(
        f"/staff/register/{entry_id}/reviews/new",
        plan_data("in_hospital", admitted=admitted, secure="no"),
    )
    review = only_review(app, entry_id)
    assert review.due_kind == rt.POST_ADMISSION_ADULT
    assert review.due_by == admitted + timedelta(weeks=4)


def test_a_community_review_has_no_fixed_date(app, manager):
    entry_id = make_entry(app, years_ago(25))
    manager.submit(f"/staff/register/{entry_id}/reviews/new", plan_data("community"))
    review = only_review(app, entry_id)
    assert (review.setting, review.due_kind, review.due_by) == ("community", rt.COMMUNITY, None)
    assert "No fixed date" in text(manager.get(f"/staff/reviews/{review.id}"))


def test_the_type_follows_age_on_the_planned_date(app, manager):
    # 18 in five days: a review planned for next week is a CTR.
    entry_id = make_entry(app, years_ago(18, days=-5))
    manager.submit(
        f"/staff/register/{entry_id}/reviews/new",
        plan_data("community", planned=TODAY + timedelta(days=10)),
    )
    assert only_review(app, entry_id).review_type == "CTR"


def test_planning_with_bad_input_keeps_what_was_typed(app, manager):
    entry_id = make_entry(app, years_ago(30))
    url = f"/staff/register/{entry_id}/reviews/new"
    response = manager.submit(
        url,
        {
            "setting": "post_admission",
            "planned_on-day": "31",
            "planned_on-month": "2",
            "planned_on-year": "2026",
            "chair": "C" * 201,
            "clinical_expert": "Dr <b>Okafor</b>",
        },
    )
    assert response.status_code == 400
    problems = errors(response)
    assert "Enter the date of admission" in problems
    assert "Select if a community C(E)TR was held before the admission" in problems
    assert "The planned date must be a real date" in problems
    assert "The chair's name must be 200 characters or fewer" in problems
    assert response.soup.title.get_text().startswith("Error: Plan a review")
    assert response.soup.find(id="planned_on-day")["value"] == "31"
    assert response.soup.find(id="chair")["value"] == "C" * 201
    assert response.soup.find(id="clinical_expert")["value"] == "Dr <b>Okafor</b>"
    assert response.soup.select_one("input[name=setting][checked]")["value"] == "post_admission"
    with app.app_context():
        assert db.session.scalar(select(func.count(Review.id))) == 0

    nothing = manager.submit(url, {})
    assert nothing.status_code == 400
    assert "Select where the review is" in errors(nothing)
    assert "Enter the planned date of the review" in errors(nothing)

    secure_missing = manager.submit(url, plan_data("in_hospital", admitted=TODAY))
    assert "Select if it is a secure hospital or ward" in errors(secure_missing)
    future = manager.submit(
        url,
        plan_data(
            "post_admission", admitted=TODAY + timedelta(days=2), community_review_before="no"
        ),
    )
    assert "The date of admission must be in the past" in errors(future)


def test_no_plan_for_someone_off_the_register(app, manager):
    entry_id = make_entry(app, years_ago(30), active=False)
    assert manager.get(f"/staff/register/{entry_id}/reviews/new").status_code == 404


def test_linking_an_agreed_review_request(app, manager):
    born = years_ago(30)
    entry_id = make_entry(app, born, nhs_number="9434765919")
    by_number = make_referral(app, nhs_number="9434765919", first_name="Other", date_of_birth=born)
    by_name = make_referral(app, first_name=" SAM ", last_name="taylor", date_of_birth=born)
    not_agreed = make_referral(app, nhs_number="9434765919", status="new")
    someone_else = make_referral(app, first_name="Alex", date_of_birth=born)
    register_kind = make_referral(app, kind="register", nhs_number="9434765919")
    url = f"/staff/register/{entry_id}/reviews/new"
    offered = {o["value"] for o in manager.get(url).soup.select("#referral_id option")}
    assert offered == {"", str(by_number), str(by_name)}
    for refused in (not_agreed, someone_else, register_kind):
        response = manager.submit(url, plan_data("community", referral_id=str(refused)))
        assert response.status_code == 400
        assert "Select one of the review requests shown" in errors(response)
    response = manager.submit(url, plan_data("community", referral_id=str(by_name)))
    assert response.status_code == 303
    assert only_review(app, entry_id).referral_id == by_name
    # Once linked to a review it is not offered again.
    offered = {o["value"] for o in manager.get(url).soup.select("#referral_id option")}
    assert offered == {"", str(by_number)}


def test_no_request_select_when_there_is_none(app, manager):
    entry_id = make_entry(app, years_ago(30))
    page = manager.get(f"/staff/register/{entry_id}/reviews/new")
    assert page.soup.find(id="referral_id") is None
    assert (
        manager.submit(
            f"/staff/register/{entry_id}/reviews/new", plan_data("community")
        ).status_code
        == 303
    )


# Held, report and notes --------------------------------------------------------------------


def test_recording_that_it_was_held(app, manager):
    next_review = TODAY + timedelta(days=90)
    entry_id = make_entry(
        app, years_ago(30), last_review_on=TODAY - timedelta(days=200), next_review_on=next_review
    )
    review_id = make_review(app, entry_id, chair="Ann Chair")
    url = f"/staff/reviews/{review_id}/held"
    form = manager.get(url).soup
    assert form.find(id="chair")["value"] == "Ann Chair"
    held = TODAY - timedelta(days=2)
    response = manager.submit(
        url,
        {
            **day_parts("held_on", held),
            "chair": "Ann Chair",
            "expert_by_experience": "Bo Expert",
            "clinical_expert": "Dr Cy",
        },
    )
    assert response.status_code == 303
    review = get(app, Review, review_id)
    assert (review.held_on, review.chair, review.expert_by_experience, review.clinical_expert) == (
        held,
        "Ann Chair",
        "Bo Expert",
        "Dr Cy",
    )
    entry = get(app, RegisterEntry, entry_id)
    assert entry.last_review_on == held and entry.next_review_on == next_review
    assert len(audits(app, "review.held", review_id)) == 1


def test_an_older_review_recorded_late_does_not_move_the_last_review_back(app, manager):
    entry_id = make_entry(app, years_ago(30), last_review_on=TODAY - timedelta(days=5))
    review_id = make_review(app, entry_id)
    manager.submit(
        f"/staff/reviews/{review_id}/held",
        {
            **day_parts("held_on", TODAY - timedelta(days=50)),
            "chair": "A",
            "expert_by_experience": "B",
            "clinical_expert": "C",
        },
    )
    assert get(app, RegisterEntry, entry_id).last_review_on == TODAY - timedelta(days=5)


def test_held_needs_a_past_date_and_the_whole_panel(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    response = manager.submit(
        f"/staff/reviews/{review_id}/held",
        {**day_parts("held_on", TODAY + timedelta(days=1)), "chair": "Ann Chair"},
    )
    assert response.status_code == 400
    problems = errors(response)
    assert "The date it was held must be in the past" in problems
    assert "Enter the expert by experience's name" in problems
    assert "Enter the clinical expert's name" in problems
    assert response.soup.find(id="chair")["value"] == "Ann Chair"
    assert get(app, Review, review_id).held_on is None
    assert audits(app, "review.held") == []


@pytest.mark.parametrize(
    ("held_days_ago", "sent_after", "flag"),
    [
        (30, 17, "Report late: sent 17 days after the review; the standard is within 2 weeks"),
        (30, 14, None),
        (15, None, "Report late: not sent, 15 days after the review"),
        (14, None, None),
    ],
)
def test_report_late_flag(app, manager, held_days_ago, sent_after, flag):
    held = TODAY - timedelta(days=held_days_ago)
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id, held_on=held)
    if sent_after is not None:
        response = manager.submit(
            f"/staff/reviews/{review_id}/report",
            day_parts("report_sent_on", held + timedelta(days=sent_after)),
        )
        assert response.status_code == 303
        assert get(app, Review, review_id).report_sent_on == held + timedelta(days=sent_after)
        sent = audits(app, "review.report_sent", review_id)
        assert len(sent) == 1 and sent[0].detail["days"] == sent_after
    shown = text(manager.get(f"/staff/reviews/{review_id}"))
    if flag:
        assert flag in shown
    else:
        assert "Report late" not in shown


def test_report_date_must_be_after_held_and_not_in_the_future(app, manager):
    held = TODAY - timedelta(days=10)
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id, held_on=held)
    url = f"/staff/reviews/{review_id}/report"
    before = manager.submit(url, day_parts("report_sent_on", held - timedelta(days=1)))
    assert before.status_code == 400
    assert "must be on or after the date the review was held" in errors(before)
    future = manager.submit(url, day_parts("report_sent_on", TODAY + timedelta(days=1)))
    assert "The date the report was sent must be in the past" in errors(future)
    assert future.soup.find(id="report_sent_on-day")["value"] == str(
        (TODAY + timedelta(days=1)).day
    )
    assert get(app, Review, review_id).report_sent_on is None
    # Held on a date after the report was sent is refused too.
    manager.submit(url, day_parts("report_sent_on", held))
    later = manager.submit(
        f"/staff/reviews/{review_id}/held",
        {
            **day_parts("held_on", held + timedelta(days=1)),
            "chair": "A",
            "expert_by_experience": "B",
            "clinical_expert": "C",
        },
    )
    assert later.status_code == 400
    assert "on or before the date the report was sent" in errors(later)


def test_no_report_date_before_it_was_held(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    token = manager.csrf_token(f"/staff/reviews/{review_id}")
    response = manager.post(
        f"/staff/reviews/{review_id}/report",
        data={**day_parts("report_sent_on", TODAY), "csrf_token": token},
    )
    assert response.status_code == 303
    assert get(app, Review, review_id).report_sent_on is None


def test_notes_are_saved_and_shown_safely(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    response = manager.submit(
        f"/staff/reviews/{review_id}/notes", {"notes": "First line\n<script>x</script>"}
    )
    assert response.status_code == 303
    assert get(app, Review, review_id).notes == "First line\n<script>x</script>"
    page = manager.get(f"/staff/reviews/{review_id}")
    assert "&lt;script&gt;" in page.get_data(as_text=True)
    assert len(audits(app, "review.notes_changed", review_id)) == 1
    too_long = manager.submit(f"/staff/reviews/{review_id}/notes", {"notes": "x" * 5001})
    assert too_long.status_code == 400 and "5000 characters or fewer" in errors(too_long)


# SMART actions -------------------------------------------------------------------------------


def add_action(client, review_id, what, who, due):
    return client.submit(
        f"/staff/reviews/{review_id}/actions/new",
        {"what": what, "who": who, **day_parts("due_on", due)},
    )


def actions_of(app, review_id):
    with app.app_context():
        rows = db.session.scalars(
            select(ReviewAction)
            .where(ReviewAction.review_id == review_id)
            .order_by(ReviewAction.id)
        ).all()
        db.session.expunge_all()
        return rows


def test_actions_add_done_cancel_keep_next_action_due(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id, held_on=TODAY - timedelta(days=3))
    late, soon = TODAY - timedelta(days=1), TODAY + timedelta(days=20)
    assert (
        add_action(
            manager, review_id, "Find a flat near family", "Priya, care coordinator", soon
        ).status_code
        == 303
    )
    assert get(app, RegisterEntry, entry_id).next_action_due == soon
    response = add_action(manager, review_id, "Book a health check", "GP surgery", late)
    assert response.headers["Location"] == f"/staff/reviews/{review_id}#actions"
    first, second = actions_of(app, review_id)
    assert (second.what, second.who, second.due_on, second.status, second.entry_id) == (
        "Book a health check",
        "GP surgery",
        late,
        "open",
        entry_id,
    )
    assert get(app, RegisterEntry, entry_id).next_action_due == late
    page = manager.get(f"/staff/reviews/{review_id}")
    rows = page.soup.select("table.portal-review-actions tbody tr")
    assert len(rows) == 2
    assert "Overdue" not in rows[0].get_text() and "Overdue" in rows[1].get_text()

    # Mark the overdue one done: the next action due moves on.
    done = manager.post(
        f"/staff/reviews/{review_id}/actions/{second.id}/done",
        data={"csrf_token": page.soup.find("input", attrs={"name": "csrf_token"})["value"]},
    )
    assert done.status_code == 303
    second = get(app, ReviewAction, second.id)
    assert (second.status, second.done_on) == ("done", TODAY)
    assert get(app, RegisterEntry, entry_id).next_action_due == soon
    assert "Overdue" not in text(manager.get(f"/staff/reviews/{review_id}"))

    # Cancel the other one through its change page: nothing open is left.
    url = f"/staff/reviews/{review_id}/actions/{first.id}"
    assert manager.get(url).soup.find(id="what").get_text() == "Find a flat near family"
    response = manager.submit(
        url,
        {
            "what": "Find a flat near family",
            "who": "Priya",
            **day_parts("due_on", soon),
            "status": "cancelled",
        },
    )
    assert response.status_code == 303
    first = get(app, ReviewAction, first.id)
    assert (first.status, first.who, first.done_on) == ("cancelled", "Priya", None)
    assert get(app, RegisterEntry, entry_id).next_action_due is None

    # Open again, with a new date.
    new_date = TODAY + timedelta(days=5)
    manager.submit(
        url,
        {"what": "Find a flat", "who": "Priya", **day_parts("due_on", new_date), "status": "open"},
    )
    assert get(app, ReviewAction, first.id).what == "Find a flat"
    assert get(app, RegisterEntry, entry_id).next_action_due == new_date

    added = audits(app, "action.added")
    updated = audits(app, "action.updated")
    assert len(added) == 2 and len(updated) == 3
    assert {a.detail["status"] for a in updated} == {"done", "cancelled", "open"}
    assert all(a.detail["review"] == review_id for a in added + updated)


def test_done_through_the_change_page_needs_a_date(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    add_action(manager, review_id, "Call the advocate", "Sam's nurse", TODAY + timedelta(days=3))
    (action,) = actions_of(app, review_id)
    url = f"/staff/reviews/{review_id}/actions/{action.id}"
    fields = {
        "what": "Call the advocate",
        "who": "Sam's nurse",
        **day_parts("due_on", TODAY + timedelta(days=3)),
    }
    response = manager.submit(url, {**fields, "status": "done"})
    assert response.status_code == 400 and "Enter the date it was done" in errors(response)
    done_on = TODAY - timedelta(days=1)
    assert (
        manager.submit(
            url, {**fields, "status": "done", **day_parts("done_on", done_on)}
        ).status_code
        == 303
    )
    assert get(app, ReviewAction, action.id).done_on == done_on
    assert get(app, RegisterEntry, entry_id).next_action_due is None


def test_actions_with_bad_input_keep_what_was_typed(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    url = f"/staff/reviews/{review_id}/actions/new"
    empty = manager.submit(url, {"what": " ", "who": ""})
    assert empty.status_code == 400
    problems = errors(empty)
    assert "Enter what needs to happen" in problems
    assert "Enter who will do it" in problems
    assert "Enter the date it should be done by" in problems
    bad = manager.submit(
        url,
        {
            "what": "w" * 501,
            "who": "Ward <i>team</i>",
            "due_on-day": "32",
            "due_on-month": "13",
            "due_on-year": "2026",
        },
    )
    assert bad.status_code == 400
    problems = errors(bad)
    assert "What needs to happen must be 500 characters or fewer" in problems
    assert "The date it should be done by must be a real date" in problems
    assert bad.soup.find(id="what").get_text() == "w" * 501
    assert bad.soup.find(id="who")["value"] == "Ward <i>team</i>"
    assert bad.soup.find(id="due_on-day")["value"] == "32"
    assert actions_of(app, review_id) == []
    assert audits(app, "action.added") == []


def test_an_action_from_another_review_is_not_found(app, manager):
    entry_id = make_entry(app, years_ago(30))
    one, other = make_review(app, entry_id), make_review(app, entry_id)
    add_action(manager, one, "Something", "Someone", TODAY)
    (action,) = actions_of(app, one)
    assert manager.get(f"/staff/reviews/{other}/actions/{action.id}").status_code == 404


# The planner the person shared --------------------------------------------------------------


def share_planner(app, referral_id, parts=("about_me", "planning")):
    with app.app_context():
        planner = Planner(
            code_hash=uuid4().hex,
            access_key=uuid4().hex,
            answers={},
            referral_id=referral_id,
            expires_at=datetime.now(UTC) + timedelta(days=30),
        )
        planner.share = PlannerShare(
            referral_id=referral_id,
            parts=list(parts),
            answers={
                "profile": {"important": "My dog Rex.", "like": "", "support": "Give me time."},
                "safe": {"good": "Staff are kind.", "better": "Fewer changes of staff."},
            },
        )
        db.session.add(planner)
        db.session.commit()
        return planner.share.id


def test_the_shared_planner_is_shown_to_the_chair_and_audited(app, manager):
    born = years_ago(30)
    entry_id = make_entry(app, born)
    referral_id = make_referral(app, date_of_birth=born)
    review_id = make_review(app, entry_id, referral_id=referral_id)
    assert "shared their My CTR Planner" not in text(manager.get(f"/staff/reviews/{review_id}"))
    assert manager.get(f"/staff/reviews/{review_id}/planner").status_code == 404

    share_id = share_planner(app, referral_id)
    page = manager.get(f"/staff/reviews/{review_id}")
    assert "The person shared their My CTR Planner" in text(page)
    link = page.soup.find("a", href=f"/staff/reviews/{review_id}/planner")
    assert link is not None
    assert audits(app, "planner_share.viewed") == []

    shared = manager.get(link["href"])
    assert shared.status_code == 200
    shown = text(shared)
    assert "Part 3: About me" in shown and "Part 4: Planning my review" in shown
    assert "My dog Rex." in shown and "Fewer changes of staff." in shown
    assert "Part 2" not in shown  # not shared
    viewed = audits(app, "planner_share.viewed", share_id)
    assert len(viewed) == 1 and viewed[0].detail["review"] == review_id


def test_a_planner_shared_through_another_request_of_theirs_is_found(app, manager):
    born = years_ago(30)
    first_request = make_referral(app, date_of_birth=born)
    entry_id = make_entry(app, born, referral_id=first_request)
    review_id = make_review(app, entry_id)  # planned without a request
    share_planner(app, first_request)
    assert "The person shared their My CTR Planner" in text(
        manager.get(f"/staff/reviews/{review_id}")
    )
    assert manager.get(f"/staff/reviews/{review_id}/planner").status_code == 200


# Audit, roles and GET ---------------------------------------------------------------------------


def test_viewing_a_review_is_audited_without_personal_data(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    manager.get(f"/staff/reviews/{review_id}")
    (row,) = audits(app, "review.viewed", review_id)
    assert row.subject_type == "review" and row.detail == {"entry": entry_id, "page": "review"}


def every_url(entry_id, review_id, action_id):
    base = f"/staff/reviews/{review_id}"
    return [
        ("GET", f"/staff/register/{entry_id}/reviews/new"),
        ("POST", f"/staff/register/{entry_id}/reviews/new"),
        ("GET", base),
        ("GET", f"{base}/held"),
        ("POST", f"{base}/held"),
        ("GET", f"{base}/report"),
        ("POST", f"{base}/report"),
        ("GET", f"{base}/notes"),
        ("POST", f"{base}/notes"),
        ("GET", f"{base}/actions/new"),
        ("POST", f"{base}/actions/new"),
        ("GET", f"{base}/actions/{action_id}"),
        ("POST", f"{base}/actions/{action_id}"),
        ("POST", f"{base}/actions/{action_id}/done"),
        ("GET", f"{base}/planner"),
    ]


@pytest.mark.parametrize("role", ["triager", "administrator"])
def test_other_roles_are_refused(app, staff_client, role):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id, held_on=TODAY - timedelta(days=1))
    with app.app_context():
        action = ReviewAction(
            review_id=review_id, entry_id=entry_id, what="W", who="X", due_on=TODAY
        )
        db.session.add(action)
        db.session.commit()
        action_id = action.id
    client = staff_client(role)
    # A real token, so the refusal comes from the role check and not from CSRF.
    token = client.csrf_token("/staff/")
    for method, url in every_url(entry_id, review_id, action_id):
        data = {"csrf_token": token} if method == "POST" else None
        assert client.open(url, method=method, data=data).status_code == 403, (method, url)
    assert audits(app, "review.viewed") == []
    with app.app_context():
        assert db.session.scalar(select(func.count(Review.id))) == 1


def test_get_changes_nothing(app, manager):
    entry_id = make_entry(app, years_ago(30), last_review_on=TODAY - timedelta(days=100))
    review_id = make_review(app, entry_id, held_on=TODAY - timedelta(days=1))
    with app.app_context():
        action = ReviewAction(
            review_id=review_id, entry_id=entry_id, what="W", who="X", due_on=TODAY
        )
        db.session.add(action)
        db.session.commit()
        action_id = action.id
    before = (get(app, Review, review_id).__dict__.copy(), get(app, ReviewAction, action_id).status)
    for method, url in every_url(entry_id, review_id, action_id):
        if method == "GET":
            assert manager.get(url).status_code in (200, 404), url
    assert manager.get(f"/staff/reviews/{review_id}/actions/{action_id}/done").status_code == 405
    after = get(app, Review, review_id)
    assert {k: getattr(after, k) for k in ("held_on", "report_sent_on", "notes", "chair")} == {
        k: before[0][k] for k in ("held_on", "report_sent_on", "notes", "chair")
    }
    assert get(app, ReviewAction, action_id).status == before[1] == "open"
    entry = get(app, RegisterEntry, entry_id)
    assert entry.last_review_on == TODAY - timedelta(days=100) and entry.next_action_due is None
    with app.app_context():
        assert db.session.scalar(select(func.count(Review.id))) == 1
        changes = db.session.scalars(
            select(AuditEvent.action).where(
                AuditEvent.action.not_in(("review.viewed", "register.viewed", "staff.signed_in"))
            )
        ).all()
    assert changes == []


def test_post_without_csrf_is_refused(app, manager):
    entry_id = make_entry(app, years_ago(30))
    review_id = make_review(app, entry_id)
    add_action(manager, review_id, "W", "X", TODAY)
    (action,) = actions_of(app, review_id)
    assert manager.post(f"/staff/reviews/{review_id}/actions/{action.id}/done").status_code == 400
    assert get(app, ReviewAction, action.id).status == "open"


# The register record page's list of reviews --------------------------------------------------


def test_summary_lists_reviews_with_links(app, db_session):
    entry_id = make_entry(app, years_ago(30))
    overdue = make_review(
        app, entry_id, due_by=TODAY - timedelta(days=1), planned_on=TODAY + timedelta(days=3)
    )
    late_report = make_review(
        app, entry_id, held_on=TODAY - timedelta(days=20), setting="community"
    )
    with app.test_request_context():
        entry = db.session.get(RegisterEntry, entry_id)
        html = render_template("admin/reviews/_summary.html", entry=entry)
    assert (
        f'href="/staff/reviews/{overdue}"' in html
        and f'href="/staff/reviews/{late_report}"' in html
    )
    assert "Overdue" in html and "Report late" in html
    assert f'href="/staff/register/{entry_id}/reviews/new"' in html and "Plan a review" in html
