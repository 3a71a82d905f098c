"""How fast the reader is. Prints its figures; asserts nothing.

    PYTHONPATH=src python benchmarks/parse.py [--repeat N]

Figures (issue 2 targets: the seed's text read in under 10 ms on one core; reading a PDF no
slower than 2x the bare text extraction of the same PDF; issue 3: read + analyse under 20 ms):
- the seed: cleaning alone, reading the structure of the cleaned text alone, clean + parse, and
  clean + parse + analyse, best and median of N warm runs taken in turn (see
  ``timing.interleaved_cpu_times_ms``);
- the corpus (../shared/data/unsc-resolutions, when present): documents/s and MB/s;
- PDFs made from the seed and from the ten longest corpus texts: time of full reading (extract
  + clean + parse) against bare PyMuPDF text extraction of the same bytes, and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from tests.corpus import corpus_texts  # noqa: E402
from tests.helpers import SEED, text_to_pdf  # noqa: E402
from timing import cpu_times_ms, interleaved_cpu_times_ms  # noqa: E402

from mandate_tracker.analyse import analyse_document  # noqa: E402
from mandate_tracker.ingest import clean  # noqa: E402
from mandate_tracker.ingest.pdf import pdf_text  # noqa: E402
from mandate_tracker.ingest.source import source_from_bytes  # noqa: E402
from mandate_tracker.parse import parse_text  # noqa: E402
from mandate_tracker.parse.structure import read_structure  # noqa: E402

SHARED_DATA = ROOT.parent / "shared" / "data"


def report(label: str, values: list[float]) -> None:
    print(f"{label:<48} best {min(values):8.2f} ms   median {statistics.median(values):8.2f} ms")


def pdf_reading(texts: list[str], repeat: int) -> None:
    ascii_only = str.maketrans("’‘“”–", "''\"\"-")
    pdfs = [text_to_pdf(text.translate(ascii_only)) for text in texts]
    extract = [min(cpu_times_ms(lambda p=p: pdf_text(p, "x"), repeat)) for p in pdfs]
    full = [
        min(cpu_times_ms(lambda p=p: read_structure(clean(source_from_bytes(p, "x").text)), repeat))
        for p in pdfs
    ]
    ratio = sum(full) / sum(extract)
    print(
        f"PDF: {len(pdfs)} documents, bare extraction {sum(extract):.1f} ms, "
        f"full reading {sum(full):.1f} ms, ratio {ratio:.2f}x (target <= 2x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    repeat = parser.parse_args().repeat
    seed = SEED.read_text(encoding="utf-8")
    parse_text(seed)  # warm: vocabularies and word frequencies load once per process
    analyse_document(parse_text(seed))
    cleaned = clean(seed)
    rows = interleaved_cpu_times_ms(
        {
            "seed: clean": lambda: clean(seed),
            "seed: read structure": lambda: read_structure(cleaned),
            "seed: clean + parse (target < 10 ms)": lambda: parse_text(seed),
            "seed: clean + parse + analyse (target < 20 ms)": lambda: analyse_document(
                parse_text(seed)
            ),
        },
        repeat,
    )
    for label, values in rows.items():
        report(label, values)
    if not SHARED_DATA.is_dir():
        print(f"corpus: skipped, {SHARED_DATA} is absent")
        pdf_reading([seed], repeat=5)
        return
    texts = [text for _, text in corpus_texts(SHARED_DATA)]
    size = sum(len(text.encode("utf-8")) for text in texts)
    start = time.perf_counter()
    for text in texts:
        parse_text(text)
    elapsed = time.perf_counter() - start
    print(
        f"corpus: {len(texts)} documents, {size / 1e6:.2f} MB in {elapsed:.2f} s: "
        f"{len(texts) / elapsed:.0f} documents/s, {size / 1e6 / elapsed:.2f} MB/s"
    )
    # hard-wrapped texts only: a one-paragraph-per-line text would run off a PDF page
    gold = [text for name, text in corpus_texts(SHARED_DATA) if name.endswith("_GOLD.txt")]
    longest = sorted(gold, key=len, reverse=True)[:10]
    pdf_reading([seed, *longest], repeat=3)


if __name__ == "__main__":
    main()
