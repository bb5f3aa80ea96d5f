# --8<-- [start:show]
class Account:
    def __init__(self, owner: str, pin: str) -> None:
        self.owner = owner  # public
        # internal by convention: use deposit()
        self._balance = 0
        self.__pin = pin  # name-mangled to _Account__pin

    @property
    # read-only from outside: no setter
    def balance(self) -> int:
        return self._balance

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount

    def check_pin(self, pin: str) -> bool:
        return pin == self.__pin
# --8<-- [end:show]


account = Account("ana", "1234")
account.deposit(50)
print(account.balance)
#> 50
for attempt in (lambda: setattr(account, "balance", 10**6),
                lambda: account.deposit(-5)):
    try:
        attempt()
    except (AttributeError, ValueError) as error:
        print(type(error).__name__, account.balance)
        #> AttributeError 50
        #> ValueError 50
print(sorted(vars(account)))
#> ['_Account__pin', '_balance', 'owner']
print(hasattr(account, "__pin"), account.check_pin("1234"))
#> False True
