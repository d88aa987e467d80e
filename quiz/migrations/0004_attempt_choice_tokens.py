import secrets

from django.db import migrations, models


def open_attempts_tokens_fill(apps, schema_editor):
    """Attempts open at deploy get their tokens here: their next page posts tokens, and an
    attempt without them could not save an answer. Submitted attempts need none."""
    Attempt = apps.get_model("quiz", "Attempt")
    for attempt in Attempt.objects.filter(submitted_at__isnull=True).iterator():
        tokens = {}
        for question_id, choice_ids in attempt.choice_order.items():
            by_token = {}
            for choice_id in choice_ids:
                token = secrets.token_urlsafe(6)
                while token in by_token:
                    token = secrets.token_urlsafe(6)
                by_token[token] = choice_id
            tokens[question_id] = by_token
        attempt.choice_tokens = tokens
        attempt.save(update_fields=["choice_tokens"])


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0003_generation_tasks_state"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="choice_tokens",
            field=models.JSONField(default=dict),
        ),
        migrations.RunPython(open_attempts_tokens_fill, migrations.RunPython.noop),
    ]
