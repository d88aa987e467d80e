# Reading levels from textstat (issue 12.4): the home-made Flesch-Kincaid column becomes
# flesch_kincaid_grade, reading_level is now textstat's consensus grade, and every article
# already stored is measured again with the same function that measures new ones.

from django.db import migrations, models

BATCH = 200


def measure_existing_articles(apps, schema_editor):
    from quiz.ingest import reading_level_measure

    Article = apps.get_model("quiz", "Article")
    measured = []
    for article in Article.objects.only("id", "body").iterator(chunk_size=BATCH):
        level = reading_level_measure(article.body)
        article.reading_level = level.consensus_grade
        article.flesch_kincaid_grade = level.flesch_kincaid_grade
        measured.append(article)
        if len(measured) == BATCH:
            Article.objects.bulk_update(measured, ["reading_level", "flesch_kincaid_grade"])
            measured = []
    if measured:
        Article.objects.bulk_update(measured, ["reading_level", "flesch_kincaid_grade"])


class Migration(migrations.Migration):

    dependencies = [
        ('quiz', '0007_managed_account'),
    ]

    operations = [
        migrations.RenameField(
            model_name='article',
            old_name='reading_level',
            new_name='flesch_kincaid_grade',
        ),
        migrations.AddField(
            model_name='article',
            name='reading_level',
            field=models.PositiveSmallIntegerField(blank=True, help_text="The grade most readability formulas agree on (textstat's consensus).", null=True),
        ),
        migrations.RunPython(measure_existing_articles, migrations.RunPython.noop, elidable=True),
    ]
