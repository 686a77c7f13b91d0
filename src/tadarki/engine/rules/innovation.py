"""innovation.missing: no innovation corner content anywhere on the home page (§5.1)."""

from __future__ import annotations

from tadarki.bangla.text import match_key
from tadarki.engine.result import Finding
from tadarki.engine.rules.context import Context, real_target
from tadarki.engine.rules.messages import message

_WORDS = ("ইনোভেশন", "উদ্ভাবন", "innovation")


def _names_innovation(text: str) -> bool:
    key = match_key(text).lower()
    return any(word in key for word in _WORDS)


def check(ctx: Context) -> list[Finding]:
    home = ctx.home
    if home is None or not ctx.is_real_home:
        return []
    # An empty innovation-corner block is fine when innovation content sits elsewhere:
    # a service box (DSHE উদ্ভাবনী কার্যক্রম) or a menu item (fire service ইনোভেশন).
    if any(b.kind == "innovation" and any(real_target(i) for i in b.items) for b in home.blocks):
        return []
    if any(
        _names_innovation(box.title) and any(real_target(i) for i in box.items)
        for box in home.boxes
    ):
        return []
    for item in home.menu:
        if _names_innovation(item.label):
            return []
        for column in item.columns:
            if _names_innovation(column.heading):
                return []
            if any(
                _names_innovation(leaf.label) and real_target(leaf.link) for leaf in column.leaves
            ):
                return []
    block = next((b for b in home.blocks if b.kind == "innovation"), None)
    return [
        ctx.finding(
            "innovation.missing",
            url=home.url,
            evidence=block.evidence if block else "",
            message_bn=message("innovation.missing"),
        )
    ]
