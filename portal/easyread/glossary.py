"""Words we use: the glossary. Content links to these keys with [words](key)."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

GLOSSARY_TITLE = _l("Words we use")
GLOSSARY_INTRO = _l("This page explains words used on this website.")


@dataclass(frozen=True)
class Term:
    key: str
    word: object
    picture: str
    easy: tuple
    standard: object


# The keys content may link to. Each one has an entry in TERMS below.
KEYS = (
    "dynamic-support-register",
    "consent",
    "care-and-treatment-review",
    "care-education-and-treatment-review",
    "advocate",
    "best-interests-decision",
    "mental-capacity",
    "care-coordinator",
    "commissioner",
    "expert-by-experience",
    "clinical-expert",
    "chair",
    "mental-health-hospital",
    "crisis",
    "keyworker",
    "ehc-plan",
    "mental-health-act",
    "parental-responsibility",
    "learning-disability",
    "autism",
    "review-report",
    "actions",
    "complaint",
    "carers-assessment",
    "integrated-care-board",
)

TERMS = (
    Term(
        key="dynamic-support-register",
        word=_l("Dynamic Support Register (DSR)"),
        picture="register",
        easy=(
            _l("The Dynamic Support Register (DSR) is a list kept in your local area."),
            _l("It is for people who need support so they do not go into hospital."),
            _l("People who are in a mental health hospital are on it too."),
        ),
        standard=_l(
            "A list kept by each local area of children, young people and adults with a "
            "learning disability, autism or both who are at risk of admission to a mental "
            "health hospital without the right support, or who are already in one. It helps "
            "services put support in place early. Some areas call it an “at risk of admission "
            "register” or a “dynamic support database”."
        ),
    ),
    Term(
        key="consent",
        word=_l("Consent"),
        picture="agree",
        easy=(
            _l("Consent means you say yes to something."),
            _l("You should be told what you are saying yes to."),
            _l("You can change your mind later."),
        ),
        standard=_l(
            "Agreement, freely given, by someone who understands what they are agreeing to. "
            "Nobody goes on the Dynamic Support Register or has a Care (Education) and Treatment "
            "Review without consent. People aged 16 and over are assumed to be able to decide "
            "for themselves. For a child under 16, a parent or someone with parental "
            "responsibility usually gives consent, and the child is asked too. If an adult "
            "cannot make the decision, a best interests decision is made and recorded. Consent "
            "can be withdrawn at any time."
        ),
    ),
    Term(
        key="care-and-treatment-review",
        word=_l("Care and Treatment Review (CTR)"),
        picture="meeting",
        easy=(
            _l("A Care and Treatment Review (CTR) is a meeting about the care of an adult."),
            _l("It checks that your care is right and keeps you safe."),
            _l("It asks if you could get your care at home."),
        ),
        standard=_l(
            "A review of the care and treatment of an adult with a learning disability, autism "
            "or both who is in a mental health hospital or at risk of going into one. It is run "
            "by a panel of three: a chair, an expert by experience and a clinical expert. It "
            "asks: Is the person safe? Are they getting good care now? What are the plans for "
            "the future? Could their care be given in the community?"
        ),
    ),
    Term(
        key="care-education-and-treatment-review",
        word=_l("Care, Education and Treatment Review (CETR)"),
        picture="meeting",
        easy=(
            _l("A Care, Education and Treatment Review (CETR) is for people under 18."),
            _l("It is like a CTR, but it looks at school or college too."),
        ),
        standard=_l(
            "The Care and Treatment Review for children and young people under 18. It also "
            "looks at education, and people from education and children’s social care take "
            "part. “C(E)TR” is used to mean both kinds of review."
        ),
    ),
    Term(
        key="advocate",
        word=_l("Advocate"),
        picture="support",
        easy=(
            _l("An advocate helps you speak up."),
            _l("They make sure people listen to what you want."),
            _l("They are on your side."),
        ),
        standard=_l(
            "Someone independent of the services giving care who supports a person to say what "
            "they want, understand their rights and have their views heard. Some people have a "
            "legal right to an advocate, for example an Independent Mental Health Advocate "
            "(IMHA) for people detained under the Mental Health Act. Families can bring their "
            "own advocate too."
        ),
    ),
    Term(
        key="best-interests-decision",
        word=_l("Best interests decision"),
        picture="care",
        easy=(
            _l("Some people cannot make a choice for themselves, even with help."),
            _l("Then other people make the choice that is best for them."),
            _l("They must think about what the person wants."),
        ),
        standard=_l(
            "A decision made for a person aged 16 or over who does not have the mental capacity "
            "to make that decision themselves, following the Mental Capacity Act 2005. Whoever "
            "makes it must consider the person’s wishes, feelings and values and talk to people "
            "who know them well, such as family and carers. The decision and the reasons for it "
            "are recorded."
        ),
    ),
    Term(
        key="mental-capacity",
        word=_l("Mental capacity"),
        picture="mind",
        easy=(
            _l("Mental capacity means you can make a choice for yourself."),
            _l("You understand the facts and can think them through."),
            _l("You may be able to make some choices but not others."),
        ),
        standard=_l(
            "The ability to make a particular decision at the time it needs to be made: to "
            "understand, remember and weigh up the information, and to communicate the decision. "
            "Under the Mental Capacity Act 2005, people aged 16 and over are assumed to have "
            "capacity unless it is shown that they do not, and they must be given all practical "
            "help to decide. Capacity is about one decision at one time, and it can change."
        ),
    ),
    Term(
        key="care-coordinator",
        word=_l("Care coordinator"),
        picture="plan",
        easy=(
            _l("Your care coordinator is the main worker who sorts out your care."),
            _l("You can ask them for a review."),
            _l("They know where your consent form is kept."),
        ),
        standard=_l(
            "The named professional, often a nurse or social worker, who coordinates a person’s "
            "care, for example under the Care Programme Approach (CPA). A request for a Care "
            "(Education) and Treatment Review usually goes to the care coordinator first, who "
            "tries to sort out the concern. The care coordinator also makes sure the actions "
            "from a review go into the person’s care plan."
        ),
    ),
    Term(
        key="commissioner",
        word=_l("Commissioner"),
        picture="office",
        easy=(
            _l("A commissioner works for the NHS or the council."),
            _l("They plan and pay for care and support."),
            _l("They usually run your review meeting."),
        ),
        standard=_l(
            "The person, in the NHS or the local authority, who is responsible for planning and "
            "paying for someone’s care. For most people this is the integrated care board; for "
            "some hospital services it is NHS England. The commissioner usually chairs a Care "
            "(Education) and Treatment Review, and decides whether to hold one when someone "
            "still wants a review after talking to the care coordinator."
        ),
    ),
    Term(
        key="expert-by-experience",
        word=_l("Expert by experience"),
        picture="speak",
        easy=(
            _l("An expert by experience knows about life with a learning disability or autism."),
            _l("They may have it themselves, or care for someone who does."),
            _l("They are part of the review panel."),
        ),
        standard=_l(
            "A person with lived experience of a learning disability, autism or both, or a "
            "family carer of someone who has, who is a full member of the Care (Education) and "
            "Treatment Review panel. They are independent of the person’s care, help the panel "
            "see things from the point of view of the person and their family, and help decide "
            "the actions."
        ),
    ),
    Term(
        key="clinical-expert",
        word=_l("Clinical expert"),
        picture="doctor",
        easy=(
            _l("A clinical expert is a health or care worker, like a nurse or doctor."),
            _l("They do not work in your care team."),
            _l("They check that your care and treatment are right."),
        ),
        standard=_l(
            "An independent professional, such as a psychiatrist, psychologist, nurse or social "
            "worker, with expertise in supporting people with a learning disability or autistic "
            "people. They are not involved in the person’s care. On the Care (Education) and "
            "Treatment Review panel they check the care and treatment and help decide the "
            "actions."
        ),
    ),
    Term(
        key="chair",
        word=_l("Chair"),
        picture="chair",
        easy=(
            _l("The chair runs the review meeting."),
            _l("They make sure everyone has a say."),
            _l("They write the report after the meeting."),
        ),
        standard=_l(
            "The person who leads a Care (Education) and Treatment Review, usually the "
            "commissioner. The chair runs the meeting, makes sure the agreed actions are written "
            "down, writes the review report and sends it within two weeks. The chair is the first "
            "person to contact if there is a problem with the review."
        ),
    ),
    Term(
        key="mental-health-hospital",
        word=_l("Mental health hospital"),
        picture="hospital",
        easy=(
            _l(
                "A mental health hospital is where people stay to get help with their "
                "mental health."
            ),
            _l("You should only go there if you really need to."),
        ),
        standard=_l(
            "A hospital, or a ward in a hospital, where people stay to be assessed or treated for "
            "their mental health. The policies call this an inpatient setting; for children it "
            "may be called a Tier 4 service, and some units are called assessment and treatment "
            "units. People may agree to go in, or may be detained under the Mental Health Act."
        ),
    ),
    Term(
        key="crisis",
        word=_l("Crisis"),
        picture="warning",
        easy=(
            _l("A crisis is when things get very hard and someone may not be safe."),
            _l("In a crisis, get help straight away."),
            _l("This website is not for emergencies."),
        ),
        standard=_l(
            "A time when things become very difficult and a person, or the people around them, "
            "may not be safe, or when the support at home is close to breaking down. The "
            "register aims to spot risk early so that a crisis can be avoided. This portal is "
            "not an emergency service: the contacts for urgent help are shown on every page."
        ),
    ),
    Term(
        key="keyworker",
        word=_l("Keyworker"),
        picture="keyworker",
        easy=(
            _l("A keyworker is a named person who helps a child or young person."),
            _l("They help the family too."),
            _l("They help the services work together for you."),
        ),
        standard=_l(
            "A named person who works with a child or young person with a learning disability, "
            "autism or both, and their family, when the young person is in a mental health "
            "hospital or at risk of going into one. The keyworker helps services work together "
            "and helps the family get the support they need. Being on the register can lead to a "
            "referral to the keyworker service."
        ),
    ),
    Term(
        key="ehc-plan",
        word=_l("Education, Health and Care plan (EHC plan)"),
        picture="school",
        easy=(
            _l("An Education, Health and Care plan (EHC plan) is for children with extra needs."),
            _l("It says what help they need to learn."),
            _l("It can last until they are 25."),
        ),
        standard=_l(
            "A legal document from the local authority for a child or young person up to age 25 "
            "who needs more help with learning than a school or college can usually give. It "
            "describes their needs and the education, health and care support to meet them. If "
            "a child or young person has an EHC plan, the local authority’s special educational "
            "needs team should take part in their Care, Education and Treatment Review."
        ),
    ),
    Term(
        key="mental-health-act",
        word=_l("Mental Health Act"),
        picture="law",
        easy=(
            _l("The Mental Health Act is a law."),
            _l("It says when a person can be kept in hospital when they do not agree."),
            _l("People sometimes call this being sectioned."),
        ),
        standard=_l(
            "The Mental Health Act 1983 is the law in England and Wales that sets out when a "
            "person can be admitted, kept (detained) and treated in hospital for a mental "
            "disorder without their agreement, and what rights they have. Being under the Act, or "
            "under the Deprivation of Liberty Safeguards, is one of the things that can put a "
            "person at risk and mean they should be thought about for the register."
        ),
    ),
    Term(
        key="parental-responsibility",
        word=_l("Parental responsibility"),
        picture="parent",
        easy=(
            _l("Parental responsibility means you have the right to make choices for a child."),
            _l("A mum or dad usually has it."),
            _l("Other people can have it too, like a guardian."),
        ),
        standard=_l(
            "The legal rights, duties and responsibilities a parent has for a child, including "
            "giving consent for them. A birth mother always has it; a father usually has it if "
            "he was married to the mother or is named on the birth certificate; others, such as "
            "adoptive parents, guardians or a local authority under a care order, can have it "
            "too. For a child under 16, someone with parental responsibility usually gives "
            "consent for them to go on the register."
        ),
    ),
    Term(
        key="learning-disability",
        word=_l("Learning disability"),
        picture="learn",
        easy=(
            _l("A learning disability affects how you learn and understand things."),
            _l("It can make new things harder to learn."),
            _l("It lasts your whole life."),
        ),
        standard=_l(
            "A lifelong condition that starts before adulthood and affects the way a person "
            "understands information, learns new skills and communicates. It is not the same as "
            "a learning difficulty such as dyslexia. People with a learning disability may need "
            "support with everyday life and with understanding new or complex information."
        ),
    ),
    Term(
        key="autism",
        word=_l("Autism"),
        picture="person",
        easy=(
            _l("Autism affects how you see the world and get on with people."),
            _l("Autistic people may find noise, bright light or change hard."),
            _l("Autism is not an illness."),
        ),
        standard=_l(
            "A lifelong difference in how a person communicates, relates to other people and "
            "experiences the world, including sounds, light and other senses. Autistic people "
            "may find unexpected change or busy places difficult. Autism is not a learning "
            "disability or a mental illness, though some autistic people also have a learning "
            "disability."
        ),
    ),
    Term(
        key="review-report",
        word=_l("Review report"),
        picture="report",
        easy=(
            _l("After the review, the chair writes a report."),
            _l("It says what needs to happen next."),
            _l("You should get it within 2 weeks."),
        ),
        standard=_l(
            "The written record of a Care (Education) and Treatment Review, written by the chair "
            "in words the person can understand. It sets out what the panel found and the "
            "actions agreed. It should be sent within two weeks to the person, the people who "
            "manage their care and treatment, and the people who took part."
        ),
    ),
    Term(
        key="actions",
        word=_l("Actions"),
        picture="write",
        easy=(
            _l("Actions are the things that need to happen after a review."),
            _l("Each action says what will happen, who will do it and by when."),
        ),
        standard=_l(
            "The tasks agreed at a Care (Education) and Treatment Review to improve the person’s "
            "care. Each action should be specific and say what will be done, who will do it and "
            "by when. The care coordinator and commissioner should follow the actions up, and "
            "the next review checks what has happened."
        ),
    ),
    Term(
        key="complaint",
        word=_l("Complaint"),
        picture="unhappy",
        easy=(
            _l("A complaint is when you tell a service you are not happy."),
            _l("They should look into it and reply."),
            _l("Asking for a review is not a complaint."),
        ),
        standard=_l(
            "A formal way of telling an organisation that you are unhappy with something it has "
            "or has not done, so that it looks into it and responds. A problem with a Care "
            "(Education) and Treatment Review should go first to the chair; if that does not "
            "sort it out, you can use the local area’s complaints route. Asking for a review is "
            "a request, not a complaint."
        ),
    ),
    Term(
        key="carers-assessment",
        word=_l("Carer’s assessment"),
        picture="family",
        easy=(
            _l("A carer’s assessment looks at the help an unpaid carer needs."),
            _l("An unpaid carer might be a family member or a friend."),
            _l("You can ask your council for one."),
        ),
        standard=_l(
            "An assessment by the local council of what an unpaid carer, such as a parent, "
            "partner or friend, needs to keep caring and to look after their own wellbeing. "
            "Adult carers have a right to one under the Care Act 2014, and parent carers of "
            "disabled children have a right to an assessment too. Support for unpaid carers is "
            "one of the things the register should link people to."
        ),
    ),
    Term(
        key="integrated-care-board",
        word=_l("Integrated care board (ICB)"),
        picture="office",
        easy=(
            _l("An integrated care board (ICB) plans NHS care in your area."),
            _l("It works with your local council."),
            _l("Together they keep the local register."),
        ),
        standard=_l(
            "The NHS organisation that plans and pays for most health services in a local area. "
            "Integrated care boards replaced clinical commissioning groups (CCGs) in 2022. Each "
            "ICB, working with its local authorities, keeps the area’s Dynamic Support Register "
            "and organises Care (Education) and Treatment Reviews."
        ),
    ),
)
