"""The observation report reads like the minutes; the DOCX shapes in LibreOffice."""

import shutil
import subprocess
import unicodedata

import pytest
from django.urls import reverse

from tadarki.audits import report, runner, services
from tadarki.audits.models import AuditRound

LAK = "http://passport.lakshmipur.gov.bd/"
BRA = "http://passport.brahmanbaria.gov.bd/"
EMPTY_MENU = "প্রধান মেনুর আওতায় একটি সাবমেনু ফাঁকা অবস্থায় প্রকাশ করা আছে।"


def test_genitive_follows_bengali_spelling():
    assert report.genitive("আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুর") == "আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুরের"
    assert report.genitive("ব্রাহ্মণবাড়িয়া") == "ব্রাহ্মণবাড়িয়ার"
    assert report.genitive("Office X") == "Office X-এর"


@pytest.fixture
def two_rounds(tree, auditor, users):
    for url in (LAK, BRA):
        auditor.portal(url).pages = {url: b"home"}
    auditor.portal(LAK).findings = {("menu.empty-submenu", "আমাদের সম্পর্কে › কর্মচারীবৃন্দ"): LAK}
    auditor.portal(BRA).findings = {("notice.empty", ""): BRA}
    runner.run_round(services.create_round(department=tree["dip"]), audit=auditor)
    auditor.portal(BRA).findings = {}
    auditor.portal(LAK).findings[("news.empty", "")] = LAK
    runner.run_round(services.create_round(department=tree["dip"]), audit=auditor)
    return AuditRound.objects.get(number=2)


@pytest.mark.django_db
def test_report_text_office_by_office(two_rounds, tree, users):
    rep = report.build_report(users["ict"], tree["dip"], two_rounds)
    text = rep.text()
    assert text == unicodedata.normalize("NFC", text)
    assert "রাউন্ড ২" in rep.title
    lak, bra = rep.paragraphs()
    assert lak.startswith("আঞ্চলিক পাসপোর্ট অফিস, লক্ষ্মীপুরের তথ্য বাতায়নে [passport.lakshmipur.gov.bd] ")
    assert "news.empty সমস্যা রয়েছে।" in lak  # new this round
    assert "(রাউন্ড ১ থেকে অমীমাংসিত)" in lak  # still open since round 1
    assert bra.startswith("আঞ্চলিক পাসপোর্ট অফিস, ব্রাহ্মণবাড়িয়ার তথ্য বাতায়নে [passport.brahmanbaria.gov.bd]")
    assert "পূর্বের পর্যবেক্ষণ সংশোধন করা হয়েছে: notice.empty সমস্যা রয়েছে।" in bra


@pytest.mark.django_db
def test_report_downloads_and_scope(client, two_rounds, users):
    client.force_login(users["dip_focal"])
    url = reverse("audits:report", args=["dip", two_rounds.number])
    assert "লক্ষ্মীপুরের তথ্য বাতায়নে" in client.get(url).content.decode()
    html = client.get(url + "?format=html").content.decode()
    assert '<p lang="bn">' in html and "[passport.lakshmipur.gov.bd]" in html
    docx = client.get(url + "?format=docx")
    assert docx["Content-Disposition"].endswith('.docx"') and docx.content[:2] == b"PK"
    client.force_login(users["dnc_focal"])
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_docx_carries_bengali_font_and_language(two_rounds, tree, users):
    import io
    import zipfile

    data = report.docx_bytes(report.build_report(users["ict"], tree["dip"], two_rounds))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode()
    assert 'w:cs="Noto Sans Bengali"' in xml and 'w:ascii="Noto Sans Bengali"' in xml
    assert 'w:hAnsi="Noto Sans Bengali"' in xml and 'w:bidi="bn-BD"' in xml


@pytest.mark.django_db
def test_docx_renders_bengali_in_libreoffice(two_rounds, tree, users, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdffonts") or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice / poppler-utils not installed")
    rep = report.build_report(users["ict"], tree["dip"], two_rounds)
    docx = tmp_path / "report.docx"
    docx.write_bytes(report.docx_bytes(rep))
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "report.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "NotoSansBengali" in fonts.replace(" ", "")
    if shutil.which("pdftoppm"):
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                str(pdf),
                str(tmp_path / "page"),
            ],
            check=True,
            timeout=60,
        )
        assert list(tmp_path.glob("page*.png"))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    flat = unicodedata.normalize("NFC", " ".join(text.split()))
    assert "লক্ষ্মীপুরের তথ্য বাতায়নে [passport.lakshmipur.gov.bd]" in flat
