"""Fixtures the public side's tests share."""

import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message


@pytest.fixture
def smtp_server():
    handler = MailBox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield controller, handler
    controller.stop()


class MailBox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)
