"""Fixtures shared by every test folder."""

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.getenv("TADARKI_SHARED_DIR", REPO.parent / "shared"))
CHROMIUM = os.getenv("TADARKI_CHROMIUM", "/usr/bin/chromium")

# Live-server tests run the ORM from Playwright's thread pool; Django must allow it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# Live servers must not pick up rounds in the background while a test runs.
os.environ["TADARKI_RESUME_ON_START"] = "0"


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Real hashers cost about a second per user on this machine; tests need no strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that read it skip cleanly where it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (headless, no sandbox: CI runs as root).

    Module-scoped: sync Playwright keeps an event loop running while it is open, which
    would break every later test that calls asyncio.run().
    """
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="bn-BD")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
