"""What the minutes tests share: the data folder, a minutes file's expected `.json` twin, and
a small made-up minutes whose header, body or back matter one test swaps out.

Imported as `from tests.minutes.minutes_files import ...` (like `tests.audits.farm_env`)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"


def json_twin(path: Path) -> dict:
    """The expected parse that stands beside a minutes file: `x.txt` → `x.json`."""
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))


def minutes(header: str = "", body: str = "", back: str = "") -> str:
    header = header or "সভাপতি\tখলিল আহমেদ যুগ্মসচিব\nসভার তারিখ\t১২ আগস্ট ২০২৫"
    body = body or "১.০ আলোচ্য বিষয়: বিবিধ।\n\n১.০ সিদ্ধান্ত:\n\nক. দ্রুত হালনাগাদ করতে হবে।"
    back = back or "স্মারক নম্বর: ৫৮.০০.০০০০.০১৮.৩১.০০৩.২৫.৮৯\nতারিখ: ২১ আগস্ট ২০২৫"
    return (
        "ওয়েবসাইট মনিটরিং কমিটির ১৭তম সভার কার্যবিবরণী\n\n"
        f"{header}\n\nসভাপতি উপস্থিত সকলকে স্বাগত জানান।\n\n{body}\n\n"
        "সভায় আর কোন আলোচনা না থাকায় সভার সমাপ্তি ঘোষণা করা হয়।\n\n"
        f"খলিল আহমেদ\nযুগ্মসচিব\n\n{back}\n"
    )
