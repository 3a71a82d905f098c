"""`mandate parse` and `mandate demo`."""

from __future__ import annotations

from mandate_tracker.cli import app


@app.command()
def demo() -> None:
    """Run the main job on the built-in example, S/2020/600."""
    raise NotImplementedError("the reader lands next")
