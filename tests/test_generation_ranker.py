"""The learned ranker: its labels hold no article text, its weights are the trained model's,
and the generator orders by them, the same way every time."""

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from quiz.generation import generate_questions
from quiz.generation.rank import RANKER_FILE, learned_score
from tests.generation_helpers import SEED_ARTICLE

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "quiz" / "generation" / "data" / "ranker_labels.csv"
META = ("round", "article", "hash", "position", "label", "reason")


def load_bench():
    spec = importlib.util.spec_from_file_location("ranker_bench", ROOT / "bench" / "ranker.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_labels() -> list[dict[str, str]]:
    with LABELS.open() as handle:
        return list(csv.DictReader(handle))


def test_labels_are_many_rated_questions_without_article_text() -> None:
    rows = read_labels()
    assert len(rows) >= 2000
    assert len({r["article"] for r in rows}) >= 80
    assert {r["label"] for r in rows} == {"KEEP", "EDIT", "REJECT"}
    for row in rows:
        assert len(row["hash"]) == 16 and int(row["hash"], 16) >= 0
        features = [v for k, v in row.items() if k not in META]
        assert all(float(v) == float(v) for v in features)  # numbers only, no text


def test_every_feature_the_generator_writes_has_a_weight() -> None:
    weights = json.loads(RANKER_FILE.read_text())["weights"]
    question = generate_questions(SEED_ARTICLE.read_text(encoding="utf-8")).questions[0]
    assert set(dict(question.features)) == set(weights)


def test_the_plain_python_score_is_the_trained_models() -> None:
    pytest.importorskip("sklearn")
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    bench = load_bench()
    rows = bench.training_rows(read_labels())
    assert rows and not [r for r in rows if r["reason"] == "redundant"]
    names = [n for n in rows[0] if n not in META]
    x = np.array([[float(r[n]) for n in names] for r in rows])
    y = np.array([r["label"] != "REJECT" for r in rows], dtype=int)
    model = bench._fit(x, y, LogisticRegression, StandardScaler)
    shipped = json.loads(RANKER_FILE.read_text())
    assert shipped["labels"] == len(rows)
    for row, expected in zip(rows[:50], model.decision_function(x[:50]), strict=True):
        features = {n: float(row[n]) for n in names}
        # Weights are rounded to six places in the shipped file.
        assert learned_score(features) == pytest.approx(expected, abs=1e-3)


def test_the_pool_is_ordered_by_the_learned_score_the_same_every_time() -> None:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    first = generate_questions(text).questions
    again = generate_questions(text).questions
    assert [q.stem for q in first] == [q.stem for q in again]
    for question in first:
        assert question.score == pytest.approx(learned_score(dict(question.features)), abs=1e-3)


def test_a_later_round_keeps_its_own_label_of_a_question_read_before(tmp_path, monkeypatch) -> None:
    bench = load_bench()
    labels = tmp_path / "labels.csv"
    monkeypatch.setattr(bench, "LABELS", labels)
    pool = tmp_path / "pool"
    pool.mkdir()
    features = {"a.txt": [{"hash": "0123456789abcdef", "position": 0, "features": {"gap": 1.0}}]}
    (pool / "features.json").write_text(json.dumps(features))
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("a.txt | 1 | KEEP | | fine\n")
    second.write_text("a.txt | 1 | REJECT | trivial | a weekday\n")
    bench.collect(pool, [str(first)], "1")
    bench.collect(pool, [str(first)], "1")  # the same round again adds nothing
    bench.collect(pool, [str(second)], "2")
    with labels.open() as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["round"], r["label"], r["reason"]) for r in rows] == [
        ("1", "KEEP", ""),
        ("2", "REJECT", "trivial"),
    ]
    assert rows[0]["gap"] == "1"
