import time
from unittest import mock


def make_token():
    return f"token-{int(time.time())}"  # looks up time.time on each call


time_before = time.time
time.time = lambda: 1_700_000_000  # a monkey patch: global, for everyone
print(make_token())
#> token-1700000000
time.time = time_before  # and you must remember to undo it

with mock.patch("time.time", return_value=42):  # patched only in this block
    print(make_token())
    #> token-42
print(make_token() != "token-42")  # restored automatically
#> True
