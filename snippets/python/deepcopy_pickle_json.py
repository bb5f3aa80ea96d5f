import copy
import json
import pickle
from datetime import date

order = {"id": 7, "items": {"tea", "cake"}, "placed": date(2026, 5, 1)}

clone = copy.deepcopy(order)  # new objects, same process, most types
print(clone == order, clone["items"] is order["items"])
#> True False

payload = pickle.dumps(order)  # Python-only bytes: sets and dates survive
print(type(payload).__name__, pickle.loads(payload) == order)
#> bytes True

try:
    json.dumps(order)  # text for any language, but only basic types
except TypeError as error:
    print(error)
    #> Object of type set is not JSON serializable

portable = {**order, "items": sorted(order["items"]),
            "placed": order["placed"].isoformat()}
print(json.dumps(portable))
#> {"id": 7, "items": ["cake", "tea"], "placed": "2026-05-01"}
