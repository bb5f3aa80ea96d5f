print(7 / 2, 7 // 2)  # true division; // floors
#> 3.5 3

text = "café"  # str is Unicode text
data = text.encode("utf-8")  # bytes are a separate type
print(len(text), len(data), type(data).__name__)
#> 4 5 bytes

try:
    text + data  # Python 3 never mixes them silently
except TypeError as error:
    print(type(error).__name__, error)
    #> TypeError can only concatenate str (not "bytes") to str

squares = map(lambda n: n * n, range(3))  # lazy iterator, not a list
print(type(squares).__name__, list(squares))
#> map [0, 1, 4]
print(type({"a": 1}.keys()).__name__)  # a view, not a copied list
#> dict_keys
