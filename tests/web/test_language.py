import pytest

from tadarki.accounts.models import User


@pytest.fixture
def signed_in(client, db):
    client.force_login(User.objects.create_user("u", password="pw-123456"))
    return client


@pytest.mark.django_db
def test_pages_are_bengali_by_default(signed_in):
    body = signed_in.get("/").content.decode()
    assert '<html lang="bn">' in body
    assert "ড্যাশবোর্ড" in body and "নিবন্ধন" in body and "প্রস্থান" in body


@pytest.mark.django_db
def test_switching_to_english_and_back(signed_in):
    response = signed_in.post("/i18n/setlang/", {"language": "en", "next": "/registry/"})
    assert response.status_code == 302 and response["Location"] == "/registry/"
    body = signed_in.get("/").content.decode()
    assert '<html lang="en">' in body and "Dashboard" in body and "ড্যাশবোর্ড" not in body
    signed_in.post("/i18n/setlang/", {"language": "bn", "next": "/"})
    assert "ড্যাশবোর্ড" in signed_in.get("/").content.decode()


@pytest.mark.django_db
def test_bengali_first_middleware_ignores_an_english_browser(signed_in, settings):
    middleware = list(settings.MIDDLEWARE)
    if "tadarki.web.middleware.BengaliFirstMiddleware" not in middleware:
        position = middleware.index("django.middleware.locale.LocaleMiddleware")
        middleware.insert(position, "tadarki.web.middleware.BengaliFirstMiddleware")
        settings.MIDDLEWARE = middleware
    body = signed_in.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "ড্যাশবোর্ড" in body
    signed_in.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert "Dashboard" in signed_in.get("/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
