"""The core stays dependency-light: no engine is imported unless an integration is asked for."""
import subprocess
import sys

ENGINES = ("datatrove", "dask", "distributed", "pandas", "cleanarticle.integrations")


def test_core_never_imports_an_engine():
    # Every core module (the command line's too), and a page cleaned as text and as HTML.
    code = ("import importlib, pkgutil, sys, cleanarticle\n"
            "for m in pkgutil.iter_modules(cleanarticle.__path__):\n"
            "    if m.name not in ('integrations', '__main__'):\n"
            "        importlib.import_module('cleanarticle.' + m.name)\n"
            "cleanarticle.clean('Hello there.')\n"
            "cleanarticle.clean('<p>Hello there.</p>', format='html')\n"
            f"print(sorted(m for m in {ENGINES!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
