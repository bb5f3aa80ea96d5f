orders = [("tea", 2), ("cake", 0), ("coffee", 3), ("tea", 1)]

names = [name for name, qty in orders if qty > 0]  # filter
print(names)
#> ['tea', 'coffee', 'tea']
# if-else before the for picks a value per item
labels = ["in stock" if qty else "sold out" for _, qty in orders]
print(labels)
#> ['in stock', 'sold out', 'in stock', 'in stock']
unique = {name for name, _ in orders}  # set
print(sorted(unique))
#> ['cake', 'coffee', 'tea']
totals = {name: qty for name, qty in orders}  # dict: later keys win
print(totals)
#> {'tea': 1, 'cake': 0, 'coffee': 3}
grid = [[row * 3 + col for col in range(3)] for row in range(2)]
print(grid)
#> [[0, 1, 2], [3, 4, 5]]
flat = [cell for row in grid for cell in row]  # left to right
print(flat)
#> [0, 1, 2, 3, 4, 5]
print(sum(qty for _, qty in orders))  # generator: no list
#> 6
