from dataclasses import dataclass, field


def add_tag_buggy(tag, tags=[]):  # the list is created once, at def time
    tags.append(tag)
    return tags


print(add_tag_buggy("a"), add_tag_buggy("b"))
#> ['a', 'b'] ['a', 'b']


def add_tag(tag, tags=None):
    tags = [] if tags is None else tags  # a new list on every call
    tags.append(tag)
    return tags


print(add_tag("a"), add_tag("b"))
#> ['a'] ['b']


@dataclass
class Order:
    items: list[str] = field(default_factory=list)  # one list per instance


print(Order().items is Order().items)
#> False
