"""Explanation pages: reviews.

What a Care (Education) and Treatment Review is, who is on the panel, what happens on the
day, and when a review should happen. Facts from the NHS England policy (seeds 001, 004),
the My CTR Planner (seed 000) and docs/domain.md; every sentence is written for the portal.
"""

from flask_babel import lazy_gettext as _l

from ..model import Link, Page, Row, Section

CARE_AND_TREATMENT_REVIEWS = Page(
    "care-and-treatment-reviews",
    title=_l("Care and Treatment Reviews"),
    summary=_l("A meeting to check that your care is right and safe."),
    rows=(
        Row(
            "meeting",
            (
                _l(
                    "A [Care and Treatment Review](care-and-treatment-review) "
                    "is a meeting about your care."
                ),
                _l("Its short name is CTR."),
            ),
        ),
        Row(
            "check",
            (
                _l("It checks that your care is right for you."),
                _l("It checks that you are safe."),
            ),
        ),
        Row(
            "plan",
            (
                _l("It helps plan what should happen next."),
                _l("You can have one in hospital."),
                _l("You can have one at home if you might go into hospital."),
            ),
        ),
        Row(
            "child",
            (
                _l(
                    "If you are under 18, it is called a "
                    "[Care, Education and Treatment Review](care-education-and-treatment-review)."
                ),
                _l("Its short name is CETR."),
            ),
        ),
        Row(
            "school",
            (
                _l("A CETR looks at your school or college too."),
                _l("It looks at your [Education, Health and Care plan](ehc-plan) if you have one."),
            ),
        ),
        Row(
            "question",
            (
                _l("Every review asks 4 big questions."),
                _l("You can think about them before your review."),
            ),
        ),
        Row("safe", (_l("Question 1: Am I safe?"),)),
        Row("care", (_l("Question 2: Am I getting good care now?"),)),
        Row("future", (_l("Question 3: What are my plans for the future?"),)),
        Row(
            "home",
            (
                _l("Question 4: Can I get my care in the community?"),
                _l("This means at home or near home."),
                _l("Or do I need to be in hospital?"),
            ),
        ),
        Row(
            "yes",
            (
                _l("You will be asked if you want a review."),
                _l("This is called giving your [consent](consent)."),
                _l("You are asked each time."),
            ),
        ),
        Row(
            "no",
            (
                _l("You can say no."),
                _l("Saying no will not change the care you get."),
                _l("You can change your mind later if you want to."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("What a review is"),
            (
                _l(
                    "A [Care and Treatment Review](care-and-treatment-review) (CTR) is a "
                    "meeting that checks whether the care and treatment of a person with a "
                    "learning disability, autism or both is right, safe and meeting their "
                    "needs, and agrees what should happen next."
                ),
                _l(
                    "It is for people who are in a mental health or learning disability "
                    "hospital, and for people in the community who are at risk of being "
                    "admitted to one."
                ),
                _l(
                    "A review is not part of day-to-day care, it is not an annual health "
                    "check, and it is not an inspection of the service. It brings an "
                    "independent view: two of the three panel members have no part in the "
                    "person's everyday care."
                ),
                _l(
                    "The review does not decide whether someone is admitted to or discharged "
                    "from hospital; that stays with the clinicians (or the courts). A review "
                    "should never delay an urgent admission or a planned discharge."
                ),
            ),
        ),
        Section(
            _l("Reviews for children and young people"),
            (
                _l(
                    "Children and young people under 18 have a "
                    "[Care, Education and Treatment Review](care-education-and-treatment-review) "
                    "(CETR). It works in the same way as a CTR, but education is part of it."
                ),
                _l(
                    "If the child or young person has an "
                    "[Education, Health and Care (EHC) plan](ehc-plan), or is being assessed "
                    "for one, the local authority's special educational needs team must be "
                    "invited. Their school or college, or the last one they attended, should "
                    "be invited too."
                ),
                _l(
                    "Parent carers, or others with parental responsibility, should always take "
                    "part, unless a serious safeguarding reason means they cannot. "
                    "The child or young person should always be able to take part or give "
                    "their views."
                ),
                _l("The written form C(E)TR means both kinds of review."),
            ),
        ),
        Section(
            _l("The four questions"),
            (
                _l(
                    "Every review is built around four questions, asked from the person's "
                    "point of view: Am I safe? Am I getting good care now? What are my plans "
                    "for the future? Can my care be given in the community, or do I need to "
                    "be in hospital?"
                ),
                _l(
                    "The 2023 policy gives more weight to physical health, quality of life and "
                    "support from advocates."
                ),
                _l(
                    "The review planner on this portal follows the same four questions, so "
                    "the person and their family can think about them before the day."
                ),
            ),
        ),
        Section(
            _l("Consent"),
            (
                _l(
                    "[Consent](consent) is asked for every time a review is offered. Saying "
                    "no does not change the care or treatment the person receives, they can "
                    "change their mind at any time, and they have the right to support from "
                    "an [advocate](advocate)."
                ),
                _l(
                    "At 16 or 17, a young person is presumed able to decide for themselves. "
                    "For a child under 16, a parent or someone with parental responsibility "
                    "gives consent unless the child is competent to decide, and the child "
                    "should be asked too. For an adult who cannot make this decision, a "
                    "best-interests decision is made and recorded."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/about/review-panel", _l("Who is on the review panel")),
        Link("/about/when-reviews-happen", _l("When you should have a review")),
        Link("/ask-for-a-review", _l("Ask for a review")),
    ),
)

REVIEW_PANEL = Page(
    "review-panel",
    title=_l("The review panel"),
    summary=_l("The 3 people who run your review."),
    rows=(
        Row(
            "meeting",
            (
                _l("3 people run your [review](care-and-treatment-review)."),
                _l("They are called the review panel."),
            ),
        ),
        Row(
            "check",
            (
                _l("2 of them do not work with you."),
                _l("So they can give a fresh and fair view of your care."),
            ),
        ),
        Row(
            "chair",
            (
                _l("The [chair](chair) leads the meeting."),
                _l("The chair is usually the [commissioner](commissioner)."),
                _l("They arrange and pay for your care."),
            ),
        ),
        Row(
            "write",
            (
                _l("The chair writes down the [actions](actions) that everyone agrees."),
                _l("The chair checks that these things get done."),
            ),
        ),
        Row(
            "person",
            (
                _l(
                    "The [expert by experience](expert-by-experience) "
                    "knows about care from their own life."
                ),
                _l(
                    "They may have a [learning disability](learning-disability) "
                    "or be [autistic](autism)."
                ),
                _l("Or they may be a family carer."),
            ),
        ),
        Row(
            "doctor",
            (
                _l("The [clinical expert](clinical-expert) is a health worker."),
                _l("They may be a nurse, a doctor or a psychologist."),
                _l("They do not work with you."),
            ),
        ),
        Row(
            "private",
            (_l("The panel must keep what they hear private."),),
        ),
        Row(
            "happy",
            (
                _l("Your review is about you, so your views matter most."),
                _l("The panel wants to hear what you think."),
            ),
        ),
        Row(
            "family",
            (
                _l("Your family can take part."),
                _l("You can ask if they can join by phone or video."),
            ),
        ),
        Row(
            "support",
            (
                _l("You can bring an [advocate](advocate)."),
                _l("An advocate helps you speak up."),
            ),
        ),
        Row(
            "plan",
            (
                _l("Your [care coordinator](care-coordinator) should be there."),
                _l("Staff who know you well should be there too."),
            ),
        ),
        Row(
            "school",
            (_l("If you are under 18, your school or college should be asked to come."),),
        ),
    ),
    standard=(
        Section(
            _l("The three panel members"),
            (
                _l(
                    "Every Care and Treatment Review (CTR) or Care, Education and Treatment "
                    "Review (CETR) is carried out by a panel of three. Two of them are "
                    "independent expert advisers who are not involved in the person's care."
                ),
                _l(
                    "The [chair](chair) is usually the [commissioner](commissioner): the "
                    "person from the NHS or local authority responsible for planning and "
                    "paying for the person's care. The chair runs the meeting, records the "
                    "findings and the agreed actions, writes the report, and makes sure the "
                    "actions are followed up. If the commissioner cannot attend, they send "
                    "someone with the authority to act for them. For a CETR, a senior "
                    "manager from education or social care may chair if everyone agrees."
                ),
                _l(
                    "The [expert by experience](expert-by-experience) has lived experience: "
                    "they have a learning disability, are autistic, or are a family carer of "
                    "someone who is. They help the panel see the person's point of view and "
                    "help decide the actions."
                ),
                _l(
                    "The [clinical expert](clinical-expert) is a professional, such as a "
                    "nurse, psychiatrist or psychologist, who does not work with the person. "
                    "They give an independent view of the care and treatment. Panels should "
                    "be matched to the person, for example a psychiatrist where medication is "
                    "a worry."
                ),
                _l(
                    "All three have an equal voice, complete review training, and must keep "
                    "what they learn confidential. The person and family should be told the "
                    "panel members' names and roles before the review."
                ),
            ),
        ),
        Section(
            _l("Who else takes part"),
            (
                _l(
                    "The person is the most important person at the review. They can bring "
                    "family, a friend or an [advocate](advocate). Family can join by phone or "
                    "video, or meet the panel on another day, if travel is hard."
                ),
                _l(
                    "The responsible clinician, named nurse and "
                    "[care coordinator](care-coordinator) should attend, with direct care "
                    "staff who know the person well and any advocate already involved. "
                    "Community, social care and housing professionals who will support the "
                    "person after hospital should be involved too."
                ),
                _l(
                    "For under 18s, parent carers should always take part. The local "
                    "authority's special educational needs team (where there is an Education, "
                    "Health and Care (EHC) plan or assessment), the school or college, "
                    "children's social care, and "
                    "child and adolescent mental health services should be invited. From "
                    "age 16, adult social care should be invited as well."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/about/review-day", _l("What happens on the day")),
        Link("/about/advocates", _l("How an advocate can help")),
        Link("/about/care-and-treatment-reviews", _l("What a review is")),
    ),
)

REVIEW_DAY = Page(
    "review-day",
    title=_l("On the day of your review"),
    summary=_l("What happens at your review, and the choices you have."),
    rows=(
        Row(
            "time",
            (
                _l("A first [review](care-and-treatment-review) usually takes most of a day."),
                _l("It can be split over 2 days or more."),
                _l("A later review can be shorter."),
            ),
        ),
        Row(
            "read",
            (
                _l("The panel reads your notes and care plans."),
                _l("They may look at your room or ward if you say yes."),
            ),
        ),
        Row(
            "talk",
            (
                _l("The panel talks to you, your family and your staff."),
                _l("You do not have to stay all day."),
            ),
        ),
        Row(
            "support",
            (
                _l("You can choose who is with you."),
                _l("It can be family, an [advocate](advocate) or staff."),
                _l("You can also choose to see the panel alone."),
            ),
        ),
        Row(
            "person",
            (
                _l("You can meet just 1 person at a time."),
                _l("You can say hello first and meet later."),
            ),
        ),
        Row(
            "ask",
            (
                _l("You can say where you want to meet."),
                _l("You can say what time is best for you."),
            ),
        ),
        Row(
            "stop",
            (
                _l("You can take a break when you need one."),
                _l("You can stop for a rest at any time."),
            ),
        ),
        Row(
            "speak",
            (
                _l("You can say what you think."),
                _l("Ask the panel anything you want to know."),
            ),
        ),
        Row(
            "write",
            (
                _l("You can bring your review planner to help you."),
                _l("It can remind you what you want to tell the panel."),
            ),
        ),
        Row(
            "meeting",
            (
                _l("At the end of the day, the panel meets everyone."),
                _l("They should tell you what they think."),
                _l("They say who will do what, and by when."),
            ),
        ),
        Row(
            "report",
            (
                _l("The [chair](chair) then writes a [report](review-report)."),
                _l("You should get it within 2 weeks."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("How the day runs"),
            (
                _l(
                    "A first Care and Treatment Review (CTR) or Care, Education and Treatment "
                    "Review (CETR) usually takes the equivalent of a day. It can be spread "
                    "over more than one day to suit the person and their family, which the "
                    "policy counts as good practice. Later reviews may be shorter, because "
                    "they build on the last review's actions."
                ),
                _l(
                    "The panel meets first to plan the day, then meets everyone taking part "
                    "to explain why the review is happening and agree how the day will go. "
                    "They read the records (such as care plans, positive behaviour support "
                    "plans, medication, health action plans and tribunal reports), talk to "
                    "the person, the family and the staff, and speak to the team who will "
                    "support the person in the community."
                ),
                _l(
                    "They ask whether there are safe alternatives to hospital, or whether "
                    "the person could leave hospital. A review is not an inspection of the "
                    "ward."
                ),
            ),
        ),
        Section(
            _l("The person's choices"),
            (
                _l(
                    "The person should meet the panel somewhere they feel comfortable, with "
                    "someone of their choice, or on their own. They can meet one panel member "
                    "at a time, say hello first and decide later, take a break or stop, and "
                    "say if they want to meet somewhere else or at another time."
                ),
                _l(
                    "They do not have to be there all day, and they can decide on the day "
                    "whether to take part. If the review is on the same day as another care "
                    "meeting and that is hard, they can say so."
                ),
                _l(
                    "Family who cannot travel can take part by phone or video, by email, or "
                    "on another day. The need for an interpreter or a British Sign Language "
                    "signer should be thought about and arranged."
                ),
            ),
        ),
        Section(
            _l("At the end of the day"),
            (
                _l(
                    "The panel takes time to agree its findings, then meets everyone to "
                    "explain them and talk through the recommendations, including who will "
                    "carry out each action and the date it is due."
                ),
                _l(
                    "The [chair](chair) writes the [report](review-report) in words the "
                    "person can understand. It should be sent to the person, their family "
                    "where appropriate and the people involved in their care within two "
                    "weeks."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/my-review-planner", _l("Plan for your review")),
        Link("/about/after-the-review", _l("What happens after the review")),
        Link("/about/review-panel", _l("Who is on the review panel")),
    ),
)

WHEN_REVIEWS_HAPPEN = Page(
    "when-reviews-happen",
    title=_l("When reviews should happen"),
    summary=_l("Who should have a review, and when."),
    rows=(
        Row(
            "home",
            (
                _l("You might need to go into a [mental health hospital](mental-health-hospital)."),
                _l(
                    "Before that, you should have a "
                    "[review](care-and-treatment-review) if there is time."
                ),
                _l("It looks at the help you need to stay at home."),
            ),
        ),
        Row(
            "emergency",
            (
                _l("Sometimes there is a [crisis](crisis) and no time for a review first."),
                _l("Then your local team should hold an emergency meeting."),
                _l("This is sometimes called a Blue Light meeting."),
            ),
        ),
        Row(
            "calendar",
            (
                _l("If you go into hospital after that meeting, you should have a full review."),
                _l("Under 18s should have it within 2 weeks."),
                _l("Adults should have it within 4 weeks."),
            ),
        ),
        Row(
            "hospital",
            (
                _l("You may go into hospital with no review before."),
                _l("Then under 18s should have a review within 2 weeks."),
                _l("Adults should have a review within 4 weeks."),
            ),
        ),
        Row(
            "calendar",
            (
                _l("You may have had a review before you went in."),
                _l("Then you should have the next one within 6 weeks of going in."),
            ),
        ),
        Row(
            "change",
            (
                _l("You should have a review if you move to another hospital."),
                _l("You should have one if you move to a more secure or less secure ward."),
            ),
        ),
        Row(
            "mind",
            (
                _l(
                    "Staff may find out you have a "
                    "[learning disability](learning-disability) or [autism](autism)."
                ),
                _l("If this happens in hospital or after you leave, you should have a review."),
            ),
        ),
        Row(
            "records",
            (
                _l("Staff may think you do not have a learning disability or autism after all."),
                _l("You should have a review before they take it off your records."),
            ),
        ),
        Row(
            "calendar",
            (
                _l("While you are in hospital, you should have more reviews."),
                _l("Under 18s should have one every 3 months."),
                _l("Most adults should have one every 6 months."),
            ),
        ),
        Row(
            "hospital",
            (
                _l("Some adults are in a secure hospital."),
                _l("This is a hospital with extra locks and rules to keep people safe."),
                _l("They should have a review every 12 months."),
            ),
        ),
        Row(
            "ask",
            (
                _l("You can ask for a review sooner."),
                _l("You should get one if your needs mean it is right for you."),
            ),
        ),
        Row(
            "agree",
            (
                _l("Before every review, someone should ask for your [consent](consent)."),
                _l("You can say no."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("Before a hospital admission"),
            (
                _l(
                    "A community Care and Treatment Review (CTR), or Care, Education and "
                    "Treatment Review (CETR) for under 18s, should be held when admission to "
                    "a mental health or learning disability hospital is being considered. "
                    "It looks at whether the person's needs could be met safely in the "
                    "community with extra or different support."
                ),
                _l(
                    "When a crisis leaves no time for a community review, the local area "
                    "should hold an emergency meeting instead, often called a Blue Light "
                    "meeting or Local Area Emergency Protocol meeting. This is not a review. "
                    "If the person is admitted after it, a full review should follow within "
                    "2 weeks for under 18s and 4 weeks for adults."
                ),
                _l(
                    "A community review does not apply when someone is admitted from court "
                    "or prison, but the post-admission review still does. A review may not be "
                    "needed before a planned admission to an acute mental health bed under an "
                    "agreed crisis plan; if the person is still in hospital after 6 months, a "
                    "review should be held. A review should never delay an admission that a "
                    "clinician judges to be urgent."
                ),
            ),
        ),
        Section(
            _l("After going into hospital"),
            (
                _l(
                    "Post-admission review: within 4 weeks of admission for adults, and "
                    "within 2 weeks for under 18s, where there was no community review "
                    "before admission. Where a community review was held, the next review "
                    "should take place within 6 weeks of admission (from the 2023 policy)."
                ),
                _l(
                    "A review should also be held when the person moves to another hospital, "
                    "or to a ward of higher or lower security; when a learning disability or "
                    "autism is diagnosed in hospital or after discharge; and before a "
                    "diagnosis of learning disability or autism is removed."
                ),
            ),
        ),
        Section(
            _l("Repeat reviews in hospital"),
            (
                _l(
                    "While the person stays in hospital, reviews should be repeated: every "
                    "3 months for children and young people in any hospital; every 6 months "
                    "for adults in non-secure hospitals; and every 12 months for adults in "
                    "secure hospitals."
                ),
                _l(
                    "These are the latest points at which a review should happen. "
                    "One can be asked for sooner "
                    "by the person, their family or carer, their advocate, the commissioner "
                    "or the team supporting them. It goes ahead when the person's needs show "
                    "it is right. The 2023 policy also recommends a follow-up community "
                    "review after discharge."
                ),
                _l(
                    "[Consent](consent) is asked for each time a review is offered, and "
                    "saying no does not change the person's care."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/ask-for-a-review", _l("Ask for a review")),
        Link("/about/care-and-treatment-reviews", _l("What a review is")),
        Link("/about/review-day", _l("What happens on the day")),
    ),
)

PAGES = (CARE_AND_TREATMENT_REVIEWS, REVIEW_PANEL, REVIEW_DAY, WHEN_REVIEWS_HAPPEN)
