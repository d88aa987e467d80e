"""Write a quiz as a file for an LMS, as the quiz page's download does (see quiz/exports.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quiz.exports import EXPORT_FORMATS, quiz_export
from quiz.models import Quiz


class Command(BaseCommand):
    help = (
        "Write a quiz in an LMS's format: moodle (Moodle XML), gift, qti (an IMS QTI 1.2 zip "
        "for Canvas) or csv; to standard output, or to --output FILE."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("quiz_id", type=int)
        parser.add_argument(
            "--format", dest="export_format", required=True, choices=list(EXPORT_FORMATS)
        )
        parser.add_argument("--output", type=Path, help="A file to write (default: stdout).")

    def handle(
        self, *args, quiz_id: int, export_format: str, output: Path | None, **options
    ) -> None:
        quiz = Quiz.objects.select_related("article").filter(pk=quiz_id).first()
        if quiz is None:
            raise CommandError(f"No quiz {quiz_id}.")
        exported = quiz_export(quiz=quiz, export_format=export_format)
        if output is not None:
            output.write_bytes(exported.content)
            self.stderr.write(f"wrote {output} ({quiz.ordered_questions().count()} questions)")
            return
        if exported.is_text:
            self.stdout.write(exported.content.decode("utf-8"), ending="")
            return
        # A zip goes to the byte stream under standard output, and never to a terminal.
        stream = getattr(self.stdout, "buffer", None)
        if stream is None or self.stdout.isatty():
            raise CommandError(f"A {export_format} export is a zip file: give --output FILE.")
        self.stdout.flush()
        stream.write(exported.content)
        stream.flush()
