# --8<-- [start:show]
import hashlib
import json

cache: dict[str, str] = {}  # in production: Redis, with a TTL


def cache_key(model: str, prompt: str, temperature: float) -> str:
    prompt = " ".join(prompt.split())  # same question, different spacing
    canonical = json.dumps([model, prompt, temperature])
    return hashlib.sha256(canonical.encode()).hexdigest()


def complete(prompt: str, model: str = "small", temperature: float = 0.0):
    key = cache_key(model, prompt, temperature)
    if key in cache:  # every input that changes the answer is in the key
        answer = cache[key]
        stats["tokens_saved"] += estimate_tokens(prompt + answer)
        return answer
    cache[key] = answer = call_model(model, prompt)
    return answer
# --8<-- [end:show]

stats = {"model_calls": 0, "tokens_saved": 0}


def call_model(model: str, prompt: str) -> str:  # stands in for the paid API
    stats["model_calls"] += 1
    return f"summary #{stats['model_calls']}"


def estimate_tokens(text: str) -> int:
    return max(1, len(text) // 4)  # rough, English; bills count API usage


prompts = ["Summarize startup 7 in one line.",
           "Summarize  startup 7 in one line. ",
           "Summarize startup 8 in one line.",
           "Summarize startup 7 in one line."]
print([complete(prompt) for prompt in prompts])
#> ['summary #1', 'summary #1', 'summary #2', 'summary #1']
print(stats)
#> {'model_calls': 2, 'tokens_saved': 21}
