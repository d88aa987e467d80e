"""A teacher's ticked questions for an article's quiz, kept in their session until saved.

The review page's "Use in quiz" boxes post here as they change, so reloads and edits keep
them; saving the quiz clears them.
"""

from collections.abc import Iterable, Sequence

from django.contrib.sessions.backends.base import SessionBase

from quiz.models import Question


def _key(article_id: int) -> str:
    return f"quiz-selection-{article_id}"


def selection_get(*, session: SessionBase, article_id: int) -> list[int] | None:
    """The stored ticks, or None when the teacher has not chosen yet."""
    stored = session.get(_key(article_id))
    return None if stored is None else [int(i) for i in stored]


def selection_set(*, session: SessionBase, article_id: int, question_ids: Iterable[int]) -> None:
    session[_key(article_id)] = list(dict.fromkeys(int(i) for i in question_ids))


def selection_clear(*, session: SessionBase, article_id: int) -> None:
    session.pop(_key(article_id), None)


def selection_merge(
    *, stored: Sequence[int], shown: Iterable[int], ticked: Iterable[int], order: Sequence[int]
) -> list[int]:
    """What a posted form means: the boxes it showed are as ticked; the rest stay as stored.
    In page order."""
    shown, ticked = set(shown), set(ticked)
    chosen = {i for i in stored if i not in shown} | (ticked & shown)
    return [i for i in order if i in chosen]


def selection_resolve(
    *, session: SessionBase, article_id: int, usable: Sequence[Question]
) -> tuple[list[int], list[int]]:
    """The stored ticks brought up to date: a question an edit superseded is ticked as its
    current version; rejected or vanished ones drop out. Returns (kept, dropped)."""
    stored = selection_get(session=session, article_id=article_id) or []
    by_id = {q.pk: q for q in usable}
    kept, dropped = [], []
    for question_id in stored:
        current = question_id
        while current is not None and current not in by_id:
            current = (
                Question.objects.filter(pk=current).values_list("superseded_by", flat=True).first()
            )
        if current is None:
            dropped.append(question_id)
        else:
            kept.append(current)
    kept = list(dict.fromkeys(kept))
    if kept != stored:
        selection_set(session=session, article_id=article_id, question_ids=kept)
    return kept, dropped


def selection_replace(*, session: SessionBase, article_id: int, old_id: int, new_id: int) -> None:
    """A new version of a ticked question is ticked in its place."""
    stored = selection_get(session=session, article_id=article_id)
    if stored and old_id in stored:
        replaced = [new_id if i == old_id else i for i in stored]
        selection_set(session=session, article_id=article_id, question_ids=replaced)


def selection_remove(*, session: SessionBase, article_id: int, question_id: int) -> bool:
    """Untick one question; True when it had been ticked."""
    stored = selection_get(session=session, article_id=article_id)
    if not stored or question_id not in stored:
        return False
    selection_set(
        session=session,
        article_id=article_id,
        question_ids=[i for i in stored if i != question_id],
    )
    return True
