class Sku:
    def __init__(self, code):
        self.code = code

    def __eq__(self, other):
        return isinstance(other, Sku) and self.code == other.code

    def __hash__(self):  # equal objects must have equal hashes
        return hash(self.code)


stock = {Sku("TEA-1"): 3, 42: "answer", (1, 2): "pair"}
print(stock[Sku("TEA-1")])  # a new, equal object finds the entry
#> 3
print(len({Sku("A"), Sku("A")}))
#> 1


class NoHash:
    def __eq__(self, other):  # __eq__ alone: __hash__ = None
        return True


print(NoHash.__hash__)
#> None
print(hash(1) == hash(1.0), id(1) == id(1.0))  # hash follows ==
#> True False
