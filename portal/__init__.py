"""The portal's application factory."""

from pathlib import Path

import jinja2
from flask import Flask

from .config import CONFIGS, persistent_secret_key


def create_app(config=None):
    app = Flask(__name__, instance_relative_config=True)
    # Must be set before anything touches app.jinja_env (Flask-Babel does), or it is ignored.
    app.jinja_options = {
        **app.jinja_options,
        "undefined": jinja2.ChainableUndefined,
        "loader": jinja2.ChoiceLoader(
            [
                app.create_global_jinja_loader(),  # the app's and blueprints' templates
                jinja2.PackageLoader("nhsuk_frontend_jinja"),
            ]
        ),
    }
    configure(app, config)

    from . import assets, cli, errors, i18n, security, sqlite, templating
    from .extensions import csrf, db, login_manager, migrate

    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        sqlite.install_once(app.config["SQLITE_BUSY_TIMEOUT_MS"])
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(app.root_path).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    login_manager.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    assets.init_app(app)
    cli.init_app(app)

    from admin import bp as admin_bp

    from . import easyread
    from .planner import bp as planner_bp
    from .public import bp as public_bp
    from .public import status
    from .public.feedback import bp as feedback_bp
    from .public.referral import bp as referral_bp
    from .public.referral import wording
    from .public.review import bp as review_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(referral_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(status.bp)
    app.register_blueprint(planner_bp)
    app.register_blueprint(feedback_bp)
    wording.init_app(app)
    easyread.init_app(app)
    app.register_blueprint(admin_bp)
    return app


def configure(app, config):
    if config is None or isinstance(config, str):
        config_class = CONFIGS[config or "default"]
        if hasattr(config_class, "check"):
            config_class.check()
        app.config.from_object(config_class)
    else:
        app.config.from_object(config)
    if not app.config.get("SQLALCHEMY_DATABASE_URI"):
        Path(app.instance_path).mkdir(parents=True, exist_ok=True)
        app.config["SQLALCHEMY_DATABASE_URI"] = (
            f"sqlite:///{Path(app.instance_path) / 'portal.sqlite3'}"
        )
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = persistent_secret_key(app.instance_path)
    # Postgres URLs from hosting platforms say postgres://; SQLAlchemy wants a driver name.
    uri = app.config["SQLALCHEMY_DATABASE_URI"]
    for prefix in ("postgres://", "postgresql://"):
        if uri.startswith(prefix):
            app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://" + uri[len(prefix) :]
