# --8<-- [start:show]
import inspect


class Registry(type):  # a metaclass: its instances are classes
    models = {}

    def __new__(mcs, name, bases, namespace):
        cls = super().__new__(mcs, name, bases, namespace)
        if bases:  # skip the base class itself
            fields = inspect.get_annotations(cls)
            mcs.models[name] = list(fields)  # runs at the class statement
        return cls


class Model(metaclass=Registry):
    pass


class User(Model):
    name: str
    email: str


print(type(User).__name__, type(int).__name__)  # classes are objects too
#> Registry type
print(Registry.models)
#> {'User': ['name', 'email']}
# --8<-- [end:show]


class Plugin:
    registered = []

    def __init_subclass__(cls, **kwargs):  # the lighter hook, no metaclass
        super().__init_subclass__(**kwargs)
        Plugin.registered.append(cls.__name__)


class CsvExport(Plugin):
    pass


print(Plugin.registered)
#> ['CsvExport']
