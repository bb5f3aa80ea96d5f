class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __add__(self, other):  # a + b
        return Money(self.cents + other.cents)

    def __eq__(self, other):  # a == b
        return isinstance(other, Money) and self.cents == other.cents

    def __bool__(self):  # if money:
        return self.cents != 0


class Cart:
    def __init__(self, *prices):
        self.prices = list(prices)

    def __len__(self):  # len(cart)
        return len(self.prices)

    def __iter__(self):  # for price in cart
        return iter(self.prices)

    def __contains__(self, price):  # price in cart
        return price in self.prices


cart = Cart(Money(250), Money(100))
print(len(cart), Money(100) in cart, sum(cart, Money(0)))
#> 2 True Money(350)
print(bool(Money(0)), Money(1) + Money(2) == Money(3))
#> False True
