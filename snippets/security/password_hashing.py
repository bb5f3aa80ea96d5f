import hashlib
import time

from pwdlib import PasswordHash

hasher = PasswordHash.recommended()  # Argon2id (needs pwdlib[argon2])

first = hasher.hash("correct horse")
print(first.split("$")[1:4])  # algorithm, version, cost parameters
#> ['argon2id', 'v=19', 'm=65536,t=3,p=4']
print(first == hasher.hash("correct horse"))  # a new salt each time
#> False
print(hasher.verify("correct horse", first), hasher.verify("guess", first))
#> True False

leaked = hashlib.sha256(b"correct horse").hexdigest()  # unsalted
guesses = ["123456", "password", "correct horse"]
table = {hashlib.sha256(g.encode()).hexdigest(): g for g in guesses}
print(table.get(leaked))  # one precomputed table cracks every user
#> correct horse

start = time.perf_counter()
hasher.verify("guess", first)
argon2_seconds = time.perf_counter() - start
start = time.perf_counter()
for _ in range(10_000):
    hashlib.sha256(b"guess").digest()
sha256_seconds = (time.perf_counter() - start) / 10_000
print(f"argon2_over_10000x_slower={argon2_seconds > 10_000 * sha256_seconds}")
#> argon2_over_10000x_slower=True
