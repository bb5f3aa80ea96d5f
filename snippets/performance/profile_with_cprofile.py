import cProfile
import pstats


def load_documents() -> list[list[str]]:
    return [[f"w{(i * j) % 997}" for j in range(300)] for i in range(300)]


def score_documents(query: list[str], docs: list[list[str]]) -> list[int]:
    scores = []
    for document in docs:
        score = 0
        for word in query:
            if word in document:  # scans the list: hidden cost
                score += 1
        scores.append(score)
    return scores


def handle_request() -> list[int]:
    query = [f"w{n}" for n in range(0, 900, 9)]
    return score_documents(query, load_documents())


with cProfile.Profile() as profiler:
    handle_request()

functions = pstats.Stats(profiler).get_stats_profile().func_profiles
ranked = sorted(functions, key=lambda name: -functions[name].cumtime)
print(f"top_3_by_cumulative_time={ranked[:3]}")  # the slow call path
#> top_3_by_cumulative_time=['handle_request', 'score_documents', 'load_documents']
by_own_time = max(functions, key=lambda name: functions[name].tottime)
print(f"top_by_own_time={by_own_time}")  # the hot function
#> top_by_own_time=score_documents
