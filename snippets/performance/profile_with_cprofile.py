import cProfile
import pstats


def load_documents() -> list[list[str]]:
    return [[f"w{(i * j) % 997}" for j in range(300)] for i in range(300)]


def score_documents(query: list[str], docs: list[list[str]]) -> list[int]:
    scores = []
    for document in docs:
        score = 0
        for word in query:
            if word in document:  # scans the whole list: the hidden cost
                score += 1
        scores.append(score)
    return scores


def handle_request() -> list[int]:
    query = [f"w{n}" for n in range(0, 900, 9)]
    return score_documents(query, load_documents())


with cProfile.Profile() as profiler:
    handle_request()

functions = pstats.Stats(profiler).get_stats_profile().func_profiles
by_cumulative = max(functions, key=lambda name: functions[name].cumtime)
by_own_time = max(functions, key=lambda name: functions[name].tottime)
print(f"top_by_cumulative_time={by_cumulative}")
#> top_by_cumulative_time=handle_request
print(f"top_by_own_time={by_own_time}")
#> top_by_own_time=score_documents
