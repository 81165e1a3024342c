"""The local area's settings: contacts, the crisis line, promises of how soon the team
answers and how often register entries are looked at again. Administrators only."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.extensions import db
from portal.services import area as area_service

from . import bp, roles
from .guard import requires_role
from .sessions import actor
from .settings_forms import SECTIONS, SettingsForm


@bp.route("/settings", methods=["GET", "POST"])
@requires_role(*roles.ADMIN)
def settings():
    fields = area_service.FIELDS
    if request.method == "POST":
        form = SettingsForm()  # what was typed, kept as typed if anything is wrong
    else:
        form = SettingsForm.from_area(area_service.current_area(), fields)
    if form.validate_on_submit():
        area_service.save(form.values(fields), actor(current_user))
        db.session.commit()
        flash(_("Settings saved"))
        return redirect(url_for("admin.settings"), 303)
    status = 400 if form.errors else 200
    return render_template("admin/settings/edit.html", form=form, sections=SECTIONS), status
