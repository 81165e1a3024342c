"""The staff dashboard: what needs doing, as counts. Each role sees what its work needs:
triagers the queue; register managers the queue and the register; administrators a few
counts and their own pages. Counts only, no one's details, so viewing it is not audited."""

from datetime import date

from flask import render_template, url_for
from flask_babel import format_number, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.models.register import RATINGS
from portal.services import dashboard as figures
from portal.services.area import current_area
from portal.services.charts import Bar, Chart, svg

from . import bp, roles
from .guard import requires_role
from .menu import staff_nav
from .register_forms import RATING_NAMES

BAND_NAMES = {
    "within": _l("Within time"),
    "nearly": _l("Due within 2 working days"),
    "overdue": _l("Overdue"),
}
BAND_CLASSES = {
    "within": "portal-chart__bar--green",
    "nearly": "portal-chart__bar--amber",
    "overdue": "portal-chart__bar--red",
}
DARK = "portal-chart__bar--dark"
LINE_NAMES = {
    "register": _l("Requests to join the register"),
    "review": _l("Requests for a review"),
    "withdrawal": _l("Consent withdrawn"),
}


def people(count):
    return ngettext("%(count)s person", "%(count)s people", count, count=format_number(count))


def requests(count):
    return ngettext("%(count)s request", "%(count)s requests", count, count=format_number(count))


def sentence(bars, words):
    """Every bar in words, for the chart's description: "Red: 3 people. Amber: 5 people." """
    return " ".join(
        _("%(label)s: %(value)s.", label=bar.label, value=words(bar.value)) for bar in bars
    )


def rating_chart(register):
    bars = tuple(
        Bar(
            str(RATING_NAMES[rating]),
            register.ratings[rating],
            f"portal-chart__bar--{rating.lower()}",
        )
        for rating in RATINGS
    )
    return Chart(
        "chart-ratings",
        _("People on the register by rating"),
        " ".join(
            (_("%(total)s on the register.", total=people(register.people)), sentence(bars, people))
        ),
        bars,
    )


def queue_chart(totals):
    waiting = requests(sum(totals.values()))
    bars = tuple(
        Bar(str(BAND_NAMES[band]), totals[band], BAND_CLASSES[band]) for band in figures.BANDS
    )
    return Chart(
        "chart-queue",
        _("Requests waiting, against the local response times"),
        " ".join((_("%(total)s waiting.", total=waiting), sentence(bars, requests))),
        bars,
    )


def overdue_chart(register):
    bars = (
        Bar(_("Register reviews overdue"), register.overdue_reviews, DARK),
        Bar(
            _("People with an action overdue"),
            register.people_with_overdue_action,
            DARK,
        ),
        Bar(_("Review actions overdue"), register.overdue_actions, DARK),
        Bar(
            _("Reports not sent within 2 weeks"),
            register.reports_not_sent,
            DARK,
        ),
        Bar(
            _("Reports sent more than 2 weeks late"),
            register.reports_sent_late,
            DARK,
        ),
    )
    return Chart("chart-overdue", _("What is overdue"), sentence(bars, format_number), bars)


def rows(chart, links=()):
    """The chart's figures for its table: (name, count, link or None)."""
    links = list(links) + [None] * len(chart.bars)
    return [(bar.label, bar.value, link) for bar, link in zip(chart.bars, links, strict=False)]


@bp.route("/")
@requires_role(roles.TRIAGER, roles.REGISTER_MANAGER, roles.ADMINISTRATOR)
def dashboard():
    role, today = current_user.role, date.today()
    context = {"today": today, "nearly_due_days": figures.NEARLY_DUE_DAYS}
    if role in roles.QUEUE:
        lines = figures.queue_figures(current_area(), today)
        totals = figures.queue_totals(lines)
        chart = queue_chart(totals)
        context.update(
            queue_lines=lines, queue_totals=totals, queue_chart=chart, queue_rows=rows(chart)
        )
    if role in roles.REGISTER:
        register = figures.register_figures(today)
        ratings, overdue = rating_chart(register), overdue_chart(register)
        to_register = [url_for("admin.register", rating=rating) for rating in RATINGS]
        # The register's own filters for the first three; reports have no filter there.
        to_overdue = [url_for("admin.register", overdue=kind) for kind in ("review", "action")]
        context.update(
            register=register,
            rating_chart=ratings,
            rating_rows=rows(ratings, to_register),
            overdue_chart=overdue,
            overdue_rows=rows(overdue, [*to_overdue, to_overdue[1]]),
        )
    if role in roles.ADMIN:
        links = [item for item in staff_nav() if not item.get("current")]
        context.update(admin=figures.admin_figures(), admin_links=links)
    return render_template(
        "admin/dashboard.html",
        chart_svg=svg,
        format_number=format_number,
        band_names=BAND_NAMES,
        line_names=LINE_NAMES,
        rating_names=RATING_NAMES,
        **context,
    )
