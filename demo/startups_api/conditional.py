"""Conditional GET: an ETag on each representation, and a 304 with no body when the client's copy
is still current (RFC 9110, If-None-Match)."""

import hashlib

from fastapi.responses import Response

NOT_MODIFIED = {
    304: {"description": "Not Modified: the ETag in If-None-Match is current; no body", "content": {}}
}


# --8<-- [start:conditional-get]
def etag_of(body: str) -> str:
    """A weak validator made from the JSON body: every update bumps the row's version, so the body
    and its tag change together. Weak (W/) because GZipMiddleware may compress the same JSON, and
    a strong tag would promise the compressed bytes are the same too."""
    return 'W/"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'


def none_match(if_none_match: str | None, etag: str) -> bool:
    """If-None-Match compares weakly: W/"x" matches "x", and * matches any current representation."""
    if not if_none_match:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag.removeprefix("W/") in tags


def conditional_json(body: str, if_none_match: str | None, headers: dict[str, str]) -> Response:
    """The JSON body with its ETag, or a 304 with the same headers and no body when the client's
    copy matches. no-cache: clients may keep the copy, but ask every time (a 304 is cheap)."""
    headers = {"ETag": etag_of(body), "Cache-Control": "no-cache", **headers}
    if none_match(if_none_match, headers["ETag"]):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)
# --8<-- [end:conditional-get]
