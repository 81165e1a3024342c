"""Explanation pages: register."""

from flask_babel import lazy_gettext as _l

from ..model import Link, Page, Row, Section

WHAT_IT_IS = Page(
    "dynamic-support-register",
    title=_l("What is the Dynamic Support Register?"),
    summary=_l("A list that helps people get the right support early."),
    rows=(
        Row(
            "register",
            (
                _l(
                    "The [Dynamic Support Register (DSR)](dynamic-support-register) is a list "
                    "of people who need extra support."
                ),
                _l("Your local NHS and council keep the list together."),
            ),
        ),
        Row(
            "person",
            (
                _l("It is for people with a [learning disability](learning-disability)."),
                _l("It is for [autistic](autism) people too."),
                _l("People of any age can be on it."),
            ),
        ),
        Row(
            "hospital",
            (
                _l("It is for people who may have to go into hospital without the right support."),
                _l("This means a [mental health hospital](mental-health-hospital)."),
                _l("People who are in one now can be on the DSR too."),
            ),
        ),
        Row(
            "support",
            (
                _l("The DSR helps you get the right support early."),
                _l("Good support can stop a [crisis](crisis)."),
                _l("It can help you stay at home and not go into hospital."),
            ),
        ),
        Row(
            "warning",
            (
                _l("Some things make it more likely that a person needs hospital."),
                _l("One is a big change, like when someone you love dies."),
                _l("Another is when someone hurts you."),
            ),
        ),
        Row(
            "unhappy",
            (
                _l("Pain, or a mental health problem that is not treated, can count."),
                _l("So can being in hospital before."),
            ),
        ),
        Row(
            "home",
            (
                _l("A home that is not settled can count."),
                _l("So can staff who keep changing, or trouble with the police."),
            ),
        ),
        Row(
            "keyworker",
            (
                _l("A child or young person on the DSR may get a [keyworker](keyworker)."),
                _l("A keyworker helps you and your family get the right help."),
            ),
        ),
        Row(
            "meeting",
            (
                _l("You may have a meeting to check your care is right."),
                _l("For adults, this is a [Care and Treatment Review](care-and-treatment-review)."),
                _l(
                    "For under 18s, it is a [Care, Education and Treatment Review]"
                    "(care-education-and-treatment-review)."
                ),
            ),
        ),
        Row(
            "family",
            (
                _l("Family and friends who care for you can get help too."),
                _l("They can ask for a [carer’s assessment](carers-assessment)."),
            ),
        ),
        Row(
            "agree",
            (
                _l("You only go on the DSR if you give your [consent](consent)."),
                _l("Consent means you say yes."),
            ),
        ),
        Row(
            "register",
            (
                _l("Some areas call the DSR the “at risk of admission register”."),
                _l("Admission means going into hospital."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("What the register is"),
            (
                _l(
                    "The Dynamic Support Register (DSR) is a list of children, young people and "
                    "adults with a learning disability, autism or both who are at risk of going "
                    "into a mental health hospital if they do not get the right support, or who "
                    "are already in one."
                ),
                _l(
                    "Each local area keeps its own register: the integrated care board (ICB) "
                    "works on it with its local authorities. Some areas call it an “at risk of "
                    "admission register” or a “dynamic support database”."
                ),
                _l(
                    "NHS England set out what every register should do in its January 2023 "
                    "policy on Dynamic Support Registers and Care (Education) and Treatment "
                    "Reviews."
                ),
            ),
        ),
        Section(
            _l("Why it matters"),
            (
                _l(
                    "The register helps local health, social care and education services spot "
                    "people who need more support, early, and put the right support in place "
                    "before a crisis. The aim is that people only go into hospital when they "
                    "really need to."
                ),
                _l(
                    "For people who are already in hospital, being on the register helps "
                    "services plan early for the move back home or to another place in the "
                    "community."
                ),
            ),
        ),
        Section(
            _l("Who may be at risk"),
            (
                _l(
                    "These are examples, not a full list. Things that can put a person at risk "
                    "include: a big life event or change, such as a bereavement or abuse; mental "
                    "illness that is unstable or not treated; pain or distress from a physical "
                    "health problem; earlier hospital admissions; being under the Mental Health "
                    "Act or the Deprivation of Liberty Safeguards; behaviour that challenges; an "
                    "unsettled home or a changing staff team; and not being known to learning "
                    "disability services."
                ),
                _l(
                    "Other things that can count are: having no fixed address; contact with the "
                    "police, courts, youth justice or youth offending teams; going to accident "
                    "and emergency (A&E) in a crisis; having no family carer or advocate; drug or "
                    "alcohol problems; no planned move from children’s to adult services; living "
                    "in a 52-week residential school, college or placement; having recently left "
                    "hospital; receiving NHS continuing healthcare funding; and using intensive "
                    "support, short breaks or specialist services for behaviour that challenges."
                ),
            ),
        ),
        Section(
            _l("What being on the register can lead to"),
            (
                _l(
                    "The register should link people to the support they need. For children "
                    "and young people this includes a referral to a keyworker. For anyone on "
                    "the register it can mean a Care and Treatment Review (CTR) for adults, or "
                    "a Care, Education and Treatment Review (CETR) for under 18s. Each time a "
                    "review takes place, the register is updated."
                ),
                _l(
                    "Families and other unpaid carers should be offered support too, including "
                    "a carer’s assessment from the local council."
                ),
                _l(
                    "Nobody is added to the register without consent, or, for an adult who "
                    "cannot make the decision, a recorded best interests decision."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/about/register-colours", _l("What the colours on the register mean")),
        Link("/about/asking-to-join-the-register", _l("How to ask to go on the register")),
    ),
)

COLOURS = Page(
    "register-colours",
    title=_l("What the colours on the register mean"),
    summary=_l("Each person on the register has a colour that shows their risk."),
    rows=(
        Row(
            "register",
            (
                _l(
                    "Each person on the [Dynamic Support Register (DSR)]"
                    "(dynamic-support-register) has a colour."
                ),
                _l("The colour shows how likely it is that they go into hospital."),
            ),
        ),
        Row(
            "red",
            (
                _l("RED means there is a high risk you go into hospital now."),
                _l("The %(team)s should act fast to help you."),
            ),
        ),
        Row(
            "amber",
            (
                _l("AMBER means there is a high risk of going into hospital."),
                _l("This could happen if the right support does not come soon."),
            ),
        ),
        Row(
            "green",
            (
                _l("GREEN means the risks are being dealt with well at home."),
                _l("You may stay on the DSR in case things change."),
            ),
        ),
        Row(
            "blue",
            (
                _l("BLUE means you are in a [mental health hospital](mental-health-hospital) now."),
                _l("The team should help plan for you to leave hospital."),
            ),
        ),
        Row(
            "change",
            (
                _l("The team checks your colour."),
                _l("They change it when things change."),
                _l("Your colour can go up or down."),
            ),
        ),
        Row(
            "calendar",
            (
                _l("The team looks at the DSR often."),
                _l("In some areas they look at it every 3 weeks."),
            ),
        ),
        Row(
            "support",
            (
                _l("Your colour helps the team decide what support you need."),
                _l(
                    "It may mean you have a [Care and Treatment Review](care-and-treatment-review)."
                ),
            ),
        ),
        Row(
            "question",
            (
                _l("You can ask the team what your colour is."),
                _l("You can ask them why, too."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("Why the register uses ratings"),
            (
                _l(
                    "The 2023 policy says each local area must have a clear way to sort people "
                    "on the Dynamic Support Register (DSR) by their needs and risks. Many areas "
                    "do this with a colour rating, so that the people who need support most "
                    "urgently get it first."
                ),
            ),
        ),
        Section(
            _l("The four ratings"),
            (
                _l("RED: a high risk of admission to a mental health hospital now."),
                _l(
                    "AMBER: a high risk of admission if the right support is not put in place soon."
                ),
                _l("GREEN: the person’s risks are being managed well at home."),
                _l("BLUE: the person is already in a mental health hospital."),
                _l(
                    "Local areas may word these slightly differently. The local DSR team can "
                    "explain how they use them."
                ),
            ),
        ),
        Section(
            _l("Ratings change"),
            (
                _l(
                    "A rating is not fixed. The team reviews it when things change, and the "
                    "register is looked at often: in one area, every three weeks. A rating is "
                    "also updated after every Care (Education) and Treatment Review."
                ),
                _l(
                    "A rating helps the team decide what to do next, for example to arrange a "
                    "Care (Education) and Treatment Review or extra support at home."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/about/asking-to-join-the-register", _l("How to ask to go on the register")),
    ),
)

ASKING = Page(
    "asking-to-join-the-register",
    title=_l("Asking to go on the register"),
    summary=_l("You can ask to go on the register yourself."),
    rows=(
        Row(
            "ask",
            (
                _l(
                    "Since 2023, you can ask to go on the [Dynamic Support Register (DSR)]"
                    "(dynamic-support-register)."
                ),
                _l("This is your right."),
            ),
        ),
        Row(
            "door",
            (
                _l("There is no wrong door."),
                _l("Any service that helps you should help you ask."),
            ),
        ),
        Row(
            "parent",
            (
                _l("You can ask for yourself."),
                _l("A parent can ask for their child."),
                _l(
                    "So can someone else with [parental responsibility](parental-responsibility) "
                    "for a child."
                ),
            ),
        ),
        Row(
            "family",
            (
                _l("Your family or carers can ask for you."),
                _l("Your [advocate](advocate) can ask for you too."),
            ),
        ),
        Row(
            "doctor",
            (
                _l("Staff who work with you can ask for you."),
                _l("They need your [consent](consent) first."),
            ),
        ),
        Row(
            "agree",
            (
                _l("Nobody goes on the DSR without consent."),
                _l("Consent means you say yes."),
                _l("You should get a copy of your consent form."),
            ),
        ),
        Row(
            "child",
            (
                _l("If you are 16 or over, you usually decide for yourself."),
                _l("For a child under 16, a parent gives consent."),
                _l("The child should be asked too."),
            ),
        ),
        Row(
            "mind",
            (
                _l("Some adults cannot make this choice, even with help."),
                _l(
                    "Then others make a [best interests decision](best-interests-decision) "
                    "for them."
                ),
                _l("They write it down."),
            ),
        ),
        Row(
            "check",
            (
                _l("The %(team)s looks at what you asked."),
                _l("They check if you are at risk of going into hospital."),
                _l("They may get in touch to find out more."),
            ),
        ),
        Row(
            "message",
            (
                _l("They should tell you what they decided."),
                _l("This should be within %(referral_days)s working days."),
            ),
        ),
        Row(
            "stop",
            (
                _l("You can ask to come off the DSR at any time."),
                _l("The team should take you off when you no longer need it."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("A right to ask"),
            (
                _l(
                    "Since the January 2023 policy, people have the right to refer themselves "
                    "to the Dynamic Support Register (DSR). Local areas must make it possible to "
                    "ask, and there should be “no wrong door”: whichever service you ask "
                    "first should help the request reach the DSR team."
                ),
                _l(
                    "You can ask for yourself. A parent, or someone else with parental "
                    "responsibility, can ask for a child. Family members, carers and advocates "
                    "can ask on a person’s behalf. Professionals who work with the person can "
                    "refer them, with the person’s consent."
                ),
            ),
        ),
        Section(
            _l("Consent"),
            (
                _l(
                    "Nobody is added to the register without consent. People aged 16 and over are "
                    "assumed to be able to decide for themselves, unless there is clear evidence "
                    "that they cannot. For a child "
                    "under 16, a parent or someone with parental responsibility gives consent, "
                    "and the child should be asked too."
                ),
                _l(
                    "If an adult does not have the mental capacity to make this decision, a "
                    "best interests decision is made under the Mental Capacity Act 2005, taking "
                    "account of their wishes and the views of people who know them, and it is "
                    "recorded."
                ),
                _l(
                    "The consent is stored before any information goes on the register, and "
                    "the person or their family should be given a copy."
                ),
            ),
        ),
        Section(
            _l("What happens next"),
            (
                _l(
                    "The %(team)s looks at the request and may contact you, or people who "
                    "support you, for more information. A person is added when the team finds "
                    "they are at risk of going into a mental health hospital. Their level of "
                    "risk is then rated."
                ),
                _l(
                    "The team should tell you what they have decided within %(referral_days)s "
                    "working days."
                ),
            ),
        ),
        Section(
            _l("Coming off the register"),
            (
                _l(
                    "You can ask to come off the register at any time. A person also comes off "
                    "when they are no longer at risk: a professional who knows them writes down "
                    "the reasons."
                ),
            ),
        ),
    ),
    next_steps=(
        Link("/ask-to-join-the-register", _l("Ask to go on the register")),
        Link("/about/consent", _l("Read about consent")),
    ),
)

INFORMATION = Page(
    "your-information",
    title=_l("What happens to your information"),
    summary=_l("How the register keeps your information safe."),
    rows=(
        Row(
            "records",
            (
                _l(
                    "The [Dynamic Support Register (DSR)](dynamic-support-register) keeps some "
                    "information about you."
                ),
                _l("This includes your name, date of birth and NHS number."),
            ),
        ),
        Row(
            "write",
            (
                _l("It also has notes about your care and support."),
                _l("It says what you want, and what your family wants."),
            ),
        ),
        Row(
            "plan",
            (_l("The %(team)s uses this to plan the right support for you."),),
        ),
        Row(
            "agree",
            (
                _l("You give your [consent](consent) before anything goes on the DSR."),
                _l("You should get a copy of your consent form."),
            ),
        ),
        Row(
            "private",
            (
                _l("Your information is kept safe and private."),
                _l("Usually only people who help with your care can see it."),
            ),
        ),
        Row(
            "safe",
            (
                _l("Sometimes staff must share information to keep someone safe."),
                _l("They should only share what is needed."),
            ),
        ),
        Row(
            "read",
            (_l("You can ask to see the information kept about you."),),
        ),
        Row(
            "change",
            (
                _l("You can change your mind about consent at any time."),
                _l("You can ask to come off the DSR."),
            ),
        ),
        Row(
            "office",
            (
                _l("The NHS counts how many people are on the DSR."),
                _l("These numbers do not show your name."),
                _l("They help plan care for the future."),
            ),
        ),
        Row(
            "phone",
            (
                _l("Do you have a question about your information?"),
                _l("Call the %(team)s on %(phone)s."),
            ),
        ),
    ),
    standard=(
        Section(
            _l("What is kept"),
            (
                _l(
                    "The Dynamic Support Register (DSR) holds what the local area needs to "
                    "plan support. This usually includes: name, NHS number, date of birth and "
                    "address; whether the person has a learning disability, autism or both; "
                    "whether they are a child, young person or adult; any mental health "
                    "diagnosis; behaviour that challenges; any contact with the criminal "
                    "justice system; the date of their last annual health check; and, for "
                    "children, any 52-week placement or move to adult services."
                ),
                _l(
                    "It also records the care coordinator and service provider; whether there "
                    "is a care plan with a crisis plan and risk assessment; the dates of the "
                    "last and next reviews; who to contact in a crisis; the main risks; any "
                    "previous admissions; whether a personal budget has been offered; whether "
                    "an advocate is involved; the person’s and the family’s wishes; the current "
                    "package of care; the date consent was given; and the rating."
                ),
            ),
        ),
        Section(
            _l("Why it is kept and who can see it"),
            (
                _l(
                    "The information is used to make sure the person gets the right support at "
                    "the right time. By giving consent, the person agrees to it being shared "
                    "with the people involved in their care and treatment. It must be held "
                    "securely and handled under data protection law and NHS data security "
                    "standards."
                ),
                _l(
                    "In some situations information can be shared without consent, to protect "
                    "someone from harm, or from the risk of harm. Only what is needed "
                    "should be shared, and a record is kept of why."
                ),
                _l(
                    "Information without names or anything else that could identify a person "
                    "is sent to NHS England. It is used to check progress and plan services."
                ),
            ),
        ),
        Section(
            _l("Your choices"),
            (
                _l(
                    "You can ask to see the information held about you. You can withdraw your "
                    "consent, and ask to come off the register, at any time."
                ),
                _l("To ask about your information, contact the %(team)s on %(phone)s."),
            ),
        ),
    ),
    next_steps=(Link("/privacy", _l("Read how this website uses your information")),),
)

PAGES = (WHAT_IT_IS, COLOURS, ASKING, INFORMATION)
