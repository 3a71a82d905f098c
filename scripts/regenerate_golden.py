"""Rewrite the golden files from the current code. Review the diff before committing it.

python scripts/regenerate_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.helpers import SEED  # noqa: E402
from tests.test_parse_seed import GOLDEN, structure_only  # noqa: E402

from mandate_tracker.parse import read_document  # noqa: E402


def main() -> None:
    data = structure_only(read_document(SEED))
    GOLDEN.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
