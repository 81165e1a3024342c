"""The planner as a PDF: filled in, blank for writing by hand, and part 5 on its own as
a checklist for the day. Downloading a filled one is a view of the record: audited."""

from flask import abort, make_response

from ..services import planners
from . import access, bp


def pdf_response(data, filename):
    response = make_response(data)
    response.headers["Content-Type"] = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def planner_pdf(answers, **options):
    from .pdf import planner_pdf as render  # WeasyPrint loads only when a PDF is asked for

    return render(answers, **options)


def filled(parts, filename, what):
    planner = access.current()
    if planner is None:
        abort(404)
    planners.save(planner, planner.answers, action="planner.printed", what=what)
    return pdf_response(planner_pdf(planner.answers, parts=parts), filename)


@bp.route("/planner.pdf")
def pdf():
    return filled(None, "my-review-planner.pdf", "planner")


@bp.route("/on-the-day.pdf")
def day_pdf():
    return filled(["day"], "my-review-on-the-day.pdf", "on_the_day")


@bp.route("/planner-blank.pdf")
def blank_pdf():
    return pdf_response(planner_pdf({}, blank=True), "review-planner-to-fill-in.pdf")
