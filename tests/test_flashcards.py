"""The flashcard page in a real browser: a full round, filters, the timer, keyboard use, and
progress that survives a reload until it is reset."""

import pytest

from site_paths import page_url


@pytest.fixture
def cards(phone, site_url):
    phone.goto(f"{site_url}/{page_url('flashcards.md')}")
    phone.wait_for_selector("#stc-flashcards[data-slug]")
    return phone


def current(page) -> dict:
    return page.eval_on_selector("#stc-flashcards", "e => ({...e.dataset})")


def stats(page) -> str:
    return page.inner_text(".stc-fc-stats")


def test_a_full_round_reveals_the_answer_and_grades_the_card(cards, site_content):
    bank, _ = site_content
    first = current(cards)
    question = bank.questions[first["slug"]].question
    assert cards.inner_text(".stc-fc-question") == question.title
    assert not cards.is_visible(".stc-fc-answer")
    cards.click(".stc-fc-reveal")
    assert cards.is_visible(".stc-fc-answer")
    assert cards.get_attribute(".stc-fc-link", "href").endswith(f"/{first['slug']}/")
    cards.click("[data-grade=knew]")
    assert current(cards)["slug"] != first["slug"]
    assert f"{len(bank.questions)} cards: 1 known" in stats(cards)


def test_the_keyboard_alone_runs_a_round(cards):
    first = current(cards)["slug"]
    cards.keyboard.press("Space")
    assert cards.is_visible(".stc-fc-answer")
    cards.keyboard.press("d")
    assert current(cards)["slug"] != first
    assert "1 to practise" in stats(cards)


def test_on_a_phone_the_card_comes_first_and_the_reveal_button_goes_once_used(phone, site_url):
    phone.set_viewport_size({"width": 360, "height": 640})
    phone.goto(f"{site_url}/{page_url('flashcards.md')}")
    phone.wait_for_selector("#stc-flashcards[data-slug]")
    for part in [".stc-fc-question", ".stc-fc-timer", ".stc-fc-reveal"]:
        box = phone.locator(part).bounding_box()
        assert box and box["y"] + box["height"] <= 640, f"{part} is below the first screen: {box}"
    assert not phone.is_visible("select[name=topic]"), "the filters are not folded away"
    phone.click(".stc-fc-reveal")
    assert phone.is_visible(".stc-fc-answer") and not phone.is_visible(".stc-fc-reveal")


def test_a_topic_and_priority_filter_limit_the_deck(cards, site_content):
    bank, _ = site_content
    topic = bank.topics[1]
    cards.click(".stc-fc-options summary")
    cards.select_option("select[name=topic]", topic.name)
    cards.uncheck("input[value=low]")
    cards.click(".stc-fc-question")  # leave the form, so Space reveals instead of ticking a box
    for _ in range(6):
        card = current(cards)
        assert card["topic"] == topic.name and card["priority"] != "low"
        cards.keyboard.press("Space")
        cards.keyboard.press("s")
    expected = [p for p in bank.questions_of(topic) if p.question.priority != "low"]
    assert stats(cards).startswith(f"{len(expected)} cards")


@pytest.mark.parametrize("seconds", [30, 60])
def test_the_timer_counts_down_and_reveals_at_zero(phone, site_url, seconds):
    phone.clock.install()
    phone.goto(f"{site_url}/{page_url('flashcards.md')}")
    phone.wait_for_selector("#stc-flashcards[data-slug]")
    if seconds != 30:
        phone.click(".stc-fc-options summary")
        phone.select_option("select[name=seconds]", str(seconds))  # a change deals a new card with that time
    assert phone.inner_text(".stc-fc-timer") == f"{seconds} s"
    phone.clock.run_for(10_000)
    assert phone.inner_text(".stc-fc-timer") == f"{seconds - 10} s"
    phone.clock.run_for((seconds - 9) * 1000)
    assert phone.inner_text(".stc-fc-timer") == "Time is up" and phone.is_visible(".stc-fc-answer")


def test_progress_survives_a_reload_until_reset(cards):
    for grade in ["k", "d"]:
        cards.keyboard.press("Space")
        cards.keyboard.press(grade)
    before = stats(cards)
    assert "1 known, 1 to practise" in before
    cards.reload()
    cards.wait_for_selector("#stc-flashcards[data-slug]")
    assert stats(cards) == before
    cards.click(".stc-fc-reset")
    assert "0 known, 0 to practise" in stats(cards)


def test_a_missed_card_comes_back_within_a_few_turns(cards):
    missed = current(cards)["slug"]
    cards.keyboard.press("Space")
    cards.keyboard.press("d")
    seen = []
    for _ in range(4):
        seen.append(current(cards)["slug"])
        cards.keyboard.press("Space")
        cards.keyboard.press("k")
    assert missed in seen


def test_follow_up_cards_show_the_question_they_follow(cards, site_content):
    bank, _ = site_content
    cards.click(".stc-fc-options summary")
    cards.select_option("select[name=kind]", "follow-ups")
    cards.click(".stc-fc-question")
    follow_ups = {
        f"{page.slug}#{f.anchor}": (page, f) for page in bank.questions.values() for f in page.question.follow_ups
    }
    assert stats(cards).startswith(f"{len(follow_ups)} cards")
    for _ in range(4):
        page, follow_up = follow_ups[current(cards)["slug"]]
        assert cards.inner_text(".stc-fc-question") == follow_up.ask
        assert cards.inner_text(".stc-fc-after") == f"After: {page.question.title}"
        cards.keyboard.press("Space")
        link = cards.get_attribute(".stc-fc-link", "href")
        assert link.endswith(f"/{page.slug}/#{follow_up.anchor}") or follow_up.see, link
        cards.keyboard.press("s")
