import tracemalloc

_cache = {}  # module-level and never evicted: the classic leak


def handle_request(request_id):
    _cache[request_id] = bytearray(1000)  # "just caching" every request
    return len(_cache)


tracemalloc.start()
before = tracemalloc.take_snapshot()
for request_id in range(5_000):
    handle_request(request_id)
after = tracemalloc.take_snapshot()

top = after.compare_to(before, "lineno")[0]  # biggest growth first
frame = top.traceback[0]
print(f"line {frame.lineno} grew by over 4 MB: {top.size_diff > 4_000_000}")
#> line 7 grew by over 4 MB: True
print(f"still referenced: {len(_cache)} entries")
#> still referenced: 5000 entries
tracemalloc.stop()
