"""Time question generation against spaCy alone on the same texts, and show linear growth.

Usage: .venv/bin/python bench/generation.py [ARTICLES_DIR]   (default ../shared/articles)
Prints seconds for spaCy's parse alone, for the whole generator, and their ratio (target <= 2),
for the folder and for a synthetic article of about 10,000 words made from the same texts.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz.generation import clean_article, generate_questions  # noqa: E402
from quiz.generation.analyse import get_nlp, paragraph_spans  # noqa: E402

HEADER = re.compile(r"^(?:title|source|date|author)\s*:.*$", re.IGNORECASE | re.MULTILINE)


def article_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix.lower() in (".html", ".htm"):
        import trafilatura

        return trafilatura.extract(raw) or ""
    return HEADER.sub("", raw)


def spacy_seconds(bodies: list[str]) -> float:
    """spaCy alone on the same paragraphs the generator parses."""
    nlp = get_nlp()
    texts = [body[start:end] for body in bodies for start, end, _ in paragraph_spans(body)]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - started


def generation_seconds(bodies: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    count = sum(len(generate_questions(body).questions) for body in bodies)
    return time.perf_counter() - started, count


def report(label: str, bodies: list[str], repeat: int = 3) -> float:
    words = sum(len(b.split()) for b in bodies)
    # Best of a few runs on each side, alternating, so neither gains from a warm cache.
    parse = min(spacy_seconds(bodies) for _ in range(repeat))
    generate, count = min(generation_seconds(bodies) for _ in range(repeat))
    ratio = generate / parse if parse else float("nan")
    print(
        f"{label:28} {words:>7} words  spaCy {parse:6.3f} s  generate {generate:6.3f} s  "
        f"ratio {ratio:4.2f}  ({count} questions)"
    )
    return ratio


def stage_seconds(bodies: list[str]) -> dict[str, float]:
    """Time spent in the verify stage and in the learned ranker (its features and its
    score), measured by wrapping the functions the pipeline calls."""
    from quiz.generation import pipeline

    spent = {"verify": 0.0, "ranker": 0.0}
    wrapped = {
        "verify": ("stem_problem", "checked_distractors", "question_problem"),
        "ranker": ("question_features", "learned_score"),
    }
    originals = {}

    def timed(stage, function):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - started

        return run

    for stage, names in wrapped.items():
        for name in names:
            originals[name] = getattr(pipeline, name)
            setattr(pipeline, name, timed(stage, originals[name]))
    try:
        started = time.perf_counter()
        for body in bodies:
            generate_questions(body)
        spent["total"] = time.perf_counter() - started
    finally:
        for name, function in originals.items():
            setattr(pipeline, name, function)
    return spent


def main() -> int:
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[2] / "shared" / "articles"
    )
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".txt", ".html", ".htm"))
    if not files:
        print(f"no articles in {folder}")
        return 2
    bodies = [clean_article(article_text(p)).body for p in files]
    get_nlp()  # loading the model is not part of either figure
    generate_questions(bodies[0])  # warm up
    ratio = report(f"{len(files)} articles", bodies)
    spent = stage_seconds(bodies)
    print(
        f"{'of which':28} verify {spent['verify']:.3f} s "
        f"({spent['verify'] / spent['total']:.1%} of generation), learned ranker "
        f"{spent['ranker']:.3f} s ({spent['ranker'] / spent['total']:.1%}; target < 5%)"
    )
    joined = "\n\n".join(bodies)
    words = len(joined.split())
    big = "\n\n".join([joined] * max(1, round(10_000 / max(words, 1))))
    big_ratio = report("synthetic ~10,000 words", [big], repeat=2)
    half = big[: len(big) // 2]
    report("synthetic, first half", [half], repeat=2)
    print(f"ratio {ratio:.2f} on the folder, {big_ratio:.2f} on the long article (target <= 2.0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
