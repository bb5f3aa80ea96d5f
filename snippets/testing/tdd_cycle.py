def run(tests, implementation) -> str:  # stands for running pytest
    for test in tests:
        try:
            test(implementation)
        except (AssertionError, NotImplementedError) as error:
            return f"red ({test.__name__}: {type(error).__name__})"
    return "green"


# --8<-- [start:show]
def test_no_code_keeps_the_price(total):
    assert total(100, "") == 100


def test_save10_takes_ten_percent(total):
    assert total(100, "SAVE10") == 90


tests = [test_no_code_keeps_the_price, test_save10_takes_ten_percent]


def total_v0(price, code):  # 1. tests first: no code yet
    raise NotImplementedError


def total_v1(price, code):  # 2. the least code that passes
    return price * 0.9 if code == "SAVE10" else price


DISCOUNTS = {"SAVE10": 10}


def total_v2(price, code):  # 3. refactor: a table, same behaviour
    return price * (100 - DISCOUNTS.get(code, 0)) / 100


for step in [total_v0, total_v1, total_v2]:
    print(step.__name__, run(tests, step))
    #> total_v0 red (test_no_code_keeps_the_price: NotImplementedError)
    #> total_v1 green
    #> total_v2 green
# --8<-- [end:show]


def test_save25_takes_a_quarter(total):  # the next requirement, test first
    assert total(100, "SAVE25") == 75


tests.append(test_save25_takes_a_quarter)
print("new test:", run(tests, total_v2))
#> new test: red (test_save25_takes_a_quarter: AssertionError)
DISCOUNTS["SAVE25"] = 25  # the least change that passes
print("one more row:", run(tests, total_v2))
#> one more row: green
