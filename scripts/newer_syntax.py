"""Read code written for a newer Python than the one running the finder.

`ast` only knows the grammar of the Python it runs on, so a project written for Python 3.12-3.14
would not parse. `to_running_python` rewrites the newer syntax into older syntax, on the same lines
(columns may move; line numbers never do), before `ast.parse`:

- PEP 701 (3.12): an f-string older Python cannot parse (it reuses its own quotes inside, or has a
  backslash or a comment in an expression) -> a tuple of its expressions, `f"{user["name"]}"` ->
  `((user["name"]), )`, so its names and calls are still seen (a small scanner finds these strings,
  which tokenize before 3.12 cannot follow)
- PEP 758 (3.14): `except A, B:` and `except* A, B:` without parentheses -> `except (A, B):`
- PEP 750 (3.14): template strings `t"..."` -> `f"..."` (same expressions inside)
- PEP 695 (3.12): `type Name[T] = value` -> `Name = value`; `def f[T](...)` and `class C[T]:` lose
  their type parameters (and PEP 696 defaults, 3.13, with them)

The detectors look at names, calls and statements, never at what these rewrites change. It is only
used on a file `ast` could not parse; a file that still does not parse is reported by the caller.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass

T_STRING_PREFIXES = {"t", "tr", "rt"}  # lower-cased; tokenize reads them as a NAME before the string
SKIPPED = {tokenize.NL, tokenize.COMMENT}
STATEMENT_ENDS = {tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT}


# --- PEP 758, 750, 695: token edits -------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    start: tuple[int, int]  # (row 1-based, column) as tokenize gives them
    end: tuple[int, int]
    text: str


def significant_tokens(text: str) -> list[tokenize.TokenInfo]:
    return [
        token for token in tokenize.generate_tokens(io.StringIO(text).readline) if token.type not in SKIPPED
    ]


def at_statement_start(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    if index == 0:
        return True
    before = tokens[index - 1]
    return before.type in STATEMENT_ENDS or (before.type == tokenize.OP and before.string == ";")


def matching_bracket(tokens: list[tokenize.TokenInfo], index: int) -> int | None:
    """The index of the bracket that closes the one at `index`."""
    depth = 0
    for position in range(index, len(tokens)):
        token = tokens[position]
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
            if depth == 0:
                return position
    return None


def removal(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> list[Edit]:
    """Edits that remove the text from `start` to `end` but keep its line breaks, each one made a
    backslash continuation, so every later line keeps its number."""
    if start[0] == end[0]:
        return [Edit(start, end, "")]
    edits = [Edit(start, (start[0], len(lines[start[0] - 1].rstrip("\r\n"))), " \\")]
    for row in range(start[0] + 1, end[0]):
        edits.append(Edit((row, 0), (row, len(lines[row - 1].rstrip("\r\n"))), "\\"))
    edits.append(Edit((end[0], 0), end, ""))
    return edits


def except_edits(tokens: list[tokenize.TokenInfo], index: int) -> list[Edit]:
    """`except A, B:` -> `except (A, B):` (and the same after `except*`)."""
    first = index + 1
    if first < len(tokens) and tokens[first].type == tokenize.OP and tokens[first].string == "*":
        first += 1
    depth, comma, position = 0, False, first
    while position < len(tokens):
        token = tokens[position]
        if token.type == tokenize.OP and token.string in "([{":
            depth += 1
        elif token.type == tokenize.OP and token.string in ")]}":
            depth -= 1
        elif depth == 0 and token.type == tokenize.OP and token.string == ",":
            comma = True
        elif depth == 0 and token.type == tokenize.NAME and token.string == "as":
            return []  # `except A, B as error:` needs its parentheses even on 3.14
        elif depth == 0 and token.type == tokenize.OP and token.string == ":":
            break
        elif token.type in STATEMENT_ENDS:
            return []
        position += 1
    if not comma or position >= len(tokens):
        return []
    opening, colon = tokens[first].start, tokens[position].start
    return [Edit(opening, opening, "("), Edit(colon, colon, ")")]


def type_parameter_edits(tokens: list[tokenize.TokenInfo], index: int, lines: list[str]) -> list[Edit]:
    """The `[...]` right after the name at `index`, removed."""
    opening = index + 1
    if opening >= len(tokens) or tokens[opening].type != tokenize.OP or tokens[opening].string != "[":
        return []
    closing = matching_bracket(tokens, opening)
    return removal(lines, tokens[opening].start, tokens[closing].end) if closing is not None else []


def edits_for(text: str) -> list[Edit]:
    tokens = significant_tokens(text)
    lines = text.splitlines(keepends=True)
    edits: list[Edit] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if token.type != tokenize.NAME or following is None:
            continue
        if token.string == "except" and at_statement_start(tokens, index):
            edits += except_edits(tokens, index)
        elif (
            token.string.lower() in T_STRING_PREFIXES
            and following.type == tokenize.STRING
            and following.start == token.end
        ):
            edits.append(Edit(token.start, token.end, token.string.replace("t", "f").replace("T", "F")))
        elif token.string in {"def", "class"} and following.type == tokenize.NAME:
            edits += type_parameter_edits(tokens, index + 1, lines)
        elif token.string == "type" and following.type == tokenize.NAME and at_statement_start(tokens, index):
            after = index + 2
            if after < len(tokens) and tokens[after].string == "[":
                closing = matching_bracket(tokens, after)
                after = closing + 1 if closing is not None else len(tokens)
            if after < len(tokens) and tokens[after].type == tokenize.OP and tokens[after].string == "=":
                edits.append(Edit(token.start, following.start, ""))
                edits += type_parameter_edits(tokens, index + 1, lines)
    return edits


def apply(text: str, edits: list[Edit]) -> str:
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda item: item.start, reverse=True):
        (start_row, start_col), (end_row, end_col) = edit.start, edit.end
        assert start_row == end_row, "every edit stays on one line"
        line = lines[start_row - 1]
        lines[start_row - 1] = line[:start_col] + edit.text + line[end_col:]
    return "".join(lines)


# --- PEP 701 f-strings (3.12) -------------------------------------------------------------------
# 3.12 reads an f-string's expressions as code: they may reuse the string's own quotes, hold
# backslashes and comments, and span lines. tokenize on older Pythons cannot, so these strings are
# found by a small scanner and each one older Python cannot parse is replaced by a tuple of its
# expressions, `f"{user["name"]}"` -> `((user["name"]), )`, with its line breaks kept: the names
# and calls in it stay visible to the detectors, and no line moves.

STRING_PREFIXES = {"", "r", "u", "b", "br", "rb", "f", "fr", "rf", "t", "tr", "rt"}


class Unscannable(Exception):
    pass


@dataclass
class Literal:
    start: int  # index of the prefix's first character
    end: int  # index just past the closing quote
    formatted: bool  # an f- or t-string
    parts: list  # for a formatted string, in order: str (literal text) or Expression


@dataclass
class Expression:
    text: str  # the expression's code, its own f-strings already turned into tuples
    spec: list  # the format spec's parts (str or Expression)


def prefix_before(text: str, quote_at: int) -> str:
    start = quote_at
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    word = text[start:quote_at]
    return word if word.lower() in STRING_PREFIXES else ""


def scan_literal(text: str, quote_at: int) -> Literal:
    prefix = prefix_before(text, quote_at)
    quote = text[quote_at] * 3 if text.startswith(text[quote_at] * 3, quote_at) else text[quote_at]
    formatted = bool(set(prefix.lower()) & {"f", "t"})
    position, parts, chunk = quote_at + len(quote), [], []
    while True:
        if position >= len(text) or (len(quote) == 1 and text[position] == "\n" and not formatted):
            raise Unscannable
        if text.startswith(quote, position):
            parts.append("".join(chunk))
            return Literal(quote_at - len(prefix), position + len(quote), formatted, parts)
        char = text[position]
        if char == "\\":  # escapes the next character, even a quote in a raw string
            chunk.append(text[position : position + 2])
            position += 2
        elif formatted and text.startswith(("{{", "}}"), position):
            chunk.append(char)
            position += 2
        elif formatted and char == "{":
            parts.append("".join(chunk))
            chunk = []
            expression, position = scan_field(text, position + 1)
            parts.append(expression)
        else:
            chunk.append(char)
            position += 1


def ends_field(text: str, position: int) -> bool:
    """Whether the `=`, `!` or `:` at `position` (outside brackets) ends a replacement field's code."""
    char = text[position]
    if char == "!":
        return not text.startswith("!=", position)
    if char == "=":
        if text.startswith("==", position) or text[position - 1] in "=!<>":
            return False
        return text[position + 1 :].lstrip(" ")[:1] in {"}", "!", ":"}
    return True


def scan_code(text: str, position: int, stops: str) -> tuple[str, int]:
    """Code from `position` up to one of `stops` outside brackets, its f-strings turned into tuples."""
    out: list[str] = []
    depth = 0
    while position < len(text):
        char = text[position]
        if depth == 0 and char in stops and ends_field(text, position):
            return "".join(out), position
        if char in "'\"":
            position = add_literal(out, text, position)
            continue
        if char == "#":
            while position < len(text) and text[position] != "\n":
                position += 1
            continue
        depth += (char in "([{") - (char in ")]}")
        out.append(char)
        position += 1
    raise Unscannable


def scan_field(text: str, position: int) -> tuple[Expression, int]:
    """A replacement field after its `{`: the expression, `=`, `!conversion`, `:spec`, up to `}`."""
    code, position = scan_code(text, position, "=!:}")
    if text[position] == "=":
        position += 1
    if text[position] == "!":
        position += 2
    spec = []
    if text[position] == ":":
        position += 1
        chunk = []
        while text[position] != "}":
            if text[position] == "{":
                spec.append("".join(chunk))
                chunk = []
                inner, position = scan_field(text, position + 1)
                spec.append(inner)
            else:
                chunk.append(text[position])
                position += 1
        spec.append("".join(chunk))
    if text[position] != "}":
        raise Unscannable
    return Expression(code, spec), position + 1


def as_tuple(parts: list) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append("\n" * part.count("\n"))
        else:
            out.append(f"({part.text}), ")
            out.append(as_tuple(part.spec)[1:-1])
    return "(" + "".join(out) + ")"


def add_literal(out: list[str], text: str, quote_at: int) -> int:
    """Add the string literal whose quote is at `quote_at` to `out` (which holds its prefix letters,
    one a character), as it is, or as a tuple when it is an f-string older Python cannot parse.
    Returns where the literal ends."""
    literal = scan_literal(text, quote_at)
    original = text[literal.start : literal.end]
    try:
        ast.parse(f"({original}\n)")
    except SyntaxError:
        if literal.formatted:
            del out[len(out) - (quote_at - literal.start) :]  # its prefix letters
            out.append(as_tuple(literal.parts))
            return literal.end
    out.append(text[quote_at : literal.end])
    return literal.end


def rewrite_f_strings(text: str) -> str:
    """The text with each f-string older Python cannot parse turned into a tuple of its expressions;
    raises Unscannable when the text's strings cannot be followed."""
    out: list[str] = []
    position = 0
    try:
        while position < len(text):
            char = text[position]
            if char == "#":
                end = text.find("\n", position)
                end = len(text) if end == -1 else end
                out.append(text[position:end])
                position = end
            elif char in "'\"":
                position = add_literal(out, text, position)
            else:
                out.append(char)
                position += 1
    except IndexError:
        raise Unscannable from None
    return "".join(out)


# --- both ------------------------------------------------------------------------------------


def to_running_python(text: str) -> str | None:
    """The text with newer syntax rewritten, on the same lines; None when nothing was rewritten or
    the text cannot be tokenized."""
    try:
        rewritten = rewrite_f_strings(text)
    except Unscannable:
        rewritten = text
    try:
        edits = edits_for(rewritten)
    except (tokenize.TokenError, SyntaxError):  # IndentationError is a SyntaxError
        edits = []
    result = apply(rewritten, edits) if edits else rewritten
    return result if result != text else None
