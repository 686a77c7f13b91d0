"""Retries with back-off for transient failures only; 404 is final; 429 honours Retry-After."""

import asyncio

from aiohttp import web
from tests.engine.hostile.servers import SEEN, Seen, counting, fast_config, serve

from tadarki.engine.crawl.fetcher import Fetcher


def app_answering(statuses: list[int], headers: dict | None = None):
    seen = Seen()
    app = web.Application(middlewares=[counting(seen)])
    app[SEEN] = seen
    answers = iter(statuses)

    async def handler(request):
        status = next(answers, 200)
        return web.Response(
            status=status,
            text="<p>x</p>",
            content_type="text/html",
            headers=headers if status != 200 else None,
        )

    app.router.add_get("/", handler)
    return app


def fetch(app, **crawl):
    async def run():
        async with serve(app) as url, Fetcher(fast_config(**crawl)) as fetcher:
            return (await fetcher.fetch(url)).page

    return asyncio.run(run())


def test_503_then_200_is_retried_and_succeeds():
    app = app_answering([503, 502])
    page = fetch(app, retries=2)
    assert page.status == 200
    assert app[SEEN].paths["/"] == 3


def test_404_is_not_retried():
    app = app_answering([404])
    page = fetch(app, retries=3)
    assert page.status == 404
    assert app[SEEN].paths["/"] == 1


def test_retries_stop_at_the_configured_count():
    app = app_answering([504] * 10)
    page = fetch(app, retries=2)
    assert page.status == 504
    assert app[SEEN].paths["/"] == 3


def test_429_with_short_retry_after_is_retried():
    app = app_answering([429], {"Retry-After": "0"})
    page = fetch(app, retries=1)
    assert page.status == 200
    assert app[SEEN].paths["/"] == 2


def test_429_asking_longer_than_the_cap_is_not_waited_for():
    app = app_answering([429], {"Retry-After": "3600"})
    page = fetch(app, retries=3, retry_after_max=5)
    assert page.status == 429
    assert app[SEEN].paths["/"] == 1
