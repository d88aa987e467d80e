"""Background work: question generation runs off the request path.

With the default immediate backend it runs at once in the same process; in production a
database-backed worker can run it (see README.md).
"""

from django.tasks import task

from quiz import services


@task
def article_generate(article_id: int, max_questions: int = 40) -> int:
    return services.article_generate_questions(article_id=article_id, max_questions=max_questions)
