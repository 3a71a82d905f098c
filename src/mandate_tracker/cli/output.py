"""Writing output files from the CLI: whole or not at all, with the user's usual permissions."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from mandate_tracker.errors import InputError


def write_atomically(path: Path, data: bytes) -> None:
    """Write the whole file or nothing: a half-written PDF is worse than none."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("the folder does not exist", where=str(path))
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private (0600)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(f"cannot write: {error.strerror}", where=str(path)) from error


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
