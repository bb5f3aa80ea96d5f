import inspect
import trace


def shipping_cost(cents: int, country: str) -> int:
    if cents >= 5000:
        return 0  # free shipping
    if country != "DE":
        return 1500  # abroad
    return 500


def test_small_order_at_home() -> None:
    assert shipping_cost(1000, "DE") == 500


def test_big_order_ships_free() -> None:
    assert shipping_cost(9000, "DE") == 0


# line counts: what coverage.py measures
tracer = trace.Trace(count=True, trace=False)
for test in [test_small_order_at_home, test_big_order_ships_free]:
    tracer.runfunc(test)

lines, first = inspect.getsourcelines(shipping_cost)
body = range(first + 1, first + len(lines))  # the lines after `def`
ran = {line for (_, line) in tracer.results().counts if line in body}
print(f"line coverage: {len(ran)}/{len(body)}")
#> line coverage: 4/5
for number in body:
    if number not in ran:
        print("never ran:", lines[number - first].strip())
        #> never ran: return 1500  # abroad
