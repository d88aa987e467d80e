"""Article text in, multiple-choice comprehension questions out (pure Python + spaCy).

The stages, in the order data flows through them (pipeline.py runs them in this order):

1. clean.py      clean_article(text) -> CleanedArticle; text_capped(text) -> str
2. analyse.py    analyse(body) -> Analysis: the parse, sentences, mentions and label votes
3. propose.py    propose(analysis, sentence) -> list[Candidate], each with a first stem
4. write.py      finish_stem(candidate) -> Candidate | None, the stem ready to ask
5. distractor_pools.py  build_pools(analysis) -> Pools; distractors_for(answer, ...) -> list
6. verify.py     stem_problem, checked_distractors, question_problem: refuse, never rewrite
7. rank.py       candidate_score(candidate); question_features + learned_score -> Draft score
8. select.py     select(drafts, limit) -> list[Draft], the best that do not overlap
   pipeline.py   generate_questions(body) -> GenerationResult; regenerate_distractors(...)

Libraries the stages share:
   entities.py   entity_type(analysis, ent) -> str | None: an entity's kind, decided here only
   nouns.py      what_candidates, noun_answer, noun_class, agent_noun (noun phrases)
   reasons.py    why_candidates, how_candidates (cause and manner questions for propose)
   stems.py      Renderer, wh_question, cloze, tidy: the grammar stems are written with
   distractors.py  Pools, distractors(answer, type, ...), fine_type, country_of: wrong choices
   candidate.py  Candidate, the proposed fact that flows from propose to rank
"""

from .clean import CleanedArticle, clean_article
from .pipeline import (
    GENERATOR_VERSION,
    GeneratedQuestion,
    GenerationResult,
    generate_questions,
    regenerate_distractors,
)

__all__ = [
    "GENERATOR_VERSION",
    "CleanedArticle",
    "GeneratedQuestion",
    "GenerationResult",
    "clean_article",
    "generate_questions",
    "regenerate_distractors",
]
