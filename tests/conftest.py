"""Shared fixtures: a class with its teacher, students and an open assignment."""

from dataclasses import dataclass

import pytest
from django.test import Client

from tests.factories import (
    AssignmentFactory,
    EnrollmentFactory,
    QuizFactory,
    SchoolClassFactory,
    StudentFactory,
    TeacherFactory,
)


@dataclass
class Classroom:
    teacher: object
    school_class: object
    students: list
    quiz: object
    assignment: object


def classroom_make(students: int = 2, questions: int = 3, **assignment_fields) -> Classroom:
    teacher = TeacherFactory()
    school_class = SchoolClassFactory(teachers=[teacher])
    enrolled = [EnrollmentFactory(school_class=school_class).student for _ in range(students)]
    quiz = QuizFactory(created_by=teacher, questions=questions)
    assignment = AssignmentFactory(quiz=quiz, school_class=school_class, **assignment_fields)
    return Classroom(teacher, school_class, enrolled, quiz, assignment)


@pytest.fixture
def classroom(db) -> Classroom:
    return classroom_make()


@pytest.fixture
def other_classroom(db) -> Classroom:
    return classroom_make()


def client_for(user) -> Client:
    # force_login: django-axes checks every password login against a request, which
    # Client.login() does not give it.
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def login():
    return client_for


@pytest.fixture
def student(db):
    return StudentFactory()


@pytest.fixture
def teacher(db):
    return TeacherFactory()
