"""The question-coverage tool: extraction in each source format, matching against the bank, the
report, skipped lines, and the committed record of the source questions not answered yet."""

import csv
import json
import re
from pathlib import Path
from textwrap import dedent

import shutil

import pytest

import question_coverage as qc
from site_paths import PROJECT
from content import Bank, Question, QuestionPage

SEEDS = PROJECT.parent / "shared" / "seeds"
REGENERATE = "uv run python scripts/question_coverage.py ../shared/seeds/*.txt --write-pending"


def questions(text: str) -> list[str]:
    return [question.text for question in qc.extract_questions(dedent(text))]


# --- extraction, one source format at a time (all fixture text is made up) ---------------------


def test_markdown_headings_with_answers():
    text = """\
        # Networking

        ### 1. What is a socket? How does it differ from a port?

        Answer:

        A socket is one end of a connection. Why does that matter?

        ### 2. Explain TCP slow start.

        Answer: the sender grows its window.

        ### 3. Transport Layer (12 Questions)

        ### Retry Budgets

        ### How do you pick a timeout?
        Answer: measure first.
    """
    assert questions(text) == [
        "What is a socket? How does it differ from a port?",
        "Explain TCP slow start.",
        "How do you pick a timeout?",
    ]


def test_q_numbered_list_with_one_line_answers():
    text = """\
        1. Storage (3 Questions)

        ### Q1. What is a write-ahead log?
        A: A log written before the data pages.

        Q2. Difference between a heap file and a clustered table?
        A:

        1. heap: unordered rows
        2. clustered: ordered by key

        Q3: Explain MVCC.
        A: Readers see a snapshot.
    """
    assert questions(text) == [
        "What is a write-ahead log?",
        "Difference between a heap file and a clustered table?",
        "Explain MVCC.",
    ]


def test_plain_numbered_lists_keep_topics_and_second_lines():
    text = """\
        1)What is a bloom filter?
        2) How does consistent hashing work?
        3. Explain the outbox pattern.
        Give one failure it prevents.
        4. Idempotency keys in payment APIs
        5. How would you size a thread pool?
        (CPU count, wait time, etc.)
        6.
    """
    assert questions(text) == [
        "What is a bloom filter?",
        "How does consistent hashing work?",
        "Explain the outbox pattern. Give one failure it prevents.",
        "Idempotency keys in payment APIs",
        "How would you size a thread pool? (CPU count, wait time, etc.)",
    ]


def test_a_pasted_list_of_plain_lines():
    text = """\
        Backend questions
        How do you roll back a bad release?
        Explain the outbox pattern
        Write a function that flattens a nested list
        Idempotency keys
    """
    assert questions(text) == [
        "How do you roll back a bad release?",
        "Explain the outbox pattern",
        "Write a function that flattens a nested list",
    ]


def test_unmarked_answer_lines_under_a_heading_question():
    text = """\
        ### Q1. How do you size a connection pool?

        Measure how long requests wait for a connection.

        Explain the numbers to the team before changing them.

        Why? Pools that are too big hurt the database?
    """
    assert questions(text) == ["How do you size a connection pool?"]


def test_bold_questions_and_bold_labels():
    text = """\
        **Why pin dependencies?**

        **What to say:**

        **Lockfiles make builds repeatable.**
    """
    assert questions(text) == ["Why pin dependencies?"]


def test_lines_ending_with_a_question_mark_but_not_inside_an_answer():
    text = """\
        Backend questions
        How do you roll back a bad release?
        - "What does a load balancer health check test?"

        7. Is a CDN worth it for an API? How is it configured?
        A CDN caches responses at the edge, close to the users who ask for them.
        What is the edge?
        It is a server near the user.
    """
    assert questions(text) == [
        "How do you roll back a bad release?",
        "What does a load balancer health check test?",
        "Is a CDN worth it for an API? How is it configured?",
    ]


def test_sample_spoken_answers_in_code_blocks_are_not_questions():
    text = """\
        **What you need to say:**

        ```
        Question: "Explain the retry loop in this code"
        - "How do you cap retries?"
        "I cap retries at three with jittered backoff.
        Want me to show you the code?"
        Ask: "Give me a harder one?"
        ```

        ### **4. Retry Handling**
    """
    assert questions(text) == ["Explain the retry loop in this code", "How do you cap retries?"]


def test_rapid_fire_items_with_keycaps_and_emoji():
    text = """\
        ⚡ RAPID FIRE ANSWERS
        1️⃣ TCP vs UDP
        TCP = ordered, UDP = fire and forget.
        1️⃣2️⃣ Streaming Role Question
        **Where is gRPC used?**
        👉 Service to service calls
        🔥 Important for low-latency roles
        🔥 Q3: Why HTTP/2?
        **Answer:**
        - multiplexing
        ❓ Keep-alive needed?
        🧠 Connection pooling
        🧠 MUST KNOW
    """
    assert questions(text) == [
        "TCP vs UDP",
        "Where is gRPC used?",
        "Why HTTP/2?",
        "Keep-alive needed?",
        "Connection pooling",
    ]


def test_coding_tasks_phrased_as_imperatives():
    text = """\
        # Coding round

        1. Write a function that merges two sorted lists.
        2. Implement an LRU cache
        3️⃣ Ring Buffer
        ### Implement a trie with prefix search

        🧠 Design a URL shortener
        **Answer Structure:**
        1. Hash the URL
        2. Store it
    """
    assert questions(text) == [
        "Write a function that merges two sorted lists.",
        "Implement an LRU cache",
        "Ring Buffer",
        "Implement a trie with prefix search",
        "Design a URL shortener",
    ]


def test_checklists_and_section_titles_are_skipped():
    text = """\
        ## ✅ CHECKLIST
        1. ✅ Practice each answer aloud
        - [ ] Time every answer
        - ✅ Why cache?
        2. Advanced Storage (25)
        3. Indexes and why they help
    """
    assert questions(text) == ["Indexes and why they help"]


def test_cleaning_numbering_markdown_links_and_quotes():
    text = """\
        1. **What is `asyncio.Queue`?**
        2. "How does [HTTP caching](https://example.org/caching) work?"
        3. What are *args and **kwargs?
        4. What is __slots__ used for?
    """
    assert questions(text) == [
        "What is asyncio.Queue?",
        "How does HTTP caching work?",
        "What are *args and **kwargs?",
        "What is __slots__ used for?",
    ]


@pytest.mark.parametrize(
    "line, codec",
    [("1️⃣ What’s a tuple — really?", "mac_roman"), ("1. What’s a tuple — really?", "cp1252")],
)
def test_text_decoded_with_the_wrong_codec_is_repaired(line, codec):
    assert questions(line.encode("utf-8").decode(codec)) == ["What's a tuple — really?"]


def test_each_occurrence_is_its_own_question_with_its_line():
    found = qc.extract_questions("1. What is a mutex?\n\nprose.\n\n2. What is a mutex?\n")
    assert [(question.line, question.text) for question in found] == [
        (1, "What is a mutex?"),
        (5, "What is a mutex?"),
    ]


# --- lines never to report -----------------------------------------------------------------------


def test_excluded_lines_are_dropped_by_the_hash_of_their_wording():
    found = qc.extract_questions("1. Why did you leave Initech after six months?\n2. What is a semaphore?\n")
    exclusions = {qc.question_hash("why did you leave initech after six months"): "personal"}
    assert [question.text for question in qc.without_excluded(found, exclusions)] == ["What is a semaphore?"]


def test_the_exclusion_list_names_a_reason_for_each_hash(tmp_path):
    assert all(reason in qc.EXCLUSION_REASONS for reason in qc.read_exclusions(qc.EXCLUDED_LINES).values())
    bad = tmp_path / "excluded.txt"
    bad.write_text(f"{qc.question_hash('x')} private\n", encoding="utf-8")
    expected = "excluded.txt:1: expected '<sha256> <not-a-question|personal>'"
    with pytest.raises(ValueError, match=re.escape(expected)):
        qc.read_exclusions(bad)


# --- matching ------------------------------------------------------------------------------------


def page(
    slug: str, title: str, aliases: list[str], answer: str = "A short answer.", follow_ups: tuple[dict, ...] = ()
) -> QuestionPage:
    question = Question(
        title=title,
        priority="high",
        tags=["asyncio"],
        aliases=aliases,
        answer=answer,
        follow_ups=list(follow_ups),
        snippet=f"basics/{slug.replace('-', '_')}.py",
        demo="loop",
        demo_note="The demo does it here.",
        offer="Want me to show it?",
    )
    return QuestionPage(Path(f"basics/{slug}.md"), "basics", slug, question, "")


BANK = Bank(
    [],
    {
        "event-loop": page(
            "event-loop",
            "What is the asyncio event loop?",
            ["How does the event loop schedule coroutines?"],
            "An event loop runs one task at a time and switches tasks at each await.",
        ),
        "gil": page(
            "gil",
            "What is the global interpreter lock?",
            ["Why can't CPython threads run in parallel?"],
            "A CPython lock that lets one thread run bytecode at a time.",
            ({"ask": "Which workloads still scale with threads?", "answer": "Work that waits on disks or sockets."},),
        ),
    },
)
WORDINGS = qc.bank_wordings(BANK)


@pytest.mark.parametrize(
    "question, page, match, score",
    [
        ("what is the asyncio event loop", "docs/basics/event-loop.md", "exact title", 1.0),
        ("Why can’t  CPython threads run in parallel?", "docs/basics/gil.md", "exact alias", 1.0),
        ("How does an event loop schedule the coroutines?", "docs/basics/event-loop.md", "similar", 1.0),
        ("Why can't CPython threads run in true parallel?", "docs/basics/gil.md", "similar", 0.83),
        ("What is a database index?", None, None, 0.0),
    ],
)
def test_matching(question, page, match, score):
    found = qc.coverage_of(question, WORDINGS)
    assert (found.page, found.match, found.score) == (page, match, score)
    assert found.status == (qc.COVERED if page else qc.NEW)


def test_a_follow_up_question_is_covered_by_its_anchor():
    found = qc.coverage_of("Which workloads still scale with threads?", WORDINGS)
    assert (found.page, found.match) == ("docs/basics/gil.md#fu-workloads-still-scale-threads", "exact follow-up")


@pytest.mark.parametrize(
    "question, best",
    [
        ("When does an await let another task run?", "docs/basics/event-loop.md"),
        ("Is bytecode ever run by two threads at a time?", "docs/basics/gil.md"),
        ("Do sockets and disks still scale on threads?", "docs/basics/gil.md#fu-workloads-still-scale-threads"),
    ],
)
def test_the_ranker_reads_answers_and_follow_ups(question, best):
    ranked = qc.Ranker(BANK).rank(question)
    assert ranked[0][0] == best
    assert all(score > 0 for _, score in ranked)


def test_the_ranker_can_leave_wordings_out_to_measure_itself():
    alias = "How does the event loop schedule coroutines?"
    kept, left_out = qc.Ranker(BANK), qc.Ranker(BANK, leave_out=frozenset({qc.same_wording(alias)}))
    assert kept.rank("schedule coroutines")[0][0] == "docs/basics/event-loop.md"
    assert left_out.rank("schedule coroutines") == ()  # only that alias had those words
    assert alias not in [w.text for w in qc.bank_wordings(BANK, leave_out=frozenset({qc.same_wording(alias)}))]


def test_a_question_the_ranker_places_is_probably_covered_or_new_by_its_score(monkeypatch):
    question = "When does an await let another task run?"
    monkeypatch.setattr(qc, "PROBABLY_SCORE", 0.01)
    probably = qc.coverage_of(question, WORDINGS, qc.Ranker(BANK))
    monkeypatch.setattr(qc, "PROBABLY_SCORE", 1000)
    new = qc.coverage_of(question, WORDINGS, qc.Ranker(BANK))
    assert (probably.status, probably.page, probably.candidates[0][0]) == (qc.PROBABLY, None, "docs/basics/event-loop.md")
    assert (new.status, new.candidates) == (qc.NEW, probably.candidates)


def test_a_new_question_names_the_closest_page():
    found = qc.coverage_of("Why is the global interpreter lock needed?", WORDINGS)
    assert (found.page, found.closest) == (None, "docs/basics/gil.md")
    assert qc.CLOSE_JACCARD <= found.score < qc.COVERED_JACCARD


@pytest.mark.parametrize(
    "question, part",
    [
        ("How do you cancel an asyncio task?", 1),
        ("How do you add a router prefix in FastAPI?", 1),
        ("Implement an LRU cache", 2),
        ("What is a metaclass?", 2),
        ("What is a covering index in PostgreSQL?", 3),
        ("When would you put Celery behind Redis?", 3),
        ("How do you rotate JWT signing keys?", 4),
        ("How do you deploy FastAPI with Docker?", 4),
    ],
)
def test_new_questions_are_given_a_part(question, part):
    assert qc.part_of(question) == part


# --- the report and the command line -------------------------------------------------------------

SOURCE = """\
1. What is the asyncio event loop?
2. Why can't CPython threads run in parallel?
3. What is a database index?
4. Which workloads still scale with threads?
"""


@pytest.fixture
def site(tmp_path) -> Path:
    """A one-topic site (two pages) for the command line to check a list against."""
    (tmp_path / "mkdocs.yml").write_text("site_name: t\nnav:\n  - Basics: basics/index.md\n", encoding="utf-8")
    (tmp_path / "docs/basics").mkdir(parents=True)
    (tmp_path / "docs/basics/index.md").write_text(
        "---\ntitle: Basics\nsummary: The basics.\nquestions: [event-loop, gil]\n---\n", encoding="utf-8"
    )
    for slug, title, alias, follow_up in [
        ("event-loop", "What is the asyncio event loop?", "How does the event loop schedule coroutines?",
         "What happens when a coroutine never awaits?"),
        ("gil", "What is the global interpreter lock?", "Why can't CPython threads run in parallel?",
         "Which workloads still scale with threads?"),
    ]:
        snippet = slug.replace("-", "_")
        (tmp_path / f"docs/basics/{slug}.md").write_text(
            f"---\ntitle: {title}\npriority: low\ntags: [asyncio]\naliases:\n  - {alias}\n"
            f"answer: A short answer.\nsnippet: basics/{snippet}.py\ndemo: loop\n"
            "demo_note: The demo does it here.\noffer: Want me to show it?\n"
            "sources:\n  - title: asyncio\n    url: https://docs.python.org/3/library/asyncio.html\n"
            f"follow_ups:\n  - ask: {follow_up}\n    answer: It depends on the work.\n---\n",
            encoding="utf-8",
        )
        (tmp_path / f"snippets/basics/{snippet}.py").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / f"snippets/basics/{snippet}.py").write_text("print(len('ok'))\n#> 2\n", encoding="utf-8")
    shutil.copy(PROJECT / "uv.lock", tmp_path / "uv.lock")  # what the snippets run on is read from it
    (tmp_path / "demo").mkdir()
    (tmp_path / "demo/app.py").write_text("# --8<-- [start:loop]\nx = 1\n# --8<-- [end:loop]\n", encoding="utf-8")
    (tmp_path / "list.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def run(site: Path, *args: str) -> int:
    return qc.main([*args, "--config", str(site / "mkdocs.yml")])


def test_the_text_report(site, capsys):
    source = str(site / "list.txt")
    assert run(site, source) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{source}:1: covered by docs/basics/event-loop.md (exact title): What is the asyncio event loop?",
        f"{source}:2: covered by docs/basics/gil.md (exact alias): Why can't CPython threads run in parallel?",
        f"{source}:3: new (part 3): What is a database index?",
        f"{source}:4: covered by docs/basics/gil.md#fu-workloads-still-scale-threads (exact follow-up): "
        "Which workloads still scale with threads?",
        "4 questions: 3 covered (1 exact title, 1 exact alias, 1 exact follow-up, 0 similar), 0 probably covered, 1 new",
    ]


def test_new_only_and_json(site, capsys):
    assert run(site, str(site / "list.txt"), "--new-only", "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert report["questions"] == [
        {
            "status": "new",
            "page": None,
            "match": None,
            "score": 0.0,
            "closest": None,
            "candidates": [],
            "source": str(site / "list.txt"),
            "line": 3,
            "question": "What is a database index?",
            "part": 3,
            "sha256": qc.question_hash("What is a database index?"),
        }
    ]
    assert report["counts"] == {
        "questions": 4, "covered": 3, "exact title": 1, "exact alias": 1, "exact follow-up": 1, "similar": 0,
        "probably covered": 0, "new": 1, "skipped": 0,
    }


def test_an_unreadable_file_exits_2_naming_it(site, capsys):
    missing = site / "no-such-list.txt"
    assert run(site, str(site / "list.txt"), str(missing)) == 2
    assert f"cannot read {missing}" in capsys.readouterr().err


def test_a_bank_that_does_not_load_exits_1_with_the_problem(site, capsys):
    gil = site / "docs/basics/gil.md"
    gil.write_text(gil.read_text(encoding="utf-8").replace("demo: loop", "demo: lopo"), encoding="utf-8")
    assert run(site, str(site / "list.txt")) == 1
    assert "docs/basics/gil.md: unknown demo pattern 'lopo'" in capsys.readouterr().err


def test_the_pending_record_round_trips():
    found = [qc.finding("list.txt", question, WORDINGS) for question in qc.extract_questions(SOURCE * 2)]
    text = qc.pending_text(found)
    assert "## part 3: databases/SQL, caching/queues, data pipelines/AWS\nWhat is a database index?\n" in text
    assert text.count("What is a database index?") == 1
    assert qc.parse_pending(text) == {"What is a database index?": 3}


# --- the committed record against the real sources and the real bank ------------------------------


def source_questions() -> list[str]:
    """The seed lists' questions: they sit beside the project (as in CI), and without them this
    check would compare the pending record with itself, so it fails instead."""
    if not SEEDS.is_dir() or not list(SEEDS.glob("*.txt")):
        pytest.fail(f"the source lists are missing: expected {SEEDS}/*.txt beside the project (CI has them)")
    exclusions = qc.read_exclusions(qc.EXCLUDED_LINES)
    return [
        question.text
        for path in sorted(SEEDS.glob("*.txt"))
        for question in qc.without_excluded(qc.extract_questions(path.read_text(encoding="utf-8")), exclusions)
    ]


def test_every_source_question_is_answered_or_pending(site_content):
    wordings = qc.bank_wordings(site_content[0])
    pending = qc.read_pending(qc.PENDING)
    pending_wordings = {qc.same_wording(question) for question in pending}
    wanted = source_questions()
    missing = [
        question
        for question in wanted
        if qc.coverage_of(question, wordings).page is None and qc.same_wording(question) not in pending_wordings
    ]
    answered = [question for question in pending if qc.coverage_of(question, wordings).page is not None]
    assert not missing, f"neither answered nor in {qc.PENDING.name} (run {REGENERATE}):\n" + "\n".join(missing)
    assert not answered, f"answered now, still in {qc.PENDING.name} (run {REGENERATE}):\n" + "\n".join(answered)
    sourced = {qc.same_wording(question) for question in wanted}
    stale = [question for question in pending if qc.same_wording(question) not in sourced]
    assert not stale, f"in {qc.PENDING.name} but in no source list (run {REGENERATE}):\n" + "\n".join(stale)
    assert set(pending.values()) <= set(qc.PARTS)
    excluded = qc.read_exclusions(qc.EXCLUDED_LINES)
    assert not [question for question in pending if qc.question_hash(question) in excluded]


# --- the public-question benchmark (issue #13) ----------------------------------------------------

BENCHMARK = PROJECT / "tests" / "data" / "public_questions.csv"
# measured with the wordings that cover each question held out (README: "Finding the questions the bank misses")
TRIAGE_TOP3, TRIAGE_PRECISION = 0.8, 0.75
KINDS = {"question-list", "prep-site", "company-report", "framework-drill", "qa-thread", "repository"}


def benchmark_rows() -> list[dict[str, str]]:
    return list(csv.DictReader(BENCHMARK.open(encoding="utf-8")))


def test_the_benchmark_holds_400_public_questions_from_8_collections_with_their_sources():
    rows = benchmark_rows()
    collections = {row["source"].split(":")[0] for row in rows}
    assert len(rows) >= 400 and len(collections) >= 8
    assert len({qc.same_wording(row["question"]) for row in rows}) == len(rows), "a question is listed twice"
    assert all(row["url"].startswith("https://") and row["kind"] in KINDS for row in rows)
    assert all(2 <= len(row["keywords"].split()) <= 5 for row in rows), "key words: 2 to 5 words a row"


def test_the_coverage_script_finds_95_percent_of_the_benchmark_answered_on_the_page_a_reader_chose(site_content):
    bank, _ = site_content
    wordings = qc.bank_wordings(bank)
    rows = benchmark_rows()
    found = [(row, qc.coverage_of(row["question"], wordings)) for row in rows]
    covered = [(row, coverage) for row, coverage in found if coverage.status == qc.COVERED]
    not_covered = [row["question"] for row, coverage in found if coverage.status != qc.COVERED]
    assert len(covered) >= 0.95 * len(rows), f"{len(not_covered)} not answered directly: {not_covered}"
    # where the script finds a wording, it is on the page the benchmark names
    assert [
        (row["question"], coverage.page) for row, coverage in covered
        if qc.page_of(coverage.page) != f"docs/{qc.page_of(row['answered_by'])}"
    ] == []


def test_the_ranker_names_the_right_page_for_questions_it_has_not_seen(site_content):
    bank, _ = site_content
    judged = qc.judged_questions(BENCHMARK, BENCHMARK.read_text(encoding="utf-8"))
    (quality,) = qc.triage_quality(bank, judged, [qc.PROBABLY_SCORE])
    assert quality.top3 >= TRIAGE_TOP3 and quality.precision >= TRIAGE_PRECISION, quality
