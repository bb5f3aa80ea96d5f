import shutil
import sys
import tempfile
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the temp folder
root = Path(tempfile.mkdtemp())
sys.path.insert(0, str(root))
(root / "orders.py").write_text(
    "from billing import charge\n"  # orders needs billing...
    "def place(): return charge(10)\n"
    "TAX = 0.2\n"
)
(root / "billing.py").write_text(
    "from orders import TAX\n"  # ...and billing needs orders
    "def charge(amount): return amount * (1 + TAX)\n"
)

try:
    import orders  # noqa: F401
except ImportError as error:
    print(str(error).split(" (")[0])
    #> cannot import name 'TAX' from partially initialized module 'orders'
    print("(most likely due to a circular import)" in str(error))
    #> True
for name in ("orders", "billing"):
    sys.modules.pop(name, None)

(root / "settings.py").write_text("TAX = 0.2\n")  # the fix: a lower module
(root / "billing.py").write_text(
    "from settings import TAX\n"
    "def charge(amount): return amount * (1 + TAX)\n"
)
import orders  # noqa: E402

print(orders.place())
#> 12.0
shutil.rmtree(root)
