import contextlib
import io

# --8<-- [start:show]
import pytest


@pytest.fixture(scope="module")  # once for this file
def database() -> dict[str, list[str]]:
    yield {"users": []}
    # teardown code goes here: runs after the module's last test


@pytest.fixture  # default scope "function": a fresh one per test
def user(database: dict) -> str:  # uses another fixture
    database["users"].append("ana")
    yield "ana"
    database["users"].remove("ana")  # runs even when the test fails


def test_user_is_saved(database, user) -> None:
    assert user in database["users"]


def test_starts_empty(database) -> None:
    assert database["users"] == []  # the previous test cleaned up
# --8<-- [end:show]


class Timeline:  # a tiny plugin that records what pytest runs, in order
    def __init__(self) -> None:
        self.events: list[str] = []

    def pytest_fixture_setup(self, fixturedef, request) -> None:
        self.events.append(f"set up {fixturedef.argname}")

    def pytest_fixture_post_finalizer(self, fixturedef, request) -> None:
        self.events.append(f"tear down {fixturedef.argname}")

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            test_name = report.nodeid.split("::")[1]
            self.events.append(f"{test_name} {report.outcome}")


if __name__ == "__main__":
    timeline = Timeline()
    with contextlib.redirect_stdout(io.StringIO()):
        pytest.main(
            [__file__, "-p", "no:cacheprovider", "--disable-plugin-autoload"],
            plugins=[timeline],
        )
    for event in timeline.events:
        print(event)
        #> set up database
        #> set up user
        #> test_user_is_saved passed
        #> tear down user
        #> test_starts_empty passed
        #> tear down database
