"""The printable cheat sheets: generated from the bank, every question present in its PDF,
none split across pages, two columns of at least 8 pt text on A4."""

import re

import pytest
from pypdf import PdfReader

import cheatsheet_pdfs
from site_paths import page_url

MIN_FONT_PX = 8 * 96 / 72  # 8 pt


def plain(text: str) -> str:
    """Text compared without code marks or whitespace: PDF extraction adds and drops spaces."""
    return re.sub(r"\s+", "", text.replace("`", ""))


@pytest.fixture(scope="module")
def sheet_pdfs(built_site, browser, tmp_path_factory):
    site_dir, _ = built_site
    return cheatsheet_pdfs.print_sheets(site_dir, browser, tmp_path_factory.mktemp("pdfs"))  # not into the shared site


@pytest.fixture(scope="module")
def page_texts(sheet_pdfs):
    return {sheet: [plain(page.extract_text()) for page in PdfReader(path).pages] for sheet, path in sheet_pdfs.items()}


def scope_of(sheet: str, bank) -> list:
    if sheet == "index":
        return list(bank.questions.values())
    if sheet == "must-know":
        return [page for page in bank.questions.values() if page.question.priority == "high"]
    return [page for page in bank.questions.values() if page.topic == sheet]


def test_there_is_a_sheet_for_everything_must_know_and_each_topic(sheet_pdfs, site_content):
    bank, _ = site_content
    assert set(sheet_pdfs) == {"index", "must-know"} | {topic.name for topic in bank.topics}


def test_every_question_is_in_its_sheet_on_one_page(page_texts, site_content, record_property):
    bank, _ = site_content
    for sheet, pages in page_texts.items():
        record_property(f"{sheet}_pages", len(pages))
        for question in scope_of(sheet, bank):
            title = plain(question.question.title)
            found = [number for number, text in enumerate(pages) if title in text]
            assert found, f"{sheet}: {question.source} is missing"
            last_words = plain(" ".join(question.question.answer.split()[-4:]))
            assert last_words in pages[found[0]], f"{sheet}: {question.source} is split across pages"


def test_the_full_sheet_stays_compact(page_texts, site_content):
    bank, _ = site_content
    pages = len(page_texts["index"])
    print(f"\ncheat sheet: {len(bank.questions)} questions on {pages} A4 pages")
    assert pages <= len(bank.questions) / 10, "fewer than 10 questions per page: the layout broke"


def test_print_layout_is_two_columns_of_readable_text(browser, site_url):
    page = browser.new_page()
    page.emulate_media(media="print")
    page.goto(f"{site_url}/{page_url('cheatsheets/index.md')}")
    columns = page.eval_on_selector(".stc-cheatsheet", "e => getComputedStyle(e).columnCount")
    sizes = page.eval_on_selector_all(
        ".stc-cheatsheet h2, .stc-card, .stc-card *", "es => es.map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    hidden = page.eval_on_selector_all(
        ".md-header, .md-sidebar, .stc-sheet-actions", "es => es.every(e => getComputedStyle(e).display === 'none')"
    )
    page.close()
    assert columns == "2" and min(sizes) >= MIN_FONT_PX and hidden


A4_POINTS = (595.28, 841.89)


def test_every_pdf_page_is_a4(sheet_pdfs):
    for sheet, path in sheet_pdfs.items():
        for number, page in enumerate(PdfReader(path).pages, start=1):
            size = (float(page.mediabox.width), float(page.mediabox.height))
            assert all(abs(got - want) < 1 for got, want in zip(size, A4_POINTS)), f"{sheet} page {number}: {size}"


def test_sheets_link_their_pdfs(built_site):
    site_dir, _ = built_site
    markup = (site_dir / "cheatsheets" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="all\.pdf" download', markup)
