# --8<-- [start:show]
class Unavailable(Exception):
    pass


class Replica:
    def __init__(self):
        self.stock = 5


def write(near: Replica, far: Replica, stock: int, *,
          partitioned: bool, mode: str) -> str:
    """A write lands on the near replica and is copied to the far one."""
    if partitioned and mode == "CP":
        raise Unavailable("far replica unreachable, write refused")
    near.stock = stock
    if not partitioned:
        far.stock = stock
    return "write accepted"


for mode in ("CP", "AP"):
    eu, us = Replica(), Replica()
    try:
        outcome = write(eu, us, 4, partitioned=True, mode=mode)
    except Unavailable as error:
        outcome = f"503 {error}"
    print(f"{mode}: {outcome}; reads eu={eu.stock} us={us.stock}")
    #> CP: 503 far replica unreachable, write refused; reads eu=5 us=5
    #> AP: write accepted; reads eu=4 us=5
# --8<-- [end:show]

eu, us = Replica(), Replica()  # no partition: consistent and available
print(write(eu, us, 4, partitioned=False, mode="CP"), eu.stock, us.stock)
#> write accepted 4 4
