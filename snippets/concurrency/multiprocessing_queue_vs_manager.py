from multiprocessing import Manager, Process, Queue


def send_result(results: Queue, worker: int) -> None:
    results.put(worker * 10)  # pickled and sent through a pipe


def add_to_total(shared: dict, lock, worker: int) -> None:
    # += on a proxy is a get and a set: two round trips
    with lock:
        shared["total"] += worker * 10


def run_all(target, *args) -> None:
    workers = [Process(target=target, args=(*args, n)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


if __name__ == "__main__":
    # messages: each item is received by one process
    results = Queue()
    run_all(send_result, results)
    print(f"queue_messages={sorted(results.get() for _ in range(3))}")
    #> queue_messages=[0, 10, 20]

    # starts a server process that owns the dict
    with Manager() as manager:
        shared, lock = manager.dict(total=0), manager.Lock()
        run_all(add_to_total, shared, lock)
        print(f"manager_state={dict(shared)} via {type(shared).__name__}")
        #> manager_state={'total': 30} via DictProxy
