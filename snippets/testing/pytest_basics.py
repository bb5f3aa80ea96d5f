import contextlib
import io

# --8<-- [start:show]
import pytest


def slugify(title: str) -> str:
    if not title.strip():
        raise ValueError("empty title")
    return "-".join(title.lower().split())


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Hello World", "hello-world"),
     ("  FastAPI   Tips ", "fastapi-tips")],
    ids=["two-words", "extra-spaces"],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug  # pytest explains a failure


def test_blank_title_is_rejected() -> None:
    with pytest.raises(ValueError, match="empty"):
        slugify("   ")
# --8<-- [end:show]


class Outcomes:  # a tiny plugin that records each test's result
    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call":
            test_name = report.nodeid.split("::")[1]
            self.lines.append(f"{test_name} {report.outcome}")


if __name__ == "__main__":  # same as running `pytest` on this file
    outcomes = Outcomes()
    with contextlib.redirect_stdout(io.StringIO()):  # hide pytest's report
        exit_code = pytest.main(
            [__file__, "-p", "no:cacheprovider", "--disable-plugin-autoload"],
            plugins=[outcomes],
        )
    for line in outcomes.lines:
        print(line)
        #> test_slugify[two-words] passed
        #> test_slugify[extra-spaces] passed
        #> test_blank_title_is_rejected passed
    print(f"exit code {exit_code:d}")
    #> exit code 0
