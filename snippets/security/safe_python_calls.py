# --8<-- [start:show]
import ast
import subprocess
from pathlib import Path

untrusted = "__import__('os').name"  # text from a request, a file, a queue
print(eval(untrusted))  # eval runs any code it is given
#> posix
try:
    ast.literal_eval(untrusted)  # literals only
except ValueError as error:
    print("literal_eval refused it:", type(error).__name__)
    #> literal_eval refused it: ValueError
print(ast.literal_eval("[1, 'two', {'three': 3}]"))
#> [1, 'two', {'three': 3}]

filename = "report.txt; echo pwned"
# a list of arguments, no shell: the ; is just part of a file name
done = subprocess.run(["echo", filename], capture_output=True, text=True)
print(done.stdout.strip())
#> report.txt; echo pwned

UPLOADS = Path("/srv/uploads").resolve()


def safe_path(name: str) -> Path:
    path = (UPLOADS / name).resolve()
    if not path.is_relative_to(UPLOADS):  # blocks ../ and absolute paths
        raise PermissionError(f"outside the upload folder: {name}")
    return path
# --8<-- [end:show]


print(safe_path("cv.pdf"))
#> /srv/uploads/cv.pdf
try:
    safe_path("../../etc/passwd")
except PermissionError as error:
    print(error)
    #> outside the upload folder: ../../etc/passwd
