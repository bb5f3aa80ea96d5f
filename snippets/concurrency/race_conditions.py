# --8<-- [start:show]
import threading
import time


class Account:
    def __init__(self) -> None:
        self.balance = 0
        self.lock = threading.Lock()

    def deposit_unsafe(self) -> None:
        current = self.balance  # read
        # any pause here lets another thread read too
        time.sleep(0.02)
        # write: may overwrite another deposit
        self.balance = current + 1

    def deposit_safe(self) -> None:
        with self.lock:  # read-modify-write as one step
            current = self.balance
            time.sleep(0.02)
            self.balance = current + 1
# --8<-- [end:show]


def ten_threads(target) -> None:
    threads = [threading.Thread(target=target) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


unsafe, safe = Account(), Account()
ten_threads(unsafe.deposit_unsafe)
ten_threads(safe.deposit_safe)
print(f"without_lock_lost_updates={unsafe.balance < 10}")
#> without_lock_lost_updates=True
print(f"with_lock_balance={safe.balance}")
#> with_lock_balance=10
