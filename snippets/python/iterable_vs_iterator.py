# --8<-- [start:show]
class Countdown:  # an iterable: each iter() gives a fresh iterator
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)


class CountdownIterator:  # an iterator: keeps position, used up once
    def __init__(self, current):
        self.current = current

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


countdown = Countdown(3)
print(list(countdown), list(countdown))  # iterable: reusable
#> [3, 2, 1] [3, 2, 1]
with open(__file__) as source:  # a file is its own iterator
    print(iter(source) is source, len(list(source)) > 0, list(source))
    #> True True []
# --8<-- [end:show]

it = iter(countdown)  # what a for loop does first
print(next(it), next(it), list(it), list(it))  # iterator: exhausted
#> 3 2 [1] []
