"""`python -m benchmarks [--quick] [--corpus DIR] [--profile] [--rules]`: see benchmarks/run.py."""
import sys

from .run import main

sys.exit(main())
