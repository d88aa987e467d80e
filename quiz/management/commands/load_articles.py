"""Load article files (or folders of them) into the library and write their questions."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quiz import services
from quiz.ingest import TEXT_SUFFIXES, IngestError, article_from_upload


def article_paths(paths: list[str]) -> list[Path]:
    """Files as given; folders expanded to their article files (not the .facts.json keys)."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES - {""}
                )
            )
        else:
            found.append(path)
    return found


class Command(BaseCommand):
    help = "Load articles from .txt, .md or .html files or folders; prints one line per file."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args, paths: list[str], **options) -> None:
        failed = 0
        for path in article_paths(paths):
            try:
                data = path.read_bytes()
                ingested = article_from_upload(data, filename=path.name)
                article, created = services.article_load(ingested=ingested)
            except (OSError, IngestError) as error:
                failed += 1
                reason = error.strerror if isinstance(error, OSError) else str(error)
                self.stdout.write(f"failed: {path}: {reason}")
                continue
            if created:
                article.refresh_from_db()
                count = article.questions.count()
                state = (
                    f"{count} questions"
                    if article.generation_state == article.GenerationState.DONE
                    else f"questions {article.get_generation_state_display().lower()}"
                    + (f": {article.generation_error}" if article.generation_error else "")
                )
                self.stdout.write(f"loaded: {path}: “{article.title}” ({state})")
            else:
                self.stdout.write(f"already present: {path}: “{article.title}”")
        if failed:
            raise CommandError(f"{failed} file(s) could not be loaded.")
