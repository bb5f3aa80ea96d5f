# --8<-- [start:show]
from functools import cached_property


class User:
    def __init__(self, email: str) -> None:
        self.email = email  # goes through the setter below
        self.profile_loads = 0

    @property
    def email(self) -> str:
        return self._email

    @email.setter
    # runs on every assignment
    def email(self, value: str) -> None:
        value = value.strip().lower()
        if "@" not in value:
            raise ValueError("not an email address")
        self._email = value

    @property
    def domain(self) -> str:  # computed, read-only
        return self.email.split("@")[1]

    @cached_property
    # computed once, then stored on the instance
    def profile(self) -> dict:
        self.profile_loads += 1
        return {"email": self.email}
# --8<-- [end:show]


user = User("  Ana@Example.COM ")
print(user.email, user.domain)
#> ana@example.com example.com
try:
    user.email = "not-an-email"
except ValueError as error:
    print(f"ValueError: {error}; still {user.email}")
    #> ValueError: not an email address; still ana@example.com
user.profile, user.profile
print(f"profile_loads={user.profile_loads}")
#> profile_loads=1
