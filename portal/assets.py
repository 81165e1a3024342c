"""NHS.UK frontend assets: copied from node_modules at setup, served at /assets.

Its stylesheet refers to /assets/images/..., so the assets live at that path. Its web fonts
load from an NHS host; those rules are dropped so the portal asks no other host for anything
and the font stack falls back to Arial, Helvetica, sans-serif.

Urdu needs a font that shapes Nastaliq, which phones and computers often lack: Noto
Nastaliq Urdu comes from Debian's fonts-noto-core (installed by scripts/run, and used by
the PDFs too), served from here as WOFF2.
"""

import re
import shutil
from pathlib import Path

from flask import Blueprint, current_app, send_from_directory

VERSION = "10.6.1"
NHS_CSS = f"nhsuk-frontend-{VERSION}.min.css"
NHS_JS = f"nhsuk-frontend-{VERSION}.min.js"
FONT_FACE = re.compile(r"@font-face\{[^}]*https?://[^}]*\}")
FONT_DIRS = ("/usr/share/fonts/truetype/noto", "/usr/share/fonts/opentype/noto")
# Served fonts: the file the portal serves, and the system font it is made from.
FONTS = {
    "fonts/noto-nastaliq-urdu-regular.woff2": "NotoNastaliqUrdu-Regular.ttf",
    "fonts/noto-nastaliq-urdu-bold.woff2": "NotoNastaliqUrdu-Bold.ttf",
}

bp = Blueprint("assets", __name__)


def dist_dir():
    return Path(current_app.static_folder) / "dist"


@bp.route("/assets/<path:filename>")
def file(filename):
    # Versioned file names, so they can be cached for a year.
    return send_from_directory(dist_dir(), filename, max_age=31536000)


def build(project_root, target):
    """Copy the built NHS.UK frontend files into target. Returns the files written."""
    source = Path(project_root) / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"
    if not source.is_dir():
        raise FileNotFoundError(f"{source} is missing: run `npm ci` first")
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source / "assets" / "images", target / "images")
    shutil.copy2(source / "assets" / "manifest.json", target / "manifest.json")
    css = FONT_FACE.sub("", (source / NHS_CSS).read_text(encoding="utf-8"))
    css = css.replace(f"/*# sourceMappingURL={NHS_CSS}.map */", "")
    (target / NHS_CSS).write_text(css, encoding="utf-8")
    js = (source / NHS_JS).read_text(encoding="utf-8")
    js = js.replace(f"//# sourceMappingURL={NHS_JS}.map", "")
    (target / NHS_JS).write_text(js, encoding="utf-8")
    build_fonts(target)
    return sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file())


def system_font(name):
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return path
    raise FileNotFoundError(f"{name} is missing: install Debian's fonts-noto-core")


def build_fonts(target):
    from fontTools.ttLib import TTFont

    for served, source in FONTS.items():
        font = TTFont(system_font(source))
        font.flavor = "woff2"
        (target / served).parent.mkdir(parents=True, exist_ok=True)
        font.save(target / served)


def init_app(app):
    app.register_blueprint(bp)
