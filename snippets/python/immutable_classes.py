from dataclasses import FrozenInstanceError, dataclass, replace


# --8<-- [start:show]
@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"


price = Money(250)
try:
    price.amount = 300  # frozen: __setattr__ raises
except FrozenInstanceError as error:
    print(type(error).__name__, error)
    #> FrozenInstanceError cannot assign to field 'amount'
print(replace(price, amount=300), price)  # "change" = build a new one
#> Money(amount=300, currency='EUR') Money(amount=250, currency='EUR')
print(len({Money(1), Money(1)}))  # frozen + eq: hashable, usable in sets
#> 1


@dataclass(frozen=True)
class Basket:
    items: list[str]  # a mutable field inside a frozen object


basket = Basket(["tea"])
basket.items.append("cake")  # allowed: frozen is shallow
print(basket)
#> Basket(items=['tea', 'cake'])
# --8<-- [end:show]

try:
    hash(basket)  # the list inside makes it unhashable too
except TypeError as error:
    print(error)
    #> unhashable type: 'list'


@dataclass(frozen=True)
class SafeBasket:
    items: tuple[str, ...]  # immutable all the way down


print(len({SafeBasket(("tea",)), SafeBasket(("tea",))}))
#> 1
