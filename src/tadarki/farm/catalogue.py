"""Names, labels and host patterns the farm draws from (all NFC, Bengali first).

Kept apart from the generator so that the generator reads as structure, not data.
"""

from __future__ import annotations

from tadarki.bangla.calendar import GREGORIAN_MONTHS_BN, WEEKDAYS_BN

# Department key → (Bengali name, host prefix, office name pattern, statistic key or "").
DEPARTMENTS: dict[str, tuple[str, str, str, str]] = {
    "passport": (
        "বহিরাগমন ও পাসপোর্ট অধিদপ্তর",
        "passport",
        "আঞ্চলিক পাসপোর্ট অফিস, {district}",
        "undelivered-passports",
    ),
    "dnc": (
        "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর",
        "dnc",
        "মাদকদ্রব্য নিয়ন্ত্রণ অধিদপ্তর, জেলা কার্যালয়, {district}",
        "monthly-seizures-cases",
    ),
    "fire": (
        "ফায়ার সার্ভিস ও সিভিল ডিফেন্স অধিদপ্তর",
        "fireservice",
        "ফায়ার সার্ভিস ও সিভিল ডিফেন্স, {district}",
        "",
    ),
    "prison": ("কারা অধিদপ্তর", "prison", "জেলা কারাগার, {district}", ""),
}

# (ASCII host label, Bengali name)
DISTRICTS: list[tuple[str, str]] = [
    ("lakshmipur", "লক্ষ্মীপুর"),
    ("manikganj", "মানিকগঞ্জ"),
    ("sherpur", "শেরপুর"),
    ("dhaka", "ঢাকা"),
    ("gazipur", "গাজীপুর"),
    ("chuadanga", "চুয়াডাঙ্গা"),
    ("noakhali", "নোয়াখালী"),
    ("netrokona", "নেত্রকোণা"),
    ("jashore", "যশোর"),
    ("khulna", "খুলনা"),
    ("rajshahi", "রাজশাহী"),
    ("sylhet", "সিলেট"),
    ("barishal", "বরিশাল"),
    ("rangpur", "রংপুর"),
    ("mymensingh", "ময়মনসিংহ"),
    ("cumilla", "কুমিল্লা"),
    ("bogura", "বগুড়া"),
    ("pabna", "পাবনা"),
    ("tangail", "টাঙ্গাইল"),
    ("faridpur", "ফরিদপুর"),
]

FIRST_NAMES = [
    "মোঃ আব্দুল",
    "মোঃ রফিকুল",
    "নাসরিন",
    "মোছাঃ শাহনাজ",
    "মোঃ কামরুল",
    "ফারজানা",
    "মোঃ জাহিদুল",
    "সুমাইয়া",
    "মোঃ মাহবুবুর",
    "তাহমিনা",
    "মোঃ শফিকুল",
    "রাশেদা",
    "মোঃ হাবিবুর",
    "শারমিন",
    "মোঃ আনিসুর",
    "দিলরুবা",
]
LAST_NAMES = [
    "করিম",
    "ইসলাম",
    "আক্তার",
    "বেগম",
    "হাসান",
    "রহমান",
    "হোসেন",
    "সুলতানা",
    "আলম",
    "চৌধুরী",
    "খাতুন",
    "মিয়া",
    "সরকার",
    "পারভীন",
]
LATIN_NAMES = ["karim", "rafiq", "nasrin", "shahnaz", "kamrul", "farzana", "zahid", "sumaiya"]
DESIGNATIONS = [
    "উপপরিচালক",
    "সহকারী পরিচালক",
    "উপসহকারী পরিচালক",
    "প্রশাসনিক কর্মকর্তা",
    "হিসাবরক্ষক",
    "অফিস সহকারী কাম কম্পিউটার অপারেটর",
    "পরিদর্শক",
    "উচ্চমান সহকারী",
]

# Ordinary menu groups: top item → columns of (heading, leaves). "" heading is the
# normal empty <h6></h6> of the theme.
MENU_GROUPS: list[tuple[str, list[tuple[str, list[str]]]]] = [
    (
        "আমাদের সম্পর্কে",
        [
            ("", ["ইতিহাস", "ভিশন ও মিশন", "অর্গানোগ্রাম"]),
            ("কার্যাবলি", ["প্রধান কার্যাবলি", "বার্ষিক প্রতিবেদন", "সাফল্য ও অর্জন"]),
        ],
    ),
    (
        "আমাদের সেবাসমূহ",
        [
            ("নাগরিক সেবা", ["সেবার তালিকা", "সেবা প্রাপ্তির পদ্ধতি", "সেবার মূল্য"]),
            ("", ["প্রাতিষ্ঠানিক সেবা", "অভ্যন্তরীণ সেবা"]),
        ],
    ),
    (
        "আইন ও বিধি",
        [("", ["আইন", "বিধিমালা", "নীতিমালা", "পরিপত্র"])],
    ),
    (
        "প্রকল্প ও কার্যক্রম",
        [
            ("চলমান প্রকল্প", ["প্রকল্পের তালিকা", "প্রকল্পের অগ্রগতি"]),
            ("প্রশিক্ষণ", ["প্রশিক্ষণ কর্মসূচি", "প্রশিক্ষণ ক্যালেন্ডার"]),
        ],
    ),
    (
        "যোগাযোগ",
        [("", ["অফিসের ঠিকানা", "জরুরি যোগাযোগ", "কক্ষ নির্দেশিকা"])],
    ),
]

BOX_GROUPS: list[tuple[str, list[str]]] = [
    ("জরুরি যোগাযোগ", ["নিয়ন্ত্রণ কক্ষ", "হটলাইন", "অফিসের ফোন নম্বর", "জরুরি সেবা"]),
    ("সেবা সংক্রান্ত তথ্য", ["সেবা সহজীকরণ", "সেবা প্রক্রিয়া", "সেবার ফি", "আবেদন ফরম"]),
    ("প্রশাসন", ["অফিস আদেশ", "বদলি ও পদায়ন", "ছুটির আদেশ", "বিবিধ"]),
    ("চলমান কার্যক্রম", ["মহড়া", "জরিপ ও জনসংযোগ", "বিভাগীয় কার্যক্রম", "বিশেষ অর্জন"]),
]

NOTICE_TITLES = [
    "অফিস আদেশ",
    "দরপত্র বিজ্ঞপ্তি",
    "নিয়োগ বিজ্ঞপ্তি",
    "সভার নোটিশ",
    "ছুটি মঞ্জুরী আদেশ",
    "প্রশিক্ষণ সংক্রান্ত বিজ্ঞপ্তি",
    "সভার কার্যবিবরণী",
    "জরুরি বিজ্ঞপ্তি",
]
NEWS_TITLES = ["মাসিক সমন্বয় সভা অনুষ্ঠিত", "সচেতনতামূলক কর্মশালা", "বৃক্ষরোপণ কর্মসূচি", "জাতীয় দিবস উদযাপন"]
PARAGRAPHS = [
    "এই কার্যালয় জনগণের দোরগোড়ায় দ্রুত ও স্বচ্ছ সেবা পৌঁছে দিতে অঙ্গীকারবদ্ধ।",
    "সেবা গ্রহীতাগণ নির্ধারিত ফরম পূরণ করে প্রয়োজনীয় কাগজপত্রসহ আবেদন করতে পারবেন।",
    "বিস্তারিত তথ্যের জন্য অফিস চলাকালীন সময়ে যোগাযোগ করার অনুরোধ করা হলো।",
    "ডিজিটাল পদ্ধতিতে সেবা প্রদানের মাধ্যমে সময়, খরচ ও যাতায়াত হ্রাস করা হয়েছে।",
    "কার্যালয়ের সকল কর্মকর্তা ও কর্মচারী শুদ্ধাচার চর্চায় প্রতিশ্রুতিবদ্ধ।",
]
INNOVATION_IDEAS = [
    "অনলাইনে আবেদনের অবস্থা জানার ব্যবস্থা",
    "এসএমএসের মাধ্যমে সেবা প্রাপ্তির তথ্য প্রদান",
    "হেল্পডেস্কে সেবা গ্রহীতাদের জন্য টোকেন ব্যবস্থা",
]
# Date names come from the calendar module so the farm writes exactly what the parser reads.
BENGALI_MONTHS = GREGORIAN_MONTHS_BN
BENGALI_WEEKDAYS = WEEKDAYS_BN

# Junk the committee calls অনাকাঙ্ক্ষিত চিহ্ন (npf-structure.md §12): legacy-font Bengali,
# the replacement character, escaped markup shown as text.
JUNK_TEXT = {
    "bijoy": "mnKvix mwPe| †gvt Av‡bvqvi †nv‡mb",
    "fffd": "সেবা প্রদান \ufffd\ufffd\ufffd প্রতিশ্রুতি",
    "escaped": "কার্যালয়ের তথ্য<\\/span>\\r\\n",
}

# Off-host targets every farm page may link to; the farm answers them with 200 so that a
# clean portal has no broken link (the auditor checks off-host links).
FRIENDLY_HOSTS = [
    "www.grs.gov.bd",
    "www.mygov.bd",
    "www.cabinet.gov.bd",
    "a2i.gov.bd",
    "bangladesh.gov.bd",
    "objectstorage.ap-dcc-gazipur-1.oraclecloud15.com",
]
# Off-host targets that fail: the link.broken off-host defect points here.
DEAD_HOSTS = {"old-portal.gov.bd": 404, "legacy-server.gov.bd": 500}
