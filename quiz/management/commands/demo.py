"""Create the demo admin, teacher, class, students and one assignment; safe to run again."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from quiz import services
from quiz.models import Article, Assignment, Enrollment, Quiz, SchoolClass

DEMO_CLASS = "Demo class 7B"
DEMO_PASSWORD = {"admin": "demo-admin-pass", "teacher": "demo-teacher-pass"}
STUDENT_PASSWORD = "demo-student-pass"  # noqa: S105 - local demo only  # nosec B105
STUDENTS = [
    ("student1", "Ada", "Lovelace"),
    ("student2", "Alan", "Turing"),
    ("student3", "Grace", "Hopper"),
]


class Command(BaseCommand):
    help = "Create demo logins, a class and an assignment of the seed article (local use only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force", action="store_true", help="Run even when DJANGO_DEBUG is off."
        )

    def _user(self, username: str, password: str, **fields):
        User = get_user_model()
        user, _ = User.objects.get_or_create(username=username, defaults=fields)
        for key, value in fields.items():
            setattr(user, key, value)
        user.set_password(password)
        user.save()
        return user

    def handle(self, *args, force: bool, **options) -> None:
        if not settings.DEBUG and not force:
            raise CommandError("The demo creates known passwords; run it with DJANGO_DEBUG=1.")
        article = (
            Article.objects.filter(generation_state=Article.GenerationState.DONE)
            .order_by("created_at", "id")
            .first()
        )
        if article is None or not article.questions.exists():
            raise CommandError(
                "No article with questions yet: run `manage.py load_articles seeds/`."
            )
        with transaction.atomic():
            self._user(
                "admin",
                DEMO_PASSWORD["admin"],
                is_staff=True,
                is_superuser=True,
                first_name="Demo",
                last_name="Admin",
            )
            teacher = self._user(
                "teacher", DEMO_PASSWORD["teacher"], first_name="Demo", last_name="Teacher"
            )
            services.teacher_make(user=teacher)
            school_class = SchoolClass.objects.filter(name=DEMO_CLASS, teachers=teacher).first()
            if school_class is None:
                school_class = services.class_create(name=DEMO_CLASS, teacher=teacher)
            for username, first, last in STUDENTS:
                student = self._user(username, STUDENT_PASSWORD, first_name=first, last_name=last)
                Enrollment.objects.get_or_create(student=student, school_class=school_class)
            quiz = Quiz.objects.filter(article=article, created_by=teacher).first()
            if quiz is None:
                ids = list(
                    article.questions.usable()
                    .order_by("rank")
                    .values_list("id", flat=True)[: settings.QUIZ_DEFAULT_QUESTION_COUNT]
                )
                quiz = services.quiz_create(
                    article=article, question_ids=ids, title=article.title, created_by=teacher
                )
            now = timezone.now()
            assignment = Assignment.objects.filter(quiz=quiz, school_class=school_class).first()
            if assignment is None:
                services.assignment_create(
                    quiz=quiz,
                    school_class=school_class,
                    opens_at=now - timedelta(minutes=5),
                    closes_at=now + timedelta(days=30),
                    created_by=teacher,
                )
            elif assignment.closes_at <= now:
                assignment.closes_at = now + timedelta(days=30)
                assignment.save(update_fields=["closes_at"])
        self.stdout.write(
            "\nDemo logins (http://127.0.0.1:8000/accounts/login/):\n"
            f"  admin    / {DEMO_PASSWORD['admin']}    (Django admin: load articles)\n"
            f"  teacher  / {DEMO_PASSWORD['teacher']}  (class “{DEMO_CLASS}”, "
            f"join code {school_class.join_code})\n"
            + "".join(f"  {u} / {STUDENT_PASSWORD}\n" for u, _, _ in STUDENTS)
        )
