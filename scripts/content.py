"""The question bank: the page schema, loading from docs/, and every content check.

Each question is one Markdown file, docs/<topic>/<slug>.md. Its front matter is the data
(validated by `Question`); its body is only the optional "If they dig deeper" part.
Each topic is a folder with an index.md whose front matter lists its questions in study order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from snippet_shape import ShapeError, proofless_prints, shape_of, shape_problems

MAX_ANSWER_WORDS = 60
MAX_ANSWER_SENTENCES = 3
MAX_MEAN_ANSWER_WORDS = 45  # across the bank: answers are meant to take 15-20 seconds to say
MAX_ANSWER_CODE_SPANS = 2
MAX_DEEPER_WORDS = 150
MAX_FOLLOW_UP_WORDS = 40
MAX_FOLLOW_UP_SENTENCES = 2
# an interviewer digs deeper on what matters more
MIN_FOLLOW_UPS = {"high": 3, "medium": 2, "low": 1}
NEAR_DUPLICATE_JACCARD = 0.8

# topics whose pages answer from the candidate's own reasoning or experience, not from documentation;
# only they may have no demo code (`demo: none`), when the question has no backend pattern at all
SOURCELESS_TOPICS = frozenset({"coding", "career"})
NO_DEMO = "none"
# a demo note describes the linked code; one that says what the demo lacks links to something else
DEMO_LACKS = re.compile(
    r"\b((the demo|it) (has|have) no|does ?n[o\']t (have|include|ship)|lacks|no \w+ of its own|nothing in the demo)\b",
    re.IGNORECASE,
)
PRIMARY_SOURCES_FILE = Path(__file__).with_name("primary_sources.txt")

ALLOWED_TAGS = frozenset(
    """
    ai-tools api-design architecture asyncio auth caching career coding-exercise concurrency
    cors databases deployment design-patterns dependency-injection django docker errors fastapi
    flask frontend gil http middleware multiprocessing observability oop performance postgresql
    profiling pydantic python-core queues redis security sql sqlalchemy testing threading
    typing validation versioning websockets
    """.split()
)

Priority = Literal["high", "medium", "low"]


def count_words(text: str) -> int:
    return len(text.split())


def split_sentences(text: str) -> list[str]:
    """Sentences end with . ! or ? followed by a space and a capital, a quote or a backtick.

    "Python 3.14" or "asyncio.run()" stay whole; write "for example" rather than "e.g.".
    """
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z`\"'(])", text.strip())
    return [part for part in parts if part]


def read_primary_sources(path: Path = PRIMARY_SOURCES_FILE) -> tuple[str, ...]:
    """Accepted source prefixes, 'host' or 'host/path', one per line; '#' starts a comment."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        if "://" in entry or " " in entry or "." not in entry.split("/")[0]:
            raise ValueError(f"{path.name}:{number}: not a host or host/path: {entry!r}")
        entries.append(entry.rstrip("/"))
    return tuple(entries)


PRIMARY_SOURCES = read_primary_sources()


def is_primary_source(url: str) -> bool:
    parts = urlsplit(url)
    where = f"{parts.hostname or ''}{parts.path}"
    return any(where == entry or where.startswith(f"{entry}/") for entry in PRIMARY_SOURCES)


CODE_SPAN = re.compile(r"`([^`]+)`")
# a name said aloud: `async def`, `__slots__`, `asyncio.gather()`, `--workers`, `X-Request-ID`
SHORT_CODE_NAME = re.compile(r"@?-{0,2}[A-Za-z_][\w.\-]*(\(\))?( [A-Za-z_][\w.]*)?")
MAX_CODE_NAME_LENGTH = 24


def spoken_problems(text: str) -> list[str]:
    """Why an answer is hard to say aloud: code beyond one short name in the first sentence,
    or more code spans than a listener can follow."""
    problems = []
    spans = CODE_SPAN.findall(text)
    if len(spans) > MAX_ANSWER_CODE_SPANS:
        problems.append(f"{len(spans)} code spans; at most {MAX_ANSWER_CODE_SPANS}: code goes in the snippet")
    first = split_sentences(text)[0] if text.strip() else ""
    first_spans = CODE_SPAN.findall(first)
    if len(first_spans) > 1:
        problems.append(f"the first sentence has {len(first_spans)} code spans; at most one short name")
    for span in first_spans:
        if len(span) > MAX_CODE_NAME_LENGTH or not SHORT_CODE_NAME.fullmatch(span):
            problems.append(
                f"the first sentence must say it in words: `{span}` is code, not a short name"
            )
    return problems


class Source(BaseModel):
    """An official page the answer's facts were checked against."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: str = Field(min_length=3)
    url: str = Field(pattern=r"^https://\S+$")
    version: str | None = Field(default=None, min_length=2, description="The release the page was checked for.")

    @field_validator("url")
    @classmethod
    def url_is_primary(cls, url: str) -> str:
        if not is_primary_source(url):
            raise ValueError(
                f"{urlsplit(url).hostname} is not a primary source (allowed: scripts/primary_sources.txt)"
            )
        return url


def spoken_answer_problems(answer: str, max_words: int, max_sentences: int) -> list[str]:
    words, sentences = count_words(answer), len(split_sentences(answer))
    problems = []
    if words > max_words:
        problems.append(f"{words} words; at most {max_words}")
    if sentences > max_sentences:
        problems.append(f"{sentences} sentences; at most {max_sentences}")
    return problems + spoken_problems(answer)


def plain_question(text: str) -> str:
    if not text.endswith("?"):
        raise ValueError("must be a question ending with '?'")
    if re.search(r"[`*]", text):
        raise ValueError("must be plain text: the page heading and search show it as written")
    return text


ANCHOR_WORDS = 6


def follow_up_anchor(ask: str) -> str:
    """A follow-up's id on its page: `fu-` and the first content words of the question."""
    words = re.findall(r"[a-z0-9]+", ask.lower().replace("'", ""))
    content = [word for word in words if word not in STOP_WORDS] or words
    return "fu-" + "-".join(content[:ANCHOR_WORDS])


class FollowUp(BaseModel):
    """A question an interviewer asks next: answered here in one or two sentences, or on the page
    (and follow-up) named by `see` when it is another page's question."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    ask: str = Field(min_length=8, description="The follow-up as an interviewer asks it.")
    aliases: list[str] = Field(
        default_factory=list, description="Other wordings of the same follow-up from interview question lists."
    )
    answer: str | None = Field(default=None, description="The spoken answer: at most 2 sentences, 40 words.")
    see: str | None = Field(
        default=None, pattern=r"^[a-z0-9-]+(#fu-[a-z0-9-]+)?$", description="slug or slug#anchor that answers it."
    )
    show: str | None = Field(
        default=None,
        pattern=r"^(snippet|demo):[a-z0-9][-_a-z0-9]*$",
        description="Code that makes the point: snippet:<section of this page's snippet> or demo:<pattern>.",
    )

    @field_validator("ask")
    @classmethod
    def ask_is_a_question(cls, ask: str) -> str:
        return plain_question(ask)

    @field_validator("aliases")
    @classmethod
    def aliases_are_questions(cls, aliases: list[str]) -> list[str]:
        return [plain_question(alias) for alias in aliases]

    @field_validator("answer")
    @classmethod
    def answer_is_short(cls, answer: str | None) -> str | None:
        if answer is not None:
            problems = spoken_answer_problems(answer, MAX_FOLLOW_UP_WORDS, MAX_FOLLOW_UP_SENTENCES)
            if problems:
                raise ValueError("; ".join(problems))
        return answer

    @model_validator(mode="after")
    def answered_once(self) -> FollowUp:
        if (self.answer is None) == (self.see is None):
            raise ValueError("needs an answer, or `see:` naming the page that answers it (not both)")
        if self.see and (self.show or self.aliases):
            raise ValueError("a follow-up answered elsewhere shows its code and lists its wordings there")
        return self

    @property
    def wordings(self) -> list[str]:
        return [self.ask, *self.aliases]

    @property
    def anchor(self) -> str:
        return follow_up_anchor(self.ask)

    @property
    def show_kind(self) -> str | None:
        return self.show.split(":", 1)[0] if self.show else None

    @property
    def show_name(self) -> str | None:
        return self.show.split(":", 1)[1] if self.show else None


class Question(BaseModel):
    """The front matter of one question page."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: str = Field(min_length=8, description="The question as an interviewer asks it.")
    priority: Priority
    tags: list[str] = Field(min_length=1)
    aliases: list[str] = Field(
        default_factory=list, description="Other wordings from the source lists this answers."
    )
    answer: str = Field(description="The spoken answer.")
    snippet: str = Field(pattern=r"^[a-z0-9_-]+/[a-z0-9_]+\.py$", description="Path under snippets/.")
    demo: str = Field(
        pattern=r"^[a-z0-9-]+$", description="A pattern name in the demo project, or none (coding and career only)."
    )
    demo_note: str = Field(min_length=10)
    offer: str = Field(min_length=10)
    sources: list[Source] = Field(
        default_factory=list, description="Official pages the facts were checked against."
    )
    follow_ups: list[FollowUp] = Field(default_factory=list, description="What an interviewer asks next.")

    @field_validator("title")
    @classmethod
    def title_is_a_question(cls, title: str) -> str:
        return plain_question(title)

    @field_validator("follow_ups")
    @classmethod
    def anchors_are_unique(cls, follow_ups: list[FollowUp]) -> list[FollowUp]:
        seen: set[str] = set()
        for follow_up in follow_ups:
            if follow_up.anchor in seen:
                raise ValueError(f"two follow-ups share the anchor '{follow_up.anchor}': word them apart")
            seen.add(follow_up.anchor)
        return follow_ups

    @field_validator("tags")
    @classmethod
    def tags_are_allowed(cls, tags: list[str]) -> list[str]:
        unknown = sorted(set(tags) - ALLOWED_TAGS)
        if unknown:
            raise ValueError(f"not in the allowed list: {', '.join(unknown)}")
        return tags

    @field_validator("answer")
    @classmethod
    def answer_is_short(cls, answer: str) -> str:
        problems = spoken_answer_problems(answer, MAX_ANSWER_WORDS, MAX_ANSWER_SENTENCES)
        if problems:
            raise ValueError("; ".join(problems))
        return answer

    @field_validator("demo_note")
    @classmethod
    def demo_note_is_one_sentence(cls, note: str) -> str:
        if len(split_sentences(note)) != 1:
            raise ValueError("must be one sentence")
        lacks = DEMO_LACKS.search(note)
        if lacks:
            raise ValueError(f"says what the demo lacks ('{lacks.group(0)}'): link code that shows it, or say what the linked code does")
        return note

    @field_validator("offer")
    @classmethod
    def offer_is_one_line(cls, offer: str) -> str:
        if "\n" in offer:
            raise ValueError("must be one line")
        return offer


class Topic(BaseModel):
    """The front matter of a topic's index.md."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    title: str
    summary: str
    questions: list[str] = Field(min_length=1, description="Question slugs in study order.")


@dataclass(frozen=True)
class QuestionPage:
    path: Path  # relative to docs/
    topic: str
    slug: str
    question: Question
    deeper: str  # the page body: the optional "If they dig deeper" part

    @property
    def source(self) -> str:
        return f"docs/{self.path.as_posix()}"


@dataclass(frozen=True)
class TopicPage:
    path: Path  # relative to docs/
    name: str
    topic: Topic


@dataclass(frozen=True)
class Problem:
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class ContentError(Exception):
    """Raised with every problem found, each naming its file."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Bank:
    topics: list[TopicPage]  # in the order of the site's navigation
    questions: dict[str, QuestionPage]  # by slug

    def questions_of(self, topic: TopicPage) -> list[QuestionPage]:
        return [self.questions[slug] for slug in topic.topic.questions]

    def topic_of(self, page: QuestionPage) -> TopicPage:
        return next(topic for topic in self.topics if topic.name == page.topic)


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n?(.*)\Z", re.DOTALL)


def split_front_matter(text: str, where: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        raise ContentError([Problem(where, "no front matter (the file must start with ---)")])
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        raise ContentError([Problem(where, f"front matter is not valid YAML: {error}")]) from None
    if not isinstance(data, dict):
        raise ContentError([Problem(where, "front matter must be a mapping of fields")])
    return data, match.group(2)


def describe(error: ValidationError) -> list[str]:
    reasons = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or "front matter"
        if item["type"] == "missing":
            reasons.append(f"missing field '{field}'")
        elif item["type"] == "extra_forbidden":
            reasons.append(f"unknown field '{field}'")
        else:
            reasons.append(f"field '{field}': {item['msg'].removeprefix('Value error, ')}")
    return reasons


def parse(model: type[BaseModel], text: str, where: str) -> tuple[BaseModel, str]:
    data, body = split_front_matter(text, where)
    try:
        return model.model_validate(data), body
    except ValidationError as error:
        raise ContentError([Problem(where, reason) for reason in describe(error)]) from None


def check_deeper(body: str, where: str) -> list[Problem]:
    problems = []
    if re.search(r"^#{1,6}\s", body, re.MULTILINE):
        problems.append(Problem(where, "the body holds only the deeper part: no headings"))
    words = count_words(re.sub(r"```.*?```", "", body, flags=re.DOTALL))
    if words > MAX_DEEPER_WORDS:
        problems.append(Problem(where, f"deeper section has {words} words; at most {MAX_DEEPER_WORDS}"))
    return problems


STOP_WORDS = frozenset(
    """a an and are as at be between by can do does explain for how i in is it of on or
    the to using what when where which why with you your""".split()
)


# spellings the source lists use for the same word, mapped to the one the pages use
SPELLINGS = {"fast api": "fastapi", "eventloop": "event loop", "erros": "errors", "multi threaded": "multithreaded"}


def content_words(text: str) -> list[str]:
    """The content words of a text in order, lower-cased and lightly stemmed."""
    text = text.lower().replace("-", " ")
    for variant, usual in SPELLINGS.items():
        text = text.replace(variant, usual)
    words = re.findall(r"[a-z0-9]+", text)
    return [
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in words
        if word not in STOP_WORDS
    ]


def wording_key(text: str) -> frozenset[str]:
    """The content words of a question, for matching wordings."""
    return frozenset(content_words(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def wordings_of(page: QuestionPage) -> list[str]:
    """Every wording a page answers: its title, then its aliases."""
    return [page.question.title, *page.question.aliases]


def index_by_word(keys: list[frozenset[str]]) -> dict[str, list[int]]:
    """Each content word -> the positions of the keys holding it: only keys that share a word can
    be near-duplicates, so checks compare those instead of every pair (the bank has thousands)."""
    by_word: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        for word in key:
            by_word[word].append(index)
    return by_word


def sharing_a_word(by_word: dict[str, list[int]], key: frozenset[str], after: int = -1) -> list[int]:
    return sorted({other for word in key for other in by_word.get(word, ()) if other > after})


def near_duplicates(pages: list[QuestionPage]) -> list[Problem]:
    """Wordings (titles and aliases) of two different questions that say the same thing."""
    wordings = [(page, text, wording_key(text)) for page in pages for text in wordings_of(page)]
    by_word = index_by_word([key for _, _, key in wordings])
    problems = []
    for index, (page, text, key) in enumerate(wordings):
        for other in sharing_a_word(by_word, key, after=index):
            other_page, other_text, other_key = wordings[other]
            if other_page.slug != page.slug and jaccard(key, other_key) >= NEAR_DUPLICATE_JACCARD:
                problems.append(
                    Problem(
                        page.source,
                        f"'{text}' is a near-duplicate of '{other_text}' in {other_page.source}",
                    )
                )
    return problems


def snippet_sections(path: Path) -> frozenset[str]:
    try:
        return shape_of(path.read_text(encoding="utf-8")).sections
    except (OSError, ShapeError):
        return frozenset()  # reported as the snippet's own problem


def follow_up_problems(
    pages: dict[str, QuestionPage], snippets_dir: Path, demo_patterns: dict[str, str]
) -> list[Problem]:
    """Follow-ups that show missing code, point nowhere, are another page's question, repeat one
    another, or fall short of the page's priority."""
    problems = []
    anchors = {slug: {f.anchor for f in page.question.follow_ups} for slug, page in pages.items()}
    wordings = [(page, text, wording_key(text)) for page in pages.values() for text in wordings_of(page)]
    page_words = index_by_word([key for _, _, key in wordings])
    answered: list[tuple[QuestionPage, FollowUp, str, frozenset[str]]] = []
    for page in pages.values():
        question = page.question
        needed = MIN_FOLLOW_UPS[question.priority]
        if len(question.follow_ups) < needed:
            problems.append(
                Problem(page.source, f"{len(question.follow_ups)} follow-ups; a {question.priority}-priority page needs at least {needed}")
            )
        for follow_up in question.follow_ups:
            where = f"follow-up '{follow_up.ask}'"
            if follow_up.show_kind == "snippet":
                if follow_up.show_name not in snippet_sections(snippets_dir / question.snippet):
                    problems.append(Problem(page.source, f"{where} shows snippet section '{follow_up.show_name}', which snippets/{question.snippet} does not mark"))
            elif follow_up.show_kind == "demo" and follow_up.show_name not in demo_patterns:
                problems.append(Problem(page.source, f"{where} shows unknown demo pattern '{follow_up.show_name}'"))
            if follow_up.see:
                slug, _, anchor = follow_up.see.partition("#")
                if slug not in pages:
                    problems.append(Problem(page.source, f"{where} sees '{slug}', which is no page"))
                elif anchor and anchor not in anchors[slug]:
                    problems.append(Problem(page.source, f"{where} sees '{follow_up.see}': that page has no follow-up '{anchor}'"))
                continue
            for wording in follow_up.wordings:
                key = wording_key(wording)
                said = where if wording == follow_up.ask else f"{where}, asked as '{wording}',"
                for other, text, other_key in (wordings[n] for n in sharing_a_word(page_words, key)):
                    if jaccard(key, other_key) >= NEAR_DUPLICATE_JACCARD:
                        target = "this page" if other.slug == page.slug else other.source
                        problems.append(Problem(page.source, f"{said} is the question '{text}' of {target}: link it with `see: {other.slug}`"))
                        break
                answered.append((page, follow_up, wording, key))
    asked_words = index_by_word([key for _, _, _, key in answered])
    for index, (page, follow_up, wording, key) in enumerate(answered):
        for other, other_follow_up, other_wording, other_key in (answered[n] for n in sharing_a_word(asked_words, key, after=index)):
            if other.slug != page.slug and jaccard(key, other_key) >= NEAR_DUPLICATE_JACCARD:
                problems.append(
                    Problem(
                        other.source,
                        f"follow-up '{other_wording}' repeats '{wording}' of {page.source}: "
                        f"answer it once and link it with `see: {page.slug}#{follow_up.anchor}`",
                    )
                )
    return problems


def mean_answer_words(pages: list[QuestionPage]) -> float:
    return sum(count_words(page.question.answer) for page in pages) / len(pages)


def snippet_problems(path: Path, where: str) -> list[Problem]:
    """A snippet the page can show: a short shown part, and output that is not fixed in the code."""
    source = path.read_text(encoding="utf-8")
    try:
        proofless = proofless_prints(source)
    except SyntaxError as error:
        return [Problem(where, f"does not parse: {error.msg} (line {error.lineno})")]
    return [Problem(where, reason) for reason in shape_problems(source) + proofless]


def load_bank(
    docs_dir: Path, topic_order: list[str], snippets_dir: Path, demo_patterns: dict[str, str]
) -> Bank:
    """Read and check every topic and question page; raise ContentError naming each problem.

    `topic_order` is the topic folders in navigation order; a topic folder outside it is an error.
    `demo_patterns` maps each demo pattern's name to where it is marked; every one must be used.
    """
    problems: list[Problem] = []
    topics: dict[str, TopicPage] = {}
    questions: dict[str, QuestionPage] = {}
    unreadable: set[str] = set()  # slugs of pages that failed to parse: no knock-on problems

    for path in sorted(docs_dir.glob("*/*.md")):
        where = f"docs/{path.relative_to(docs_dir).as_posix()}"
        try:
            if path.name == "index.md":
                topic, _ = parse(Topic, path.read_text(encoding="utf-8"), where)
                name = path.parent.name
                topics[name] = TopicPage(path.relative_to(docs_dir), name, topic)
                continue
            question, body = parse(Question, path.read_text(encoding="utf-8"), where)
        except ContentError as error:
            problems.extend(error.problems)
            unreadable.add(path.stem)
            continue
        slug = path.stem
        if slug in questions:
            problems.append(Problem(where, f"duplicate slug '{slug}' (also {questions[slug].source})"))
            continue
        snippet = snippets_dir / question.snippet
        if snippet.is_file():
            problems.extend(snippet_problems(snippet, f"snippets/{question.snippet}"))
        else:
            problems.append(Problem(where, f"snippet not found: snippets/{question.snippet}"))
        if not question.sources and path.parent.name not in SOURCELESS_TOPICS:
            problems.append(Problem(where, "no sources: name the official pages the answer was checked against"))
        if question.demo == NO_DEMO:
            if path.parent.name not in SOURCELESS_TOPICS:
                problems.append(Problem(where, "demo: none is only for coding exercises and career questions"))
        elif question.demo not in demo_patterns:
            problems.append(Problem(where, f"unknown demo pattern '{question.demo}'"))
        problems.extend(check_deeper(body, where))
        questions[slug] = QuestionPage(path.relative_to(docs_dir), path.parent.name, slug, question, body.strip())

    listed: dict[str, str] = {}
    for name, topic_page in topics.items():
        where = f"docs/{topic_page.path.as_posix()}"
        if name not in topic_order:
            problems.append(Problem(where, f"topic '{name}' is not in the site navigation"))
        for slug in topic_page.topic.questions:
            page = questions.get(slug)
            if slug in unreadable:
                continue
            if page is None:
                problems.append(Problem(where, f"lists '{slug}', which has no page in this topic"))
            elif page.topic != name:
                problems.append(Problem(where, f"lists '{slug}', which lives in {page.source}"))
            elif slug in listed:
                problems.append(Problem(where, f"lists '{slug}' twice"))
            else:
                listed[slug] = name
    for slug, page in questions.items():
        if slug not in listed:
            problems.append(Problem(page.source, "no topic lists this question"))

    problems.extend(near_duplicates(list(questions.values())))
    if not unreadable:
        problems.extend(follow_up_problems(questions, snippets_dir, demo_patterns))
    if questions and not unreadable:
        mean = mean_answer_words(list(questions.values()))
        if mean > MAX_MEAN_ANSWER_WORDS:
            problems.append(
                Problem("docs/", f"answers average {mean:.1f} words; at most {MAX_MEAN_ANSWER_WORDS} across the bank")
            )

    linked = {page.question.demo for page in questions.values()}
    linked |= {f.show_name for page in questions.values() for f in page.question.follow_ups if f.show_kind == "demo"}
    for name in sorted(set(demo_patterns) - linked) if not unreadable else []:
        problems.append(Problem(demo_patterns[name], f"demo pattern '{name}' is linked by no question"))

    used = {page.question.snippet for page in questions.values()}
    for snippet in sorted(snippets_dir.rglob("*.py")) if not unreadable else []:
        relative = snippet.relative_to(snippets_dir).as_posix()
        if relative not in used:
            problems.append(Problem(f"snippets/{relative}", "no question page uses this snippet"))

    if problems:
        raise ContentError(problems)
    ordered = [topics[name] for name in topic_order if name in topics]
    return Bank(ordered, questions)
