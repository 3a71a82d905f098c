"""Rewrite the analysis golden files from the current code. Review the diff before committing.

python scripts/regenerate_analysis_golden.py

Writes tests/golden/S-2020-600.analysed.json (the seed read and analysed, in the JSON contract)
and tests/golden/S-2020-600.obligations.json (its obligations register, as
`mandate obligations extract --format json` prints it).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.test_analyse_golden import ANALYSED, OBLIGATIONS, analysed_json, obligations_json  # noqa: E402


def main() -> None:
    ANALYSED.write_text(analysed_json(), encoding="utf-8")
    OBLIGATIONS.write_text(obligations_json(), encoding="utf-8")
    for path in (ANALYSED, OBLIGATIONS):
        print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
