"""The built site: every question rendered with its four blocks, working demo links, no other hosts."""

import html
import re

import pytest

import render
from site_paths import PROJECT, page_url


def read_page(site_dir, src_path: str) -> str:
    return (site_dir / page_url(src_path) / "index.html").read_text(encoding="utf-8")


def text_of(markup: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def shown_text(markdown: str) -> str:
    """A short Markdown text as the page shows it: code marks gone, spaces collapsed."""
    return " ".join(markdown.replace("`", "").split())


def test_strict_build_has_no_warnings(built_site):
    _, log = built_site
    assert "WARNING -" not in log


def test_every_question_page_has_the_four_blocks(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    for page in bank.questions.values():
        markup = read_page(site_dir, page.path.as_posix())
        for block in ["say-this", "show-this", "in-the-demo", "offer"]:
            assert f'id="{block}"' in markup, f"{page.source}: no {block} block"
        text = text_of(markup)
        assert shown_text(page.question.answer) in text
        assert shown_text(page.question.offer) in text
        for alias in page.question.aliases:
            assert html.escape(alias, quote=False) in markup, f"{page.source}: alias missing: {alias}"


@pytest.fixture(scope="module")
def snippets(site_content):
    from locked_versions import Lock
    from mkdocs_hooks import snippet_views

    bank, _ = site_content
    return snippet_views(bank, PROJECT / "snippets", Lock.read(PROJECT / "uv.lock"))


def shown_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_snippet_and_its_output_are_on_the_page(built_site, site_content, snippets):
    """The shown part line by line, the output printed outside it, and the whole file a tap away."""
    site_dir, _ = built_site
    bank, _ = site_content
    for page in bank.questions.values():
        view = snippets[page.slug]
        markup = read_page(site_dir, page.path.as_posix())
        show = markup[markup.index('id="show-this"') : markup.index('id="in-the-demo"')]
        blocks = re.findall(r"<pre[^>]*>.*?<code>(.*?)</code>", show, re.DOTALL)  # not the inline code around them
        code = [html.unescape(re.sub(r"<[^>]+>", "", block)) for block in blocks]
        shown = shown_lines(code[0])
        lines = (PROJECT / "snippets" / view.path).read_text(encoding="utf-8").splitlines()
        expected = shown_lines("\n".join(lines[view.shape.first - 1 : view.shape.last]))
        assert shown == expected, f"{page.source}: the page does not show exactly the snippet's shown part"
        if view.shape.outputs_outside:
            printed = shown_lines(code[1])
            assert printed == shown_lines("\n".join(view.shape.outputs_outside)), f"{page.source}: output missing"
        else:
            assert len(code) == 1, f"{page.source}: an output block with nothing printed outside the shown part"
        runs_on = text_of(re.search(r'<p class="stc-runs-on">(.*?)</p>', show, re.DOTALL).group(1))
        if view.shape.not_run:
            assert runs_on.startswith(f"Not run here: {view.shape.not_run.reason}"), runs_on
            continue
        assert runs_on.startswith("Runs on Python 3.11+"), runs_on
        for name, version in view.runs_on[1:]:
            assert f"{name} {version}" in runs_on, f"{page.source}: runs-on line lacks {name} {version}"
        if view.shape.sectioned:
            whole = text_of(read_page(site_dir, render.snippet_page_uri(view.path)))
            for line in lines:
                if line.strip() and "--8<--" not in line:
                    assert " ".join(line.split()) in whole, f"snippets/{view.path}: line missing on its page: {line!r}"


def test_every_source_is_linked_at_the_foot(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    for page in bank.questions.values():
        markup = read_page(site_dir, page.path.as_posix())
        if not page.question.sources:
            assert 'id="checked-against"' not in markup
            continue
        foot = markup[markup.index('id="checked-against"') :]
        for source in page.question.sources:
            assert f'href="{html.escape(source.url)}"' in foot, f"{page.source}: source not linked: {source.url}"


def test_demo_links_point_at_the_marked_lines(built_site, site_content):
    site_dir, _ = built_site
    bank, patterns = site_content
    for page in bank.questions.values():
        markup = read_page(site_dir, page.path.as_posix())
        if page.question.demo == "none":  # a coding exercise or career question: no demo code applies
            assert "stc-demo-link" not in markup, f"{page.source}: a demo link on a page without demo code"
            continue
        pattern = patterns[page.question.demo]
        link = re.search(r'<a class="stc-demo-link" href="([^"#?]+)\?lines=(\d+)-(\d+)#([^"]+)"', markup)
        assert link, f"{page.source}: no demo link"
        assert (int(link.group(2)), int(link.group(3))) == (pattern.start, pattern.end), f"{page.source}: wrong lines"
        fold = markup[markup.index('id="in-the-demo"') : markup.index('id="offer"')]
        fold = fold[fold.index("<details") :]
        code = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<code>(.*?)</code>", fold, re.DOTALL).group(1)))
        source = (PROJECT / pattern.path).read_text(encoding="utf-8").splitlines()[pattern.start - 1 : pattern.end]
        wanted = [line for line in shown_lines("\n".join(source)) if "--8<--" not in line]
        assert shown_lines(code) == wanted, f"{page.source}: the folded lines are not the pattern's"
        target_dir = (site_dir / page_url(page.path.as_posix()) / link.group(1)).resolve()
        assert target_dir == (site_dir / page_url(render.demo_page_uri(pattern.path))).resolve()
        demo_markup = (target_dir / "index.html").read_text(encoding="utf-8")
        line = re.search(rf'<span id="{link.group(4)}"[^>]*>(.*?)\n', demo_markup)
        assert link.group(4) == render.line_anchor(pattern.start) and line, f"{page.source}: bad line anchor"
        assert "--8<--" not in demo_markup, f"{pattern.path}: section markers shown"


def test_demo_pages_keep_the_real_line_numbers(built_site, site_content):
    site_dir, _ = built_site
    _, patterns = site_content
    for pattern in patterns.values():
        source_lines = render.without_markers((PROJECT / pattern.path).read_text(encoding="utf-8")).splitlines()
        markup = (site_dir / page_url(render.demo_page_uri(pattern.path)) / "index.html").read_text(encoding="utf-8")
        shown = re.search(rf'<span id="{render.line_anchor(pattern.start)}"[^>]*>(.*?)\n', markup).group(1)
        assert text_of(shown) == " ".join(source_lines[pattern.start - 1].split())


def test_topic_pages_list_every_question_with_its_answer(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    for topic in bank.topics:
        text = text_of(read_page(site_dir, topic.path.as_posix()))
        for page in bank.questions_of(topic):
            assert page.question.title in text
            assert shown_text(page.question.answer) in text


LOADS_FROM_ANOTHER_HOST = [r'src="(?:https?:)?//', r'<link[^>]*href="(?:https?:)?//', r"url\((?:'|\")?(?:https?:)?//"]


@pytest.mark.parametrize("pattern", LOADS_FROM_ANOTHER_HOST)
def test_no_page_loads_anything_from_another_host(built_site, pattern):
    site_dir, _ = built_site
    for path in site_dir.rglob("*"):
        if path.suffix in {".html", ".css"}:
            found = re.findall(pattern + r"[^\"')]*", path.read_text(encoding="utf-8"))
            assert not found, f"{path.relative_to(site_dir)}: {found}"


def test_our_scripts_name_no_other_host(built_site):
    """The site's own scripts (the service worker, flashcards, install prompt) fetch only from the site."""
    site_dir, _ = built_site
    ours = [site_dir / "sw.js", *(site_dir / "assets").glob("*.js")]
    assert len(ours) >= 4
    for path in ours:
        found = re.findall(r"""["'`](?:https?:)?//[^"'`]*""", path.read_text(encoding="utf-8"))
        assert not found, f"{path.relative_to(site_dir)}: {found}"


def test_must_know_lists_every_high_priority_question_in_study_order(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    text = text_of(read_page(site_dir, "must-know.md"))
    expected = [page.question.title for topic in bank.topics for page in bank.questions_of(topic) if page.question.priority == "high"]
    positions = [text.find(title) for title in expected]
    assert -1 not in positions and positions == sorted(positions)
    others = [page.question.title for page in bank.questions.values() if page.question.priority != "high"]
    assert not [title for title in others if f"{title} " in text]


def test_every_follow_up_has_its_own_anchor_and_answer(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    for page in bank.questions.values():
        if not page.question.follow_ups:
            continue
        markup = read_page(site_dir, page.path.as_posix())
        assert 'id="they-may-ask-next"' in markup, f"{page.source}: no follow-up section"
        sections = re.split(r'(?=<h3 class="stc-follow-up" id="fu-)', markup.split('id="they-may-ask-next"', 1)[1])
        for follow_up in page.question.follow_ups:
            opening = f'<h3 class="stc-follow-up" id="{follow_up.anchor}">'
            section = next((s for s in sections if s.startswith(opening)), None)
            assert section, f"{page.source}: no anchor {follow_up.anchor}"
            text = text_of(section)
            assert text.startswith(follow_up.ask), f"{page.source}: {follow_up.anchor} does not open on its question"
            if follow_up.answer:
                assert shown_text(follow_up.answer) in text
            else:
                slug, _, anchor = follow_up.see.partition("#")
                target = page_url(bank.questions[slug].path.as_posix())
                assert f'href="{posix_relative(page_url(page.path.as_posix()), target)}{"#" + anchor if anchor else ""}"' in section


def posix_relative(from_url: str, to_url: str) -> str:
    """A link between two directory URLs as MkDocs writes it: ../../topic/slug/"""
    import posixpath

    return posixpath.relpath(to_url, from_url) + "/"


def test_search_has_an_entry_for_each_follow_up_that_opens_it(built_site, site_content):
    import json

    site_dir, _ = built_site
    bank, _ = site_content
    docs = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    entries = {doc["location"]: doc for doc in docs}
    for page in bank.questions.values():
        for follow_up in page.question.follow_ups:
            if follow_up.answer:
                entry = entries.get(f"{page_url(page.path.as_posix())}#{follow_up.anchor}")
                assert entry and entry["title"] == follow_up.ask, f"{page.source}: {follow_up.anchor} is not searchable"


def test_topic_sheets_list_follow_ups_and_the_whole_sheet_does_not(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    whole = read_page(site_dir, "cheatsheets/index.md")
    assert "stc-card-follow-ups" not in whole
    for topic in bank.topics:
        sheet = read_page(site_dir, f"cheatsheets/{topic.name}.md")
        for page in bank.questions_of(topic):
            for follow_up in page.question.follow_ups:
                assert f"<li>{html.escape(follow_up.ask)}</li>" in sheet, f"{topic.name} sheet: {follow_up.ask}"


def test_must_know_and_topic_pages_carry_their_questions_for_progress(built_site, site_content):
    site_dir, _ = built_site
    bank, _ = site_content
    must = [page.slug for topic in bank.topics for page in bank.questions_of(topic) if page.question.priority == "high"]
    assert f'data-slugs="{" ".join(must)}"' in read_page(site_dir, "must-know.md")
    for topic in bank.topics:
        slugs = " ".join(page.slug for page in bank.questions_of(topic))
        assert f'data-slugs="{slugs}"' in read_page(site_dir, topic.path.as_posix())
