"""Every rule of rules.md: identifier → default severity, family, Bengali title."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleInfo:
    id: str
    severity: str
    family: str
    title_bn: str


def _rules(*rows: tuple[str, str, str, str]) -> dict[str, RuleInfo]:
    return {row[0]: RuleInfo(*row) for row in rows}


RULES: dict[str, RuleInfo] = _rules(
    ("portal.unreachable", "critical", "portal", "তথ্য বাতায়নে প্রবেশ করা যায় না"),
    ("portal.missing", "major", "portal", "তথ্য বাতায়ন নেই"),
    ("portal.insecure", "minor", "portal", "নিরাপদ (HTTPS) সংযোগ নেই"),
    ("portal.blocked", "info", "portal", "বট চ্যালেঞ্জ/ফায়ারওয়ালের কারণে যাচাই করা যায়নি"),
    ("menu.empty-submenu", "major", "menus", "প্রধান মেনুর সাবমেনু ফাঁকা"),
    ("page.empty", "major", "menus", "পাতায় কোনো তথ্য নেই"),
    ("link.broken", "major", "links", "অকার্যকর লিংক"),
    ("box.empty-link", "minor", "boxes", "সেবা বক্সের লিংক ফাঁকা"),
    ("eservice.none", "major", "boxes", "আভ্যন্তরীণ ই-সেবার কোনো লিংক নেই"),
    ("charter.missing", "critical", "charter", "সেবা প্রদান প্রতিশ্রুতি প্রকাশ করা নেই"),
    ("charter.pdf-only", "major", "charter", "সেবা প্রদান প্রতিশ্রুতি কেবল পিডিএফ/ছবি আকারে"),
    ("charter.incomplete", "major", "charter", "সেবা প্রদান প্রতিশ্রুতি পূর্ণাঙ্গ নয়"),
    (
        "charter.grs-contact-missing",
        "major",
        "charter",
        "সেবা প্রদান প্রতিশ্রুতিতে অনিক ও আপিল কর্মকর্তার যোগাযোগ নেই",
    ),
    (
        "charter.template-unfilled",
        "major",
        "charter",
        "সেবা প্রদান প্রতিশ্রুতিতে টেমপ্লেটের ফাঁকা ঘর",
    ),
    ("grs.focal-missing", "major", "officers", "অনিকের তথ্য নেই"),
    ("grs.alternate-missing", "minor", "officers", "বিকল্প অনিকের তথ্য নেই"),
    ("grs.appeal-missing", "major", "officers", "অভিযোগ প্রতিকারের আপিল কর্মকর্তার তথ্য নেই"),
    ("rti.designated-missing", "major", "officers", "তথ্য অধিকারের দায়িত্বপ্রাপ্ত কর্মকর্তার তথ্য নেই"),
    (
        "rti.alternate-missing",
        "minor",
        "officers",
        "তথ্য অধিকারের বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তার তথ্য নেই",
    ),
    ("rti.appeal-missing", "major", "officers", "তথ্য অধিকারের আপীল কর্তৃপক্ষের তথ্য নেই"),
    (
        "rti.same-person",
        "minor",
        "officers",
        "দায়িত্বপ্রাপ্ত ও বিকল্প দায়িত্বপ্রাপ্ত কর্মকর্তা একই ব্যক্তি",
    ),
    ("nis.focal-missing", "minor", "officers", "শুদ্ধাচার ফোকাল পয়েন্টের তথ্য নেই"),
    ("nis.alternate-missing", "minor", "officers", "শুদ্ধাচার বিকল্প ফোকাল পয়েন্টের তথ্য নেই"),
    ("officers.list-missing", "major", "officers", "কর্মকর্তার তালিকা নেই"),
    ("officers.not-in-list", "minor", "officers", "কর্মকর্তার তালিকায় নাম নেই"),
    ("contact.personal-email", "minor", "officers", "দাপ্তরিক ই-মেইলের বদলে ব্যক্তিগত ই-মেইল"),
    ("notice.empty", "major", "notices", "নোটিশ বোর্ড ফাঁকা"),
    ("notice.stale", "minor", "notices", "নোটিশ বোর্ড হালনাগাদ নয়"),
    ("news.empty", "minor", "notices", "খবর অংশ ফাঁকা"),
    ("content.junk", "minor", "content", "পাতায় অনাকাঙ্ক্ষিত চিহ্ন"),
    ("content.stale", "info", "content", "তথ্য বাতায়ন দীর্ঘদিন হালনাগাদ হয়নি"),
    ("stats.missing", "major", "stats", "অধিদপ্তরের নির্ধারিত পরিসংখ্যান প্রকাশ করা নেই"),
    ("stats.stale", "major", "stats", "অধিদপ্তরের নির্ধারিত পরিসংখ্যান হালনাগাদ নয়"),
    ("innovation.missing", "minor", "innovation", "ইনোভেশন কর্নারে কোনো উদ্যোগ নেই"),
)
