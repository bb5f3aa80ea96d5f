import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "demo" / "startups_api"
VERBS = {"get", "post", "patch", "delete", "websocket"}


def routes(module: Path):
    """(verb, path, handler) for every @router.<verb>("/path") in a module."""
    tree = ast.parse(module.read_text())
    prefixes = {}  # router variable -> its APIRouter(prefix=...)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and "APIRouter(" in ast.unparse(node):
            keywords = {k.arg: k.value for k in node.value.keywords}
            prefix = keywords.get("prefix", ast.Constant(""))
            prefixes[node.targets[0].id] = prefix.value
    for node in ast.walk(tree):
        for decorator in getattr(node, "decorator_list", []):
            call = decorator if isinstance(decorator, ast.Call) else None
            if call and getattr(call.func, "attr", "") in VERBS:
                router, path = call.func.value.id, call.args[0].value
                yield call.func.attr.upper(), prefixes[router] + path, node.name


# --8<-- [start:show]
for module in sorted(PACKAGE.glob("*.py")):
    for verb, path, handler in sorted(routes(module), key=lambda r: r[1]):
        print(f"{verb:<9} {path:<31} {module.stem}.{handler}")
        #> POST      /api/v1/query                   api.query_v1
        #> POST      /api/v2/query                   api.query_v2
        #> POST      /api/v2/query/batch             api.query_batch
        #> GET       /api/v2/sectors                 api.sector_counts
        #> GET       /api/v2/sectors/stats           api.sector_stats
        #> POST      /api/v2/auth/refresh            auth.refresh
        #> POST      /api/v2/auth/token              auth.issue_token
        #> WEBSOCKET /api/v2/ws/events               events.startup_events
        #> GET       /health/live                    health.live
        #> GET       /health/ready                   health.ready
        #> GET       /metrics                        metrics.metrics
        #> GET       /api/v2/answer/stream           realtime.stream_answer_events
        #> WEBSOCKET /api/v2/ws/answer               realtime.stream_answer
        #> GET       /api/v2/startups/{startup_id}/registry registry.registry_record
        #> GET       /api/v2/startups                startups.list_startups
        #> POST      /api/v2/startups                startups.create_startup
        #> GET       /api/v2/startups/export.csv     startups.export_csv
        #> POST      /api/v2/startups/import         startups.import_csv
        #> GET       /api/v2/startups/scroll         startups.scroll_startups
        #> GET       /api/v2/startups/{startup_id}   startups.get_startup
        #> PATCH     /api/v2/startups/{startup_id}   startups.update_startup
        #> DELETE    /api/v2/startups/{startup_id}   startups.delete_startup
# --8<-- [end:show]
