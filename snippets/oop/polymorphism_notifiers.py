class Notifier:
    def send(self, user: str, text: str) -> str:
        raise NotImplementedError


class EmailNotifier(Notifier):
    def send(self, user: str, text: str) -> str:  # override
        return f"email to {user}@example.com: {text}"


class SmsNotifier(Notifier):
    def send(self, user: str, text: str) -> str:
        return f"sms to {user}: {text[:12]}..."


class SlackWebhook:  # no shared base: duck typing
    def send(self, user: str, text: str) -> str:
        return f"slack @{user}: {text}"


def notify_all(notifiers: list, user: str, text: str):
    # one call site, no isinstance: each runs its own send
    return [notifier.send(user, text) for notifier in notifiers]


channels = [EmailNotifier(), SmsNotifier(), SlackWebhook()]
for line in notify_all(channels, "ana", "Your export is ready"):
    print(line)
    #> email to ana@example.com: Your export is ready
    #> sms to ana: Your export ...
    #> slack @ana: Your export is ready
print(len("abc"), len([1, 2]), len({"a": 1}))  # built-ins too
#> 3 2 1
print(1 + 2, "a" + "b", [1] + [2])  # so are operators
#> 3 ab [1, 2]
