"""Easy-read explanations of the register and reviews, with read-aloud audio."""

from pathlib import Path

from flask import Blueprint

bp = Blueprint("easyread", __name__, url_prefix="/about")


def init_app(app):
    from .speech import AudioStore, Speaker

    speaker = Speaker()
    # Absolute, because send_file would read a relative path against the package folder.
    audio_dir = Path(app.config.get("AUDIO_DIR") or Path(app.instance_path) / "audio").resolve()
    app.extensions["speech"] = speaker
    app.extensions["audio_store"] = AudioStore(audio_dir, speaker, app.config["SPEECH_RATE"])
    app.register_blueprint(bp)


from . import views  # noqa: E402, F401 - routes register on import
