"""Explanation pages: rights."""

from flask_babel import lazy_gettext as _l

from ..model import Link, Page, Row, Section

ASKING_FOR_A_REVIEW = Page(
    "asking-for-a-review",
    title=_l("Asking for a review"),
    summary=_l("Anyone can ask for a review of your care."),
    rows=(
        Row(
            "meeting",
            (
                _l("A [Care and Treatment Review](care-and-treatment-review) is a meeting."),
                _l("It checks that your care is right for you."),
                _l(
                    "For under 18s it is a "
                    "[Care, Education and Treatment Review](care-education-and-treatment-review)."
                ),
            ),
        ),
        Row(
            "ask",
            (
                _l("Anyone can ask for a review."),
                _l("You can ask for one yourself."),
            ),
        ),
        Row(
            "family",
            (
                _l("Your family or carer can ask for you."),
                _l("Your [advocate](advocate) can ask too."),
            ),
        ),
        Row(
            "doctor",
            (
                _l("The team who support you in hospital can ask."),
                _l("So can the team who support you where you live."),
            ),
        ),
        Row(
            "office",
            (
                _l("The [commissioner](commissioner) can ask too."),
                _l("Their job is to plan and pay for your care."),
            ),
        ),
        Row(
            "unhappy",
            (
                _l("You can ask if you are worried about your care."),
                _l("You may be worried about your treatment plan or your safety."),
            ),
        ),
        Row(
            "hospital",
            (
                _l("You can ask if you are in hospital with no plan to leave."),
                _l("You can ask if there is no date for you to go home."),
            ),
        ),
        Row(
            "plan",
            (
                _l("First, your [care coordinator](care-coordinator) gets your request."),
                _l("They will try to sort out your worry."),
            ),
        ),
        Row(
            "check",
            (
                _l("If you still want a review, the commissioner decides."),
                _l("You get a review if it is right for your needs."),
                _l("So you may not always get one."),
            ),
        ),
        Row(
            "time",
            (_l("Someone should answer you within %(review_request_days)s working days."),),
        ),
        Row(
            "agree",
            (
                _l("A review only happens if you give your [consent](consent)."),
                _l("This means you say yes to it."),
            ),
        ),
        Row(
            "ask",
            (
                _l("Asking for a review is not a [complaint](complaint)."),
                _l("It is fine to ask."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("Who can ask for a review"),
            (
                _l(
                    "Anyone can ask for a Care and Treatment Review (CTR) for an adult, or a "
                    "Care, Education and Treatment Review (CETR) for a child or young person "
                    "under 18. A request can come from the person themselves, their family or "
                    "carer, their advocate, the team supporting them in hospital or in the "
                    "community, or the commissioner responsible for their care."
                ),
                _l(
                    "A review still needs consent: from the person, from someone with parental "
                    "responsibility for a child under 16 who cannot decide for themselves, or "
                    "through a recorded best interests decision for an adult who lacks capacity "
                    "to decide."
                ),
            ),
        ),
        Section(
            _l("When to ask"),
            (
                _l(
                    "You can ask at any point when there are worries about whether the service "
                    "is right for the person, about their treatment plan, or about their safety "
                    "and wellbeing. You can also ask when there is no clear plan or date for "
                    "discharge or transfer from hospital. The person may be in hospital or "
                    "living in the community."
                ),
            ),
        ),
        Section(
            _l("What happens to a request"),
            (
                _l(
                    "The request goes first to the person's care coordinator (or keyworker for "
                    "a child or young person). Their first job is to deal with the worry behind "
                    "the request as quickly and fully as they can. That may mean resolving it "
                    "without a review, or arranging extra support if the worry is about a "
                    "possible hospital admission."
                ),
                _l(
                    "If you still think a review is needed, the care coordinator passes the "
                    "request to the commissioner, who decides using the local process. A review "
                    "is held when the person's needs show that it is the right step, so not "
                    "every request leads to one. The team should reply within "
                    "%(review_request_days)s working days."
                ),
                _l(
                    "If you are unhappy with the answer, the local policy sets out how to take "
                    "it further. The page on what to do if you are not happy explains who to "
                    "contact."
                ),
            ),
        ),
        Section(
            _l("A request is not a complaint"),
            (
                _l(
                    "Asking for a review is a normal part of care, not a complaint, and it is "
                    "not dealt with through the complaints process. You can still make a "
                    "complaint separately if you want to."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/ask-for-a-review", _l("Ask for a review")),
        Link("/about/after-the-review", _l("What happens after a review")),
    ),
)

AFTER_THE_REVIEW = Page(
    "after-the-review",
    title=_l("After the review"),
    summary=_l("What happens after your review, and what to do if things do not happen."),
    rows=(
        Row(
            "chair",
            (
                _l(
                    "The [chair](chair) runs your "
                    "[Care and Treatment Review](care-and-treatment-review)."
                ),
                _l("After the review, the chair writes a [report](review-report)."),
            ),
        ),
        Row(
            "read",
            (
                _l("The report should use words you can understand."),
                _l("Someone can read it with you and explain it."),
            ),
        ),
        Row(
            "calendar",
            (_l("You should get the report within 2 weeks of the review."),),
        ),
        Row(
            "plan",
            (
                _l("The report has a list of [actions](actions)."),
                _l("These are the things that need to happen next."),
            ),
        ),
        Row(
            "check",
            (
                _l("Each action says what needs to happen."),
                _l("It says who will do it and by when."),
            ),
        ),
        Row(
            "report",
            (
                _l("You can keep a copy of the report."),
                _l("The people who look after you should get a copy too."),
            ),
        ),
        Row(
            "office",
            (
                _l("The [commissioner](commissioner) checks that the actions happen."),
                _l("Their job is to plan and pay for your care."),
            ),
        ),
        Row(
            "message",
            (
                _l("Someone should tell you how the actions are going."),
                _l("This may be your [care coordinator](care-coordinator) or the commissioner."),
                _l("You should be told who it will be."),
            ),
        ),
        Row(
            "unhappy",
            (
                _l("An action may not happen by the date in the report."),
                _l("If so, tell your care coordinator or the chair."),
            ),
        ),
        Row(
            "support",
            (_l("Your family or an [advocate](advocate) can help you speak up."),),
        ),
        Row(
            "unhappy",
            (_l("If things still do not change, you can make a [complaint](complaint)."),),
        ),
        Row(
            "future",
            (_l("Your next review will check the actions from this one."),),
        ),
    ),
    standard=(
        Section(
            _l("The review report"),
            (
                _l(
                    "After a Care and Treatment Review (CTR) or Care, Education and Treatment "
                    "Review (CETR), the chair (usually the commissioner) writes up what the "
                    "panel found and what it recommends. The report should be in language the "
                    "person can understand. If anything is unclear, ask someone to explain it."
                ),
                _l(
                    "The panel agrees the report, and it should be sent out within 2 weeks of "
                    "the review. The person, their family where appropriate, and the people "
                    "directly involved in their care should each get a copy. The person can "
                    "keep their copy, for example in their My CTR Planner."
                ),
            ),
        ),
        Section(
            _l("Actions"),
            (
                _l(
                    "Recommendations are written as clear actions: what exactly should happen, "
                    "the named person responsible for it, how everyone will know it is done, "
                    "and the date by which it should be done or reviewed. They should be "
                    "realistic, and they should be followed up through the usual care meetings, "
                    "such as Care Programme Approach (CPA) reviews and ward rounds."
                ),
            ),
        ),
        Section(
            _l("Keeping you informed"),
            (
                _l(
                    "The commissioner is responsible for making sure the actions are followed "
                    "up within the agreed timescales. They may ask someone else to do this, "
                    "such as the care coordinator or the named nurse, but the commissioner "
                    "stays responsible."
                ),
                _l(
                    "After the review, the person and their family should be told how they will "
                    "be kept up to date. They should then hear how the actions are going, "
                    "including progress towards leaving hospital, from the commissioner or the "
                    "person the commissioner names."
                ),
            ),
        ),
        Section(
            _l("If actions do not happen"),
            (
                _l(
                    "Raise it first with the care coordinator or the chair of the review. Where "
                    "the commissioner finds that actions are not being achieved, they should "
                    "escalate this through the local policy. If you are still not happy, you "
                    "can use the local complaints route, and an advocate can help. The next "
                    "review is given the findings of the last one, so it should check what "
                    "happened to each action."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/my-review-planner", _l("Keep your actions in your review planner")),
        Link("/feedback", _l("Tell us what the review was like")),
        Link("/about/if-you-are-not-happy", _l("If you are not happy")),
    ),
)

IF_YOU_ARE_NOT_HAPPY = Page(
    "if-you-are-not-happy",
    title=_l("If you are not happy"),
    summary=_l("Who to talk to if you are not happy with a review or your care."),
    rows=(
        Row(
            "unhappy",
            (
                _l(
                    "You may not be happy with your "
                    "[Care and Treatment Review](care-and-treatment-review)."
                ),
                _l("Or you may not be happy with your care."),
                _l("It is fine to say so."),
            ),
        ),
        Row(
            "chair",
            (
                _l("For a problem with a review, talk to the [chair](chair) first."),
                _l("The chair is the person who runs the review."),
            ),
        ),
        Row(
            "plan",
            (
                _l("For other worries, talk to your [care coordinator](care-coordinator)."),
                _l("They will try to sort it out."),
            ),
        ),
        Row(
            "support",
            (
                _l("An [advocate](advocate) can help you say what is wrong."),
                _l("Your family or someone you trust can help too."),
            ),
        ),
        Row(
            "unhappy",
            (
                _l("If that does not work, you can make a [complaint](complaint)."),
                _l("Your local area has its own way to deal with complaints."),
                _l("%(complaints_route)s"),
            ),
        ),
        Row(
            "phone",
            (_l("You can phone about a complaint on %(complaints_phone)s."),),
        ),
        Row(
            "email",
            (_l("You can email about a complaint to %(complaints_email)s."),),
        ),
        Row(
            "support",
            (_l("An advocate can help you make a complaint."),),
        ),
        Row(
            "safe",
            (
                _l("Your care should not get worse because you complain."),
                _l("You should be treated well."),
            ),
        ),
        Row(
            "phone",
            (_l("You can also call the %(team)s on %(phone)s."),),
        ),
        Row(
            "ask",
            (
                _l("Asking for a review is not the same as a complaint."),
                _l("You can do one, or both."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("Problems with a review"),
            (
                _l(
                    "If you have a concern about a Care and Treatment Review (CTR) or Care, "
                    "Education and Treatment Review (CETR), the first person to speak to is "
                    "usually the chair of the review. The chair should try to resolve the "
                    "problem and agree anything that needs to be put right."
                ),
                _l(
                    "Anyone can raise a concern: the person, their family or a professional. "
                    "Someone the person trusts can help them do it, such as their named nurse, "
                    "their advocate or a family member."
                ),
            ),
        ),
        Section(
            _l("Other concerns about care"),
            (
                _l(
                    "For other worries about care, start with the person's care coordinator. "
                    "If a request for a review has been turned down and you disagree, the local "
                    "policy sets out how to take it further."
                ),
            ),
        ),
        Section(
            _l("Making a complaint"),
            (
                _l(
                    "If the concern is not resolved, you can use your local area's complaints "
                    "route. The person, their family carers or a provider can complain."
                ),
                _l("%(complaints_route)s"),
                _l(
                    "Contact the complaints team on %(complaints_phone)s or at "
                    "%(complaints_email)s."
                ),
                _l("You can also contact the %(team)s on %(phone)s."),
                _l(
                    "Making a complaint should not lead to worse care or treatment. Asking for "
                    "a review is a separate process and does not count as a complaint."
                ),
            ),
        ),
        Section(
            _l("Help from an advocate"),
            (
                _l(
                    "An advocate can help the person make a complaint. People who are detained "
                    "or liable to be detained under the Mental Health Act, whatever their age, "
                    "can get support from an Independent Mental Health Advocate (IMHA). Local "
                    "authorities must arrange advocacy for looked after children, children in "
                    "need and care leavers who make a complaint themselves; this right does not "
                    "extend to a parent complaining on a child's behalf."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/contact", _l("Contact details")),
        Link("/about/advocates", _l("Getting help from an advocate")),
    ),
)

CONSENT = Page(
    "consent",
    title=_l("Saying yes or no: consent"),
    summary=_l("You choose if you have a review or go on the register."),
    rows=(
        Row(
            "agree",
            (
                _l("[Consent](consent) means saying yes to something."),
                _l("You need to know what you are saying yes to."),
            ),
        ),
        Row(
            "question",
            (
                _l(
                    "You are asked each time you are offered a "
                    "[Care and Treatment Review](care-and-treatment-review)."
                ),
                _l(
                    "For under 18s it is a "
                    "[Care, Education and Treatment Review](care-education-and-treatment-review)."
                ),
            ),
        ),
        Row(
            "register",
            (
                _l(
                    "You are asked before you go on the "
                    "[Dynamic Support Register](dynamic-support-register)."
                ),
                _l("You only go on the register if you say yes."),
            ),
        ),
        Row(
            "private",
            (_l("If you say yes, your care team can share your information."),),
        ),
        Row(
            "parent",
            (
                _l("For a child under 16, a parent usually decides."),
                _l(
                    "Or it can be someone else with "
                    "[parental responsibility](parental-responsibility)."
                ),
                _l("The child should be asked too."),
            ),
        ),
        Row(
            "child",
            (_l("For a review, a child under 16 can decide if they fully understand."),),
        ),
        Row(
            "person",
            (_l("If you are 16 or 17, you usually decide for yourself."),),
        ),
        Row(
            "mind",
            (
                _l("Some adults cannot make this choice, even with help."),
                _l(
                    "Then people who know them make a "
                    "[best interests decision](best-interests-decision)."
                ),
                _l("This choice is written down."),
            ),
        ),
        Row(
            "change",
            (_l("You can change your mind whenever you like."),),
        ),
        Row(
            "no",
            (
                _l("You can say no."),
                _l("Saying no will not change the care you get."),
            ),
        ),
        Row(
            "support",
            (_l("An [advocate](advocate) can help you make up your mind."),),
        ),
        Row(
            "report",
            (_l("You should get a copy of your consent form to keep."),),
        ),
    ),
    standard=(
        Section(
            _l("What consent means"),
            (
                _l(
                    "Consent is only valid if it is informed. The person needs to understand "
                    "why their information is needed, what might be shared and who with. They "
                    "show a clear yes, for example by signing a consent form or saying yes when "
                    "asked, and they have a real choice to say no."
                ),
                _l(
                    "Consent is asked for every time a Care and Treatment Review (CTR), or a "
                    "Care, Education and Treatment Review (CETR) for under 18s, is offered. It "
                    "is also needed before anyone is added to the Dynamic Support Register "
                    "(DSR). The consent is kept as evidence before any details go on the "
                    "register, and the person or their family should get a copy. Giving consent "
                    "means agreeing that information can be shared with the people involved in "
                    "their care and treatment."
                ),
            ),
        ),
        Section(
            _l("Children and young people"),
            (
                _l(
                    "Children under 16 are presumed not to have capacity to consent, but a "
                    "child can consent for themselves if they are mature enough and understand "
                    "the decision and what it involves well enough (Gillick competence). "
                    "Otherwise a parent or someone else with parental responsibility consents "
                    "for them. The child should still be asked for their views, and parents "
                    "should be fully involved unless that would harm the child's wellbeing."
                ),
                _l(
                    "Young people aged 16 and 17 are presumed, like adults, to have capacity to "
                    "make their own decisions, unless there is significant evidence otherwise."
                ),
            ),
        ),
        Section(
            _l("Adults who may lack capacity"),
            (
                _l(
                    "Under the Mental Capacity Act 2005, capacity is assessed for this specific "
                    "decision. The person should be supported to decide, with accessible "
                    "information and help from people who know them and understand how they "
                    "communicate. If their capacity changes over time, the decision should wait "
                    "until they can make it, unless waiting would not be in their best "
                    "interests."
                ),
                _l(
                    "Someone with a lasting power of attorney for health and welfare, or a "
                    "deputy, may decide for them. Otherwise a best interests decision is made "
                    "by the people involved in their care, after speaking to those who know "
                    "them, and it is formally recorded. The person should still be involved as "
                    "fully as possible."
                ),
            ),
        ),
        Section(
            _l("Saying no and changing your mind"),
            (
                _l(
                    "Saying no will not change the care or treatment the person gets now. "
                    "Staff should explain what the decision means, talk through the reasons for "
                    "it, and consider other ways of reviewing the person's care. The person can "
                    "change their mind at any time, including asking to come off the register, "
                    "and they have the right to support from an advocate. Their care "
                    "coordinator knows where the consent form is kept and can help them change "
                    "it."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/my-request", _l("Check or change your consent")),
        Link("/about/advocates", _l("Getting help from an advocate")),
    ),
)

ADVOCATES = Page(
    "advocates",
    title=_l("Advocates"),
    summary=_l("An advocate is on your side and helps you have your say."),
    rows=(
        Row(
            "support",
            (
                _l("An [advocate](advocate) is someone who is on your side."),
                _l("They help you say what you want."),
            ),
        ),
        Row(
            "speak",
            (
                _l("They can speak up for you if you want them to."),
                _l("They help make sure people listen to you."),
            ),
        ),
        Row(
            "person",
            (
                _l("An advocate does not work for the hospital."),
                _l("They do not work for your care team either."),
            ),
        ),
        Row(
            "law",
            (_l("An advocate can help you know your rights."),),
        ),
        Row(
            "meeting",
            (
                _l(
                    "You can have an advocate at your "
                    "[Care and Treatment Review](care-and-treatment-review)."
                ),
                _l("They can help you get ready for it too."),
            ),
        ),
        Row(
            "register",
            (
                _l(
                    "They can help you ask to go on the "
                    "[Dynamic Support Register](dynamic-support-register)."
                ),
            ),
        ),
        Row(
            "agree",
            (_l("They can help you choose if you want to give your [consent](consent)."),),
        ),
        Row(
            "unhappy",
            (_l("They can help you make a [complaint](complaint)."),),
        ),
        Row(
            "phone",
            (
                _l("You can get an advocate from %(advocacy_name)s."),
                _l("Phone them on %(advocacy_phone)s."),
            ),
        ),
        Row(
            "email",
            (_l("Or email them at %(advocacy_email)s."),),
        ),
        Row(
            "hospital",
            (
                _l("Hospitals should put up a poster about advocates."),
                _l("You can ask a nurse to help you get one."),
            ),
        ),
        Row(
            "family",
            (
                _l("Your family can speak up for you too."),
                _l("They can come to your review with you."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("What an advocate does"),
            (
                _l(
                    "An advocate supports a person to have their say and makes sure their "
                    "needs, rights and choices are respected. They are independent: they do "
                    "not work for the hospital, the care team or the commissioner. They act on "
                    "what the person wants, and can speak for them when asked."
                ),
            ),
        ),
        Section(
            _l("When to involve an advocate"),
            (
                _l(
                    "Advocacy should be considered as part of every Care and Treatment Review "
                    "(CTR) and Care, Education and Treatment Review (CETR), and advocates or "
                    "self-advocates can be invited to the review. An advocate can also help "
                    "when someone asks to go on the Dynamic Support Register (DSR), when they "
                    "decide whether to give consent, and when they want to make a complaint. "
                    "Anyone who has no family carer or advocate may be at greater risk, which is "
                    "one reason the register records whether an advocate is involved."
                ),
            ),
        ),
        Section(
            _l("Advocacy people are entitled to"),
            (
                _l(
                    "People of any age who are detained or liable to be detained under the "
                    "Mental Health Act, conditionally discharged restricted patients, people "
                    "under guardianship, and people on a community treatment order can get an "
                    "Independent Mental Health Advocate (IMHA). Local authorities must offer "
                    "help to find an advocate for looked after children, children in need and "
                    "care leavers who make a complaint themselves."
                ),
            ),
        ),
        Section(
            _l("How to get an advocate"),
            (
                _l(
                    "The local advocacy service is %(advocacy_name)s. You can phone them on "
                    "%(advocacy_phone)s or email %(advocacy_email)s."
                ),
                _l(
                    "Hospital wards should display the advocacy service's details, and the "
                    "named nurse can help. Family members and carers can also speak up for the "
                    "person and should be listened to."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/contact", _l("Contact details")),
        Link("/about/consent", _l("Saying yes or no: consent")),
    ),
)

PAGES = (ASKING_FOR_A_REVIEW, AFTER_THE_REVIEW, IF_YOU_ARE_NOT_HAPPY, CONSENT, ADVOCATES)
