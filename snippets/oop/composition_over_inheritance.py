# --8<-- [start:show]
class DiskStorage:
    def save(self, name: str) -> str:
        return f"disk/{name}"


class S3Storage:
    def save(self, name: str) -> str:
        return f"s3://reports/{name}"


class EmailNotifier:
    def send(self, text: str) -> str:
        return f"email: {text}"


class SlackNotifier:
    def send(self, text: str) -> str:
        return f"slack: {text}"


class ReportService:  # has a storage and a notifier; is neither
    def __init__(self, storage, notifier) -> None:
        self.storage, self.notifier = storage, notifier

    def publish(self, name: str) -> str:
        # delegates
        return self.notifier.send(self.storage.save(name))
# --8<-- [end:show]


# 2 storages x 2 notifiers: 4 combinations, no subclass per combination
for storage in (DiskStorage(), S3Storage()):
    for notifier in (EmailNotifier(), SlackNotifier()):
        print(ReportService(storage, notifier).publish("q1.csv"))
        #> email: disk/q1.csv
        #> slack: disk/q1.csv
        #> email: s3://reports/q1.csv
        #> slack: s3://reports/q1.csv
service = ReportService(DiskStorage(), EmailNotifier())
service.notifier = SlackNotifier()  # swap one part at run time
print(service.publish("q2.csv"))
#> slack: disk/q2.csv
