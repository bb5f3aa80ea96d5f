import asyncio


async def fetch(name):
    if name == "slow":
        raise TimeoutError(name)
    if name == "bad":
        raise ValueError(name)
    await asyncio.sleep(0.01)  # the group cancels "ok" here
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as group:  # Python 3.11+
            for name in ["ok", "slow", "bad"]:
                group.create_task(fetch(name))
    except* TimeoutError as timeouts:  # handles only the matching members
        print("timeouts:", [str(e) for e in timeouts.exceptions])
        #> timeouts: ['slow']
    except* ValueError as invalid:  # each clause runs once per group
        print("invalid:", [str(e) for e in invalid.exceptions])
        #> invalid: ['bad']


asyncio.run(main())

group = ExceptionGroup("batch", [KeyError("a"), OSError("disk")])
matched, rest = group.split(KeyError)
print(matched.exceptions, rest.exceptions)
#> (KeyError('a'),) (OSError('disk'),)
