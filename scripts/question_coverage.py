"""Which questions in a list the site already answers, and which are new.

    uv run python scripts/question_coverage.py FILE... [--new-only] [--json]
    uv run python scripts/question_coverage.py ../shared/seeds/*.txt --write-pending

Reads the questions out of a CSV with a `question` column, or out of any text file: numbered
lists ("1.", "1)", "Q12.", keycap emoji), markdown headings, bold lines, lines ending in "?", Q/A
pairs and coding tasks ("Implement an LRU cache"). Answers, section headings, checklists, code
blocks and the lines listed by hash in excluded_lines.txt are skipped.

Each question is "covered" when a page's title, an alias or a follow-up says the same (the same
wording, or content words that overlap enough: `content.jaccard`). Otherwise BM25 ranks the pages
and follow-ups by their questions and answers: "probably covered" names the best candidates when
the best scores high enough, else the question is "new". Prints one line per question, then a
summary, and exits 0; 2 if a file cannot be read, 1 if the bank does not load. --write-pending
records the ones not covered in pending_questions.txt, each under the part of the bank that will
answer it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path

import bm25s
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from content import NEAR_DUPLICATE_JACCARD, Bank, FollowUp, QuestionPage, content_words, jaccard, wording_key
from mkdocs_hooks import load_site

SCRIPTS = Path(__file__).resolve().parent
PROJECT = SCRIPTS.parent
EXCLUDED_LINES = SCRIPTS / "excluded_lines.txt"
PENDING = SCRIPTS / "pending_questions.txt"

COVERED_JACCARD = NEAR_DUPLICATE_JACCARD  # this close, a wording could not be another page's alias
# BM25 score per known content word at which the best candidate probably answers the question
# (measured on the public-question benchmark: README, "Finding the questions the bank misses")
PROBABLY_SCORE = 1.25
COVERED, PROBABLY, NEW = "covered", "probably covered", "new"
CLOSE_JACCARD = 0.5  # a new question this close to a page is shown with it: maybe an alias to add
MAX_FOLLOW_UP_WORDS = 12  # "How is it achieved?" under a numbered question belongs to it
MIN_PROSE_WORDS = 8
EXCLUSION_REASONS = frozenset({"personal", "not-a-question"})

# --- reading a line ---------------------------------------------------------------------------

FENCE = re.compile(r"(```|~~~)")
RULE = re.compile(r"(-{3,}|\*{3,}|_{3,}|={3,})$")
ANSWER_MARK = re.compile(r"(\*\*)?(A|Ans|[Aa]nswer( [A-Za-z]+)?)\s*:(\*\*)?(\s|$)")
HEADING = re.compile(r"#{1,6}\s+")
BOLD_LINE = re.compile(r"\*\*([^*]+)\*\*$")
BULLET = re.compile(r"[-*+•]\s+")
CHECKBOX = re.compile(r"\[[ xX]\]\s*")
KEYCAP = re.compile("(?:[0-9]\ufe0f?\u20e3|\U0001f51f)+\\s*")
NUMBER = re.compile(r"(?:\d{1,3}[.)]|\(\d{1,3}\))(?!\d)\s*")
Q_NUMBER = re.compile(r"(?:Q\s?\d{1,3}\s*[.:)]|Q\s*:|question(?:\s*\d{1,3})?\s*:)\s*", re.IGNORECASE)
QUOTED_QUESTION = re.compile(r"(?:[-*]\s+)?(question\s*:\s*)?[\"“](.+?)[\"”]", re.IGNORECASE)

CHECK_MARKS = "✅❌☐☑✔✓✗✘"
NUMBERED = {"number", "q-number", "keycap"}  # a short line under one of these may finish it
PLAIN = {"", "bullet"}
QUESTION_EMOJI = {"❓", "❔", "🧠"}
QUESTION_WORDS = frozenset(
    """what what's whats how how's why when where which who whom whose is are was were can could
    do does did should would will has have explain describe discuss compare contrast define
    difference differences write implement design build create find give tell walk name list""".split()
)
PLAIN_PUNCTUATION = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "\u2010": "-", "\u2011": "-", "\u00a0": " "}
)


def encode_as(text: str, codec: str) -> bytes:
    """The bytes `text` was decoded from with `codec` (bytes the codec leaves undefined pass through)."""
    data = bytearray()
    for char in text:
        try:
            data += char.encode(codec)
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                raise
            data.append(ord(char))
    return bytes(data)


def repair_mojibake(line: str) -> str:
    """Undo UTF-8 that was read as Mac Roman or Windows-1252: "Python‚Äôs" -> "Python’s"."""
    if line.isascii():
        return line
    for codec in ("mac_roman", "cp1252"):
        try:
            return encode_as(line, codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return line


def without_leading_symbols(text: str) -> str:
    """Drop leading emoji and spaces: "🔥 Q1: ..." -> "Q1: ..."."""
    index = 0
    while index < len(text) and (
        text[index].isspace() or text[index] in "\ufe0f\u200d" or unicodedata.category(text[index]) == "So"
    ):
        index += 1
    return text[index:]


def split_marker(line: str) -> tuple[str, str]:
    """(kind, text): what marks the line as an item, and the text after the marks.

    kind is "heading", "q-number" (Q12. / Q: / Question:), "keycap" (1️⃣), "emoji" (❓ 🧠),
    "number" (1. / 1) / (1)), "bold" (a whole-line **bold**), "bullet", "checklist" (✅ / [ ])
    or "" (plain).
    """
    kind, text = "", line
    if match := HEADING.match(text):
        kind, text = "heading", text[match.end() :]
    if match := BOLD_LINE.match(text):
        kind, text = kind or "bold", match.group(1).strip()
    if match := BULLET.match(text):
        kind, text = kind or "bullet", text[match.end() :]
    if CHECKBOX.match(text) or text[:1] in CHECK_MARKS:
        return "checklist", text
    if text[:1] in QUESTION_EMOJI:
        kind = kind or "emoji"
    text = without_leading_symbols(text)
    if text[:1] in CHECK_MARKS:
        return "checklist", text
    if match := KEYCAP.match(text):
        kind, text = "keycap", text[match.end() :]
    if match := Q_NUMBER.match(text):
        kind, text = "q-number", text[match.end() :]
    elif match := NUMBER.match(text):
        kind, text = ("heading" if kind == "heading" else "number"), text[match.end() :]
    if match := BOLD_LINE.match(text):
        text = match.group(1).strip()
    if text[:1] in CHECK_MARKS:
        return "checklist", text
    return kind, text


def clean(text: str) -> str:
    """Plain text: no links, bold, backticks or wrapping quotes; plain quotes and hyphens; single spaces."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\*\*([^*\s](?:[^*]*[^*\s])?)\*\*", r"\1", text)
    text = text.replace("`", "").translate(PLAIN_PUNCTUATION)
    text = re.sub(r"\s+", " ", text).strip().strip("*").strip()
    if len(text) > 2 and text[0] == text[-1] == '"' and text.count('"') == 2:
        text = text[1:-1].strip()
    return text


def is_question_form(text: str) -> bool:
    """Ends with "?", starts like a question or a task ("Explain", "Implement"), or is an "X vs Y"."""
    if text.endswith("?") or re.search(r"\bvs\.?\s", text, re.IGNORECASE):
        return True
    unlabelled = re.sub(r"^[A-Za-z][\w ]{0,20}:\s+", "", text)  # "Advanced: Implement ..."
    first = re.match(r"[A-Za-z']+", unlabelled)
    return bool(first) and first.group().lower() in QUESTION_WORDS


def is_label(text: str) -> bool:
    return text.endswith(":")


def is_section_title(text: str) -> bool:
    """"MUST HAVE", "Core Python (30 Questions)", "Advanced Python (25)", "Role Question"."""
    if text.endswith("?"):
        return False
    shouting = len(text.split()) >= 2 and not re.search(r"[a-z]", text)
    counted = re.search(r"\(\d+(\s+questions)?\)$", text, re.IGNORECASE)
    return bool(shouting or counted or re.search(r"\bquestions?$", text, re.IGNORECASE))


def is_title_case(text: str) -> bool:
    """"Design Patterns", "Global Interpreter Lock (GIL)": a heading that names a topic."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    return not text.endswith("?") and all(word[0].isupper() for word in words if len(word) > 3)


def is_follow_up(text: str) -> bool:
    """A short second line of a question: "How is it achieved?", "(Profilers, cProfile, etc.)"."""
    short = len(text.split()) <= MAX_FOLLOW_UP_WORDS
    return short and (is_question_form(text) or (text.startswith("(") and text.endswith(")")))


def line_role(
    kind: str, text: str, *, in_answer: bool, under_question: bool, before_answer: bool, after_numbered: bool
) -> str:
    """What a non-blank line outside code blocks is: "question", "follow-up" (the rest of the
    numbered question on the line above), "heading" (ends an answer), "prose" (answer text), or
    "other".

    in_answer: after "Answer:" or a prose line; under_question: anywhere below a numbered, heading
    or bold question (an unmarked line there is its answer, even without "Answer:").
    """
    if kind == "checklist" or not text:
        return "other"
    if is_label(text):
        return "heading" if kind == "heading" else "other"
    if kind == "" and after_numbered and is_follow_up(text):
        return "follow-up"
    if before_answer or kind == "q-number":
        return "question"
    if kind == "heading":
        titled = is_section_title(text) or is_title_case(text)
        return "question" if is_question_form(text) and not titled else "heading"
    if kind in {"keycap", "emoji"}:
        return "heading" if is_section_title(text) else "question"
    if kind == "number":
        if is_section_title(text):
            return "heading"
        return "question" if is_question_form(text) or not in_answer else "other"
    if kind == "bold" and not in_answer and is_question_form(text):
        return "question"
    if kind in PLAIN and not (in_answer or under_question) and is_question_form(text):
        return "question"
    if not is_question_form(text) and (text.endswith(".") or len(text.split()) >= MIN_PROSE_WORDS):
        return "prose"
    return "other"


def quoted_question(line: str) -> str | None:
    """Inside a code block only a labelled (Question: "...") or a bulleted quoted question counts."""
    match = QUOTED_QUESTION.fullmatch(line)
    if not match:
        return None
    labelled, text = match.group(1), clean(match.group(2))
    bulleted = line[:1] in "-*"
    return text if labelled or (bulleted and text.endswith("?")) else None


@dataclass(frozen=True)
class SourceQuestion:
    line: int  # 1-based, where the question starts
    text: str


def extract_questions(text: str) -> list[SourceQuestion]:
    """Every question in a text, once per occurrence, in order."""
    lines = [repair_mojibake(raw).strip() for raw in text.splitlines()]
    answer_marks = [bool(ANSWER_MARK.match(line)) for line in lines]
    questions: list[SourceQuestion] = []
    in_fence = answering = in_prose = under_question = False
    open_question: int | None = None  # the numbered question a follow-up line may still extend
    for index, line in enumerate(lines):
        extendable, open_question = open_question, None
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            if question := quoted_question(line):
                questions.append(SourceQuestion(index + 1, question))
            continue
        if not line:
            in_prose = False
            continue
        if RULE.match(line):
            answering = in_prose = under_question = False
            continue
        if answer_marks[index]:
            answering = True
            continue
        following = next((i for i in range(index + 1, len(lines)) if lines[i]), None)
        kind, body = split_marker(line)
        text = clean(body)
        role = line_role(
            kind,
            text,
            in_answer=answering or in_prose,
            under_question=under_question,
            before_answer=following is not None and answer_marks[following],
            after_numbered=extendable is not None,
        )
        if role == "question":
            questions.append(SourceQuestion(index + 1, text))
            answering = in_prose = False
            under_question = kind not in PLAIN
            if kind in NUMBERED:
                open_question = len(questions) - 1
        elif role == "follow-up":
            first = questions[extendable]
            questions[extendable] = SourceQuestion(first.line, f"{first.text} {text}")
            open_question = extendable
        elif role == "heading":
            answering = in_prose = under_question = False
        elif role == "prose":
            in_prose = True
    return questions


# --- lines never to report --------------------------------------------------------------------


def same_wording(text: str) -> str:
    """The text compared for exact matches and hashed for exclusions."""
    text = re.sub(r"\s+", " ", clean(text).casefold())
    return text.strip(" ?.!:")


def question_hash(text: str) -> str:
    return hashlib.sha256(same_wording(text).encode("utf-8")).hexdigest()


def read_exclusions(path: Path) -> dict[str, str]:
    """sha256 of a question's wording -> why it is skipped. Lines: "<sha256> <reason>"; # comments."""
    exclusions = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        digest, _, reason = line.partition(" ")
        reason = reason.strip()
        if not re.fullmatch(r"[0-9a-f]{64}", digest) or reason not in EXCLUSION_REASONS:
            reasons = "|".join(sorted(EXCLUSION_REASONS))
            raise ValueError(f"{path.name}:{number}: expected '<sha256> <{reasons}>'")
        exclusions[digest] = reason
    return exclusions


# --- matching against the bank ----------------------------------------------------------------


@dataclass(frozen=True)
class Wording:
    page: str  # what answers it: docs/<topic>/<slug>.md, or that path and #fu-<anchor> for a follow-up
    text: str
    kind: str  # "title", "alias" or "follow-up"
    key: frozenset[str]


def follow_up_target(bank: Bank, page: QuestionPage, follow_up: FollowUp) -> str:
    """Where a follow-up is answered: on its page, or on the page (and follow-up) it sees."""
    if not follow_up.see:
        return f"{page.source}#{follow_up.anchor}"
    slug, _, anchor = follow_up.see.partition("#")
    return bank.questions[slug].source + (f"#{anchor}" if anchor else "")


def bank_wordings(bank: Bank, leave_out: frozenset[str] = frozenset()) -> list[Wording]:
    """Every title, alias and follow-up question; `leave_out` drops wordings (same_wording form),
    to measure how the rest would find them."""
    wordings = []
    for page in bank.questions.values():
        texts = [(page.source, page.question.title, "title")]
        texts += [(page.source, alias, "alias") for alias in page.question.aliases]
        texts += [
            (follow_up_target(bank, page, f), wording, "follow-up") for f in page.question.follow_ups for wording in f.wordings
        ]
        wordings += [
            Wording(target, text, kind, wording_key(text))
            for target, text, kind in texts
            if same_wording(text) not in leave_out
        ]
    return wordings


class Ranker:
    """BM25 over what answers a question: each page (its title, aliases and spoken answer) and each
    follow-up answered on it (its question and answer)."""

    def __init__(self, bank: Bank, leave_out: frozenset[str] = frozenset()):
        self.targets: list[str] = []
        documents: list[list[str]] = []
        for page in bank.questions.values():
            question = page.question
            kept = [text for text in [question.title, *question.aliases] if same_wording(text) not in leave_out]
            self.targets.append(page.source)
            documents.append(content_words(" ".join([*kept, question.answer])))
            for follow_up in question.follow_ups:
                kept = [text for text in follow_up.wordings if same_wording(text) not in leave_out]
                if follow_up.answer:  # its answer stays when its wordings are left out, like a page's
                    self.targets.append(f"{page.source}#{follow_up.anchor}")
                    documents.append(content_words(" ".join([*kept, follow_up.answer])))
        self.index = bm25s.BM25()
        self.index.index(documents, show_progress=False)
        self.vocabulary = {word for document in documents for word in document}

    def rank(self, question: str, count: int = 3) -> tuple[tuple[str, float], ...]:
        """The best targets on `count` different pages with their scores, each divided by the number
        of the question's content words the bank knows (so long and short questions compare)."""
        words = [word for word in content_words(question) if word in self.vocabulary]
        if not words:
            return ()
        # one page's follow-ups can fill the first results: fetch more, keep `count` pages
        found, scores = self.index.retrieve([words], k=min(count * 8, len(self.targets)), show_progress=False)
        best: dict[str, tuple[str, float]] = {}  # one candidate a page: its best target (the page or a follow-up)
        for index, score in zip(found[0], scores[0]):
            target = self.targets[index]
            if score > 0 and len(best) < count and page_of(target) not in best:
                best[page_of(target)] = (target, round(float(score) / len(set(words)), 2))
        return tuple(best.values())


@dataclass(frozen=True)
class Coverage:
    status: str  # "covered", "probably covered" or "new"
    page: str | None  # covered: what answers it (a page, or a page's follow-up); else None
    match: str | None  # covered: "exact title", "exact alias", "exact follow-up" or "similar"
    score: float  # the best Jaccard similarity of content words (1.0 for an exact match)
    closest: str | None  # the page with that best score
    candidates: tuple[tuple[str, float], ...]  # not covered: BM25's best targets and scores


def coverage_of(question: str, wordings: list[Wording], ranker: Ranker | None = None) -> Coverage:
    """Covered when a wording says the same (exactly, or content words overlapping enough);
    otherwise the ranker's best candidates decide between "probably covered" and "new"."""
    wording = same_wording(question)
    exact = [w for w in wordings if same_wording(w.text) == wording]
    if exact:
        best = min(exact, key=lambda w: ["title", "alias", "follow-up"].index(w.kind))
        return Coverage(COVERED, best.page, f"exact {best.kind}", 1.0, best.page, ())
    key = wording_key(question)
    scored = [(jaccard(key, w.key), w) for w in wordings if key and w.key]
    score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    closest = best.page if best and score > 0 else None
    if score >= COVERED_JACCARD:
        return Coverage(COVERED, closest, "similar", round(score, 2), closest, ())
    candidates = ranker.rank(question) if ranker else ()
    probably = bool(candidates) and candidates[0][1] >= PROBABLY_SCORE
    return Coverage(PROBABLY if probably else NEW, None, None, round(score, 2), closest, candidates)


# --- how well the ranker guesses, measured against a reader's judgement ---------------------------


def held_out(bank: Bank, questions: list[str]) -> frozenset[str]:
    """The wordings that cover these questions (the same words, or close enough): without them the
    bank sees each question as it did before its alias or follow-up was written."""
    asked = [(same_wording(question), wording_key(question)) for question in questions]
    return frozenset(
        same_wording(w.text)
        for w in bank_wordings(bank)
        if any(same_wording(w.text) == wording or (key and jaccard(key, w.key) >= COVERED_JACCARD) for wording, key in asked)
    )


@dataclass(frozen=True)
class Triage:
    threshold: float
    precision: float  # of the questions called "probably covered": the share whose best candidate is on the right page
    recall: float  # of the questions a reader found answered: the share called "probably covered" on the right page
    top3: float  # of the questions a reader found answered: the share with the right page among the 3 candidates


def page_of(target: str) -> str:
    return target.partition("#")[0]


def triage_quality(bank: Bank, judged: list[tuple[str, str | None]], thresholds: list[float]) -> list[Triage]:
    """`judged`: each question with the docs path a reader found answering it (None: new). The
    wordings covering them are held out, so the ranker meets every question as new."""
    ranker = Ranker(bank, held_out(bank, [question for question, _ in judged]))
    ranked = [(ranker.rank(question), answer and f"docs/{page_of(answer)}") for question, answer in judged]
    answered = [(candidates, page) for candidates, page in ranked if page]
    top3 = sum(any(page_of(t) == page for t, _ in candidates) for candidates, page in answered) / len(answered)
    quality = []
    for threshold in thresholds:
        called = [(candidates, page) for candidates, page in ranked if candidates and candidates[0][1] >= threshold]
        right = sum(page_of(candidates[0][0]) == page for candidates, page in called)
        quality.append(Triage(threshold, right / len(called) if called else 1.0, right / len(answered), top3))
    return quality


# --- which part of the bank will answer a new question ----------------------------------------

PARTS = {
    1: "concurrency/async, FastAPI, Pydantic, Django/Flask",
    2: "core Python, OOP/design patterns, coding exercises, own projects/role",
    3: "databases/SQL, caching/queues, data pipelines/AWS",
    4: "security/auth, API design, deployment, scaling/system design, observability/testing, frontend, "
    "AI tools",
}

# The first rule whose pattern is found in the lower-cased question decides; no rule: part 2.
PART_RULES: list[tuple[int, str]] = [
    # coding exercises and plain-Python speed
    (2, r"two sum|debounce|\blru\b|lru_cache|memoi[sz]|second largest|duplicate.* list|list.*duplicate"
        r"|shuffle|without using|without (the )?(built-?in|inbuild)|binary search|linear search|complexity"
        r"|rate limiter|queue and stack|write an? (function|program|decorator|class)"
        r"|optimi[sz]e python code|python performance|numpy|numerical"),
    # concurrency, Django and Flask, whatever else the question mentions
    (1, r"asyncio|async (code|tasks)|event ?loop|coroutine|backpressure|contextvars|semaphore"
        r"|race condition|\bgil\b|global interpreter lock|multiprocess|multithread|thread|concurren"
        r"|parallel|django|flask|\bwsgi\b|\basgi\b"),
    # AI tools
    (4, r"\bai\b|cursor|copilot|\bllm|\brag\b|milvus|model cost"),
    # security and auth
    (4, r"auth|jwt|oauth|password|encrypt|secur|secret|credential|csrf|xss|sql injection|\bpii\b"
        r"|sensitive|rbac|role-based|permission|token|https|ssl|protect"),
    # frontend
    (4, r"react|frontend|front-end|\bspa\b|\bssr\b|\bcsr\b|hydration|redux|tree shaking|browser"),
    # deployment
    (4, r"deploy|docker|kubernetes|\bk8s\b|helm|nginx|ci/cd|blue-green|canary|container"
        r"|environment variable|in production\?|reverse proxy"),
    # observability and testing
    (4, r"\blog|monitor|metric|prometheus|tracing|health check|\btest|pytest|\btdd\b|debug|\bapm\b"
        r"|mock|dependency override"),
    # data pipelines and AWS (before databases: "DuckDB workloads", "data storage workflow")
    (3, r"airflow|nifi|prefect|pipeline|\betl\b|ingest|orchestration|\bs3\b|\baws\b|pandas"
        r"|large dataset|schema evolution|iceberg|duckdb"),
    # databases
    (3, r"\bsql|database|\bdb\b|postgres|\borm\b|migration|alembic|index|join|transaction|\bacid\b"
        r"|n\+1|eager|lazy load|deadlock|\blocking|normali[sz]|shard|replica|primary key|nosql"
        r"|soft delete|bulk insert|multi-tenan|seed data|slow quer|query result|connection pool"
        r"|integrity|uuid"),
    # caching and queues
    (3, r"cach|redis|memcache|celery|rabbitmq|kafka|message (queue|broker)|\bqueue"),
    # scaling, performance and reliability
    (4, r"scal|load balanc|microservice|monolith|\bcap theorem|circuit breaker|gateway|high traffic"
        r"|1m users|real-time system|system design|monorepo|polyrepo|performance|optimi[sz]|latency"
        r"|reliability|audit|retries|data loss"),
    # FastAPI features (before API design: the FastAPI pages show their own docs, GraphQL, gRPC)
    (1, r"openapi|swagger|documentation|\bdocs\b|(graphql|grpc).*fastapi|fastapi.*(graphql|grpc)"
        r"|static files|templates|header|cookie|form data|compress|stream\w* respon|upload|websocket"
        r"|lifespan|startup|middleware|background|router|exception handler|custom (exception|erro)"
        r"|path param|query param"),
    # API design
    (4, r"\brest\b|graphql|grpc|version|paginat|rate.?limit|throttl|idempot|duplicate api"
        r"|api endpoints|json response"),
    # own projects and role
    (2, r"your (recent )?projects?|your role|you('ve| have) used|you worked|did you work"),
    # the rest of FastAPI and Pydantic
    (1, r"async|await|fastapi|fast api|pydantic|starlette|uvicorn|gunicorn|depends|dependency injection"
        r"|blocking|\block\b|cors|endpoint|route|request|response|validat"),
]


def part_of(question: str) -> int:
    text = question.lower()
    return next((part for part, pattern in PART_RULES if re.search(pattern, text)), 2)


# --- the report ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding(Coverage):
    source: str  # the file as named on the command line
    line: int
    question: str
    part: int | None  # for a new question, the part of the bank that will answer it
    sha256: str  # of the question's wording: the key for excluded_lines.txt

    @property
    def covered(self) -> bool:
        return self.status == COVERED


def finding(source: str, question: SourceQuestion, wordings: list[Wording], ranker: Ranker | None = None) -> Finding:
    found = coverage_of(question.text, wordings, ranker)
    return Finding(
        **asdict(found),
        source=source,
        line=question.line,
        question=question.text,
        part=None if found.page else part_of(question.text),
        sha256=question_hash(question.text),
    )


def without_excluded(questions: list[SourceQuestion], exclusions: dict[str, str]) -> list[SourceQuestion]:
    return [question for question in questions if question_hash(question.text) not in exclusions]


def report_line(finding: Finding) -> str:
    where = f"{finding.source}:{finding.line}"
    if finding.status == PROBABLY:
        ranked = ", ".join(f"{target} {score:.2f}" for target, score in finding.candidates)
        return f"{where}: probably covered by {ranked}: {finding.question}"
    if not finding.covered:
        near = f", closest {finding.closest} {finding.score:.2f}" if finding.score >= CLOSE_JACCARD else ""
        ranked = "".join(f", then {target} {score:.2f}" for target, score in finding.candidates[:1])
        return f"{where}: new (part {finding.part}{near}{ranked}): {finding.question}"
    how = f"similar {finding.score:.2f}" if finding.match == "similar" else finding.match
    return f"{where}: covered by {finding.page} ({how}): {finding.question}"


def counts(findings: list[Finding], skipped: int) -> dict[str, int]:
    return {
        "questions": len(findings),
        "covered": sum(finding.covered for finding in findings),
        "exact title": sum(finding.match == "exact title" for finding in findings),
        "exact alias": sum(finding.match == "exact alias" for finding in findings),
        "exact follow-up": sum(finding.match == "exact follow-up" for finding in findings),
        "similar": sum(finding.match == "similar" for finding in findings),
        "probably covered": sum(finding.status == PROBABLY for finding in findings),
        "new": sum(finding.status == NEW for finding in findings),
        "skipped": skipped,
    }


def summary_line(tally: dict[str, int]) -> str:
    line = (
        f"{tally['questions']} questions: {tally['covered']} covered ({tally['exact title']} exact title, "
        f"{tally['exact alias']} exact alias, {tally['exact follow-up']} exact follow-up, {tally['similar']} similar), "
        f"{tally['probably covered']} probably covered, {tally['new']} new"
    )
    if tally["skipped"]:
        line += f"; {tally['skipped']} skipped by {EXCLUDED_LINES.name}"
    return line


def text_report(findings: list[Finding], skipped: int, new_only: bool) -> str:
    lines = [report_line(finding) for finding in findings if not (new_only and finding.covered)]
    return "\n".join([*lines, summary_line(counts(findings, skipped))]) + "\n"


def json_report(findings: list[Finding], skipped: int, new_only: bool) -> str:
    shown = [asdict(finding) for finding in findings if not (new_only and finding.covered)]
    report = {"questions": shown, "counts": counts(findings, skipped)}
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


# --- the record of what is not covered yet ------------------------------------------------------

PENDING_HEADER = """\
# Source questions the bank does not answer yet, each under the part of the bank that will answer it.
# Written by: uv run python scripts/question_coverage.py ../shared/seeds/*.txt --write-pending
# Run that again after adding pages or aliases; tests/test_question_coverage.py checks this file.
"""


def pending_text(findings: list[Finding]) -> str:
    """Each new question once (first wording seen), grouped by part, in the order of the sources."""
    by_part: dict[int, dict[str, str]] = {part: {} for part in PARTS}
    for finding in findings:
        if not finding.covered:
            by_part[finding.part].setdefault(same_wording(finding.question), finding.question)
    sections = [
        "\n".join([f"## part {part}: {PARTS[part]}", *questions.values()])
        for part, questions in by_part.items()
    ]
    return PENDING_HEADER + "\n" + "\n\n".join(sections) + "\n"


def parse_pending(text: str) -> dict[str, int]:
    """Each pending question, as written -> its part."""
    pending, part = {}, None
    for line in text.splitlines():
        if match := re.match(r"## part (\d)\b", line):
            part = int(match.group(1))
        elif line.strip() and not line.startswith("#"):
            pending[line.strip()] = part
    return pending


def read_pending(path: Path) -> dict[str, int]:
    return parse_pending(path.read_text(encoding="utf-8"))


# --- command line -------------------------------------------------------------------------------


def load_bank(config_file: Path) -> Bank:
    """The bank, loaded and checked the way the build does."""
    bank, _ = load_site(load_config(str(config_file)))
    return bank


def read_questions(path: Path, text: str) -> list[SourceQuestion]:
    """A CSV with a `question` column gives one question a row; any other file is read as a list."""
    if path.suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        if rows and "question" not in rows[0]:
            raise ValueError(f"{path}: a CSV needs a 'question' column")
        return [SourceQuestion(number, row["question"].strip()) for number, row in enumerate(rows, start=2)]
    return extract_questions(text)


MEASURED_THRESHOLDS = [0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0]


def judged_questions(path: Path, text: str) -> list[tuple[str, str | None]]:
    rows = list(csv.DictReader(text.splitlines()))
    if not rows or "question" not in rows[0] or "answered_by" not in rows[0]:
        raise ValueError(f"{path}: --measure needs a CSV with 'question' and 'answered_by' columns")
    return [(row["question"], None if row["answered_by"] == NEW else row["answered_by"]) for row in rows]


def triage_report(quality: list[Triage]) -> str:
    lines = [f"right page among the 3 candidates: {quality[0].top3:.0%} of the answered questions",
             "threshold  precision  recall  (of 'probably covered', wordings that cover each question held out)"]
    lines += [f"{q.threshold:>9.2f}  {q.precision:>9.0%}  {q.recall:>6.0%}" for q in quality]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="text files of questions")
    parser.add_argument("--new-only", action="store_true", help="list only the questions no page answers")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--write-pending", action="store_true", help=f"also rewrite scripts/{PENDING.name}")
    parser.add_argument(
        "--measure", action="store_true",
        help="FILEs are CSVs with an answered_by column (docs path, path#anchor, or new): print how often "
        "'probably covered' names the right page, per score threshold",
    )
    parser.add_argument("--config", type=Path, default=PROJECT / "mkdocs.yml", help="the site to check against")
    args = parser.parse_args(argv)

    texts = {}
    for path in args.files:
        try:
            texts[str(path)] = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            print(f"cannot read {path}: {error.strerror or error}", file=sys.stderr)
            return 2
    try:
        bank = load_bank(args.config)
    except MkDocsException as error:
        print(error, file=sys.stderr)
        return 1
    if args.measure:
        try:
            judged = [pair for source, text in texts.items() for pair in judged_questions(Path(source), text)]
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        sys.stdout.write(triage_report(triage_quality(bank, judged, MEASURED_THRESHOLDS)))
        return 0
    wordings, ranker = bank_wordings(bank), Ranker(bank)
    exclusions = read_exclusions(EXCLUDED_LINES)

    findings, skipped = [], 0
    for source, text in texts.items():
        try:
            questions = read_questions(Path(source), text)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 2
        kept = without_excluded(questions, exclusions)
        skipped += len(questions) - len(kept)
        findings += [finding(source, question, wordings, ranker) for question in kept]

    report = json_report if args.json else text_report
    sys.stdout.write(report(findings, skipped, args.new_only))
    if args.write_pending:
        PENDING.write_text(pending_text(findings), encoding="utf-8")
        print(f"wrote {PENDING.relative_to(PROJECT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
