"""Mandate Tracker: a UN Security Council mandate as a live, measurable implementation tracker.

The pipeline, one sub-package per stage: ``ingest → parse → analyse → store → track → report``.
``cli`` and ``web`` are thin edges over it; this core never imports them.
"""

__version__ = "0.1.0"
