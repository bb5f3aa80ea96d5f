import re
import unicodedata


def slugify_suggested(title: str) -> str:  # what the assistant proposed
    return title.lower().replace(" ", "-")


def slugify_reviewed(title: str) -> str:  # after the tests failed
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "-", plain.decode().lower()).strip("-")


# written before accepting any suggestion, edge cases included
CASES = {
    "Hello World": "hello-world",
    "  Café au lait ": "cafe-au-lait",
    "C++ & Rust!": "c-rust",
}

for candidate in (slugify_suggested, slugify_reviewed):
    failing = [text for text, slug in CASES.items() if candidate(text) != slug]
    print(f"{candidate.__name__}: failing={failing}")
    #> slugify_suggested: failing=['  Café au lait ', 'C++ & Rust!']
    #> slugify_reviewed: failing=[]
