"""Print: the handbook PDF (contents with page numbers, bookmarks, the key chapters), one A4 page per partner
flyer whose QR code decodes to the citizen checklist, and a print stylesheet on every page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest

from generator.site.pages import legal_title
import zxingcpp
from pypdf import PdfReader

from support import REPO, RULES
from generator import i18n
from generator.print import kit as printkit
from generator.scheme.loader import load

SITE_URL = "https://example.org/mikrolaan/"
RULES_MODEL = load(RULES)
SHOTS = REPO / "build" / "screenshots"
A4 = (595.3, 841.9)


@pytest.fixture(scope="module")
def printed(built_site, browser, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("print")
    written = printkit.build_all(RULES, built_site, out, SITE_URL, browser)
    return {p.path.name: p.path for p in written}


def text_of(reader: PdfReader, first: int, last: int) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages[first:last])


def test_handbook_has_contents_with_page_numbers_bookmarks_and_the_key_chapters(printed):
    reader = PdfReader(str(printed["ambassadoer-haandbog.pdf"]))
    assert len(reader.pages) >= 20
    contents = text_of(reader, 1, 3)
    assert "Indhold" in contents
    staff = next(a.title for a in RULES_MODEL.audiences if a.id == "medarbejder")
    chapters = [staff, "Ambassadørmodellen", "Hvem kan deltage?", "Processen trin for trin", legal_title(RULES_MODEL),
                "Kilder"] + [f"Modul {n}: {m.title}" for n, m in enumerate(RULES_MODEL.training.modules, start=1)]
    for chapter in chapters:
        assert chapter in contents, chapter
    starts = [printkit._section_pages(reader, [chapter])[0] for chapter in chapters]
    assert all(isinstance(n, int) and n > 2 for n in starts), starts
    for chapter, page in zip(chapters, starts):
        assert f"{chapter} {page}" in contents or f"{chapter}{page}" in contents.replace(" ", ""), chapter
    titles = [item.title for item in _flatten(reader.outline)]
    for chapter in chapters:
        assert any(chapter in t for t in titles), (chapter, titles[:20])
    assert f"1 / {len(reader.pages)}" in text_of(reader, 0, 1), "page numbers in the footer"
    assert reader.metadata.title.startswith("Håndbog for ambassadører")
    body = text_of(reader, 2, len(reader.pages))
    assert "Kilde: KK-2015" in body, "sources are cited in the handbook"
    assert "Svar kun, hvis" in body and "Gælder, hvis" in body, "the staff checklist in its printable form"


def _flatten(outline) -> list:
    items = []
    for item in outline:
        items += _flatten(item) if isinstance(item, list) else [item]
    return items


def flyers(printed: dict[str, Path]) -> list[tuple[str, str, Path]]:
    return [(p.id, code, printed[f"flyer-{p.id}-{code}.pdf"])
            for code in ("da", "en") for p in RULES_MODEL.recruitment.partner_types]


def test_every_partner_type_has_a_danish_and_an_english_flyer_on_one_a4_page(printed):
    assert len(flyers(printed)) == 2 * len(RULES_MODEL.recruitment.partner_types)
    for partner_id, code, path in flyers(printed):
        reader = PdfReader(str(path))
        assert len(reader.pages) == 1, path.name
        box = reader.pages[0].mediabox
        assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2, path.name
        with i18n.language(code, REPO / "translations"):
            local = i18n.translated(RULES_MODEL, code)
            partner = next(p for p in local.recruitment.partner_types if p.id == partner_id)
        text = " ".join((reader.pages[0].extract_text() or "").split())
        assert local.scheme.name in text and partner.name.lower() in text.lower(), path.name
        assert "KK-2015" in text, "the flyer names its source"


@pytest.mark.parametrize("code", ["da", "en"])
def test_flyer_qr_codes_decode_to_the_citizen_checklist(printed, code):
    expected = SITE_URL + ("" if code == "da" else "en/") + "tjek-borger.html"
    for _, flyer_code, path in flyers(printed):
        if flyer_code != code:
            continue
        image = pypdfium2.PdfDocument(str(path))[0].render(scale=200 / 72).to_pil()
        decoded = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert decoded == [expected], (path.name, decoded)
    SHOTS.mkdir(parents=True, exist_ok=True)
    image.resize((image.width // 3, image.height // 3)).save(SHOTS / f"flyer-{code}.png")


def test_print_command_needs_the_site_address(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "print", "--config", str(tmp_path / "none.yml")],
                            cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 1
    assert "site_url" in result.stderr and "--site-url" in result.stderr and "Traceback" not in result.stderr


def test_print_stylesheet_hides_the_navigation_on_paper(page, base_url):
    page.goto(f"{base_url}/processen.html")
    assert page.locator('link[href$="assets/print.css"]').count() == 1
    assert page.locator(".md-sidebar--primary").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert page.locator("article h1").is_visible()
