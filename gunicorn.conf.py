"""gunicorn settings. Each worker is its own process with its own speech engine, started
lazily on first use, so nothing that starts espeak is loaded in the master (no preload)."""

import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 2))
preload_app = False
timeout = 60
graceful_timeout = 30
# gunicorn 27 opens a control socket under $HOME by default; the portal has no use for it.
control_socket_disable = True
accesslog = "-"
# Log method, path without the query string (it may hold a language only, but keep it
# lean), status and time: never personal data.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
