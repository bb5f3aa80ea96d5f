import os
import sysconfig
import time

# --8<-- [start:show]
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def sum_of_squares(n: int) -> int:
    # pure Python bytecode: the running thread holds the GIL
    return sum(i * i for i in range(n))


def cores_used_by_threads(threads: int = 4) -> float:
    """CPU seconds per wall second while 4 threads compute."""
    wall, cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(sum_of_squares, [1_000_000] * threads))
    used = time.process_time() - cpu
    return used / (time.perf_counter() - wall)


def pid_of_worker(n: int) -> int:
    # runs in a worker process with its own GIL
    sum_of_squares(n)
    return os.getpid()
# --8<-- [end:show]


if __name__ == "__main__":
    # with the GIL, 4 busy threads still use about one core
    print(f"threads_under_1.5_cores={cores_used_by_threads() < 1.5}")
    #> threads_under_1.5_cores=True
    with ProcessPoolExecutor(2) as processes:
        pids = set(processes.map(pid_of_worker, [100_000] * 4))
    print(f"ran_outside_this_process={os.getpid() not in pids}")
    #> ran_outside_this_process=True
    # 1 only on a free-threaded build such as python3.14t
    no_gil_build = sysconfig.get_config_var("Py_GIL_DISABLED")
    print(f"free_threaded_build={bool(no_gil_build)}")
    #> free_threaded_build=False
