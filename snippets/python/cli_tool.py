import argparse


def build_parser():
    parser = argparse.ArgumentParser(prog="startups")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write startups as CSV")
    export.add_argument("sector")
    export.add_argument("--limit", type=int, default=10)
    return parser


def main(argv=None):  # argv=None: read sys.argv; tests pass a list
    args = build_parser().parse_args(argv)
    return f"{args.command} {args.sector} limit={args.limit}"


print(main(["export", "fintech", "--limit", "3"]))
#> export fintech limit=3
try:
    main(["export", "fintech", "--limit", "many"])
except SystemExit as exit_:
    print(f"exit code {exit_.code}")  # argparse printed the usage error
    #> exit code 2

if __name__ == "__main__":  # true only when run, not when imported
    print("run as a script")
    #> run as a script
