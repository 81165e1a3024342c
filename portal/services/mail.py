"""Email through SMTP. With no MAIL_SERVER set, nothing is sent and the pages say so."""

import logging
import smtplib
import ssl
from email.message import EmailMessage

from flask import current_app

log = logging.getLogger(__name__)


def enabled():
    return bool(current_app.config.get("MAIL_SERVER"))


def send(to, subject, body, language=None):
    """Send a plain-text email (in UTF-8, any script). Returns True when the server
    accepted it. language is the code of the language it is written in."""
    config = current_app.config
    if not enabled() or not to:
        return False
    message = EmailMessage()
    message["From"] = config["MAIL_FROM"]
    message["To"] = to
    message["Subject"] = subject
    message.set_content(body)
    if language:  # after set_content, which replaces every Content- header
        message["Content-Language"] = language
    try:
        with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
            if config["MAIL_USE_STARTTLS"]:
                smtp.starttls(context=ssl.create_default_context())
            if config.get("MAIL_USERNAME"):
                smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"])
            smtp.send_message(message)
        return True
    except (OSError, smtplib.SMTPException) as error:
        # Never the address or the message: only that it failed, and why.
        log.error("Email not sent: %s", type(error).__name__)
        return False
