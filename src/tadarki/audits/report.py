"""The observation report (পর্যবেক্ষণ) for one department and one round: the Bengali text the
ICT cell reads out, office by office, portal host in brackets as the minutes write it; as
DOCX (Bengali runs carry font and language so Word and LibreOffice shape them) or HTML."""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass, field
from html import escape

from tadarki.accounts.scope import filter_by_unit
from tadarki.bangla.digits import to_bengali
from tadarki.registry.models import OrgUnit

from .groups import FAMILY_ORDER
from .models import AuditRound, Observation, RoundPortal

FONT = "Noto Sans Bengali"
VOWEL_SIGNS = {chr(c) for c in range(0x09BE, 0x09CD)} | {chr(c) for c in range(0x0985, 0x0995)}


def genitive(name: str) -> str:
    """Bengali possessive: লক্ষ্মীপুর → লক্ষ্মীপুরের, ব্রাহ্মণবাড়িয়া → ব্রাহ্মণবাড়িয়ার."""
    last = name[-1:] if name else ""
    if not last or not ("\u0980" <= last <= "\u09ff"):
        return f"{name}-এর"
    return f"{name}র" if last in VOWEL_SIGNS else f"{name}ের"


@dataclass
class OfficeSection:
    name: str
    host: str
    new: list[str] = field(default_factory=list)
    still_open: list[tuple[str, int, bool]] = field(default_factory=list)  # text, since, rechecked
    fixed: list[str] = field(default_factory=list)
    audited: bool = True

    def sentences(self) -> list[str]:
        out = list(self.new)
        for text, since, rechecked in self.still_open:
            note = f"রাউন্ড {to_bengali(since)} থেকে অমীমাংসিত"
            if not rechecked:
                note += "; এই রাউন্ডে পুনরায় যাচাই করা যায়নি"
            out.append(f"{text.rstrip('।').rstrip()} ({note})।")
        for text in self.fixed:
            out.append(f"পূর্বের পর্যবেক্ষণ সংশোধন করা হয়েছে: {text.rstrip('।').rstrip()}।")
        return out

    def paragraph(self) -> str:
        host = f" [{self.host}]" if self.host else ""
        lead = f"{genitive(self.name)} তথ্য বাতায়নে{host}"
        if not self.audited:
            return f"{lead} এই রাউন্ডে যাচাই করা সম্ভব হয়নি।"
        body = " ".join(self.sentences()) or "উল্লেখযোগ্য কোনো পর্যবেক্ষণ নেই।"
        return unicodedata.normalize("NFC", f"{lead} {body}")


@dataclass
class Report:
    department: OrgUnit
    round: AuditRound
    offices: list[OfficeSection]

    @property
    def title(self) -> str:
        return (
            f"{genitive(self.department.name_bn)} তথ্য বাতায়ন পর্যবেক্ষণ (রাউন্ড {to_bengali(self.round.number)})"
        )

    def date_line(self) -> str:
        when = self.round.finished_at or self.round.created_at
        return f"তারিখ: {to_bengali(when.date().strftime('%d.%m.%Y'))}"

    def paragraphs(self) -> list[str]:
        return [office.paragraph() for office in self.offices]

    def text(self) -> str:
        return "\n\n".join([self.title, self.date_line(), *self.paragraphs()]) + "\n"


def build_report(user, department: OrgUnit, audit_round: AuditRound) -> Report:
    """Sections for every office of the department audited in this round, in registry order."""
    portals = (
        filter_by_unit(
            user,
            RoundPortal.objects.filter(round=audit_round, unit__path__startswith=department.path),
            "unit",
        )
        .select_related("unit")
        .order_by("unit__path")
    )
    observations = (
        Observation.objects.filter(
            round=audit_round, finding__unit__path__startswith=department.path
        )
        .select_related("finding", "finding__first_round")
        .order_by("finding__rule", "finding__subject")
    )
    by_unit: dict[int, list[Observation]] = {}
    for obs in observations:
        by_unit.setdefault(obs.finding.unit_id, []).append(obs)
    sections = []
    for rp in portals:
        section = OfficeSection(
            rp.unit.name_bn, rp.unit.portal_host, audited=rp.state == RoundPortal.State.DONE
        )
        mine = sorted(
            by_unit.get(rp.unit_id, []), key=lambda o: FAMILY_ORDER.get(o.finding.family, 99)
        )
        for obs in mine:
            text = obs.finding.message_bn or obs.finding.rule
            if obs.state in ("new", "regressed"):
                section.new.append(text)
            elif obs.state in ("open", "not_rechecked"):
                since = obs.finding.first_round.number
                section.still_open.append((text, since, obs.state == "open"))
            elif obs.state == "fixed":
                section.fixed.append(text)
        sections.append(section)
    return Report(department, audit_round, sections)


def html(report: Report) -> str:
    """A fragment ready to paste into the minutes' editor."""
    parts = [f"<h2>{escape(report.title)}</h2>", f"<p>{escape(report.date_line())}</p>"]
    parts += [f'<p lang="bn">{escape(p)}</p>' for p in report.paragraphs()]
    return "\n".join(parts)


def _bengali_run(paragraph, text: str, bold: bool = False):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run(text)
    run.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:bidi"), "bn-BD")
    rpr.append(lang)
    return run


def docx_bytes(report: Report) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    _bengali_run(document.add_paragraph(), report.title, bold=True)
    _bengali_run(document.add_paragraph(), report.date_line())
    for text in report.paragraphs():
        _bengali_run(document.add_paragraph(), text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
