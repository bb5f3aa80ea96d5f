import subprocess
import sys
import tempfile
import venv
from pathlib import Path

with tempfile.TemporaryDirectory() as folder:
    env_dir = Path(folder) / ".venv"
    venv.create(env_dir, with_pip=False)  # what `python -m venv .venv` does
    config = (env_dir / "pyvenv.cfg").read_text()
    print("include-system-site-packages = false" in config)  # isolated
    #> True

    bin_dir = "Scripts" if sys.platform == "win32" else "bin"
    env_python = env_dir / bin_dir / "python"
    check = "import sys; print(sys.prefix != sys.base_prefix)"
    inside = subprocess.run([env_python, "-c", check],
                            capture_output=True, text=True).stdout.strip()
    print(f"inside the venv: {inside}")  # its own prefix and site-packages
    #> inside the venv: True
