import ast

namespace = {"price": 20}
print(eval("price * 1.2", namespace))  # one expression -> its value
#> 24.0

statements = "total = price * 2\nfor _ in range(3): total += 1"
result = exec(statements, namespace)
print(result, namespace["total"])  # None; names land in namespace
#> None 43

user_input = "__import__('os').getcwd()"  # imagine rm -rf instead
print(type(eval(user_input)).__name__)  # it ran the call
#> str

print(ast.literal_eval("{'page': 2, 'tags': ['a']}"))  # literals
#> {'page': 2, 'tags': ['a']}
try:
    ast.literal_eval(user_input)
except ValueError as error:
    print("rejected:", type(error).__name__)
    #> rejected: ValueError
