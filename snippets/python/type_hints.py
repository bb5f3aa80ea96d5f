import typing


def find_user(user_id: int, users: dict[int, str]) -> str | None:
    return users.get(user_id)


print(find_user(1, {1: "ana"}))
#> ana
print(find_user("1", {1: "ana"}))  # not enforced: no error at run time
#> None
print(typing.get_type_hints(find_user))  # but readable by tools at run time
#> {'user_id': <class 'int'>, 'users': dict[int, str], 'return': str | None}

# A type checker (mypy, pyright) rejects the second call before it runs:
#   error: Argument 1 to "find_user" has incompatible type "str";
#   expected "int"
