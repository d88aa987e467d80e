"""Article text in, multiple-choice comprehension questions out (pure Python + spaCy)."""

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
