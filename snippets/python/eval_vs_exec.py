import ast

namespace = {"price": 20}
print(eval("price * 1.2", namespace))  # one expression -> its value
#> 24.0

result = exec("total = price * 2\nfor _ in range(3): total += 1", namespace)
print(result, namespace["total"])  # statements -> None; names in namespace
#> None 43

user_input = "__import__('os').getcwd()"  # imagine rm -rf instead
print(type(eval(user_input)).__name__)  # eval runs whatever it is given
#> str

print(ast.literal_eval("{'page': 2, 'tags': ['a', 'b']}"))  # literals only
#> {'page': 2, 'tags': ['a', 'b']}
try:
    ast.literal_eval(user_input)
except ValueError as error:
    print("rejected:", type(error).__name__)
    #> rejected: ValueError
