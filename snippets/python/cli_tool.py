import subprocess
import sys


def run_command(*argv):
    """Run this file the way a shell runs an installed command."""
    done = subprocess.run(
        [sys.executable, __file__, *argv], capture_output=True, text=True
    )
    output = done.stdout.strip() or done.stderr.strip().splitlines()[-1]
    return done.returncode, output


if len(sys.argv) == 1:  # run without arguments: demonstrate the command
    print(run_command("export", "fintech", "--limit", "3"))
    #> (0, 'exporting 3 fintech startups')
    print(run_command("export", "fintech", "--limit", "many"))
    #> (2, "startups export: error: argument --limit: invalid int value: 'many'")
    raise SystemExit(0)

# --8<-- [start:show]
import argparse  # noqa: E402


def build_parser():
    parser = argparse.ArgumentParser(prog="startups")
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="write startups as CSV")
    export.add_argument("sector")
    export.add_argument("--limit", type=int, default=10)
    return parser


def main(argv=None) -> int:  # None: sys.argv; tests pass a list
    args = build_parser().parse_args(argv)
    print(f"exporting {args.limit} {args.sector} startups")
    return 0  # the process exit code


if __name__ == "__main__":  # run as a command, not when imported
    raise SystemExit(main())
# --8<-- [end:show]
