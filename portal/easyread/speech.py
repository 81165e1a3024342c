"""Read-aloud audio: pyttsx3 driving espeak-ng, encoded to Ogg Opus, kept on disk.

Each file is named by a hash of its text, language, voice and speed, so it is made once
and served with long caching. The speech engine is one per process and not thread-safe:
it is created on first use in the worker (never in a preloaded master), used under a lock,
and given its voice on every call. save_to_file() and runAndWait() can return before the
file is written, so each call waits for the engine's finished-utterance callback.
"""

import hashlib
import logging
import multiprocessing
import os
import shutil
import subprocess  # noqa: S404 - opusenc with a fixed argument list
import tempfile
import threading
from pathlib import Path

log = logging.getLogger(__name__)

FINISH_TIMEOUT_SECONDS = 60


class SpeechUnavailable(RuntimeError):
    """Listening cannot work on this machine; the message says why."""


def audio_key(text, voice, rate):
    return hashlib.sha256(f"{voice}\0{rate}\0{text}".encode()).hexdigest()


class Speaker:
    def __init__(self):
        self._lock = threading.Lock()
        self._engine = None
        self._pid = None
        self._finished = threading.Event()
        self._problem = None

    def problem(self):
        """Why listening is not available here, or None when it is."""
        if self._problem is None:
            try:
                with self._lock:
                    self._engine_here()
                if not shutil.which("opusenc"):
                    raise SpeechUnavailable("opusenc is missing (Debian package opus-tools)")
                self._problem = ""
            except Exception as error:  # pyttsx3 raises many kinds when espeak-ng is absent
                self._problem = f"{type(error).__name__}: {error}"
                log.warning("Listening is not available: %s", self._problem)
        return self._problem or None

    def _engine_here(self):
        if self._engine is None or self._pid != os.getpid():
            import pyttsx3

            engine = pyttsx3.init("espeak")
            engine.connect("finished-utterance", lambda name, completed: self._finished.set())
            self._engine, self._pid = engine, os.getpid()
        return self._engine

    def speak_to_wav(self, text, voice, rate, wav_path):
        with self._lock:
            engine = self._engine_here()
            engine.setProperty("voice", voice)
            engine.setProperty("rate", rate)
            self._finished.clear()
            engine.save_to_file(text, str(wav_path))
            engine.runAndWait()
            if not self._finished.wait(FINISH_TIMEOUT_SECONDS):
                raise SpeechUnavailable("espeak-ng did not finish the audio in time")


class AudioStore:
    def __init__(self, root, speaker, rate):
        self.root = Path(root)
        self.speaker = speaker
        self.rate = rate

    def path(self, key):
        return self.root / key[:2] / f"{key}.ogg"

    def key(self, text, voice):
        return audio_key(text, voice, self.rate)

    def ensure(self, text, voice):
        """The audio for this text, made now if it is not on disk yet."""
        key = self.key(text, voice)
        target = self.path(key)
        if target.exists():
            return target
        problem = self.speaker.problem()
        if problem:
            raise SpeechUnavailable(problem)
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as work:
            wav, ogg = Path(work) / "speech.wav", Path(work) / "speech.ogg"
            self.speaker.speak_to_wav(text, voice, self.rate, wav)
            try:
                subprocess.run(  # noqa: S603 - fixed arguments, paths we made
                    ["opusenc", "--quiet", "--bitrate", "32", str(wav), str(ogg)],  # noqa: S607
                    check=True,
                    capture_output=True,
                )
            except (OSError, subprocess.CalledProcessError) as error:
                log.error("opusenc could not encode the audio: %s", type(error).__name__)
                raise SpeechUnavailable("opusenc could not encode the audio") from error
            # Atomic, so another worker making the same file at the same time is harmless.
            os.replace(ogg, target)
        return target


def _make_in_worker(root, rate, entry):
    """One file, made in a worker process with its own engine (spawned, so it shares
    nothing with the parent: no engine, no database connections)."""
    global _worker_store
    if _worker_store is None:
        _worker_store = AudioStore(root, Speaker(), rate)
    _worker_store.ensure(*entry)


_worker_store = None


def make_many(store, entries, jobs):
    """Make every (text, voice) in entries, in up to `jobs` processes. Returns how many."""
    if not entries:
        return 0
    problem = store.speaker.problem()
    if problem:
        raise SpeechUnavailable(problem)
    if jobs <= 1 or len(entries) < 2 * jobs:
        for entry in entries:
            store.ensure(*entry)
        return len(entries)
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        pool.starmap(_make_in_worker, [(str(store.root), store.rate, e) for e in entries], 8)
    return len(entries)
