"""Staff accounts, for administrators: invite, change role, disable and enable, unlock,
and reset someone's sign-in when they lose their password or phone."""

from flask import abort, flash, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal.extensions import db
from portal.forms import PortalForm
from portal.models import StaffMember
from portal.services import audit, mail, staff

from . import bp, roles, sessions
from .guard import requires_role
from .staff_forms import ROLE_HINTS, InviteForm, RoleForm

INVITE_LINK_KEY = "staff_invite_link"


def member_or_404(member_id):
    return db.session.get(StaffMember, member_id) or abort(404)


def not_yourself(member):
    if member.id == current_user.id:
        abort(400)


def show_invite_link(member, token):
    """Show the private link once; email it too when email is set up."""
    link = url_for("admin.accept_invite", code=token, _external=True)
    body = render_template("admin/staff/invite_email.txt", link=link, member=member)
    sent = mail.send(member.email, _("Your invitation to the staff side"), body)
    session[INVITE_LINK_KEY] = {"id": member.id, "link": link, "sent": sent}


@bp.route("/staff-members")
@requires_role(*roles.ADMIN)
def staff_list():
    members = db.session.scalars(select(StaffMember).order_by(StaffMember.name)).all()
    return render_template("admin/staff/list.html", members=members, is_locked=staff.is_locked)


@bp.route("/staff-members/invite", methods=["GET", "POST"])
@requires_role(*roles.ADMIN)
def staff_invite():
    form = InviteForm()
    if form.validate_on_submit():
        member, token = staff.invite(
            form.email.data, form.name.data, form.role.data, sessions.actor(current_user)
        )
        db.session.commit()
        show_invite_link(member, token)
        return redirect(url_for("admin.staff_member", member_id=member.id), 303)
    status = 400 if form.is_submitted() else 200
    return render_template("admin/staff/invite.html", form=form, hints=ROLE_HINTS), status


@bp.route("/staff-members/<int:member_id>")
@requires_role(*roles.ADMIN)
def staff_member(member_id):
    member = member_or_404(member_id)
    invite = session.pop(INVITE_LINK_KEY, None)
    if invite and invite.get("id") != member.id:
        invite = None
    return render_template(
        "admin/staff/member.html",
        member=member,
        invite=invite,
        role_form=RoleForm(formdata=None, role=member.role),
        locked=staff.is_locked(member),
        hints=ROLE_HINTS,
    )


def change(member_id, apply, message):
    PortalForm().validate_on_submit() or abort(400)
    member = member_or_404(member_id)
    not_yourself(member)
    apply(member, sessions.actor(current_user))
    db.session.commit()
    flash(message.format(name=member.name))
    return redirect(url_for("admin.staff_member", member_id=member.id), 303)


def _disable(member, actor):
    member.is_active = False
    sessions.end_all(member)
    audit.record("staff.disabled", "staff", member.id, actor=actor)


def _enable(member, actor):
    member.is_active = True
    audit.record("staff.enabled", "staff", member.id, actor=actor)


@bp.route("/staff-members/<int:member_id>/disable", methods=["POST"])
@requires_role(*roles.ADMIN)
def staff_disable(member_id):
    return change(
        member_id, _disable, _("{name} can no longer sign in. Their sessions have ended.")
    )


@bp.route("/staff-members/<int:member_id>/enable", methods=["POST"])
@requires_role(*roles.ADMIN)
def staff_enable(member_id):
    return change(member_id, _enable, _("{name} can sign in again."))


@bp.route("/staff-members/<int:member_id>/unlock", methods=["POST"])
@requires_role(*roles.ADMIN)
def staff_unlock(member_id):
    return change(member_id, staff.unlock, _("{name}'s account is unlocked."))


@bp.route("/staff-members/<int:member_id>/reset", methods=["POST"])
@requires_role(*roles.ADMIN)
def staff_reset(member_id):
    PortalForm().validate_on_submit() or abort(400)
    member = member_or_404(member_id)
    not_yourself(member)
    token = staff.reissue_invite(member)
    sessions.end_all(member)
    audit.record("staff.reset", "staff", member.id, actor=sessions.actor(current_user))
    db.session.commit()
    show_invite_link(member, token)
    return redirect(url_for("admin.staff_member", member_id=member.id), 303)


@bp.route("/staff-members/<int:member_id>/role", methods=["POST"])
@requires_role(*roles.ADMIN)
def staff_role(member_id):
    member = member_or_404(member_id)
    not_yourself(member)
    form = RoleForm()
    if form.validate_on_submit():
        if form.role.data != member.role:
            member.role = form.role.data
            audit.record(
                "staff.role_changed",
                "staff",
                member.id,
                actor=sessions.actor(current_user),
                role=member.role,
            )
            db.session.commit()
        flash(_("{name}'s role is saved.").format(name=member.name))
        return redirect(url_for("admin.staff_member", member_id=member.id), 303)
    return render_template(
        "admin/staff/member.html",
        member=member,
        invite=None,
        form=form,  # the layout's error summary reads `form`
        role_form=form,
        locked=staff.is_locked(member),
        hints=ROLE_HINTS,
    ), 400
