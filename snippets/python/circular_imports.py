import importlib
import shutil
import sys
import tempfile
from pathlib import Path

# --8<-- [start:show]
ORDERS = """
from billing import charge   # orders needs billing...
def place(): return charge(10)
TAX = 0.2
"""
BILLING = """
from orders import TAX       # ...and billing needs orders
def charge(amount): return amount * (1 + TAX)
"""
# The fix: TAX moves to a lower module that both import
SETTINGS = "TAX = 0.2\n"
BILLING_FIXED = """
from settings import TAX
def charge(amount): return amount * (1 + TAX)
"""
# --8<-- [end:show]


def import_orders(folder: Path, **sources: str):
    """Write the modules to a fresh folder and import orders."""
    for name, source in sources.items():
        (folder / f"{name}.py").write_text(source)
    for name in ("orders", "billing", "settings"):
        sys.modules.pop(name, None)
    return importlib.import_module("orders")


sys.dont_write_bytecode = True
folder = Path(tempfile.mkdtemp())
sys.path.insert(0, str(folder))
try:
    import_orders(folder, orders=ORDERS, billing=BILLING)
except ImportError as error:
    print(str(error).split(" (")[0])
    #> cannot import name 'TAX' from partially initialized module 'orders'
orders = import_orders(
    folder, orders=ORDERS, billing=BILLING_FIXED, settings=SETTINGS
)
print(orders.place())
#> 12.0
shutil.rmtree(folder)
