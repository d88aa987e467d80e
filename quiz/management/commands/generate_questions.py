"""Write questions for article files without storing anything (the checker's contract)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from quiz.generation import generate_questions
from quiz.ingest import IngestError, article_from_upload


class Command(BaseCommand):
    help = (
        "Print generated questions for article files: --format json follows the contract in "
        "DESIGN.md, --format text is for people."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument("--max-questions", type=int, default=40)

    def handle(self, *args, files: list[str], format: str, max_questions: int, **options):
        articles = []
        for name in files:
            try:
                ingested = article_from_upload(Path(name).read_bytes(), filename=name)
            except OSError as error:
                articles.append({"source": name, "error": f"cannot read the file: {error}"})
                continue
            except IngestError as error:
                articles.append({"source": name, "error": str(error)})
                continue
            result = generate_questions(
                ingested.body, title=ingested.title, max_questions=max_questions
            )
            entry = {
                "source": name,
                "title": ingested.title,
                "word_count": ingested.word_count,
                "questions": [
                    {
                        "kind": q.kind,
                        "stem": q.stem,
                        "choices": list(q.choices),
                        "answer": q.answer,
                        "evidence": q.evidence,
                    }
                    for q in result.questions
                ],
            }
            if result.error and not result.questions:
                entry["error"] = result.error
            articles.append(entry)
        if format == "json":
            self.stdout.write(json.dumps({"articles": articles}, ensure_ascii=False, indent=1))
            return
        for entry in articles:
            self.stdout.write(f"== {entry['source']}: {entry.get('title', '')}")
            if entry.get("error"):
                self.stdout.write(f"   {entry['error']}")
            for number, q in enumerate(entry.get("questions", []), start=1):
                self.stdout.write(f"{number:>3}. [{q['kind']}] {q['stem']}")
                for index, choice in enumerate(q["choices"]):
                    mark = "*" if index == q["answer"] else " "
                    self.stdout.write(f"      {mark} {'ABCDE'[index]}. {choice}")
                self.stdout.write(f"      evidence: {q['evidence']}")
