"""Languages, for administrators: how much of each public language is translated, and
whether a qualified translator has checked it. Until a check is recorded, and again after
a release changes the text a check covered, every translated public page says so, with a
link to the English page. The service audits recording and withdrawing a check.

Also the helpers every staff page uses to show the language a person used on the portal
(the staff side itself is in English only)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_number
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from portal.extensions import db
from portal.forms import PortalForm
from portal.i18n import (
    DEFAULT,
    html_lang,
    language_name,
    language_names,
    supported,
    text_direction,
)
from portal.models import StaffMember
from portal.services import translations

from . import bp, roles
from .guard import requires_role
from .language_forms import CheckForm
from .sessions import actor

# The same helpers for every page that shows a person's language --------------------------


@bp.app_template_global()
def language_label(code):
    """language_name as HTML, its own name marked with its language and direction, so a
    screen reader says it in the right voice: Urdu (<span lang="ur" dir="rtl">اردو</span>)."""
    english, own = language_names(code)
    if own is None:
        return english
    return Markup('{} (<span lang="{}" dir="{}">{}</span>)').format(
        english, html_lang(code), text_direction(code), own
    )


@bp.app_template_global()
def language_english_name(code):
    """ "Urdu": for sentences such as "Write to them in Urdu"."""
    return language_names(code)[0]


# The Languages page ----------------------------------------------------------------------


def public_languages():
    """The languages translated from English, in the order the switcher shows them."""
    return [code for code in supported() if code != DEFAULT]


def language_or_404(code):
    if code not in public_languages():
        abort(404)
    return code


def status_text(status):
    """The review status in words."""
    check = status.check
    if status.state == translations.CHECKED:
        return _(
            "Checked by %(name)s on %(date)s",
            name=check.checked_by,
            date=format_date(check.checked_on, "d MMMM y"),
        )
    if status.state == translations.CHANGED:
        return _(
            "Changed since %(name)s checked it on %(date)s",
            name=check.checked_by,
            date=format_date(check.checked_on, "d MMMM y"),
        )
    return _("Not checked by a qualified translator")


def about(code):
    """What the pages show about one language."""
    _fingerprint, translated, total = translations.catalogue_facts(code)
    status = translations.status(code)
    check = status.check
    recorded = None
    if check is not None:
        member = db.session.get(StaffMember, check.recorded_by)
        recorded = _(
            "%(who)s on %(date)s",
            who=member.name if member else _("A former staff member"),
            date=format_date(check.recorded_at, "d MMMM y"),
        )
    return {
        "code": code,
        "name": language_name(code),
        "english": language_english_name(code),
        "translated": format_number(translated),
        "total": format_number(total),
        "missing": format_number(total - translated) if translated < total else None,
        "status": status,
        "status_text": status_text(status),
        "recorded": recorded,
    }


def back_to_list(code):
    return redirect(url_for("admin.languages", _anchor=f"language-{code}"), 303)


@bp.route("/languages")
@requires_role(*roles.ADMIN)
def languages():
    return render_template(
        "admin/languages/list.html",
        languages=[about(code) for code in public_languages()],
    )


@bp.route("/languages/<code>/check", methods=["GET", "POST"])
@requires_role(*roles.ADMIN)
def languages_check(code):
    """Record that a qualified translator checked this language's text as it is now."""
    language_or_404(code)
    form = CheckForm()
    if form.validate_on_submit():
        translations.record_check(
            code,
            form.checked_by.data.strip(),
            form.checked_on.data,
            current_user.id,
            actor(current_user),
        )
        db.session.commit()
        flash(
            _(
                "Check recorded for %(language)s. Its public pages no longer show the notice.",
                language=language_name(code),
            )
        )
        return back_to_list(code)
    status = 400 if request.method == "POST" else 200
    return render_template("admin/languages/check.html", language=about(code), form=form), status


@bp.route("/languages/<code>/withdraw", methods=["GET", "POST"])
@requires_role(*roles.ADMIN)
def languages_withdraw(code):
    """A check that no longer stands: a page to confirm, then a button that POSTs."""
    language_or_404(code)
    language = about(code)
    if language["status"].check is None:
        flash(_("There is no check to withdraw for %(language)s.", language=language["name"]))
        return back_to_list(code)
    form = PortalForm()
    if request.method == "GET":
        return render_template("admin/languages/withdraw.html", language=language, form=form)
    if not form.validate_on_submit():  # the CSRF check
        abort(400)
    translations.withdraw_check(code, actor(current_user))
    db.session.commit()
    flash(
        _(
            "Check withdrawn for %(language)s. Its public pages show the notice again.",
            language=language["name"],
        )
    )
    return back_to_list(code)
