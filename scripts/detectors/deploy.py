"""Detectors for the deployment patterns: Dockerfiles, the command that starts the server, Docker
Compose stacks, Kubernetes manifests, Helm templates and CI pipelines (part of the table in
detectors/__init__.py).

YAML is read as PyYAML nodes, so a Deployment is found by its `kind:` and a probe by its key
wherever the manifest puts it, never by searching the text; comments never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import yaml

from project_code import Candidate, Project, Span, best, calls_named, is_dockerfile, keyword, span_of, statement_of

SERVER = re.compile(r"\b(uvicorn|gunicorn|hypercorn|granian|daphne)\b|\bfastapi\s+run\b")
WORKERS = re.compile(r"--workers\b|(^|\s)-w\s*\d|WEB_CONCURRENCY|--processes\b")
APP_SERVICE = re.compile(r"^(app|api|backend|web|server|service)\b|[-_](app|api|backend|web)$", re.I)
PROXY_IMAGES = re.compile(r"(^|/)(nginx|traefik|caddy|haproxy|envoy)\b")


# --- Dockerfiles and start commands -------------------------------------------------------------


def instructions(lines: list[str]) -> list[tuple[str, int, int, str]]:
    """A Dockerfile's instructions: (keyword, first line, last line, text), following `\\` continuations."""
    found, current = [], None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if current is None:
            if not stripped or stripped.startswith("#"):
                continue
            current = [stripped.split()[0].upper(), number, number, stripped]
        else:
            current[2], current[3] = number, current[3] + " " + stripped
        if not stripped.endswith("\\"):
            found.append(tuple(current))
            current = None
    return found


def command_words(text: str) -> str:
    """An instruction's command as words, whether written as a shell line or as a JSON array."""
    return " ".join(re.sub(r'[\[\]",]', " ", text).split())


def dockerfiles(project: Project) -> Iterator[tuple[str, list[tuple[str, int, int, str]]]]:
    for path, lines in project.texts.items():
        if is_dockerfile(path.rsplit("/", 1)[-1]):
            yield path, instructions(lines)


def find_dockerfile(project: Project) -> Span | None:
    """A Dockerfile from its first FROM to its last instruction; one that starts a server first."""
    candidates = []
    for path, steps in dockerfiles(project):
        starts = [start for keyword_, start, _, _ in steps if keyword_ == "FROM"]
        if starts:
            serves = any(
                SERVER.search(command_words(text))
                for keyword_, _, _, text in steps
                if keyword_ in {"CMD", "ENTRYPOINT"}
            )
            candidates.append(Candidate(Span(path, starts[0], steps[-1][2]), serves))
    return best(candidates)


def find_multi_stage_dockerfile(project: Project) -> Span | None:
    """A Dockerfile with two or more FROM stages, from its first FROM to its last instruction; more
    if a stage copies from another (COPY --from=...)."""
    candidates = []
    for path, steps in dockerfiles(project):
        starts = [start for keyword_, start, _, _ in steps if keyword_ == "FROM"]
        if len(starts) > 1:
            copies = any(keyword_ == "COPY" and "--from=" in text for keyword_, _, _, text in steps)
            candidates.append(Candidate(Span(path, starts[0], steps[-1][2]), copies))
    return best(candidates)


def find_production_command(project: Project) -> Span | None:
    """The command that starts the server in production (uvicorn, gunicorn, fastapi run, ...): a
    Dockerfile CMD or ENTRYPOINT, a Procfile, compose or shell line, or else uvicorn.run(workers=...);
    features: it is in a Dockerfile, it runs several workers."""
    candidates = []
    for path, steps in dockerfiles(project):
        for keyword_, start, end, text in steps:
            if keyword_ in {"CMD", "ENTRYPOINT"} and SERVER.search(command_words(text)):
                candidates.append(Candidate(Span(path, start, end), 1 + bool(WORKERS.search(command_words(text)))))
    for path, lines in project.texts.items():
        name = path.rsplit("/", 1)[-1]
        if is_dockerfile(name) or (name.endswith((".yaml", ".yml")) and "compose" not in name):
            continue
        for number, line in enumerate(lines, start=1):
            runs_server = SERVER.search(line) and not line.lstrip().startswith("#")
            if runs_server and (name == "Procfile" or "command" in line or name.endswith(".sh")):
                candidates.append(Candidate(Span(path, number, number), bool(WORKERS.search(line))))
    for source, call in calls_named(project.app_sources, "uvicorn.run"):
        if keyword(call, "workers") is not None:  # without workers it is the development server
            candidates.append(Candidate(span_of(source, statement_of(source, call)), 1))
    return best(candidates)


# --- reading YAML nodes -------------------------------------------------------------------------


def scalar(node: yaml.Node | None) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def get(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((value for item, value in node.value if scalar(item) == key), None)
    return None


def last_line(node: yaml.Node) -> int:
    """The last line (1-based) with content: a block collection's end mark is where the next token
    starts, possibly lines later, so ask its last item instead."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return last_line(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return last_line(node.value[-1])
    return node.end_mark.line + 1 if node.end_mark.column else node.end_mark.line


def pairs_span(path: str, pairs: list[tuple[yaml.Node, yaml.Node]]) -> Span:
    return Span(path, pairs[0][0].start_mark.line + 1, last_line(pairs[-1][1]))


def document_span(path: str, document: yaml.Node) -> Span:
    return Span(path, document.start_mark.line + 1, last_line(document))


def mappings(node: yaml.Node) -> Iterator[yaml.MappingNode]:
    """Every mapping in a document, the document's own first."""
    if isinstance(node, yaml.MappingNode):
        yield node
        for _, value in node.value:
            yield from mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from mappings(item)


def key_runs(mapping: yaml.MappingNode, keys: set[str]) -> Iterator[list[tuple[yaml.Node, yaml.Node]]]:
    """The stretches of neighbouring entries of a mapping whose keys are all in `keys`."""
    run = []
    for pair in mapping.value:
        if scalar(pair[0]) in keys:
            run.append(pair)
        elif run:
            yield run
            run = []
    if run:
        yield run


# --- Docker Compose -----------------------------------------------------------------------------


def compose_services(project: Project) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    """(path, `services` key, its mapping) of each compose file: a top-level `services` mapping."""
    for path, documents in project.yaml.items():
        for document in documents:
            for item, value in document.value if isinstance(document, yaml.MappingNode) else []:
                if scalar(item) == "services" and isinstance(value, yaml.MappingNode):
                    yield path, item, value


def find_compose_stack(project: Project) -> Span | None:
    """A compose file's `services:`; the more services it defines whole (with an image or a build,
    not an override file's ports or volumes for a service defined elsewhere) and the more of them
    have a healthcheck, the better."""
    return best(
        Candidate(
            pairs_span(path, [(key, services)]),
            sum(
                (get(service, "image") is not None or get(service, "build") is not None)
                + (get(service, "healthcheck") is not None)
                for _, service in services.value
            ),
        )
        for path, key, services in compose_services(project)
    )


def find_compose_environment(project: Project) -> Span | None:
    """A service's `environment:` (or `env_file:`); the app's own service (the one with `build:`)
    first (built here, named like the app), and one that takes its secrets from ${VARIABLES} rather
    than writing them in."""
    return best(
        Candidate(
            pairs_span(path, [pair]),
            (get(service, "build") is not None)
            + bool(APP_SERVICE.search(scalar(name) or ""))
            + any("${" in text for text in scalars(pair[1])),
        )
        for path, _, services in compose_services(project)
        for name, service in services.value
        if isinstance(service, yaml.MappingNode)
        for pair in service.value
        if scalar(pair[0]) in {"environment", "env_file"}
    )


def find_compose_proxy(project: Project) -> Span | None:
    """The service that runs a reverse proxy image (nginx, Traefik, Caddy, ...); more if it publishes ports."""
    return best(
        Candidate(pairs_span(path, [(name, service)]), get(service, "ports") is not None)
        for path, _, services in compose_services(project)
        for name, service in services.value
        if PROXY_IMAGES.search(scalar(get(service, "image")) or "")
    )


# --- Kubernetes ---------------------------------------------------------------------------------


def helm_templates(project: Project) -> Iterator[tuple[str, list[str]]]:
    for path, lines in project.texts.items():
        folder = path.rsplit("/", 1)[0] if "/" in path else ""
        chart = folder.rsplit("/", 1)[0] + "/Chart.yaml" if "/" in folder else "Chart.yaml"
        if folder.rsplit("/", 1)[-1] == "templates" and chart in project.yaml and path.endswith((".yaml", ".yml")):
            yield path, lines


def find_helm_template(project: Project) -> Span | None:
    """A Helm chart template from its first line of YAML to its last; features: it is the
    Deployment, it fills in values ({{ .Values... }})."""
    candidates = []
    for path, lines in helm_templates(project):
        content = [
            number for number, line in enumerate(lines, start=1) if line.strip() and not line.lstrip().startswith("#")
        ]
        if content:
            deployment = any(re.match(r"kind:\s*Deployment\b", line) for line in lines)
            uses_values = any(".Values." in line for line in lines)
            candidates.append(Candidate(Span(path, content[0], content[-1]), deployment + uses_values))
    return best(candidates)


def manifests(project: Project) -> Iterator[tuple[str, str, yaml.Node]]:
    """(path, kind, document) of every YAML document with an apiVersion and a kind, Helm
    templates left out (their {{ }} are not the values that will be deployed)."""
    templates = {path for path, _ in helm_templates(project)}
    for path, documents in project.yaml.items():
        if path in templates:
            continue
        for document in documents:
            kind = scalar(get(document, "kind"))
            if kind and get(document, "apiVersion") is not None:
                yield path, kind, document


def manifest_of_kind(*kinds: str):
    """The whole manifest of the first kind that is there (a Deployment, else a StatefulSet)."""

    def find(project: Project) -> Span | None:
        return best(
            Candidate(document_span(path, document), len(kinds) - kinds.index(kind))
            for path, kind, document in manifests(project)
            if kind in kinds
        )

    return find


PROBES = {"livenessProbe", "readinessProbe", "startupProbe"}
ROLLOUT = {"strategy", "minReadySeconds", "progressDeadlineSeconds", "revisionHistoryLimit"}


def find_k8s_probes(project: Project) -> Span | None:
    """A container's neighbouring probes; the more kinds (startup, liveness, readiness), the better."""
    return best(
        Candidate(pairs_span(path, run), len(run))
        for path, _, document in manifests(project)
        for mapping in mappings(document)
        for run in key_runs(mapping, PROBES)
    )


def find_k8s_rolling_update(project: Project) -> Span | None:
    """A rolling update `strategy:` with the rollout settings next to it; more if it sets
    maxSurge or maxUnavailable."""
    candidates = []
    for path, _, document in manifests(project):
        for mapping in mappings(document):
            for run in key_runs(mapping, ROLLOUT):
                strategy = next((value for key, value in run if scalar(key) == "strategy"), None)
                rolling = get(strategy, "rollingUpdate")
                if strategy is not None and (scalar(get(strategy, "type")) == "RollingUpdate" or rolling is not None):
                    bounded = get(rolling, "maxSurge") is not None or get(rolling, "maxUnavailable") is not None
                    candidates.append(Candidate(pairs_span(path, run), bounded))
    return best(candidates)


def find_k8s_graceful_shutdown(project: Project) -> Span | None:
    """A container's lifecycle preStop hook, which gives the Service time to stop sending requests,
    with terminationGracePeriodSeconds when it comes right after; more if the pod sets that period."""
    candidates = []
    for path, _, document in manifests(project):
        grace = [
            (key, value)
            for mapping in mappings(document)
            for key, value in mapping.value
            if scalar(key) == "terminationGracePeriodSeconds"
        ]
        for mapping in mappings(document):
            for key, value in mapping.value:
                if scalar(key) == "lifecycle" and get(value, "preStop") is not None:
                    span = pairs_span(path, [(key, value)])
                    after = [pair for pair in grace if pair[0].start_mark.line == span.end]  # 0-based: the next line
                    if after:
                        span = Span(path, span.start, last_line(after[0][1]))
                    candidates.append(Candidate(span, bool(grace)))
    return best(candidates)


# --- CI pipelines -------------------------------------------------------------------------------


CI_STEPS = {  # what a pipeline does, found in its keys, commands and actions, with its weight
    re.compile(r"\bpytest\b|\btests?\b|\bcoverage\b|\btox\b|\bnox\b"): 2,  # it tests: what CI is for
    re.compile(r"^services$|docker[ -]compose up"): 1,  # against real services
    re.compile(r"\b(ruff|flake8|mypy|pylint|black|isort|pre-commit|lint)\b"): 1,
    re.compile(r"docker (compose )?build|build-push-action|buildx"): 1,
    re.compile(r"\bdeploy|docker push|kubectl|\bhelm\b"): 1,
}


def scalars(node: yaml.Node) -> Iterator[str]:
    if isinstance(node, yaml.ScalarNode):
        yield str(node.value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from scalars(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(key)
            yield from scalars(value)


def ci_score(steps: yaml.Node, jobs: int) -> int:
    """The weighted steps the pipeline shows (tests count double), then the more jobs the better."""
    texts = [text.lower() for text in scalars(steps)]
    shown = sum(weight for pattern, weight in CI_STEPS.items() if any(pattern.search(text) for text in texts))
    return shown * 100 + min(jobs, 99)


def find_ci_pipeline(project: Project) -> Span | None:
    """A CI pipeline: a GitHub Actions workflow from `on:` to the end of `jobs:`, or a GitLab CI
    file; the more it shows of testing (against real services), linting, building and deploying,
    the better, then the more jobs (a workflow that only pushes an image is a weaker example)."""
    candidates = []
    for path, documents in project.yaml.items():
        for document in documents:
            if not isinstance(document, yaml.MappingNode):
                continue
            entries = {scalar(key): (key, value) for key, value in document.value}
            jobs = entries.get("jobs")
            if jobs and "on" in entries and isinstance(jobs[1], yaml.MappingNode):
                ordered = sorted([entries["on"], jobs], key=lambda pair: pair[0].start_mark.line)
                candidates.append(Candidate(pairs_span(path, ordered), ci_score(jobs[1], len(jobs[1].value))))
            elif "stages" in entries:
                scripted = [value for key, value in document.value if get(value, "script") is not None]
                candidates.append(Candidate(document_span(path, document), ci_score(document, len(scripted))))
    return best(candidates)
