from pathlib import Path

DOCKERFILE = Path(__file__).resolve().parents[2] / "demo" / "Dockerfile"
steps = [line for line in DOCKERFILE.read_text().splitlines()
         if line and not line.startswith("#")]


# --8<-- [start:show]
def rebuilt_steps(changed_file: str) -> list[str]:
    """Cached until a COPY sees a changed file; then all rerun."""
    for number, step in enumerate(steps):
        keyword, *args = step.split()
        if keyword == "COPY" and changed_file.startswith(args[0]):
            return steps[number:]
    return []


for changed in ["startups_api/api.py", "requirements.txt"]:
    rerun = rebuilt_steps(changed)
    installs = any(step.startswith("RUN pip") for step in rerun)
    print(f"{changed}: {len(rerun)} steps rerun,",
          f"pip install rerun={installs}")
    #> startups_api/api.py: 6 steps rerun, pip install rerun=False
    #> requirements.txt: 10 steps rerun, pip install rerun=True
# --8<-- [end:show]
print("steps:", *[" ".join(step.split()[:2]) for step in steps], sep="\n")
#> steps:
#> FROM python:3.14-slim
#> ENV PYTHONDONTWRITEBYTECODE=1
#> WORKDIR /app
#> COPY requirements.txt
#> RUN pip
#> COPY alembic.ini
#> COPY migrations
#> COPY startups_api
#> RUN useradd
#> USER app
#> EXPOSE 8000
#> HEALTHCHECK --interval=30s
#> CMD ["sh",
