# A bundler's view: static `import { x } from "./m"` lines
# say which exports each export uses, without running it.
USES = {
    "main:App": ["money:format", "charts:Line"],
    "money:format": [],
    "money:parse": [],
    "charts:Line": ["charts:scale"],
    "charts:Pie": ["charts:scale"],
    "charts:scale": [],
}


def shake(entry: str) -> set[str]:
    kept, todo = set(), [entry]
    while todo:  # walk the import graph from the entry point
        name = todo.pop()
        if name not in kept:
            kept.add(name)
            todo.extend(USES[name])
    return kept


kept = shake("main:App")
print("bundle:", sorted(kept))
#> bundle: ['charts:Line', 'charts:scale', 'main:App', 'money:format']
print("shaken out:", sorted(set(USES) - kept))
#> shaken out: ['charts:Pie', 'money:parse']
