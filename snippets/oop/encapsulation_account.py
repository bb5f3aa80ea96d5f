class Account:
    def __init__(self, owner: str, pin: str) -> None:
        self.owner = owner  # public
        self._balance = 0  # internal by convention: use deposit()
        self.__pin = pin  # name-mangled to _Account__pin

    @property
    def balance(self) -> int:  # read-only from outside: no setter
        return self._balance

    def deposit(self, amount: int) -> None:
        if amount <= 0:
            raise ValueError("amount must be positive")
        self._balance += amount

    def check_pin(self, pin: str) -> bool:
        return pin == self.__pin


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
