"""Fingerprint what the reader and the analysis make of every text, to prove a speed change
changes nothing.

    python scripts/output_fingerprints.py > before.txt
    (change the code)
    python scripts/output_fingerprints.py > after.txt && diff before.txt after.txt

One line per text (the seed and every corpus text in ../shared/data when
present): its name, then SHA-256 of the cleaned text, of the document in the JSON contract
(facts included) and of its obligations register.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.corpus import corpus_texts  # noqa: E402
from tests.helpers import SEED  # noqa: E402

from mandate_tracker.analyse import analyse_document, derive_obligations  # noqa: E402
from mandate_tracker.ingest import clean  # noqa: E402
from mandate_tracker.parse import document_to_dict, parse_text  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"


def _digest(value: object) -> str:
    data = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def fingerprint(text: str) -> str:
    cleaned = clean(text)
    doc = analyse_document(parse_text(text))
    obligations = [asdict(obligation) for obligation in derive_obligations(doc)]
    return " ".join(
        (
            _digest([cleaned.text, list(cleaned.link_targets)]),
            _digest(document_to_dict(doc)),
            _digest(obligations),
        )
    )


def main() -> None:
    texts = [("seed", SEED.read_text(encoding="utf-8"))]
    if SHARED_DATA.is_dir():
        texts.extend(corpus_texts(SHARED_DATA))
    for name, text in texts:
        print(name, fingerprint(text))


if __name__ == "__main__":
    main()
