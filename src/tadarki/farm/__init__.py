"""The fixture farm: NPF-like portals with declared defects, served on loopback.

    from tadarki.farm.generate import build_farm
    from tadarki.farm.server import FarmServer
    from tadarki.farm.proxy import LoopbackProxy

    farm = build_farm(portals=18, pages=60, seed=1)     # deterministic
    with FarmServer(farm) as server, LoopbackProxy(server) as proxy:
        # HTTP_PROXY=proxy.url; audit farm.targets(); compare with farm.truth()
        farm.fix("passport.lakshmipur.gov.bd", "notice.stale")
        farm.inject("passport.dhaka.gov.bd", "charter.missing")
        farm.set_page_down(host, path, "503")           # or "reset"; None restores

Modules: `catalogue` (names and labels), `generate` (structure, defects, ground truth),
`markup` + `theme_npf` + `theme_g3` (HTML of G1/G2/G3), `server` (one aiohttp server for
every host), `proxy` (loopback-only forward proxy), `truth` (precision/recall against an
audit). Plain Python: nothing here imports Django.
"""
