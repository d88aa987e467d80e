"""Pages for everyone: the front door, sign-up, and the health check."""

from django.contrib import messages
from django.contrib.auth import login, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from quiz import services
from quiz.forms import SignupForm, ThrottledPasswordChangeForm


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Anyone: sends each user to their own start page."""
    user = request.user
    if not user.is_authenticated:
        return redirect("login")
    if services.user_is_teacher(user):
        return redirect("teacher-dashboard")
    if user.is_staff:
        return redirect("admin:index")
    return redirect("student-dashboard")


@require_GET
def health(request: HttpRequest) -> HttpResponse:
    """Anyone: load balancers ask this; it touches the database once."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return JsonResponse({"status": "ok"})


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """Anyone: a student creates an account (no e-mail) and may join a class at once."""
    if request.user.is_authenticated:
        return redirect("home")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
            code = form.cleaned_data.get("join_code")
            school_class = services.class_join(student=user, join_code=code) if code else None
        login(request, user, backend="quiz.authentication.RoleModelBackend")
        if school_class:
            messages.success(request, f"Welcome! You have joined {school_class.name}.")
        else:
            messages.success(request, "Welcome! Join a class with the code your teacher gives you.")
        return redirect("student-dashboard")
    return render(request, "registration/signup.html", {"form": form})


@require_http_methods(["GET", "POST"])
@login_required
def password_change(request: HttpRequest) -> HttpResponse:
    """Anyone signed in: change their own password. Wrong old passwords count toward the
    login lockout; once locked, django-axes' middleware answers 429 as it does for login."""
    form = ThrottledPasswordChangeForm(request.user, request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)  # stay signed in on this device
        return redirect("password_change_done")
    return render(request, "registration/password_change_form.html", {"form": form})
