"""Entry point for gunicorn (`gunicorn wsgi:app`) and the flask CLI (`flask --app wsgi`)."""

import os

from portal import create_app

app = create_app(os.environ.get("PORTAL_CONFIG") or None)
