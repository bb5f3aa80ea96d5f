# --8<-- [start:show]
from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def save(self, key: str, data: bytes) -> None: ...

    @abstractmethod
    def load(self, key: str) -> bytes: ...

    def copy(self, source: str, target: str) -> None:
        # built only on the interface
        self.save(target, self.load(source))


class MemoryStorage(Storage):
    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def save(self, key: str, data: bytes) -> None:
        self.blobs[key] = data

    def load(self, key: str) -> bytes:
        return self.blobs[key]


class HalfDone(Storage):  # forgot load()
    def save(self, key: str, data: bytes) -> None:
        pass
# --8<-- [end:show]


storage = MemoryStorage()
storage.save("a.txt", b"hello")
storage.copy("a.txt", "b.txt")
print(storage.load("b.txt"), isinstance(storage, Storage))
#> b'hello' True
for cls in (Storage, HalfDone):
    try:
        cls()
    # raised when the object is created, not on first call
    except TypeError:
        missing = sorted(cls.__abstractmethods__)
        print(f"{cls.__name__}() -> TypeError, missing {missing}")
        #> Storage() -> TypeError, missing ['load', 'save']
        #> HalfDone() -> TypeError, missing ['load']
