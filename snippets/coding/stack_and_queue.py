from collections import deque


def balanced(text: str) -> bool:
    """A stack (LIFO): the last bracket opened must close first."""
    pairs, stack = {")": "(", "]": "[", "}": "{"}, []
    for char in text:
        if char in "([{":
            stack.append(char)  # push: O(1)
        elif char in pairs:
            if not stack or stack.pop() != pairs[char]:  # pop: O(1)
                return False
    return not stack


for text in ["", "(a[b]{c})", "(]", "((", ")"]:
    print(repr(text), balanced(text))
    #> '' True
    #> '(a[b]{c})' True
    #> '(]' False
    #> '((' False
    #> ')' False

jobs = deque()  # a queue (FIFO): in right, out left
for job in ["resize", "email", "report"]:
    jobs.append(job)  # enqueue: O(1)
served = [jobs.popleft() for _ in range(len(jobs))]  # dequeue: O(1)
print(served, len(jobs))
#> ['resize', 'email', 'report'] 0
assert served == ["resize", "email", "report"] and not jobs
