import importlib
import shutil
import sys
import tempfile
from pathlib import Path

executed = []  # each module below appends its name when its code runs
record = "import __main__; __main__.executed.append(__name__)\n"

sys.dont_write_bytecode = True  # no __pycache__ in the temp folder
root = Path(tempfile.mkdtemp())
(root / "shop").mkdir()
(root / "shop" / "__init__.py").write_text(record)
(root / "shop" / "prices.py").write_text(record + "TAX = 0.2\n")
sys.path.insert(0, str(root))  # import searches the folders in sys.path

import shop.prices  # noqa: E402  runs shop/__init__.py, then prices.py

print(executed)
#> ['shop', 'shop.prices']
again = importlib.import_module("shop.prices")  # cached in sys.modules
print(again is shop.prices, executed)  # nothing ran a second time
#> True ['shop', 'shop.prices']
print(shop.prices.TAX, Path(shop.__file__).name)
#> 0.2 __init__.py
print(__name__)  # the file you run is the module "__main__"
#> __main__
shutil.rmtree(root)
