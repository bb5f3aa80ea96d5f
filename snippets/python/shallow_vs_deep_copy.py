import copy

config = {"hosts": ["db1"], "port": 5432}

shallow = copy.copy(config)  # same as config.copy() or dict(config)
deep = copy.deepcopy(config)

config["hosts"].append("db2")  # change a nested object
config["port"] = 6432  # rebind a top-level key

print(shallow)  # shares the inner list, has its own top-level keys
#> {'hosts': ['db1', 'db2'], 'port': 5432}
print(deep)  # fully independent
#> {'hosts': ['db1'], 'port': 5432}
print(shallow["hosts"] is config["hosts"], deep["hosts"] is config["hosts"])
#> True False

rows = [[0, 0]] * 2  # one inner list referenced twice
rows_copy = copy.deepcopy(rows)
print(rows_copy[0] is rows_copy[1])  # the memo keeps shared references shared
#> True
