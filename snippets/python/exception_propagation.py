steps = []


# --8<-- [start:show]
class PaymentFailed(Exception):
    """Our domain error: callers catch this, not gateway details."""


def charge_card(amount):
    if amount > 100:
        raise ConnectionError("gateway timeout")  # low-level failure


def place_order(amount):
    try:
        charge_card(amount)
    except ConnectionError as error:  # specific: we know what to do
        raise PaymentFailed(f"could not charge {amount}") from error
    else:
        steps.append("confirm")  # only when nothing was raised
    finally:
        steps.append("release stock lock")  # always, error or not


place_order(30)
print(steps)
#> ['confirm', 'release stock lock']
# --8<-- [end:show]

steps.clear()
try:  # the boundary (an endpoint, a worker loop) handles it once
    place_order(300)
except PaymentFailed as error:
    print(steps, error)
    #> ['release stock lock'] could not charge 300
    print("cause:", repr(error.__cause__))  # kept by raise ... from
    #> cause: ConnectionError('gateway timeout')
