from datetime import date


class Startup:
    def __init__(self, name: str, founded: int) -> None:
        self.name, self.founded = name, founded

    def age(self, today: date) -> int:  # instance method: gets self
        return today.year - self.founded

    @classmethod
    def from_csv(cls, line: str) -> "Startup":  # gets the class: cls
        name, founded = line.split(",")
        return cls(name.strip(), int(founded))  # builds cls, so subclasses too

    @staticmethod
    def is_valid_name(name: str) -> bool:  # gets neither: a plain function
        return name[:1].isalpha()

    @property
    def slug(self) -> str:  # read like an attribute, computed each time
        return self.name.lower()


class FintechStartup(Startup):
    pass


startup = FintechStartup.from_csv("NovaPay, 2019")
print(type(startup).__name__, startup.age(date(2026, 1, 1)), startup.slug)
#> FintechStartup 7 novapay
print(Startup.is_valid_name("9lives"), startup.is_valid_name("Nova"))
#> False True
print(type(Startup.__dict__["from_csv"]).__name__,
      type(Startup.__dict__["is_valid_name"]).__name__)
#> classmethod staticmethod
