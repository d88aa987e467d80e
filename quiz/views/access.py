"""Who may see a view: decorators that check the role before the view runs."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from quiz.services import user_is_student, user_is_teacher

View = Callable[..., HttpResponse]


def teacher_required(view: View) -> View:
    """Signed-in members of the Teachers group; others get 403, anonymous users the login."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_is_teacher(request.user):
            raise PermissionDenied("This page is for teachers.")
        return view(request, *args, **kwargs)

    return wrapper


def student_required(view: View) -> View:
    """Signed-in students (not teachers, not staff)."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not user_is_student(request.user):
            raise PermissionDenied("This page is for students.")
        return view(request, *args, **kwargs)

    return wrapper
