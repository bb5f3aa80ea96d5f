# --8<-- [start:show]
from datetime import date


class Startup:
    def __init__(self, name: str, founded: int) -> None:
        self.name, self.founded = name, founded

    # instance method: gets self
    def age(self, today: date) -> int:
        return today.year - self.founded

    @classmethod
    # gets the class: cls
    def from_csv(cls, line: str) -> "Startup":
        name, founded = line.split(",")
        # builds cls, so subclasses too
        return cls(name.strip(), int(founded))

    @staticmethod
    # gets neither: a plain function
    def is_valid_name(name: str) -> bool:
        return name[:1].isalpha()

    @property
    # read like an attribute, computed each time
    def slug(self) -> str:
        return self.name.lower()


class FintechStartup(Startup):
    pass
# --8<-- [end:show]


startup = FintechStartup.from_csv("NovaPay, 2019")
print(type(startup).__name__, startup.age(date(2026, 1, 1)), startup.slug)
#> FintechStartup 7 novapay
print(Startup.is_valid_name("9lives"), startup.is_valid_name("Nova"))
#> False True
print(type(Startup.__dict__["from_csv"]).__name__,
      type(Startup.__dict__["is_valid_name"]).__name__)
#> classmethod staticmethod
