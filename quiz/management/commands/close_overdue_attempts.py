"""Submit attempts left open past their time limit or closing time (run from cron)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from quiz import services


class Command(BaseCommand):
    help = "Submit and score every open attempt whose time limit or closing time has passed."

    def handle(self, *args, **options) -> None:
        closed = services.attempt_close_overdue(now=timezone.now())
        self.stdout.write(f"closed {closed} overdue attempt(s)")
