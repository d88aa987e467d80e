"""The learned ranker's data and training: pools for blind readers, their labels, the model.

  dump    ARTICLES... --out DIR   the whole pool of each article for readers (DIR/pool.json, in
                                  the checker's format) and what the ranker reads of each
                                  question (DIR/features.json, never shown to readers)
  collect DIR LABELS...           readers' lines ("FILE | N | KEEP/EDIT/REJECT | reason class |
                                  note") joined to the features, appended to the labels file
  train                           article-grouped cross-validation of a logistic regression on
                                  the labels file, the figures, and the weights the app ships

Labels live in quiz/generation/data/ranker_labels.csv without any article text: the article's
file name, a hash of the question, its place in the pool when it was read, its features, the
label and the reason class. Weights go to quiz/generation/data/ranker.json, which
quiz/generation/rank.py scores in plain Python. scikit-learn is needed here only (dev extra).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "quiz" / "generation" / "data"
LABELS = DATA / "ranker_labels.csv"
WEIGHTS = DATA / "ranker.json"
LABEL_CLASSES = ("KEEP", "EDIT", "REJECT")
REASONS = (
    "redundant", "trivial", "distractors", "garbled", "which", "key", "two_answers",
    "unanswerable", "furniture", "",
)  # fmt: skip


def dump(files: list[str], out: Path) -> None:
    from quiz.generation import generate_questions
    from quiz.generation.rank import question_hash
    from quiz.ingest import IngestError, article_from_upload

    out.mkdir(parents=True, exist_ok=True)
    articles, features = [], {}
    for name in files:
        path = Path(name)
        try:
            ingested = article_from_upload(path.read_bytes(), filename=path.name)
        except IngestError as error:
            articles.append({"source": path.name, "error": str(error)})
            continue
        result = generate_questions(ingested.body, title=ingested.title)
        articles.append(
            {
                "source": path.name,
                "title": ingested.title,
                "questions": [
                    {"stem": q.stem, "choices": list(q.choices), "answer": q.answer}
                    for q in result.questions
                ],
            }
        )
        features[path.name] = [
            {
                "hash": question_hash(q.stem, q.choices[q.answer]),
                "position": n,
                "features": dict(q.features),
            }
            for n, q in enumerate(result.questions)
        ]
    (out / "pool.json").write_text(json.dumps({"articles": articles}, indent=1, ensure_ascii=False))
    (out / "features.json").write_text(json.dumps(features))
    count = sum(len(v) for v in features.values())
    print(f"{len(articles)} articles, {count} questions -> {out}")


_LINE = re.compile(
    r"^\s*(?P<file>[\w.-]+\.(?:txt|html?))\s*\|\s*(?P<n>\d+)\s*\|\s*(?P<label>KEEP|EDIT|REJECT)"
    r"\s*(?:\|\s*(?P<reason>[\w ]*?)\s*)?(?:\|.*)?$",
    re.IGNORECASE,
)


def _reason(text: str | None) -> str:
    text = (text or "").strip().lower().replace(" ", "_").replace("-", "_")
    if text.startswith("two"):
        return "two_answers"
    if text.startswith("wrong_kind") or text.startswith("which"):
        return "which"
    if "key" in text:
        return "key"
    for reason in REASONS:
        if reason and text.startswith(reason[:5]):
            return reason
    return ""


def collect(directory: Path, label_files: list[str], round_name: str) -> None:
    features = json.loads((directory / "features.json").read_text())
    seen: dict[tuple[str, int], tuple[str, str]] = {}
    for name in label_files:
        for line in Path(name).read_text().splitlines():
            match = _LINE.match(line)
            if not match:
                continue
            label = match["label"].upper()
            reason = _reason(match["reason"]) if label != "KEEP" else ""
            seen[(match["file"], int(match["n"]))] = (label, reason)
    names = sorted({k for rows in features.values() for q in rows for k in q["features"]})
    # A question read again in a later round (by other readers, on a later generator) is a
    # second opinion and is kept beside the first; collecting one round twice adds nothing.
    existing = set()
    if LABELS.exists():
        with LABELS.open() as handle:
            existing = {(r["round"], r["article"], r["hash"]) for r in csv.DictReader(handle)}
    new_file = not LABELS.exists()
    if not new_file:
        with LABELS.open() as handle:
            header = next(csv.reader(handle))
        names = [n for n in header if n not in _META]  # the file's columns, in its order
    written = missing = 0
    with LABELS.open("a", newline="") as handle:
        writer = csv.writer(handle)
        if new_file:
            writer.writerow(["round", "article", "hash", "position", "label", "reason", *names])
        for article, rows in sorted(features.items()):
            for q in rows:
                label = seen.get((article, q["position"] + 1))
                if label is None:
                    missing += 1
                    continue
                if (round_name, article, q["hash"]) in existing:
                    continue
                values = [f"{q['features'].get(n, 0.0):.6g}" for n in names]
                writer.writerow([round_name, article, q["hash"], q["position"], *label, *values])
                written += 1
    print(f"{written} labels written to {LABELS} ({missing} questions without a label)")


def _read_labels() -> tuple[list[str], list[dict[str, str]]]:
    with LABELS.open() as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        names = [n for n in reader.fieldnames or [] if n not in _META]
    return names, rows


def training_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The labels the model learns from. "Redundant" judges a question beside the others a
    reader saw before it, which the set rules (select) decide, not the question itself: those
    labels are left out."""
    return [r for r in rows if r["reason"] != "redundant"]


_META = ("round", "article", "hash", "position", "label", "reason")


def train(folds: int, top: int) -> None:
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold
    from sklearn.preprocessing import StandardScaler

    names, rows = _read_labels()
    rows = training_rows(rows)
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([r["label"] != "REJECT" for r in rows], dtype=int)
    groups = np.array([r["article"] for r in rows])
    scores = np.zeros(len(rows))
    for train_index, test_index in GroupKFold(n_splits=folds).split(x, y, groups):
        model = _fit(x[train_index], y[train_index], LogisticRegression, StandardScaler)
        scores[test_index] = model.predict_proba(x[test_index])[:, 1]
    auc = roc_auc_score(y, scores)
    base_auc = roc_auc_score(y, [-int(r["position"]) for r in rows])
    by_article: dict[str, list[int]] = defaultdict(list)
    for n, r in enumerate(rows):
        by_article[r["article"]].append(n)

    def top_share(order_key, label: str) -> float:
        picked = [
            rows[n]["label"] in label
            for members in by_article.values()
            for n in sorted(members, key=order_key)[:top]
        ]
        return sum(picked) / len(picked)

    today = lambda n: int(rows[n]["position"])  # noqa: E731
    learned = lambda n: -scores[n]  # noqa: E731
    keep = sum(r["label"] == "KEEP" for r in rows) / len(rows)
    print(
        f"{len(rows)} labelled questions from {len(by_article)} articles "
        f"(KEEP {keep:.1%}, KEEP or EDIT {y.mean():.1%})"
    )
    print(f"ROC AUC, KEEP-or-EDIT against REJECT, {folds}-fold grouped by article:")
    print(f"  learned model {auc:.3f}   today's order (pool position) {base_auc:.3f}")
    print(f"first {top} of each article's labelled pool:")
    print(
        f"  KEEP          today's order {top_share(today, ('KEEP',)):.1%}   "
        f"learned order {top_share(learned, ('KEEP',)):.1%}"
    )
    print(
        f"  KEEP or EDIT  today's order {top_share(today, ('KEEP', 'EDIT')):.1%}   "
        f"learned order {top_share(learned, ('KEEP', 'EDIT')):.1%}"
    )
    model = _fit(x, y, LogisticRegression, StandardScaler)
    scaler, logistic = model.named_steps["scale"], model.named_steps["model"]
    # Folded into plain weights on the raw features: score = intercept + sum(w * x).
    weights = logistic.coef_[0] / scaler.scale_
    intercept = float(logistic.intercept_[0] - np.sum(weights * scaler.mean_))
    WEIGHTS.write_text(
        json.dumps(
            {
                "about": "Logistic regression on question_features: P(KEEP or EDIT). "
                "Trained by bench/ranker.py train on ranker_labels.csv.",
                "labels": len(rows),
                "articles": len(by_article),
                "cross_validated_auc": round(float(auc), 4),
                "intercept": round(intercept, 6),
                "weights": {n: round(float(w), 6) for n, w in zip(names, weights, strict=True)},
            },
            indent=1,
        )
        + "\n"
    )
    print(f"weights -> {WEIGHTS}")


def _fit(x, y, logistic_class, scaler_class):
    from sklearn.pipeline import Pipeline

    model = Pipeline([("scale", scaler_class()), ("model", logistic_class(C=0.3, max_iter=2000))])
    return model.fit(x, y)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dump_parser = commands.add_parser("dump")
    dump_parser.add_argument("files", nargs="+")
    dump_parser.add_argument("--out", type=Path, required=True)
    collect_parser = commands.add_parser("collect")
    collect_parser.add_argument("directory", type=Path)
    collect_parser.add_argument("labels", nargs="+")
    collect_parser.add_argument(
        "--round", required=True, help="a name for this labelling round (readers and generator)"
    )
    train_parser = commands.add_parser("train")
    train_parser.add_argument("--folds", type=int, default=5)
    train_parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.files, args.out)
    elif args.command == "collect":
        collect(args.directory, args.labels, args.round)
    else:
        train(args.folds, args.top)


if __name__ == "__main__":
    main()
