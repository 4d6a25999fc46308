"""The command line (`cleanarticle`, `python -m cleanarticle`): finding files, cleaning them
in worker processes, writing records, reporting failures. The core never imports it.

In the order a run goes: `command` (arguments) -> `files` (inputs) -> `runner` (workers)
-> `records` / `outputs` (what is written) -> `progress`; `explain` and `report_html`
serve `cleanarticle explain`."""

from .command import main

__all__ = ["main"]
