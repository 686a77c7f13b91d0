"""A deterministic farm of NPF-like portals with declared, switchable defects.

A portal is built from a seed: its menu, service boxes, officers, notices and pages. A
defect is a (rule, subject) pair from rules.md together with the switch in the portal's
structure that makes it visible; `Portal.fix()` turns the switch off and `Portal.inject()`
turns one on, so the farm can play the fix-then-reaudit scenario. Pages are rendered on
request from the structure (see `markup.py`), so a farm of 50 000 pages costs little memory.

Ground truth (`Farm.truth()`) is the set of active defects per host, with subjects written
the way rules.md and fixtures/npf-real/README.md define them.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta

from tadarki.farm import catalogue as cat

SEP = " › "
NO_LABEL = "(no label)"
# How a menu leaf without a target is written: G1/G2 `nolink/<slug>`, `nolink/` with no
# text, `http://`, an empty href; G3 `#`, `nolink/<n>`, an empty href, a label of "-".
PLACEHOLDERS_NPF = ("nolink", "nolink-empty", "http", "empty")
PLACEHOLDERS_G3 = ("hash", "nolink", "empty", "dash")

# Rules whose defects a farm portal can carry (portal.missing is a registry fact).
FARM_RULES = [
    "portal.unreachable",
    "portal.insecure",
    "portal.blocked",
    "menu.empty-submenu",
    "page.empty",
    "link.broken",
    "box.empty-link",
    "eservice.none",
    "charter.missing",
    "charter.pdf-only",
    "charter.incomplete",
    "charter.grs-contact-missing",
    "charter.template-unfilled",
    "grs.focal-missing",
    "grs.alternate-missing",
    "grs.appeal-missing",
    "rti.designated-missing",
    "rti.alternate-missing",
    "rti.appeal-missing",
    "rti.same-person",
    "nis.focal-missing",
    "nis.alternate-missing",
    "officers.list-missing",
    "officers.not-in-list",
    "contact.personal-email",
    "notice.empty",
    "notice.stale",
    "news.empty",
    "content.junk",
    "content.stale",
    "stats.missing",
    "stats.stale",
    "innovation.missing",
]
# Charter parts as charter.incomplete names them (subject "missing part").
CHARTER_PARTS = ["vision-mission", "services", "grievance-redress", "expectations"]


@dataclass(frozen=True)
class Defect:
    rule: str
    subject: str = ""  # "" for rules whose subject is "–"

    def __str__(self) -> str:
        return f"{self.rule} [{self.subject or '–'}]"


@dataclass
class Person:
    name: str
    designation: str
    email: str
    phone: str


@dataclass
class Page:
    path: str
    kind: str  # home, static, notice, news, notice_list, news_list, officer_list, rti, ...
    title: str
    paragraphs: list[str] = field(default_factory=list)
    when: date | None = None  # notices and news
    via: str = ""  # "menu", "box", "list" – how the page is reached


@dataclass
class Leaf:
    label: str
    page: str  # path of the target page ("" for a special leaf resolved at render time)
    special: str = ""  # officers, rti, grs, nis, charter, stats, innovation


@dataclass
class Column:
    heading: str
    leaves: list[Leaf]


@dataclass
class TopItem:
    label: str
    columns: list[Column]


@dataclass
class BoxItem:
    label: str
    target: str  # path or absolute URL
    special: str = ""


@dataclass
class Box:
    title: str
    items: list[BoxItem]
    special: str = ""


@dataclass
class PortalSpec:
    host: str
    generation: str  # G1, G2, G3
    office: str
    department: str  # key of catalogue.DEPARTMENTS
    pages: int = 60
    defects: list[str] = field(default_factory=list)  # rule ids; the portal picks subjects
    kind: str = "normal"  # normal, unreachable (closed port), dns (unknown name), blocked
    traps: bool = False


class Portal:
    """One NPF-like portal: structure, switches and rendering entry point."""

    def __init__(self, spec: PortalSpec, seed: int, today: date):
        self.spec = spec
        self.host = spec.host
        self.generation = spec.generation
        self.office = spec.office
        self.department_key = spec.department
        self.department, self.host_prefix, _, self.stat_key = cat.DEPARTMENTS[spec.department]
        self.today = today
        self.kind = spec.kind
        self.traps = spec.traps
        self.rng = random.Random(f"{seed}:{spec.host}")
        self.switches: dict[Defect, tuple] = {}  # active defect → switch
        self.down: dict[str, str] = {}  # path → how it fails ("503", "reset")
        self.version = 0
        self._active_cache: tuple[int, set[tuple]] | None = None
        self.pages: dict[str, Page] = {}
        self.gallery: Page | None = None
        self.skipped: list[str] = []  # declared rules that found no free place
        if self.kind == "normal":
            self._build()
            for rule in spec.defects:
                try:
                    self.inject(rule)
                except ValueError:  # no room left for this rule here: skipped, not half-applied
                    self.skipped.append(rule)

    # ---- identifiers and paths -------------------------------------------------------

    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _objectid(self) -> str:
        return f"{self.rng.getrandbits(96):024x}"

    def _code(self) -> str:
        alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
        return "".join(self.rng.choice(alphabet) for _ in range(4))

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def _slug(self, label: str) -> str:
        return "-".join(label.replace("/", " ").replace("(", " ").replace(")", " ").split())

    def page_path(self, kind: str, label: str) -> str:
        slug = self._slug(label)
        if self.generation == "G1":
            section = {"notice": "notices", "news": "news", "charter": "office_citizen_charter"}
            return f"/site/{section.get(kind, 'page')}/{self._uuid()}/{slug}"
        if self.generation == "G2":
            section = {"notice": "notices", "news": "news", "charter": "office_citizen_charter"}
            return f"/bn/site/{section.get(kind, 'page')}/{self._code()}-{slug}"
        oid = self._objectid()
        if kind == "notice":
            return f"/pages/notices/{oid}"
        if kind == "news":
            return f"/pages/news/{oid}"
        return f"/pages/static-pages/{slug}-{oid[-6:]}-{oid}"

    def list_path(self, kind: str) -> str:
        g1 = {
            "notice_list": "/site/view/notices",
            "news_list": "/site/view/news",
            "officer_list": "/site/view/officer_list",
            "sitemap": "/site/view/sitemap/সাইট-ম্যাপ",  # linked as ...sitemap//সাইট-ম্যাপ
            "calendar": "/site/view/calendar",
        }
        if self.generation == "G1":
            return g1[kind]
        if self.generation == "G2":
            return "/bn" + g1[kind]
        return {
            "notice_list": "/pages/notices",
            "news_list": "/pages/news",
            "officer_list": "/pages/officers",
            "sitemap": "/views/sitemap",
            "calendar": "/views/calendar",
        }[kind]

    def _add(self, page: Page) -> Page:
        self.pages[page.path] = page
        return page

    # ---- structure ---------------------------------------------------------------------

    def _person(self, used: set[str], designation: str) -> Person:
        while True:
            name = f"{self.rng.choice(cat.FIRST_NAMES)} {self.rng.choice(cat.LAST_NAMES)}"
            if name not in used:
                used.add(name)
                break
        latin = self.rng.choice(cat.LATIN_NAMES)
        district = self.host.split(".")[1]
        email = f"{latin}{len(used)}.{district}@{self.host_prefix}.gov.bd"
        phone = "০১৭" + "".join(self.rng.choice("০১২৩৪৫৬৭৮৯") for _ in range(8))
        return Person(name, designation, email, phone)

    def _paragraphs(self, n: int = 2) -> list[str]:
        return [self.rng.choice(cat.PARAGRAPHS) for _ in range(n)]

    def _build(self) -> None:
        rng = self.rng
        self.objectid = self._objectid()
        self.home = self._add(Page("/", "home", self.office))
        used: set[str] = set()
        self.officers = [self._person(used, "অফিস প্রধান")] + [
            self._person(used, d) for d in cat.DESIGNATIONS[: 5 + rng.randrange(3)]
        ]
        head, deputy, assistant, deputy2, admin = self.officers[:5]
        self.roles: dict[str, Person] = {
            "rti.designated": assistant,
            "rti.alternate": deputy2,
            "rti.appeal": head,
            "grs.focal": deputy,
            "grs.alternate": admin,
            "grs.appeal": head,
            "nis.focal": deputy,
            "nis.alternate": assistant,
        }
        self.outsider = self._person(used, "সহকারী পরিচালক")  # not in the officer list

        # Main menu: ordinary groups (defects go here) plus the compliance group.
        self.menu: list[TopItem] = []
        for label, columns in cat.MENU_GROUPS:
            cols = []
            for heading, leaves in columns:
                cols.append(
                    Column(
                        heading,
                        [Leaf(leaf, self._add_static(leaf, "menu").path) for leaf in leaves],
                    )
                )
            self.menu.append(TopItem(label, cols))
        self.menu[0].columns[0].leaves.append(Leaf("কর্মকর্তাবৃন্দ", "", "officers"))
        stat_label = {
            "undelivered-passports": "অবিলিকৃত পাসপোর্টের তথ্য",
            "monthly-seizures-cases": "মাসিক অভিযান ও উদ্ধারকৃত মাদকের তথ্য",
        }.get(self.stat_key, "")
        compliance = [
            Column("তথ্য অধিকার", [Leaf("দায়িত্বপ্রাপ্ত কর্মকর্তা", "", "rti")]),
            Column("অভিযোগ প্রতিকার", [Leaf("অনিক ও আপিল কর্মকর্তা", "", "grs")]),
            Column("শুদ্ধাচার", [Leaf("ফোকাল পয়েন্ট কর্মকর্তা", "", "nis")]),
            Column("সেবা প্রদান প্রতিশ্রুতি", [Leaf("সিটিজেন চার্টার", "", "charter")]),
            Column("ইনোভেশন", [Leaf("ইনোভেশন কর্নার", "", "innovation")]),
        ]
        if stat_label:
            compliance.append(Column("পরিসংখ্যান", [Leaf(stat_label, "", "stats")]))
        self.menu.append(TopItem("ই-সেবা ও তথ্য", compliance))

        # Service boxes: ordinary ones (box.empty-link goes here) and compliance boxes.
        self.boxes: list[Box] = []
        for title, items in rng.sample(cat.BOX_GROUPS, 3):
            self.boxes.append(
                Box(title, [BoxItem(i, self._add_static(i, "box").path) for i in items])
            )
        self.form_page = self._add_static("আবেদন ও আপিল ফরম", "box")
        self.special_boxes = [
            Box(
                "সেবা প্রদান প্রতিশ্রুতি (সিটিজেন্\u200cস চার্টার)",
                [BoxItem("সিটিজেন চার্টার", "", "charter")],
                "charter",
            ),
            Box(
                "তথ্য অধিকার",
                [
                    BoxItem("তথ্য প্রদানকারী কর্মকর্তাবৃন্দ", "", "rti"),
                    BoxItem("আবেদন ও আপিল ফরম", self.form_page.path),
                ],
                "rti",
            ),
            Box(
                "অভিযোগ প্রতিকার ব্যবস্থাপনা",
                [
                    BoxItem("অনিক ও আপিল কর্মকর্তাগণ", "", "grs"),
                    BoxItem("অভিযোগ দাখিল (অনলাইনে আবেদন)", "http://www.grs.gov.bd/"),
                ],
                "grs",
            ),
            Box("জাতীয় শুদ্ধাচার কৌশল", [BoxItem("শুদ্ধাচার কৌশল সংক্রান্ত ফোকাল কর্মকর্তা", "", "nis")], "nis"),
            Box("উদ্ভাবনী কার্যক্রম", [BoxItem("ইনোভেশন কর্নার", "", "innovation")], "innovation"),
        ]
        self.eservices = [
            ("অনলাইনে আবেদন", "http://www.mygov.bd/services/apply"),
            ("আবেদনের অবস্থা", "http://www.mygov.bd/services/status"),
            ("অভিযোগ দাখিল", "http://www.grs.gov.bd/"),
        ]

        # Compliance pages.
        self.specials: dict[str, Page] = {
            "officers": self._add(
                Page(self.list_path("officer_list"), "officer_list", "কর্মকর্তাবৃন্দ")
            ),
            "rti": self._add(
                Page("/views/info-officers", "rti", "তথ্য কর্মকর্তা")
                if self.generation == "G3"
                else Page(
                    self.page_path("static", "তথ্য প্রদানকারী কর্মকর্তা"), "rti", "তথ্য প্রদানকারী কর্মকর্তা"
                )
            ),
            "grs": self._add(
                Page(
                    self.page_path("static", "অনিক ও আপিল কর্মকর্তা"),
                    "grs",
                    "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক) ও আপিল কর্মকর্তা",
                )
            ),
            "nis": self._add(
                Page(
                    self.page_path("static", "শুদ্ধাচার ফোকাল পয়েন্ট"),
                    "nis",
                    "জাতীয় শুদ্ধাচার কৌশল ফোকাল পয়েন্ট কর্মকর্তা",
                )
            ),
            "charter": self._add(
                Page(
                    self.page_path("charter", "সিটিজেন চার্টার"),
                    "charter",
                    "সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার)",
                )
            ),
            "innovation": self._add(
                Page(self.page_path("static", "ইনোভেশন কর্নার"), "innovation", "ইনোভেশন কর্নার")
            ),
        }
        if stat_label:
            self.specials["stats"] = self._add(
                Page(self.page_path("static", stat_label), "stats", stat_label)
            )
        if self.generation == "G3":
            pdf = f"http://objectstorage.ap-dcc-gazipur-1.oraclecloud15.com/n/axvjbnqprylg/b/V2Ministry/o/office-{self.host.split('.')[0]}/2025/7/citizen-charter.pdf"
        else:
            under = self._uuid().replace("-", "_")
            pdf = self.url(
                f"/sites/default/files/files/{self.host.split('.')[0]}.portal.gov.bd/office_citizen_charter/{under}/citizen_charter.pdf"
            )
        self.charter_pdf = pdf
        for kind in ("notice_list", "news_list", "sitemap"):
            self._add(
                Page(
                    self.list_path(kind),
                    kind,
                    {"notice_list": "নোটিশ", "news_list": "খবর", "sitemap": "সাইট ম্যাপ"}[kind],
                )
            )
        if self.generation == "G2":
            self._add(Page("/en/", "en_home", "Home"))
            for label in ("About us", "Our services", "Contact"):
                self._add(
                    Page(
                        f"/en/site/page/{self._code()}-{label.replace(' ', '-')}",
                        "en_static",
                        label,
                        ["This office serves citizens of the district."],
                    )
                )
        if self.traps:
            self._add(Page(self.list_path("calendar"), "calendar", "ক্যালেন্ডার"))
        if self.traps and self.generation != "G3":  # G3 has no /site/ routes to nest
            self.gallery = self._add_static("ফটো গ্যালারি", "menu")
            self.gallery.kind = "gallery"
            self.menu[0].columns[0].leaves.append(Leaf("ফটো গ্যালারি", self.gallery.path, "gallery"))

        # Notices and news fill the page budget.
        fixed = len(self.pages) + (4 if self.traps else 0)
        rest = max(10, self.spec.pages - fixed)
        n_news = max(3, rest // 4)
        self.notices = [self._dated("notice", i) for i in range(rest - n_news)]
        self.news = [self._dated("news", i) for i in range(n_news)]

    def _add_static(self, label: str, via: str) -> Page:
        return self._add(
            Page(self.page_path("static", label), "static", label, self._paragraphs(), via=via)
        )

    def _dated(self, kind: str, i: int) -> Page:
        titles = cat.NOTICE_TITLES if kind == "notice" else cat.NEWS_TITLES
        title = f"{self.rng.choice(titles)} {i + 1}"
        when = self.today - timedelta(days=3 + i * self.rng.randrange(2, 6))
        return self._add(
            Page(self.page_path(kind, title), kind, title, self._paragraphs(1), when, "list")
        )

    # ---- switches ----------------------------------------------------------------------

    def on(self, *switch) -> bool:
        return tuple(switch) in self._active

    @property
    def _active(self) -> set[tuple]:
        if self._active_cache is None or self._active_cache[0] != self.version:
            self._active_cache = (self.version, set(self.switches.values()))
        return self._active_cache[1]

    def special_on(self, name: str) -> bool:
        """Whether a compliance page exists and is linked (defects can remove it)."""
        if name == "stats" and "stats" not in self.specials:
            return False
        missing = {
            "officers": "officers.list-missing",
            "charter": "charter.missing",
            "stats": "stats.missing",
            "innovation": "innovation.missing",
        }.get(name)
        return not (missing and self.on(missing))

    def heading(self, top: TopItem, col: Column) -> str:
        """The column heading as shown: G3 repeats the top label where G1/G2 leave <h6></h6>."""
        if self.generation == "G3":
            return col.heading or top.label
        return col.heading

    def leaves(self):
        """Ordinary menu leaves with their menu paths (the places menu defects go)."""
        for top in self.menu[:-1]:
            for ci, col in enumerate(top.columns):
                heading = self.heading(top, col)
                for li, leaf in enumerate(col.leaves):
                    if not leaf.special:
                        parts = [top.label] + ([heading] if heading else []) + [leaf.label]
                        yield (top.label, ci, li), SEP.join(parts), leaf

    def inject(self, rule: str, subject: str | None = None) -> Defect:
        """Switch a defect on; picks a subject when none is given. Returns the defect."""
        if self.kind != "normal":
            raise ValueError(f"{self.host} is {self.kind}; it serves no content to break")
        for defect, switch in self._candidates(rule):
            if subject is not None and defect.subject != subject:
                continue
            if defect in self.switches or self._places(switch) & self._taken():
                continue
            self.switches[defect] = switch
            self.version += 1
            return defect
        raise ValueError(f"no free place for {rule} [{subject}] on {self.host}")

    def _places(self, switch: tuple) -> set[tuple]:
        """What part of the portal a switch changes; two switches may not share a part."""
        kind = switch[0]
        if kind == "leaf-placeholder":
            top, ci, li = switch[1]  # switch[2] is the placeholder form
            leaf = next(t for t in self.menu if t.label == top).columns[ci].leaves[li]
            return {("col", top, ci), ("page", leaf.page)}
        if kind == "column-empty":
            col = next(t for t in self.menu if t.label == switch[1]).columns[switch[2]]
            return {("col", switch[1], switch[2])} | {("page", leaf.page) for leaf in col.leaves}
        if kind in ("page-empty", "junk", "broken-link"):
            return {("page", switch[1])}
        if kind == "box-item":
            return {("box-item", switch[1], switch[2])}
        if kind == "personal-email":
            return {("person", switch[1]), ("list-for", "email")}
        # Rules that would hide each other's evidence share a part.
        return {
            "rti.same-person": {("rti", "designated"), ("rti", "alternate")},
            "rti.designated-missing": {("rti", "designated")},
            "rti.alternate-missing": {("rti", "alternate")},
            "officers.not-in-list": {("rti", "designated"), ("list-for", "names")},
            "officers.list-missing": {("list-for", "email"), ("list-for", "names")},
            "charter.missing": {("charter", p) for p in ("file", "parts", "grs", "template")},
            "charter.pdf-only": {("charter", p) for p in ("file", "parts", "grs", "template")},
            "charter.incomplete": {("charter", "parts")},
            "charter.grs-contact-missing": {("charter", "grs")},
            "charter.template-unfilled": {("charter", "template")},
            "notice.empty": {("notice", "empty"), ("notice", "stale")},
            "notice.stale": {("notice", "stale")},
            "stats.missing": {("stats", "missing"), ("stats", "stale")},
            "stats.stale": {("stats", "stale")},
        }.get(kind, {switch})

    def _taken(self) -> set[tuple]:
        taken: set[tuple] = set()
        for switch in self.switches.values():
            taken |= self._places(switch)
        return taken

    def fix(self, rule: str, subject: str = "") -> Defect:
        defect = Defect(rule, subject)
        if defect not in self.switches:
            raise KeyError(f"{defect} is not active on {self.host}")
        del self.switches[defect]
        self.version += 1
        return defect

    def _candidates(self, rule: str):
        """Every (defect, switch) pair this portal can show for a rule, in a seeded order."""
        rng = random.Random(f"{rule}:{self.host}")
        out: list[tuple[Defect, tuple]] = []
        if rule == "menu.empty-submenu":
            # The placeholder forms seen in the fixtures (npf-structure.md §3.2, §3.3).
            forms = PLACEHOLDERS_G3 if self.generation == "G3" else PLACEHOLDERS_NPF
            for i, (key, path, _leaf) in enumerate(self.leaves()):
                form = forms[i % len(forms)]
                shown = {"nolink-empty": NO_LABEL, "dash": "-"}.get(form)
                subject = path if shown is None else SEP.join(path.split(SEP)[:-1] + [shown])
                out.append((Defect(rule, subject), ("leaf-placeholder", key, form)))
            for top in self.menu[:-1]:
                for ci, col in enumerate(top.columns):
                    heading = self.heading(top, col)
                    if heading and not any(leaf.special for leaf in col.leaves):
                        switch = ("column-empty", top.label, ci)
                        out.append((Defect(rule, f"{top.label}{SEP}{heading}"), switch))
            rng.shuffle(out)
        elif rule == "page.empty":
            for _key, _path, leaf in self.leaves():
                out.append((Defect(rule, self.url(leaf.page)), ("page-empty", leaf.page)))
            rng.shuffle(out)
        elif rule == "content.junk":
            kinds = list(cat.JUNK_TEXT)
            for i, (_key, _path, leaf) in enumerate(self.leaves()):
                out.append((Defect(rule, self.url(leaf.page)), ("junk", leaf.page, kinds[i % 3])))
            rng.shuffle(out)
        elif rule == "link.broken":
            for i, (_key, _path, leaf) in enumerate(self.leaves()):
                if i % 2 == 0:
                    target = self.url(
                        f"/site/page/{uuid.UUID(int=rng.getrandbits(128), version=4)}/removed-page"
                    )
                else:
                    dead = sorted(cat.DEAD_HOSTS)[(i // 2) % 2]
                    target = f"http://{dead}/site/page/{rng.randrange(10**6)}/old-page"
                out.append((Defect(rule, target), ("broken-link", leaf.page, target)))
            rng.shuffle(out)
        elif rule == "box.empty-link":
            for bi, box in enumerate(self.boxes):
                for ii, item in enumerate(box.items):
                    variant = ("empty", "root", "nolabel")[(bi + ii) % 3]
                    label = NO_LABEL if variant == "nolabel" else item.label
                    out.append(
                        (Defect(rule, f"{box.title}{SEP}{label}"), ("box-item", bi, ii, variant))
                    )
            rng.shuffle(out)
        elif rule == "charter.pdf-only":
            out.append((Defect(rule, self.charter_pdf), (rule,)))
        elif rule == "charter.incomplete":
            # The grievance part is left out of the rotation: without it the charter would
            # also lack the grievance contacts, a second rule for one switch.
            for part in ("expectations", "vision-mission", "services"):
                out.append((Defect(rule, part), (rule,)))
        elif rule == "rti.same-person":
            out.append((Defect(rule, self.roles["rti.designated"].name), (rule,)))
        elif rule == "officers.not-in-list":
            out.append((Defect(rule, self.outsider.name), (rule,)))
        elif rule == "contact.personal-email":
            for i, person in enumerate(self.officers[5:] or self.officers[4:]):
                address = f"{cat.LATIN_NAMES[i % len(cat.LATIN_NAMES)]}.{self.host.split('.')[1]}{i}@gmail.com"
                out.append((Defect(rule, address), ("personal-email", person.name, address)))
        elif rule == "stats.missing" or rule == "stats.stale":
            if self.stat_key:
                out.append((Defect(rule, self.stat_key), (rule,)))
        elif rule in FARM_RULES and rule not in (
            "portal.unreachable",
            "portal.blocked",
            "portal.insecure",
        ):
            out.append((Defect(rule), (rule,)))
        return out

    # ---- ground truth ------------------------------------------------------------------

    def truth(self) -> set[Defect]:
        if self.kind in ("unreachable", "dns"):
            # Subject is the error class: "dns" for a name nobody resolves, "refused" for a
            # host whose address refuses connections (the crawler's names for both).
            return {Defect("portal.unreachable", "dns" if self.kind == "dns" else "refused")}
        if self.kind == "blocked":
            return {Defect("portal.blocked")}
        # The farm is http-only, so every reachable portal lacks working HTTPS.
        truth = set(self.switches) | {Defect("portal.insecure")}
        if self.charter_grs_blank():
            truth.add(Defect("charter.grs-contact-missing"))
        return truth

    def charter_grs_blank(self) -> bool:
        """Whether the HTML charter's grievance rows lack the officers' contacts.

        A GRS officer who is not published is not published in the charter either, so
        grs.focal-missing / grs.appeal-missing also blank that row of the charter.
        """
        if not self.special_on("charter") or self.on("charter.pdf-only"):
            return False
        return any(
            self.on(rule)
            for rule in ("charter.grs-contact-missing", "grs.focal-missing", "grs.appeal-missing")
        )

    def dont_care(self) -> set[str]:
        """Rules on which this portal's ground truth is silent (neither hit nor miss)."""
        if self.kind != "normal":
            return {"portal.insecure"}
        skip = set()
        if self.on("officers.list-missing"):
            skip.add("officers.not-in-list")  # nothing to compare against
        if self.on("charter.missing") or self.on("charter.pdf-only"):
            skip |= {
                "charter.incomplete",
                "charter.grs-contact-missing",
                "charter.template-unfilled",
            }
        if self.on("notice.empty"):
            skip.add("notice.stale")
        if self.on("stats.missing"):
            skip.add("stats.stale")
        return skip


def monthly(today: date, months_back: int) -> date:
    """The first day of the month `months_back` months before today's month."""
    index = today.year * 12 + today.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


# ---- the farm: many portals, the hosts they link to, and the ground truth --------------

# The named portals: real host patterns, every farm-visible rule in every generation, a
# clean control per generation, and the three ways a portal fails as a whole.
NAMED: list[tuple[str, str, str, list[str], str, bool]] = [
    # host, generation, department, defects, kind, traps
    ("passport.lakshmipur.gov.bd", "G1", "passport", [
        "menu.empty-submenu", "menu.empty-submenu", "page.empty", "link.broken", "link.broken",
        "box.empty-link", "box.empty-link", "charter.incomplete", "rti.designated-missing",
        "grs.alternate-missing", "contact.personal-email", "notice.stale", "stats.stale",
        "content.junk"], "normal", True),
    ("dnc.manikganj.gov.bd", "G2", "dnc", [
        "menu.empty-submenu", "menu.empty-submenu", "page.empty", "link.broken", "link.broken",
        "box.empty-link", "charter.incomplete", "rti.same-person", "grs.focal-missing",
        "contact.personal-email", "notice.stale", "stats.stale", "content.junk",
        "nis.focal-missing"], "normal", True),
    ("dnc.chuadanga.gov.bd", "G3", "dnc", [
        "menu.empty-submenu", "menu.empty-submenu", "page.empty", "page.empty", "link.broken",
        "link.broken", "box.empty-link", "box.empty-link", "rti.same-person",
        "contact.personal-email", "charter.incomplete", "grs.appeal-missing", "nis.focal-missing",
        "notice.stale", "stats.missing", "content.junk"], "normal", True),
    ("passport.dhaka.gov.bd", "G1", "passport", [], "normal", True),
    ("dnc.sylhet.gov.bd", "G2", "dnc", [], "normal", False),
    ("fireservice.barishal.gov.bd", "G3", "fire", [], "normal", True),
    ("passport.rangpur.gov.bd", "G1", "passport", [], "unreachable", False),
    ("dnc.bogura.gov.bd", "G2", "dnc", [], "dns", False),
    ("fireservice.pabna.gov.bd", "G3", "fire", [], "blocked", False),
    ("fireservice.sherpur.gov.bd", "G1", "fire", [
        "menu.empty-submenu", "charter.pdf-only", "rti.same-person", "grs.focal-missing",
        "nis.alternate-missing", "officers.list-missing", "eservice.none", "news.empty",
        "content.stale", "innovation.missing", "box.empty-link", "content.junk"], "normal", False),
    ("passport.noakhali.gov.bd", "G2", "passport", [
        "charter.pdf-only", "stats.missing", "notice.empty", "news.empty",
        "rti.designated-missing", "grs.alternate-missing", "grs.appeal-missing",
        "officers.list-missing", "eservice.none", "content.stale", "innovation.missing",
        "box.empty-link"], "normal", False),
    ("prisonkashim2.gazipur.gov.bd", "G3", "prison", [
        "rti.designated-missing", "charter.pdf-only", "officers.list-missing", "notice.empty",
        "news.empty", "eservice.none", "content.stale", "innovation.missing",
        "grs.focal-missing", "nis.alternate-missing"], "normal", False),
    ("passport.chittagongdiv.gov.bd", "G1", "passport", [
        "charter.missing", "stats.missing", "notice.empty", "rti.appeal-missing",
        "grs.appeal-missing", "nis.focal-missing", "officers.not-in-list", "link.broken",
        "page.empty", "content.junk"], "normal", False),
    ("fireservice.netrokona.gov.bd", "G2", "fire", [
        "charter.missing", "rti.appeal-missing", "rti.alternate-missing", "nis.alternate-missing",
        "officers.not-in-list", "menu.empty-submenu", "content.junk", "link.broken"],
     "normal", False),
    ("passport.khulnadiv.gov.bd", "G3", "passport", [
        "charter.missing", "stats.stale", "rti.alternate-missing", "rti.appeal-missing",
        "grs.alternate-missing", "officers.not-in-list", "content.junk", "link.broken",
        "menu.empty-submenu"], "normal", False),
    ("splprison.dhaka.gov.bd", "G1", "prison", [
        "charter.grs-contact-missing", "charter.template-unfilled", "rti.alternate-missing",
        "menu.empty-submenu", "eservice.none"], "normal", False),
    ("prison.jashore.gov.bd", "G2", "prison", [
        "charter.grs-contact-missing", "charter.template-unfilled", "page.empty",
        "contact.personal-email"], "normal", False),
    ("fireservice.rajshahi.gov.bd", "G3", "fire", [
        "charter.grs-contact-missing", "charter.template-unfilled", "box.empty-link",
        "page.empty", "contact.personal-email"], "normal", False),
]  # fmt: skip

# Rules a synthetic portal draws its defects from (whole-portal failures excluded).
RANDOM_POOL = [r for r in FARM_RULES if not r.startswith("portal.")]


def office_name(host: str, department: str) -> str:
    district = host.split(".")[1].removesuffix("div")
    bn = dict(cat.DISTRICTS).get(district, district)
    name = cat.DEPARTMENTS[department][2].format(district=bn)
    if host.split(".")[1].endswith("div"):
        name = name.replace("আঞ্চলিক পাসপোর্ট অফিস", "বিভাগীয় পাসপোর্ট ও ভিসা অফিস")
    if host.startswith("splprison"):
        name = "বিশেষ কারাগার, ঢাকা"
    if host.startswith("prisonkashim2"):
        name = "কাশিমপুর কেন্দ্রীয় কারাগার-২, গাজীপুর"
    return name


def farm_specs(portals: int, pages: int, seed: int) -> list[PortalSpec]:
    specs = [
        PortalSpec(host, gen, office_name(host, dept), dept, pages, list(defects), kind, traps)
        for host, gen, dept, defects, kind, traps in NAMED[:portals]
    ]
    rng = random.Random(seed)
    for n in range(len(specs), portals):
        district = cat.DISTRICTS[n % len(cat.DISTRICTS)][0]
        dept = list(cat.DEPARTMENTS)[n % 4]
        host = f"office{n}.{district}.gov.bd"
        defects = rng.sample(RANDOM_POOL, rng.randrange(2, 7))
        specs.append(
            PortalSpec(
                host, ("G1", "G2", "G3")[n % 3], office_name(host, dept), dept, pages, defects
            )
        )
    return specs


class Farm:
    """All portals of a farm plus the off-host sites they link to."""

    def __init__(self, specs: list[PortalSpec], seed: int = 1, today: date | None = None):
        self.seed = seed
        self.today = today or date.today()
        self.portals: dict[str, Portal] = {}
        for spec in specs:
            self.portals[spec.host] = Portal(spec, seed, self.today)

    # -- hosts

    def served_hosts(self) -> list[str]:
        """Hosts the farm answers for (unreachable and unknown-name portals excluded)."""
        own = [h for h, p in self.portals.items() if p.kind in ("normal", "blocked")]
        return own + cat.FRIENDLY_HOSTS + sorted(cat.DEAD_HOSTS)

    def unreachable_hosts(self) -> list[str]:
        return [h for h, p in self.portals.items() if p.kind == "unreachable"]

    # -- ground truth and edits

    def truth(self) -> dict[str, set[Defect]]:
        return {host: portal.truth() for host, portal in self.portals.items()}

    def dont_care(self) -> dict[str, set[str]]:
        return {host: portal.dont_care() for host, portal in self.portals.items()}

    def fix(self, host: str, rule: str, subject: str = "") -> Defect:
        return self.portals[host].fix(rule, subject)

    def inject(self, host: str, rule: str, subject: str | None = None) -> Defect:
        return self.portals[host].inject(rule, subject)

    def set_page_down(self, host: str, path: str, how: str | None = "503") -> None:
        """Make one page fail ("503" answers 503, "reset" drops the connection); None restores."""
        portal = self.portals[host]
        if how is None:
            portal.down.pop(path, None)
        else:
            portal.down[path] = how
        portal.version += 1

    def targets(self) -> list[tuple[str, str, str]]:
        """(office, url, department) for every portal, as `tadarki audit` reads a CSV."""
        return [(p.office, f"http://{h}/", p.department) for h, p in self.portals.items()]

    def csv_text(self) -> str:
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["office", "url", "department"])
        writer.writerows(self.targets())
        return out.getvalue()

    def page_count(self) -> int:
        return sum(len(p.pages) for p in self.portals.values())


def build_farm(
    portals: int = 18,
    pages: int = 60,
    seed: int = 1,
    *,
    today: date | None = None,
) -> Farm:
    """The standard farm: the named portals first, then synthetic `office<n>.<district>` ones."""
    return Farm(farm_specs(portals, pages, seed), seed=seed, today=today)
