"""Error pages. Nothing about the request or the error reaches the page."""

import logging

from flask import render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

# Fields that must never be echoed back into a page, even to the person who sent them.
NOT_REPLAYED = {"csrf_token", "password", "code"}


def replay_fields():
    """What the person sent, so an expired form can be sent again without retyping."""
    return [
        (name, value)
        for name, values in request.form.lists()
        if name not in NOT_REPLAYED
        for value in values
    ]


def init_app(app):
    from .extensions import db

    @app.errorhandler(CSRFError)
    def csrf_expired(_error):
        # The page was open too long or the session ended. Keep every answer and offer to
        # send them again with a fresh token, rather than lose them.
        db.session.rollback()
        return (
            render_template(
                "errors/session_expired.html", fields=replay_fields(), action=request.path
            ),
            400,
        )

    @app.errorhandler(HTTPException)
    def http_error(error):
        template = {404: "errors/404.html", 405: "errors/405.html"}.get(
            error.code, "errors/generic.html"
        )
        return render_template(template, error=error), error.code

    @app.errorhandler(Exception)
    def server_error(error):
        db.session.rollback()
        # The type only: the message may hold what someone typed.
        log.error(
            "Unhandled %s on %s %s",
            type(error).__name__,
            request.method,
            request.path,
            exc_info=app.debug,
        )
        return render_template("errors/500.html"), 500
