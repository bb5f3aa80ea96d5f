# --8<-- [start:show]
class Positive:  # a data descriptor: defines __get__ and __set__
    def __set_name__(self, owner, name):  # called once, at class creation
        self.name = "_" + name

    def __get__(self, instance, owner):
        if instance is None:  # accessed on the class
            return self
        return getattr(instance, self.name)

    def __set__(self, instance, value):
        if value <= 0:
            raise ValueError(f"{self.name[1:]} must be positive")
        setattr(instance, self.name, value)


class Startup:
    employees = Positive()  # lives on the class, runs for every instance

    def __init__(self, employees):
        self.employees = employees  # goes through Positive.__set__


nova = Startup(12)
print(nova.employees, type(Startup.__dict__["employees"]).__name__)
#> 12 Positive
try:
    nova.employees = 0
except ValueError as error:
    print(error)
    #> employees must be positive
print(type(Startup.__init__).__name__, type(nova.__init__).__name__)
#> function method
# --8<-- [end:show]

from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column  # noqa: E402


class Base(DeclarativeBase):
    pass


class Company(Base):  # each column is a descriptor on the class
    __tablename__ = "companies"
    id: Mapped[int] = mapped_column(primary_key=True)
    city: Mapped[str]


print(Company.city == "Oslo")  # on the class: a SQL expression
#> companies.city = :city_1
print(Company(city="Oslo").city)  # on an instance: the value
#> Oslo
