"""flask commands: build-assets, build-audio, translate, demo-data, create-staff.

`flask db ...` comes from Flask-Migrate.
"""

import os
import subprocess  # noqa: S404 - runs pybabel with fixed arguments, never a shell
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
# The public side's messages, in every language; the staff side's, English only (kept so
# a deployment could translate it later, and so a test sees it is in step with the code).
POT = TRANSLATIONS / "messages.pot"
ADMIN_POT = TRANSLATIONS / "admin.pot"


def pybabel(*args):
    command = [sys.executable, "-m", "babel.messages.frontend", *args]
    subprocess.run(command, check=True, cwd=ROOT)  # noqa: S603 - fixed argument list


def extract_messages(pot=POT, folder="portal"):
    """Collect every marked string in one folder's code and templates into a .pot file."""
    pybabel(
        "extract",
        "-F",
        "babel.cfg",
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        "--project",
        "dsr-portal",
        "--copyright-holder",
        "the dsr-portal contributors",
        "-o",
        str(pot),
        folder,
    )


@click.command("build-assets")
@with_appcontext
def build_assets():
    """Copy NHS.UK frontend's built files from node_modules into portal/static/dist."""
    from .assets import build

    files = build(ROOT, Path(current_app.static_folder) / "dist")
    click.echo(f"Copied {len(files)} NHS.UK frontend files.")


@click.command("build-audio")
@click.option("--jobs", default=os.cpu_count() or 1, show_default=True, help="Processes to use.")
@with_appcontext
def build_audio(jobs):
    """Make the read-aloud audio for every explanation in every language, ahead of time."""
    from .easyread.audio import catalogue
    from .easyread.speech import SpeechUnavailable, make_many
    from .services.area import current_area

    store = current_app.extensions["audio_store"]
    entries = catalogue(current_area())
    missing = [entry for key, entry in entries.items() if not store.path(key).exists()]
    try:
        made = make_many(store, missing, jobs)
    except SpeechUnavailable as error:
        raise click.ClickException(f"Listening is not available: {error}") from error
    click.echo(f"{len(entries)} audio files ready ({made} new) in {store.root}.")


@click.group()
def translate():
    """Keep the translation catalogues in step with the code."""


@translate.command()
def extract():
    """Collect every marked string into translations/messages.pot (public) and admin.pot."""
    extract_messages()
    extract_messages(ADMIN_POT, "admin")


@translate.command()
def update():
    """Extract, then merge new strings into every language's catalogue. New strings are
    left empty (never guessed), so the completeness test names what needs translating."""
    extract_messages()
    extract_messages(ADMIN_POT, "admin")
    pybabel(
        "update",
        "-i",
        str(POT),
        "-d",
        str(TRANSLATIONS),
        "--no-fuzzy-matching",
        "--ignore-obsolete",
        "--width",
        "100",
    )


@translate.command()
@click.argument("language")
def init(language):
    """Start a catalogue for a new language."""
    pybabel("init", "-i", str(POT), "-d", str(TRANSLATIONS), "-l", language)


@translate.command("compile")
def compile_catalogues():
    """Compile the catalogues the portal reads at run time."""
    pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


@click.command("purge-drafts")
@with_appcontext
def purge_drafts():
    """Delete saved answers and planners that have passed their time (also done as new
    forms and planners start)."""
    from .services import planners
    from .services.drafts import purge_expired

    click.echo(f"Deleted {purge_expired()} expired drafts.")
    click.echo(f"Deleted {planners.purge_expired()} planners unused for too long.")


@click.command("demo-data")
@with_appcontext
def demo_data():
    """Save the demo local area's settings, if no settings are saved yet."""
    from .services.area import ensure_saved

    row = ensure_saved()
    click.echo(f"Local area: {row.name}{' (demo)' if row.is_demo else ''}")


@click.command("create-staff")
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.option("--role", default="administrator", show_default=True)
@click.password_option()
@with_appcontext
def create_staff_command(email, name, role, password):
    """Create a staff account (the first administrator, for example)."""
    from .services.staff import StaffError, create_staff

    try:
        member = create_staff(email, name, password, role)
    except StaffError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created {member.role} {member.email}.")


def init_app(app):
    commands = (build_assets, build_audio, translate, purge_drafts, demo_data, create_staff_command)
    for command in commands:
        app.cli.add_command(command)
