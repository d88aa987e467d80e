from django.contrib import admin
from django.urls import include, path

from quiz.views import public, student, teacher

urlpatterns = [
    path("", public.home, name="home"),
    path("healthz", public.health, name="health"),
    path("accounts/signup/", public.signup, name="signup"),
    # Before Django's auth URLs, so this one (under the login lockout) wins their name.
    path("accounts/password_change/", public.password_change, name="password_change"),
    path("accounts/", include("django.contrib.auth.urls")),
    # The admin's own password change too: no way round the lockout for staff accounts.
    path("admin/password_change/", public.password_change),
    path("admin/", admin.site.urls),
    # Students
    path("student/", student.dashboard, name="student-dashboard"),
    path("student/join/", student.join_class, name="student-join"),
    path("assignments/<int:assignment_id>/start/", student.attempt_begin, name="attempt-start"),
    path("attempts/<int:attempt_id>/", student.attempt_detail, name="attempt-detail"),
    path(
        "attempts/<int:attempt_id>/q/<int:number>/",
        student.attempt_question,
        name="attempt-question",
    ),
    path("attempts/<int:attempt_id>/review/", student.attempt_review, name="attempt-review"),
    path("attempts/<int:attempt_id>/submit/", student.attempt_finish, name="attempt-submit"),
    # Teachers
    path("teacher/", teacher.dashboard, name="teacher-dashboard"),
    path("teacher/classes/new/", teacher.class_new, name="class-new"),
    path("teacher/classes/<int:class_id>/", teacher.class_detail, name="class-detail"),
    path(
        "teacher/classes/<int:class_id>/rotate-code/",
        teacher.class_rotate_code,
        name="class-rotate-code",
    ),
    path(
        "teacher/classes/<int:class_id>/students/new/",
        teacher.class_students_new,
        name="class-students-new",
    ),
    path(
        "teacher/classes/<int:class_id>/students/<int:student_id>/password/",
        teacher.class_student_password,
        name="class-student-password",
    ),
    path(
        "teacher/classes/<int:class_id>/students/<int:student_id>/remove/",
        teacher.class_student_remove,
        name="class-student-remove",
    ),
    path("teacher/articles/", teacher.article_list, name="article-list"),
    path(
        "teacher/articles/<int:article_id>/approve-drafts/",
        teacher.article_approve_drafts,
        name="article-approve-drafts",
    ),
    path(
        "teacher/articles/<int:article_id>/more/",
        teacher.article_more_questions,
        name="article-more-questions",
    ),
    path(
        "teacher/articles/<int:article_id>/generation/",
        teacher.article_generation_status,
        name="article-generation-status",
    ),
    path(
        "teacher/articles/<int:article_id>/selection/",
        teacher.article_selection,
        name="article-selection",
    ),
    path("teacher/articles/<int:article_id>/write/", teacher.question_write, name="question-write"),
    path(
        "teacher/questions/<int:question_id>/status/",
        teacher.question_status,
        name="question-status",
    ),
    path("teacher/questions/<int:question_id>/edit/", teacher.question_edit, name="question-edit"),
    path(
        "teacher/questions/<int:question_id>/distractors/",
        teacher.question_distractors,
        name="question-distractors",
    ),
    path(
        "teacher/questions/<int:question_id>/distractors/status/",
        teacher.question_distractors_status,
        name="question-distractors-status",
    ),
    path("teacher/articles/<int:article_id>/", teacher.article_detail, name="article-detail"),
    path("teacher/quizzes/<int:quiz_id>/", teacher.quiz_detail, name="quiz-detail"),
    path(
        "teacher/quizzes/<int:quiz_id>/questions/add/",
        teacher.quiz_questions_add,
        name="quiz-questions-add",
    ),
    path(
        "teacher/quizzes/<int:quiz_id>/questions/<int:question_id>/remove/",
        teacher.quiz_question_remove,
        name="quiz-question-remove",
    ),
    path(
        "teacher/quizzes/<int:quiz_id>/questions/<int:question_id>/move/",
        teacher.quiz_question_move,
        name="quiz-question-move",
    ),
    path("teacher/quizzes/<int:quiz_id>/export/", teacher.quiz_download, name="quiz-export"),
    path("teacher/quizzes/<int:quiz_id>/print/", teacher.quiz_print, name="quiz-print"),
    path("teacher/quizzes/<int:quiz_id>/print/key/", teacher.quiz_key, name="quiz-key"),
    path("teacher/quizzes/<int:quiz_id>/assign/", teacher.assignment_new, name="assignment-new"),
    path(
        "teacher/assignments/<int:assignment_id>/results/",
        teacher.assignment_results,
        name="assignment-results",
    ),
    path(
        "teacher/assignments/<int:assignment_id>/students/<int:student_id>/",
        teacher.assignment_student,
        name="assignment-student",
    ),
    path(
        "teacher/assignments/<int:assignment_id>/items.csv",
        teacher.assignment_items_csv,
        name="assignment-items-csv",
    ),
    path(
        "teacher/assignments/<int:assignment_id>/results.csv",
        teacher.assignment_results_csv,
        name="assignment-results-csv",
    ),
]
