"""Rendered explanation pages, kept in memory: they are the same for every visitor in a
language, and most of their cost is Jinja macros. Each process keeps its own small cache;
nothing personal is ever in these pages."""

import secrets
import threading
from collections import OrderedDict

from flask import g

from ..security import csp_nonce

# Random per process, so no request can know it.
NONCE_MARK = "nonce-" + secrets.token_hex(16)


class PageCache:
    def __init__(self, size=256):
        self.size = size
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            html = self._pages.get(key)
            if html is not None:
                self._pages.move_to_end(key)
            return html

    def put(self, key, html):
        with self._lock:
            self._pages[key] = html
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)

    def clear(self):
        with self._lock:
            self._pages.clear()

    def page(self, key, render):
        """The page for key, rendered once with a placeholder nonce that each response
        swaps for its own, so the Content-Security-Policy stays per response."""
        html = self.get(key)
        if html is None:
            g.csp_nonce = NONCE_MARK
            try:
                html = render()
            finally:
                g.pop("csp_nonce", None)
            self.put(key, html)
        return html.replace(NONCE_MARK, csp_nonce())
