import pytest


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    # PBKDF2's million rounds cost a second a user on a busy CI machine; tests need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
