"""box.empty-link and eservice.none (npf-structure.md §4–5)."""

from __future__ import annotations

from tadarki.bangla.text import match_key
from tadarki.engine.npf.urls import is_placeholder_href, is_site_root
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context, real_target, subject_path
from tadarki.engine.rules.messages import message

# Choice: a G1/G2 home page without any internal e-services block is eservice.none (the
# theme always has one); on G3 (markup only [reported]) an absent block is not a claim.


def check(ctx: Context) -> list[Finding]:
    if ctx.home is None:
        return []
    return _empty_box_links(ctx) + _eservices(ctx)


def _empty_box_links(ctx: Context) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    home = ctx.home
    assert home is not None
    roots = {ctx.home_url, ctx.site.root_url} - {""}
    for box in home.boxes:
        for item in box.items:
            empty = is_placeholder_href(item.href)
            to_root = not empty and any(is_site_root(item.url, root) for root in roots)
            if not (empty or to_root):
                continue
            subject = subject_path([box.title, item.label])
            if subject in seen:
                continue
            seen.add(subject)
            findings.append(
                ctx.finding(
                    "box.empty-link",
                    subject=subject,
                    url=home.url,
                    evidence=item.evidence,
                    message_bn=message("box.empty-link", box=box.title, item=item.label or "নামহীন"),
                )
            )
    return findings


def _eservices(ctx: Context) -> list[Finding]:
    home = ctx.home
    if home is None or not ctx.is_real_home:
        return []
    blocks = [b for b in home.blocks if b.kind == "internal-eservices"]
    groups = []
    for item in home.menu:
        label = match_key(item.label)
        if "ই-সেবা" in label and ("অভ্যন্তরীণ" in label or "আভ্যন্তরীণ" in label):
            groups.append([leaf.link for col in item.columns for leaf in col.leaves])
        for column in item.columns:
            heading = match_key(column.heading)
            if "ই-সেবা" in heading and ("অভ্যন্তরীণ" in heading or "আভ্যন্তরীণ" in heading):
                groups.append([leaf.link for leaf in column.leaves])
    if any(any(real_target(link) for link in block.items) for block in blocks):
        return []
    if any(any(real_target(link) for link in group) for group in groups):
        return []
    if not blocks and not groups and home.template not in ("G1", "G2"):
        return []
    evidence = blocks[0].evidence if blocks else ""
    return [
        ctx.finding(
            "eservice.none",
            url=home.url,
            evidence=evidence,
            message_bn=message("eservice.none"),
        )
    ]
