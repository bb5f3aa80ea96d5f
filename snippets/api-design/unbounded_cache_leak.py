import functools
import tracemalloc


@functools.cache  # no size limit: one entry per distinct argument, forever
def render_unbounded(query: str) -> str:
    return f"<results for {query}>" + " " * 1000


@functools.lru_cache(maxsize=1_000)  # the fix: oldest entries are evicted
def render_bounded(query: str) -> str:
    return f"<results for {query}>" + " " * 1000


tracemalloc.start()
for render in [render_unbounded, render_bounded]:
    before = tracemalloc.get_traced_memory()[0]
    for user_id in range(30_000):  # every user searches something new
        render(f"user={user_id}&q=fintech")
    grown_mb = (tracemalloc.get_traced_memory()[0] - before) / 1e6
    entries = render.cache_info().currsize
    print(f"{render.__name__}: {entries=} grew_over_10_MB={grown_mb > 10}")
    #> render_unbounded: entries=30000 grew_over_10_MB=True
    #> render_bounded: entries=1000 grew_over_10_MB=False
