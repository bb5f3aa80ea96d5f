import math
from collections import Counter

# --8<-- [start:show]
def retrieve(question: str, k: int = 1) -> list[str]:
    query = embed(question)  # Milvus: ANN search over millions
    return sorted(VECTORS, key=lambda key: cosine(query, VECTORS[key]),
                  reverse=True)[:k]


def build_prompt(question: str) -> str:
    context = "\n".join(PASSAGES[key] for key in retrieve(question))
    return f"Answer only from this context:\n{context}\nQuestion: {question}"
# --8<-- [end:show]

PASSAGES = {  # chunks of our own documents
    "refunds": "Refunds go back to the original card within 5 business days.",
    "shipping": "Orders ship from Berlin and arrive in 2 to 4 days.",
    "security": "Passwords are hashed with Argon2id before they are stored.",
}
STOP_WORDS = {"the", "to", "a", "in", "and", "are", "do", "how", "my", "with"}


def embed(text: str) -> Counter:  # stand-in for an embedding model
    words = (word.strip(".,?!").lower() for word in text.split())
    return Counter(word for word in words if word not in STOP_WORDS)


def cosine(a: Counter, b: Counter) -> float:
    dot = sum(a[term] * b[term] for term in a)
    norms = math.sqrt(sum(v * v for v in a.values()))
    norms *= math.sqrt(sum(v * v for v in b.values()))
    return dot / norms if norms else 0.0


VECTORS = {key: embed(text) for key, text in PASSAGES.items()}  # the vector DB


question = "How many days until refunds reach my card?"
print("ranked:", retrieve(question, k=3))
#> ranked: ['refunds', 'shipping', 'security']
print(build_prompt(question))  # goes to the LLM, not the bare question
#> Answer only from this context:
#> Refunds go back to the original card within 5 business days.
#> Question: How many days until refunds reach my card?
