value = 42
print(type(value).__name__)
#> int
value = "forty-two"  # the name is rebound; objects carry the type
print(type(value).__name__)
#> str

try:
    "1" + 1  # strong typing: no silent conversion
except TypeError as error:
    print(f"TypeError: {error}")
    #> TypeError: can only concatenate str (not "int") to str

code = compile("total = price * quantity", "<order>", "exec")
print(type(code).__name__, code.co_names)  # source -> bytecode object
#> code ('price', 'quantity', 'total')
namespace = {"price": 3, "quantity": 4}
exec(code, namespace)  # the CPython VM runs the bytecode
print(namespace["total"])
#> 12
