from datetime import date


class Startup:
    def __init__(self, name, founded):
        self.name = name
        self.founded = founded

    def __repr__(self):  # for developers: unambiguous, like code
        return f"Startup(name={self.name!r}, founded={self.founded!r})"

    def __str__(self):  # for users: readable
        return f"{self.name} (since {self.founded.year})"


nova = Startup("Nova", date(2019, 3, 1))
print(nova)  # print() and str() use __str__
#> Nova (since 2019)
print(repr(nova))
#> Startup(name='Nova', founded=datetime.date(2019, 3, 1))
print([nova])  # containers, the REPL and logs of objects use __repr__
#> [Startup(name='Nova', founded=datetime.date(2019, 3, 1))]
print(f"{nova} / {nova!r}")
#> Nova (since 2019) / Startup(name='Nova', founded=datetime.date(2019, 3, 1))


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


print(str(OnlyRepr()))  # str() falls back to __repr__
#> OnlyRepr()
