"""The mock interview in a real browser: a short round of questions and their follow-ups by
keyboard, the summary, marks kept after a reload, the first turn on a phone's first screen, and
the question read aloud only with a voice installed on the device."""

import pytest

from site_paths import page_url

MOCK = page_url("mock-interview.md")

# a device voice, as a phone has one: the page may read with it; nothing is fetched either way
LOCAL_VOICE = """
window.__spoken = [];
const voice = { name: "Device voice", lang: "en-GB", localService: true, voiceURI: "device", default: true };
speechSynthesis.getVoices = () => [voice];
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.voice = null; } };
speechSynthesis.speak = (utterance) => window.__spoken.push([utterance.text, utterance.voice && utterance.voice.name]);
"""


def start(page, site_url, scope: str, length: int = 5, follow_ups: int = 2):
    page.goto(f"{site_url}/{MOCK}")
    page.wait_for_selector("#stc-mock[data-ready]")
    page.select_option("select[name=scope]", scope)
    page.select_option("select[name=length]", str(length))
    page.select_option("select[name=follow_ups]", str(follow_ups))
    page.click("text=Start the round")


def turn(page) -> dict:
    return {
        "id": page.eval_on_selector("#stc-mock", "e => e.dataset.id"),
        "ask": page.inner_text(".stc-fc-question"),
        "after": page.inner_text(".stc-fc-after") if page.is_visible(".stc-fc-after") else None,
    }


def test_a_round_asks_questions_then_their_follow_ups_and_sums_up(phone, site_url, site_content):
    bank, _ = site_content
    topic = next(topic for topic in bank.topics if topic.name == "fastapi")
    start(phone, site_url, topic.name, length=5, follow_ups=2)
    turns, marks = [], {}
    while not phone.eval_on_selector("#stc-mock", "e => e.dataset.done"):
        current = turn(phone)
        turns.append(current)
        phone.keyboard.press("Space")
        assert phone.is_visible(".stc-fc-answer")
        grade = "k" if len(turns) % 3 else "d"
        marks[current["id"]] = grade
        phone.keyboard.press(grade)
    mains = [t for t in turns if t["after"] is None]
    assert len(mains) == 5
    for position, current in enumerate(turns):
        if current["after"] is not None:  # a follow-up: of the main question asked last
            parent = next(t for t in reversed(turns[:position]) if t["after"] is None)
            page = bank.questions[parent["id"]]
            assert current["after"] == f"After: {page.question.title}"
            assert current["ask"] in [f.ask for f in page.question.follow_ups]
    for main in mains:
        page = bank.questions[main["id"]]
        assert page.topic == topic.name
        asked = [t for t in turns if t["after"] == f"After: {page.question.title}"]
        assert len(asked) == min(2, len(page.question.follow_ups))
    missed = [t["ask"] for t in turns if marks[t["id"]] == "d"]
    assert phone.inner_text(".stc-mock-topics tbody") == f"{topic.topic.title}\t{len(turns) - len(missed)}\t{len(turns)}"
    assert phone.locator(".stc-mock-revisit a").all_inner_texts() == missed


def test_marks_are_kept_after_a_reload(phone, site_url, site_content):
    bank, _ = site_content
    start(phone, site_url, "python", length=5, follow_ups=1)
    marks = {}  # card id -> knew or missed, in the order asked
    while not phone.eval_on_selector("#stc-mock", "e => e.dataset.done"):
        phone.click(".stc-fc-reveal")
        marks[turn(phone)["id"]] = "knew" if len(marks) % 2 else "missed"
        phone.click(f"[data-grade={marks[turn(phone)['id']]}]")
    phone.reload()
    mains = {card: mark for card, mark in marks.items() if "#" not in card}
    total = len(bank.questions_of(next(t for t in bank.topics if t.name == "python")))
    phone.goto(f"{site_url}/{page_url('python/index.md')}")
    assert phone.inner_text(".stc-progress") == (
        f"Your progress: {list(mains.values()).count('knew')} known, {list(mains.values()).count('missed')} "
        f"to practise, {total - len(mains)} not seen yet (of {total})."
    )
    phone.goto(f"{site_url}/{page_url('flashcards.md')}")
    phone.wait_for_selector("#stc-flashcards[data-slug]")
    phone.click(".stc-fc-options summary")
    phone.select_option("select[name=kind]", "both")
    marked = list(marks.values())
    assert f"{marked.count('knew')} known, {marked.count('missed')} to practise" in phone.inner_text(".stc-fc-stats")


def test_on_a_phone_the_first_turn_is_on_the_first_screen(phone, site_url):
    phone.set_viewport_size({"width": 360, "height": 640})
    start(phone, site_url, "all")
    for part in [".stc-fc-question", ".stc-fc-timer", ".stc-fc-reveal"]:
        box = phone.locator(part).bounding_box()
        assert box and box["y"] + box["height"] <= 640, f"{part} is below the first screen: {box}"


def test_without_a_device_voice_nothing_is_offered(phone, site_url):
    phone.add_init_script("speechSynthesis.getVoices = () => [];")
    phone.goto(f"{site_url}/{MOCK}")
    phone.wait_for_selector("#stc-mock[data-ready]")
    assert not phone.is_visible(".stc-mock-voice")


def test_with_a_device_voice_the_question_is_read_aloud(phone, site_url):
    phone.add_init_script(LOCAL_VOICE)
    phone.goto(f"{site_url}/{MOCK}")
    phone.wait_for_selector("#stc-mock[data-ready]")
    phone.check("input[name=speak]")
    phone.click("text=Start the round")
    asked = phone.inner_text(".stc-fc-question")
    assert phone.evaluate("window.__spoken") == [[asked, "Device voice"]]
