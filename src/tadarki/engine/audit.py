"""Audit portals: crawl (engine.crawl), read and judge (engine.rules), score (engine.result).

Public entry points (used by the CLI and by the Django audits app):

    async def audit_portal(target: Target, config: AuditConfig | None = None, *,
                           politeness=None, cache=None, progress=None,
                           keep_bodies: bool = False) -> PortalResult
    async def audit_many(targets, config=None, *, politeness=None, cache=None,
                         progress=None) -> AuditResult

To be implemented by the crawler work (issue 5).
"""
