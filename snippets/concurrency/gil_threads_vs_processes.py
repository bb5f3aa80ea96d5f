import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def sum_of_squares(n: int) -> int:
    # pure Python bytecode: the thread running it holds the GIL throughout
    return sum(i * i for i in range(n))


def best_of_three(pool) -> float:
    list(pool.map(time.sleep, [0.1] * 4))  # warm-up: start all 4 workers
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        list(pool.map(sum_of_squares, [2_000_000] * 4))  # 4 calls at once
        timings.append(time.perf_counter() - started)
    return min(timings)


if __name__ == "__main__":
    with ThreadPoolExecutor(4) as threads, ProcessPoolExecutor(4) as processes:
        thread_seconds = best_of_three(threads)
        process_seconds = best_of_three(processes)
    print(f"processes_faster={process_seconds < thread_seconds}")
    #> processes_faster=True
    print(f"gil_enabled={getattr(sys, '_is_gil_enabled', lambda: True)()}")
    #> gil_enabled=True
