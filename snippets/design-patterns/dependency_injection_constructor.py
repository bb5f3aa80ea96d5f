from typing import Protocol


class SmtpMailer:  # the real one: would open an SMTP connection
    def send(self, to: str, subject: str) -> None:
        raise RuntimeError("no SMTP server in this snippet")


class FakeMailer:  # for tests: records instead of sending
    def __init__(self) -> None:
        self.sent: list[tuple[str, str]] = []

    def send(self, to: str, subject: str) -> None:
        self.sent.append((to, subject))


# --8<-- [start:show]
class Mailer(Protocol):  # the abstraction the service owns
    def send(self, to: str, subject: str) -> None: ...


class SignupService:
    def __init__(self, mailer: Mailer) -> None:  # injected
        self.mailer = mailer

    def sign_up(self, email: str) -> str:
        self.mailer.send(email, "Welcome!")
        return f"created {email}"


fake = FakeMailer()
service = SignupService(fake)  # the caller picks the class
print(service.sign_up("ana@example.com"), fake.sent)
#> created ana@example.com [('ana@example.com', 'Welcome!')]
# --8<-- [end:show]
try:
    SignupService(SmtpMailer()).sign_up("eli@example.com")
except RuntimeError as error:
    print(f"production wiring reached SMTP: {error}")
    #> production wiring reached SMTP: no SMTP server in this snippet
