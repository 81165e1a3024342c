"""The app every benchmark measures: the real factory, on a fresh SQLite database built
by the migrations, in a folder of its own."""

import tempfile
from pathlib import Path

from flask_migrate import upgrade

from portal import create_app
from portal.config import TestConfig


def bench_app(prepare=None):
    """A migrated app; prepare(app) runs first, while routes may still be added."""
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    config = type(
        "BenchConfig",
        (TestConfig,),
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'bench.sqlite3'}",
            "AUDIO_DIR": str(work / "audio"),
        },
    )
    app = create_app(config)
    if prepare:
        prepare(app)
    with app.app_context():
        upgrade()
    return app
