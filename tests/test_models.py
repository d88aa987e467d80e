"""The rules the database itself enforces, whatever code writes the rows."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from quiz.models import Assignment, Attempt, Choice, Enrollment, Response
from tests.factories import ArticleFactory, AssignmentFactory, QuestionFactory, StudentFactory

pytestmark = pytest.mark.django_db


def test_a_question_cannot_have_two_correct_choices():
    question = QuestionFactory()  # choice 0 is correct
    with pytest.raises(IntegrityError), transaction.atomic():
        Choice.objects.filter(question=question, position=1).update(is_correct=True)


def test_choices_of_a_question_are_distinct():
    question = QuestionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Choice.objects.create(question=question, text="Leeds", position=5)


def test_an_article_is_stored_once_per_content_hash():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(content_hash=article.content_hash)


def test_a_student_is_enrolled_once_per_class(classroom):
    with pytest.raises(IntegrityError), transaction.atomic():
        Enrollment.objects.create(
            student=classroom.students[0], school_class=classroom.school_class
        )


def test_one_response_per_attempt_and_question(classroom):
    question = classroom.quiz.ordered_questions().first()
    attempt = Attempt.objects.create(
        student=classroom.students[0], assignment=classroom.assignment, started_at=timezone.now()
    )
    choice = question.choices.first()
    Response.objects.create(
        attempt=attempt, question=question, choice=choice, answered_at=timezone.now()
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(
            attempt=attempt, question=question, choice=choice, answered_at=timezone.now()
        )


def test_one_open_attempt_per_student_and_assignment(classroom):
    student = classroom.students[0]
    Attempt.objects.create(
        student=student, assignment=classroom.assignment, started_at=timezone.now(), number=1
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            student=student, assignment=classroom.assignment, started_at=timezone.now(), number=2
        )


def test_an_assignment_closes_after_it_opens(classroom):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        AssignmentFactory(
            quiz=classroom.quiz,
            school_class=classroom.school_class,
            opens_at=now,
            closes_at=now - timedelta(minutes=1),
        )


def test_an_assignment_allows_at_least_one_attempt(classroom):
    with pytest.raises(IntegrityError), transaction.atomic():
        Assignment.objects.filter(pk=classroom.assignment.pk).update(attempts_allowed=0)


def test_join_codes_are_unguessable_and_unique():
    from tests.factories import SchoolClassFactory

    codes = {SchoolClassFactory().join_code for _ in range(20)}
    assert len(codes) == 20
    assert all(len(code) == 8 and code.isalnum() for code in codes)


def test_student_factory_makes_a_student():
    from quiz.services import user_is_student

    assert user_is_student(StudentFactory())
