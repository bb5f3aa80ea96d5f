from pathlib import Path

import crossplane

CONF = Path(__file__).resolve().parents[2] / "demo/deploy/nginx.conf"
parsed = crossplane.parse(str(CONF))  # checks contexts and argument counts
print(parsed["status"], parsed["errors"])
#> ok []


# --8<-- [start:show]
def children(block: list, name: str) -> list[dict]:
    return [d for d in block if d["directive"] == name]


top = parsed["config"][0]["parsed"]
http = children(top, "http")[0]["block"]
tls_server = children(http, "server")[1]["block"]
# set once at server level, so every location inherits them
for header in children(tls_server, "proxy_set_header"):
    print(*header["args"])
    #> Host $host
    #> X-Forwarded-For $proxy_add_x_forwarded_for
    #> X-Forwarded-Proto $scheme
    #> X-Request-ID $request_id
    #> Upgrade $http_upgrade
    #> Connection $connection_upgrade

for location in children(tls_server, "location"):
    settings = [" ".join([d["directive"], *d["args"]])
                for d in location["block"]
                if d["directive"] != "proxy_pass"]
    print(location["args"][-1], settings)
    #> / ['proxy_read_timeout 30s']
    #> /api/v2/ws/ ['proxy_read_timeout 1h']
    #> /api/v2/startups/export.csv ['proxy_buffering off']
    #> /metrics ['return 404']
# --8<-- [end:show]

# the map sends Connection: upgrade only for a WebSocket handshake
connection_map = children(http, "map")[0]["block"]
rules = {d["directive"]: d["args"][0] for d in connection_map}
for upgrade in ["websocket", ""]:
    print(repr(upgrade), "->", repr(rules.get(upgrade, rules["default"])))
    #> 'websocket' -> 'upgrade'
    #> '' -> ''
