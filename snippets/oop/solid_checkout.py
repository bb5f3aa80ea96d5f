# --8<-- [start:show]
from typing import Protocol


class Discount(Protocol):  # I: one small interface
    def apply(self, total: float) -> float: ...


class PercentOff:  # S: one rule, one reason to change
    def __init__(self, percent: float) -> None:
        self.percent = percent

    def apply(self, total: float) -> float:
        return total * (1 - self.percent / 100)


class FlatOff:
    def __init__(self, amount: float) -> None:
        self.amount = amount

    def apply(self, total: float) -> float:
        return max(total - self.amount, 0)  # L: never < 0


class Checkout:  # D: gets its Discounts from outside
    def __init__(self, discounts: list[Discount]) -> None:
        self.discounts = discounts

    def total(self, prices: list[float]) -> float:
        total = sum(prices)
        for discount in self.discounts:
            total = discount.apply(total)
        return round(total, 2)


class LoyaltyOff:  # O: a new rule, Checkout unchanged
    def apply(self, total: float) -> float:
        return total - 1 if total > 50 else total
# --8<-- [end:show]


print(Checkout([PercentOff(10)]).total([40, 20]))
#> 54.0
rules = [PercentOff(10), LoyaltyOff(), FlatOff(5)]
print(Checkout(rules).total([40, 20]))
#> 48.0
print(Checkout([FlatOff(100)]).total([40]))
#> 0
