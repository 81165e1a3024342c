import pytest

PAGES = ["/", "/accessibility", "/privacy", "/contact", "/credits"]
BUILT = [
    "/ask-to-join-the-register",
    "/ask-for-a-review",
    "/my-review-planner",
    "/my-request",
    "/feedback",
    "/about/",
]


@pytest.mark.parametrize("path", PAGES + BUILT)
def test_public_pages_render_with_the_layout(client, path):
    page = client.get(path)
    assert page.status_code == 200
    soup = page.soup
    assert soup.select_one("a.nhsuk-skip-link[href='#maincontent']")
    assert soup.select_one("main#maincontent")
    assert soup.select_one("header.nhsuk-header")
    assert soup.select_one("nav.portal-language")
    footer_links = {a.get_text(strip=True) for a in soup.select("footer a")}
    assert {
        "Accessibility statement",
        "Privacy notice",
        "Contact us",
        "Picture credits and licences",
    } <= footer_links
    crisis = soup.find(string=lambda s: s and "Need help now?" in s)
    assert crisis, "every public page shows where to get help in a crisis"
    assert soup.select_one("a[href='tel:999']") and soup.select_one("a[href='tel:111']")


def test_start_page_names_the_area_and_offers_every_way_in(client):
    soup = client.get("/").soup
    assert "Test area" in soup.h1.get_text()
    labels = [label.get_text(strip=True) for label in soup.select(".nhsuk-radios__label")]
    assert labels == [
        "Ask to go on the Dynamic Support Register",
        "Ask for a Care and Treatment Review",
        "Fill in my review planner",
        "Check my request or change my consent",
        "Tell us what a review was like",
        "Read about the register and reviews",
    ]
    # The crisis panel is near the top, before the question.
    text = soup.main.get_text(" ")
    assert text.index("Need help now?") < text.index("What do you want to do?")


@pytest.mark.parametrize(
    ("goal", "path"),
    [
        ("register", "/ask-to-join-the-register"),
        ("review", "/ask-for-a-review"),
        ("planner", "/my-review-planner"),
        ("request", "/my-request"),
        ("feedback", "/feedback"),
        ("about", "/about/"),
    ],
)
def test_start_sends_each_choice_to_its_place(client, goal, path):
    response = client.submit("/", {"goal": goal})
    assert response.status_code == 303
    assert response.headers["Location"] == path


def test_read_about_it_leads_to_the_explanations(client):
    assert (
        client.get("/about/").soup.h1.get_text(strip=True) == "The register and reviews explained"
    )


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({}, "Select what you want to do"),
        ({"goal": ""}, "Select what you want to do"),
        ({"goal": "hack"}, "Select one of the options shown"),
        ({"goal": "<script>x</script>"}, "Select one of the options shown"),
    ],
)
def test_start_without_a_choice_explains_and_returns_400(client, bad, message):
    response = client.submit("/", bad)
    assert response.status_code == 400
    soup = response.soup
    assert soup.title.get_text().startswith("Error: ")
    summary = soup.select_one(".nhsuk-error-summary")
    assert message in summary.get_text()
    link = summary.select_one("a")
    assert link["href"] == "#goal"
    assert soup.select_one("#goal"), "the summary links to the first radio"
    assert message in soup.select_one(".nhsuk-error-message").get_text()
    assert "<script>x</script>" not in response.get_data(as_text=True)


def test_post_without_csrf_token_keeps_the_answer_to_send_again(client):
    response = client.post("/", data={"goal": "review"})
    assert response.status_code == 400
    soup = response.soup
    assert soup.h1.get_text(strip=True) == "Please send your answers again"
    kept = soup.select_one("input[name='goal']")
    assert kept["value"] == "review"
    token = soup.select_one("input[name='csrf_token']")["value"]
    again = client.post("/", data={"goal": "review", "csrf_token": token})
    assert again.status_code == 303
    assert again.headers["Location"] == "/ask-for-a-review"


def test_unknown_page_is_a_plain_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.soup.h1.get_text(strip=True) == "Page not found"


def test_server_error_page_leaks_nothing(client, caplog, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("secret detail: Jane Doe 943 476 5919")

    monkeypatch.setattr("portal.public.views.render_template", boom)
    response = client.get("/contact")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "secret detail" not in body and "Traceback" not in body
    assert "Jane Doe" not in caplog.text
    assert "RuntimeError" in caplog.text
