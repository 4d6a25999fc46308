"""The command line with a page cleaner that stalls on marked files: the slow and hanging
worker of the time-out and interruption tests (tests/test_cli.py), given to `main()` as
its `cleaner`, so that nothing in the shipped package can be made to hang.

Run as a script (`python tests/stalling_cli.py ARGS...`); worker processes find
`stalling_clean` by importing this file again as their main module."""
import signal
import sys
import time

from cleanarticle.cli import main
from cleanarticle.pipeline import clean

SLEEP = b"STALL-SLEEP-MARKER"  # sleeps until the time-out's SIGALRM stops it
HANG = b"STALL-HANG-MARKER"    # blocks SIGALRM first: only killing the worker stops it


def stalling_clean(raw, options=None, **kwargs):
    """`clean`, except that a page holding a marker stalls for an hour first."""
    data = raw if isinstance(raw, bytes) else raw.encode()
    if HANG in data:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    if HANG in data or SLEEP in data:
        time.sleep(3600)
    return clean(raw, options, **kwargs)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], cleaner=stalling_clean))
