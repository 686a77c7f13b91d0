"""Which HTTP client and which link extractor the crawler should use, by measurement.

    .venv/bin/python bench/bench_http_clients.py [--requests 2000] [--concurrency 32]

Serves NPF-like pages from a separate process on 127.0.0.1 (so the server does not share
the client's interpreter), then fetches them with aiohttp and with httpx (if installed),
and extracts links from the same pages with selectolax (lexbor) and lxml. Prints pages per
second and client CPU seconds; the conclusion is recorded in engine/crawl/fetcher.py.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import time


def npf_like_page(n: int, links: int = 250) -> str:
    menu = "".join(
        f'<li><a href="/site/page/{i:08x}-aaaa-bbbb-cccc/পাতা-{i}">মেনু {i}</a></li>'
        for i in range(links)
    )
    body = "<p>" + "তথ্য বাতায়ন " * 400 + "</p>"
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>পাতা</title></head><body>"
        f"<ul class='meganizr'>{menu}</ul><div id='left-content'>{body}"
        f"<a href='site/photogallery/{n}/ছবি'>ছবি</a></div></body></html>"
    )


def _serve(port: int) -> None:
    from aiohttp import web

    pages = {n: npf_like_page(n).encode() for n in range(50)}

    async def page(request):
        n = int(request.match_info["n"]) % 50
        return web.Response(body=pages[n], content_type="text/html", charset="utf-8")

    app = web.Application()
    app.router.add_get("/p/{n}", page)
    web.run_app(app, host="127.0.0.1", port=port, print=None, handle_signals=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def with_aiohttp(urls: list[str], concurrency: int) -> int:
    import aiohttp

    gate = asyncio.Semaphore(concurrency)
    size = 0
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one(url: str) -> None:
            nonlocal size
            async with gate, session.get(url) as resp:
                size += len((await resp.read()).decode("utf-8"))

        await asyncio.gather(*(one(u) for u in urls))
    return size


async def with_httpx(urls: list[str], concurrency: int) -> int:
    import httpx

    gate = asyncio.Semaphore(concurrency)
    size = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits, trust_env=False) as client:

        async def one(url: str) -> None:
            nonlocal size
            async with gate:
                resp = await client.get(url)
                size += len(resp.text)

        await asyncio.gather(*(one(u) for u in urls))
    return size


def measure(name: str, func, urls: list[str], concurrency: int) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    asyncio.run(func(urls, concurrency))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"{name:10s} {len(urls) / wall:8.0f} pages/s   client CPU {cpu:5.2f} s")


def extract_selectolax(html: str) -> int:
    from selectolax.lexbor import LexborHTMLParser

    return sum(1 for a in LexborHTMLParser(html).css("a[href]") if a.attributes.get("href"))


def extract_lxml(html: str) -> int:
    import lxml.html

    return len(lxml.html.fromstring(html).xpath("//a/@href"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--parse", type=int, default=1000, help="pages parsed per extractor")
    args = parser.parse_args()

    port = free_port()
    server = multiprocessing.Process(target=_serve, args=(port,), daemon=True)
    server.start()
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    urls = [f"http://127.0.0.1:{port}/p/{n}" for n in range(args.requests)]
    print(
        f"HTTP: {args.requests} pages of {len(npf_like_page(0).encode()) // 1024} KB, "
        f"{args.concurrency} in flight"
    )
    try:
        measure("aiohttp", with_aiohttp, urls, args.concurrency)
        try:
            import httpx  # noqa: F401
        except ImportError:
            print("httpx      not installed (pip install httpx to compare)")
        else:
            measure("httpx", with_httpx, urls, args.concurrency)
    finally:
        server.terminate()
        server.join()

    pages = [npf_like_page(n) for n in range(20)]
    print(f"Links: {args.parse} pages with {extract_selectolax(pages[0])} links each")
    for name, extract in (("selectolax", extract_selectolax), ("lxml", extract_lxml)):
        assert extract(pages[0]) == extract_selectolax(pages[0])
        start = time.process_time()  # CPU time: other load on the machine does not count
        for i in range(args.parse):
            extract(pages[i % 20])
        elapsed = time.process_time() - start
        print(f"{name:10s} {args.parse / elapsed:8.0f} pages per CPU-second")


if __name__ == "__main__":
    main()
