class Transaction:  # a context manager without contextlib
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log.append("BEGIN")
        return self  # bound to the name after `as`

    def __exit__(self, exc_type, exc, traceback):
        self.log.append("ROLLBACK" if exc_type else "COMMIT")
        return False  # False: let the exception propagate


log = []
with Transaction(log) as tx:
    log.append("INSERT order")
print(log)
#> ['BEGIN', 'INSERT order', 'COMMIT']

log = []
try:
    with Transaction(log):
        log.append("INSERT order")
        raise ValueError("card declined")
except ValueError as error:
    print(log, error)  # __exit__ ran before the error reached us
    #> ['BEGIN', 'INSERT order', 'ROLLBACK'] card declined
