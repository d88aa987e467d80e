"""factory-boy factories for the product's models."""

from datetime import timedelta

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone
from factory.django import DjangoModelFactory

from quiz import services
from quiz.models import (
    Article,
    Assignment,
    Choice,
    Enrollment,
    Question,
    Quiz,
    QuizQuestion,
    SchoolClass,
)

PASSWORD = "correct-horse-battery"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class StudentFactory(UserFactory):
    username = factory.Sequence(lambda n: f"student{n}")


class TeacherFactory(UserFactory):
    username = factory.Sequence(lambda n: f"teacher{n}")

    @factory.post_generation
    def teacher_group(self, create, extracted, **kwargs):
        if create:
            services.teacher_make(user=self)


class AdminFactory(UserFactory):
    username = factory.Sequence(lambda n: f"admin{n}")
    is_staff = True
    is_superuser = True


class ArticleFactory(DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Article {n}")
    body = factory.Sequence(
        lambda n: f"Article number {n} says the council met in Leeds on Monday. " * 20
    )
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    word_count = 200
    generation_state = Article.GenerationState.DONE


class QuestionFactory(DjangoModelFactory):
    class Meta:
        model = Question
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    kind = Question.Kind.WHERE
    stem = factory.Sequence(lambda n: f"Where did the council meet in story {n}?")
    evidence = "Article number 1 says the council met in Leeds on Monday."
    evidence_start = 0
    evidence_end = 57
    rank = factory.Sequence(lambda n: n)

    @factory.post_generation
    def choices(self, create, extracted, **kwargs):
        """Four choices; the first (position 0) is correct unless `choices__correct=N`."""
        if not create:
            return
        correct = kwargs.get("correct", 0)
        texts = extracted or ["Leeds", "York", "Hull", "Bradford"]
        Choice.objects.bulk_create(
            Choice(question=self, text=text, is_correct=i == correct, position=i)
            for i, text in enumerate(texts)
        )


class SchoolClassFactory(DjangoModelFactory):
    class Meta:
        model = SchoolClass
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Class {n}")

    @factory.post_generation
    def teachers(self, create, extracted, **kwargs):
        if create:
            self.teachers.add(*(extracted or [TeacherFactory()]))


class EnrollmentFactory(DjangoModelFactory):
    class Meta:
        model = Enrollment

    student = factory.SubFactory(StudentFactory)
    school_class = factory.SubFactory(SchoolClassFactory)


class QuizFactory(DjangoModelFactory):
    class Meta:
        model = Quiz
        skip_postgeneration_save = True

    article = factory.SubFactory(ArticleFactory)
    title = factory.Sequence(lambda n: f"Quiz {n}")
    created_by = factory.SubFactory(TeacherFactory)

    @factory.post_generation
    def questions(self, create, extracted, **kwargs):
        """`questions=N` makes N new questions of the quiz's article; a list uses those."""
        if not create:
            return
        if extracted is None:
            extracted = 3
        if isinstance(extracted, int):
            extracted = [QuestionFactory(article=self.article) for _ in range(extracted)]
        QuizQuestion.objects.bulk_create(
            QuizQuestion(quiz=self, question=q, position=i) for i, q in enumerate(extracted)
        )


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    quiz = factory.SubFactory(QuizFactory)
    school_class = factory.SubFactory(SchoolClassFactory)
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(hours=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    created_by = factory.LazyAttribute(lambda o: o.school_class.teachers.first())
