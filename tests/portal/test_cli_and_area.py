from argon2 import PasswordHasher
from sqlalchemy import select

from portal import assets
from portal.cli import ROOT
from portal.models import AreaSettings, StaffMember
from portal.services.area import SETTINGS_ID


def run(app, *args, **kwargs):
    return app.test_cli_runner().invoke(args=list(args), **kwargs)


def test_create_staff_makes_an_administrator_with_an_argon2_hash(app, db_session):
    result = run(
        app,
        "create-staff",
        "--email",
        "Lead@Example.org",
        "--name",
        "Lead",
        input="correct horse battery\ncorrect horse battery\n",
    )
    assert result.exit_code == 0, result.output
    with app.app_context():
        member = db_session.scalar(
            select(StaffMember).where(StaffMember.email == "lead@example.org")
        )
        assert member.role == "administrator"
        assert member.password_hash.startswith("$argon2")
        assert PasswordHasher().verify(member.password_hash, "correct horse battery")
    again = run(
        app,
        "create-staff",
        "--email",
        "lead@example.org",
        "--name",
        "Lead",
        input="correct horse battery\ncorrect horse battery\n",
    )
    assert again.exit_code != 0 and "already exists" in again.output


def test_create_staff_refuses_a_short_password_and_an_unknown_role(app, db_session):
    short = run(
        app, "create-staff", "--email", "a@example.org", "--name", "A", input="short\nshort\n"
    )
    assert short.exit_code != 0 and "8 characters" in short.output
    role = run(
        app,
        "create-staff",
        "--email",
        "b@example.org",
        "--name",
        "B",
        "--role",
        "overlord",
        input="long enough pw\nlong enough pw\n",
    )
    assert role.exit_code != 0 and "Role must be one of" in role.output


def test_demo_data_saves_the_area_once(app, db_session):
    assert run(app, "demo-data").exit_code == 0
    assert run(app, "demo-data").exit_code == 0
    with app.app_context():
        rows = db_session.scalars(select(AreaSettings)).all()
    assert [row.name for row in rows] == ["Test area"]


def test_pages_use_the_saved_settings_and_show_a_local_crisis_line(app, client, db_session):
    with app.app_context():
        db_session.add(
            AreaSettings(
                id=SETTINGS_ID,
                **{
                    **app.config["AREA_DEFAULTS"],
                    "name": "Northfield",
                    "crisis_line_name": "Northfield crisis line",
                    "crisis_line_phone": "0800 123 4567",
                    "crisis_line_hours": "24 hours a day",
                    "is_demo": False,
                },
            )
        )
        db_session.commit()
    page = client.get("/")
    assert "Northfield" in page.soup.h1.get_text()
    crisis = page.soup.select_one("a[href='tel:08001234567']")
    assert crisis and crisis.get_text() == "0800 123 4567"
    assert "Northfield crisis line" in page.soup.get_text()
    assert not page.soup.select_one(".portal-demo-banner"), "no demo notice for a real area"


def test_demo_area_says_it_is_a_demonstration(client, db_session):
    banner = client.get("/").soup.select_one(".portal-demo-banner")
    assert "test version" in banner.get_text()


def test_asset_build_copies_frontend_without_outside_fonts(tmp_path):
    files = assets.build(ROOT, tmp_path / "dist")
    assert assets.NHS_CSS in files and assets.NHS_JS in files
    assert "images/favicon.svg" in files
    css = (tmp_path / "dist" / assets.NHS_CSS).read_text()
    assert "@font-face" not in css and "assets.nhs.uk" not in css
    assert "/assets/images/" in css
