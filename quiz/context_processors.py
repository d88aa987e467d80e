"""Template context shared by every page: which role the signed-in user has."""

from django.http import HttpRequest

from quiz.services import user_is_student, user_is_teacher


def roles(request: HttpRequest) -> dict[str, bool]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"is_teacher": False, "is_student": False}
    return {"is_teacher": user_is_teacher(user), "is_student": user_is_student(user)}
