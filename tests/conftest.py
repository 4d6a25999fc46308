import pathlib
import sys

# The benchmark's scoring helpers are shared with the quality gate.
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
