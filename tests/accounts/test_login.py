import pytest

from tadarki.accounts.models import User


@pytest.mark.django_db
def test_login_page_is_bengali_and_signs_in(client):
    User.objects.create_user("ict", password="pw-123456")
    page = client.get("/accounts/login/")
    assert page.status_code == 200 and "ব্যবহারকারীর নাম" in page.content.decode()
    response = client.post("/accounts/login/", {"username": "ict", "password": "pw-123456"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_wrong_password_shows_a_message(client):
    User.objects.create_user("ict", password="pw-123456")
    body = client.post("/accounts/login/", {"username": "ict", "password": "no"}).content.decode()
    assert "মেলেনি" in body


@pytest.mark.django_db
def test_logout_is_post_only(client):
    client.force_login(User.objects.create_user("ict", password="pw-123456"))
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302  # signed out: back to the login page


@pytest.mark.django_db
def test_home_needs_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
