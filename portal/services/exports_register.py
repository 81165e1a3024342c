"""The register as a spreadsheet: one row per person with the minimum dataset, as CSV or
XLSX. Rows come from one select of plain columns, fetched in batches, so 100,000 people
never become 100,000 ORM objects at once. Text a spreadsheet would run as a formula is
neutralised in both formats."""

import csv
import io
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from babel.core import UnknownLocaleError
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from sqlalchemy import func, select

from ..extensions import db
from ..i18n import language_name
from ..models import RegisterEntry
from .register import age_group

# Rows fetched from the database at a time, and CSV rows written per chunk sent.
BATCH = 2_000
CSV_CHUNK = 500
# A spreadsheet treats text starting with these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_FIRST = frozenset(FORMULA_STARTS)
# Control characters an XLSX file cannot hold (openpyxl refuses them).
NOT_IN_XLSX = re.compile(r"[\000-\010\013\014\016-\037]")
# XLSX spools in memory up to this size, then on an unnamed temporary file.
SPOOL_BYTES = 16 * 1024 * 1024

NOT_RECORDED = _l("Not recorded")


@dataclass(frozen=True)
class Names:
    """What the staff pages call each code ({code: name}), so the files say the same."""

    conditions: Mapping
    settings: Mapping
    risks: Mapping
    age_groups: Mapping
    # Headings the staff side words ({key: heading}, see Named): staff words belong in the
    # staff catalogue, not in every public language's.
    headings: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class Named:
    """A column whose heading comes from Names.headings[key] (the key itself if absent)."""

    key: str

    def heading(self, names):
        return (names.headings if names else {}).get(self.key, self.key)


# (header, column, kind). The kind says how a value is shown: see Converters.
COLUMNS = (
    (_l("Reference"), RegisterEntry.reference, "text"),
    (_l("First name"), RegisterEntry.first_name, "text"),
    (_l("Last name"), RegisterEntry.last_name, "text"),
    (_l("NHS number"), RegisterEntry.nhs_number, "nhs_number"),
    (_l("Date of birth"), RegisterEntry.date_of_birth, "date"),
    (_l("Age group"), RegisterEntry.date_of_birth, "age_group"),
    (_l("Address"), RegisterEntry.address, "text"),
    (_l("Postcode"), RegisterEntry.postcode, "text"),
    (_l("Communication needs"), RegisterEntry.communication_needs, "text"),
    (Named("language"), RegisterEntry.language, "language"),
    (_l("Learning disability, autism or both"), RegisterEntry.condition, "condition"),
    (_l("Where they live"), RegisterEntry.setting, "setting"),
    (_l("Rating"), RegisterEntry.rating, "text"),
    (_l("Reason for the rating"), RegisterEntry.rating_reason, "text"),
    (_l("Rated on"), RegisterEntry.rated_at, "day"),
    (_l("Mental health diagnosis"), RegisterEntry.mental_health_diagnosis, "text"),
    (_l("Behaviour that challenges"), RegisterEntry.behaviour_that_challenges, "text"),
    (
        _l("Contact with the criminal justice system"),
        RegisterEntry.criminal_justice_contact,
        "text",
    ),
    (_l("Last annual health check"), RegisterEntry.last_annual_health_check, "date"),
    (_l("In a 52-week placement"), RegisterEntry.placement_52_week, "yes_no"),
    (_l("Moving from children's to adult services"), RegisterEntry.in_transition, "yes_no"),
    (_l("Care coordinator"), RegisterEntry.care_coordinator, "text"),
    (_l("Service provider"), RegisterEntry.service_provider, "text"),
    (_l("Has a care plan"), RegisterEntry.has_care_plan, "yes_no"),
    (_l("Has a crisis and contingency plan"), RegisterEntry.has_crisis_plan, "yes_no"),
    (_l("Has a risk assessment"), RegisterEntry.has_risk_assessment, "yes_no"),
    (_l("Last review"), RegisterEntry.last_review_on, "date"),
    (_l("Next review"), RegisterEntry.next_review_on, "date"),
    (_l("Earliest open action due"), RegisterEntry.next_action_due, "date"),
    (_l("Crisis contacts"), RegisterEntry.crisis_contacts, "text"),
    (_l("Key risks"), RegisterEntry.key_risks, "text"),
    (_l("Reasons they may be at risk"), RegisterEntry.risk_reasons, "risks"),
    (_l("Previous admissions"), RegisterEntry.previous_admissions, "text"),
    (_l("Personal budget offered"), RegisterEntry.personal_budget_offered, "yes_no"),
    (_l("Advocate involved"), RegisterEntry.advocate_involved, "yes_no"),
    (_l("The person's wishes"), RegisterEntry.person_wishes, "text"),
    (_l("The family's wishes"), RegisterEntry.family_wishes, "text"),
    (_l("Current package of care"), RegisterEntry.current_package, "text"),
    (_l("Consent given on"), RegisterEntry.consent_given_on, "date"),
    (_l("Keyworker referral offered"), RegisterEntry.keyworker_referral, "offered"),
    (_l("Keyworker referral offered on"), RegisterEntry.keyworker_referral_on, "date"),
    (_l("Carer's assessment offered"), RegisterEntry.carers_assessment, "offered"),
    (_l("Carer's assessment offered on"), RegisterEntry.carers_assessment_on, "date"),
    (_l("Added to the register on"), RegisterEntry.added_at, "day"),
)
# Only when people who came off are included.
REMOVED_COLUMNS = (
    (_l("On the register now"), RegisterEntry.active, "yes_no"),
    (_l("Came off the register on"), RegisterEntry.removed_at, "day"),
    (_l("Why they came off"), RegisterEntry.removed_reason, "text"),
)


def columns(include_removed):
    return COLUMNS + (REMOVED_COLUMNS if include_removed else ())


def headers(include_removed, names=None):
    return [
        str(header.heading(names) if isinstance(header, Named) else header)
        for header, _column, _kind in columns(include_removed)
    ]


def _where(include_removed):
    return () if include_removed else (RegisterEntry.active.is_(True),)


def count(include_removed=False):
    return db.session.scalar(
        select(func.count()).select_from(RegisterEntry).where(*_where(include_removed))
    )


class Converters:
    """Turn stored values into what a reader sees. Translated names are looked up once
    per export, not once per cell."""

    def __init__(self, names, today):
        self.today = today
        self.yes, self.no = str(_l("Yes")), str(_l("No"))
        self.condition_names = {key: str(name) for key, name in names.conditions.items()}
        self.setting_names = {key: str(name) for key, name in names.settings.items()}
        self.risk_names = {key: str(name) for key, name in names.risks.items()}
        self.age_names = {key: str(name) for key, name in names.age_groups.items()}
        self.language_names = {}

    # Text and dates are written as they are: no call per cell.
    text = date = None

    def day(self, moment):
        """The day of a time (all times are UTC)."""
        return moment.date() if moment else None

    def nhs_number(self, value):
        # Spaced as the NHS writes it, which also keeps spreadsheets from making it a number.
        if value and len(value) == 10:
            return f"{value[:3]} {value[3:6]} {value[6:]}"
        return value

    def age_group(self, born):
        return self.age_names[age_group(born, self.today)] if born else None

    def condition(self, value):
        return self.condition_names.get(value, value)

    def setting(self, value):
        return self.setting_names.get(value, value)

    def language(self, code):
        """The language they used on the portal, as staff pages name it: "Urdu (اردو)"."""
        if code not in self.language_names:
            try:
                self.language_names[code] = language_name(code) or None
            except UnknownLocaleError:  # a code Babel does not know: written as stored
                self.language_names[code] = code
        return self.language_names[code]

    def yes_no(self, value):
        return None if value is None else (self.yes if value else self.no)

    def offered(self, value):
        return {"yes": self.yes, "no": self.no}.get(value, value)

    def risks(self, values):
        return "; ".join(self.risk_names.get(key, key) for key in values or ()) or None

    def converters(self, include_removed):
        """[(column index, function)] for the columns whose values need changing."""
        found = [getattr(self, kind) for _header, _column, kind in columns(include_removed)]
        return [(index, fn) for index, fn in enumerate(found) if fn is not None]


def rows(include_removed, names, today=None):
    """Each person's row as plain values (text, dates, None), sorted by name."""
    convert = Converters(names, today or date.today()).converters(include_removed)
    statement = (
        select(*[column for _header, column, _kind in columns(include_removed)])
        .where(*_where(include_removed))
        .order_by(RegisterEntry.last_name_key, RegisterEntry.first_name_key, RegisterEntry.id)
        .execution_options(yield_per=BATCH)
    )
    for row in db.session.execute(statement):
        values = list(row)
        for index, fn in convert:
            values[index] = fn(values[index])
        yield values


# CSV -------------------------------------------------------------------------------------


def csv_text(value):
    """One CSV cell: dates as 2024-03-31, and text that could run as a formula made
    plain text with a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    value = str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(values):
    """csv_text for a whole row, quicker: csv itself writes None as "" and a date as
    2024-03-31, so only text needs looking at."""
    return [("'" + v if v[:1] in FORMULA_FIRST else v) if v.__class__ is str else v for v in values]


def csv_chunks(header_row, data_rows):
    """The CSV in pieces, for a streamed response: UTF-8 with a byte order mark, so
    Excel shows names with accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow([csv_text(h) for h in header_row])
    for number, values in enumerate(data_rows, 1):
        writer.writerow(csv_row(values))
        if number % CSV_CHUNK == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# XLSX ------------------------------------------------------------------------------------


def xlsx_cell(sheet, value):
    """One XLSX cell. openpyxl makes any text starting with "=" a formula, so risky
    text is written as a string cell, marked as quoted as Excel does for a typed '."""
    if not isinstance(value, str):
        return value
    value = NOT_IN_XLSX.sub("", value)
    if not value.startswith(FORMULA_STARTS):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    cell.quotePrefix = True
    return cell


def write_xlsx(target, title, header_row, data_rows):
    """Write a one-sheet workbook to a file object; returns the number of data rows."""
    book = Workbook(write_only=True)
    book.properties.creator = str(_l("Dynamic Support Register"))
    sheet = book.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    heading_cells = []
    for text in header_row:
        cell = WriteOnlyCell(sheet, value=NOT_IN_XLSX.sub("", text))
        cell.data_type = "s"
        cell.font = bold
        heading_cells.append(cell)
    sheet.append(heading_cells)
    written = 0
    for values in data_rows:
        sheet.append([xlsx_cell(sheet, v) for v in values])
        written += 1
    book.save(target)
    return written


def register_xlsx(include_removed, names, today=None):
    """The register as an XLSX file: (a file object at its start, its size in bytes,
    rows written)."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 - sent, then closed
    try:
        data = rows(include_removed, names, today)
        written = write_xlsx(spool, str(_l("Register")), headers(include_removed, names), data)
    except BaseException:
        spool.close()
        raise
    size = spool.tell()
    spool.seek(0)
    return spool, size, written
