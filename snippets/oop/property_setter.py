from functools import cached_property


class User:
    def __init__(self, email: str) -> None:
        self.email = email  # goes through the setter below
        self.profile_loads = 0

    @property
    def email(self) -> str:
        return self._email

    @email.setter
    def email(self, value: str) -> None:  # runs on every assignment
        value = value.strip().lower()
        if "@" not in value:
            raise ValueError("not an email address")
        self._email = value

    @property
    def domain(self) -> str:  # computed, read-only
        return self.email.split("@")[1]

    @cached_property
    def profile(self) -> dict:  # computed once, then stored on the instance
        self.profile_loads += 1
        return {"email": self.email}


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
