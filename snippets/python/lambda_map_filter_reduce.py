from functools import reduce

prices = [12.0, 5.5, 30.0, 8.25]

with_tax = list(map(lambda price: round(price * 1.2, 2), prices))
print(with_tax)
#> [14.4, 6.6, 36.0, 9.9]
expensive = list(filter(lambda price: price > 10, prices))
print(expensive)
#> [12.0, 30.0]
total = reduce(lambda running, price: running + price, prices, 0.0)
print(total)
#> 55.75

print(type(map(str, prices)).__name__)  # map and filter are lazy iterators
#> map
print([round(p * 1.2, 2) for p in prices if p > 10])  # often clearer
#> [14.4, 36.0]

by_length = sorted(["kiwi", "fig", "banana"], key=lambda word: len(word))
print(by_length)  # the everyday use: a short key function
#> ['fig', 'kiwi', 'banana']
