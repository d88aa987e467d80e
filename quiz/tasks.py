"""Background work: question generation, "More questions" and "Other distractors" run off
the request path.

With the default immediate backend they run at once in the same process; in production a
database-backed worker runs them (see README.md). Arguments are ids: they go through JSON.
"""

from django.tasks import task

from quiz import services


@task
def article_generate(article_id: int, max_questions: int = 40) -> int:
    return services.article_generate_questions(article_id=article_id, max_questions=max_questions)


@task
def question_distractors_replace(question_id: int, editor_id: int | None) -> int:
    return services.question_distractors_run(question_id=question_id, editor_id=editor_id)
