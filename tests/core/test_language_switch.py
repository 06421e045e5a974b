"""Pages are in English by default and in Welsh when the person asks for it."""

import pytest

from tests.core.conftest import one


@pytest.mark.django_db
def test_english_is_the_default(client):
    html = client.get("/no-such-page/").content.decode()

    assert one(html, "html").attrs["lang"] == "en"


@pytest.mark.django_db
def test_a_browser_asking_for_welsh_gets_a_welsh_page(client, welsh_compiled):
    html = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="cy").content.decode()

    assert one(html, "html").attrs["lang"] == "cy"
    assert "Heb ddod o hyd i'r dudalen" in html
    assert "Neidio i&#39;r prif gynnwys" in html or "Neidio i'r prif gynnwys" in html


@pytest.mark.django_db
def test_choosing_cymraeg_in_the_footer_switches_the_following_pages(client, welsh_compiled):
    response = client.post("/i18n/setlang/", {"language": "cy", "next": "/no-such-page/"})

    assert response.status_code == 302
    assert one(client.get("/no-such-page/").content.decode(), "html").attrs["lang"] == "cy"


@pytest.mark.django_db
def test_the_footer_offers_the_other_language_as_a_button_that_posts(client):
    html = client.get("/no-such-page/").content.decode()

    form = one(html, "form", class_="app-language-switch")
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/i18n/setlang/"
    button = one(html, "button", name="language")
    assert button.attrs["value"] == "cy"
    assert button.attrs["lang"] == "cy"
    assert one(html, "input", name="next").attrs["value"] == "/no-such-page/"
