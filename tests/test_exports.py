"""Quiz exports for a school's LMS (Moodle XML, GIFT, Canvas's QTI 1.2 zip, CSV): each file is
read back the way its LMS reads it, and every question, choice, key and evidence sentence
survives, in order, with the article's title and source; even text full of the formats' own
special characters. Only the quiz's author may download it, from the page or the command."""

import csv
import html
import io
import zipfile
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from quiz.exports import EXPORT_FORMATS
from quiz.spreadsheets import csv_text_cell
from tests.conftest import client_for
from tests.factories import ArticleFactory, QuestionFactory, QuizFactory, TeacherFactory
from tests.gift_reader import gift_read

pytestmark = pytest.mark.django_db

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
MANIFEST = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"
LOM = "{http://www.imsglobal.org/xsd/imsmd_v1p2}"

SPECIAL_STEM = 'Tom & Jerry\'s <b>"best"</b> line: {x = y} ~ #1 \\ back?'
SPECIAL_CHOICES = [
    "=A & B {c} ~d",
    "[markdown] is not a format here",
    "%50% of them",
    "C:\\new <folder>",
]
SPECIAL_EVIDENCE = 'He said "x < y & y > z" {twice}.\nThen: = ~ # done.'


def xml_parse(data: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(data)  # noqa: S314 - the app's own output, in a test


@pytest.fixture
def quiz(teacher):
    """Three questions in an order that is not the pool's, keys at different places, five
    choices on one, and one question written with every special character."""
    article = ArticleFactory(
        title="Rivers & Roads / the <new> plan", source="https://example.org/a?x=1&y=2"
    )
    first = QuestionFactory(
        article=article, stem="Where did the council meet?", choices__correct=2, rank=9
    )
    special = QuestionFactory(
        article=article,
        stem=SPECIAL_STEM,
        choices=SPECIAL_CHOICES,
        choices__correct=1,
        evidence=SPECIAL_EVIDENCE,
        rank=1,
    )
    five = QuestionFactory(
        article=article,
        stem="Which city is named?",
        choices=["Leeds", "York", "Hull", "Bradford", "Wakefield"],
        choices__correct=4,
        rank=5,
    )
    return QuizFactory(
        article=article, created_by=teacher, title="Rivers quiz", questions=[first, special, five]
    )


def expected(quiz) -> list[dict]:
    """The quiz as a teacher sees it: questions in quiz order, choices in stored order."""
    rows = []
    for question in quiz.ordered_questions():
        choices = list(question.choices.order_by("position"))
        rows.append(
            {
                "stem": question.stem,
                "choices": [c.text for c in choices],
                "key": next(i for i, c in enumerate(choices) if c.is_correct),
                "evidence": question.evidence,
            }
        )
    return rows


def download(quiz, export_format: str, user=None):
    client = client_for(user or quiz.created_by)
    return client.get(reverse("quiz-export", args=[quiz.pk]), {"format": export_format})


def test_the_quiz_keeps_its_order_and_keys_for_these_tests(quiz):
    questions = expected(quiz)
    assert [q["stem"] for q in questions][1] == SPECIAL_STEM
    assert [q["key"] for q in questions] == [2, 1, 4]


# Moodle XML


def test_moodle_xml_has_every_question_choice_key_and_evidence(quiz):
    response = download(quiz, "moodle")
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert (
        response["Content-Disposition"]
        == f'attachment; filename="rivers-quiz-{quiz.pk}-moodle.xml"'
    )
    root = xml_parse(response.content)
    assert root.tag == "quiz"
    category, *questions = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text") == "$course$/top/Rivers & Roads // the <new> plan"
    info = html.unescape(category.findtext("info/text"))
    assert "Rivers & Roads / the <new> plan" in info and "https://example.org/a?x=1&y=2" in info
    assert len(questions) == 3
    for number, (question, want) in enumerate(zip(questions, expected(quiz), strict=True), 1):
        assert question.get("type") == "multichoice"
        assert question.findtext("name/text") == f"Q{number}"
        assert question.findtext("single") == "true"
        assert question.find("questiontext").get("format") == "html"
        assert html.unescape(question.findtext("questiontext/text")) == want["stem"]
        assert html.unescape(question.findtext("generalfeedback/text")) == want["evidence"]
        answers = question.findall("answer")
        assert [html.unescape(a.findtext("text")) for a in answers] == want["choices"]
        fractions = [a.get("fraction") for a in answers]
        assert fractions == ["100" if i == want["key"] else "0" for i in range(len(answers))]


def test_moodle_xml_escapes_html_so_the_lms_shows_the_text_as_typed(quiz):
    root = xml_parse(download(quiz, "moodle").content)
    stem = root.findall("question")[2].findtext("questiontext/text")
    assert "<b>" not in stem and "&lt;b&gt;" in stem and "&amp;" in stem


# GIFT


def test_gift_read_back_as_moodle_reads_it_has_every_question_choice_and_key(quiz):
    response = download(quiz, "gift")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode("utf-8")
    assert "// From the article “Rivers & Roads / the <new> plan”" in text
    assert "https://example.org/a?x=1&y=2" in text
    parsed = gift_read(text)
    assert parsed.categories == ["$course$/top/Rivers & Roads // the <new> plan"]
    assert [q.name for q in parsed.questions] == ["Q1", "Q2", "Q3"]
    for question, want in zip(parsed.questions, expected(quiz), strict=True):
        assert question.text.format == "html"
        assert html.unescape(question.text.text) == want["stem"]
        assert [html.unescape(answer.text) for answer, _ in question.answers] == want["choices"]
        assert [weight for _, weight in question.answers] == [
            1.0 if i == want["key"] else 0.0 for i in range(len(want["choices"]))
        ]
        assert html.unescape(question.general_feedback.text) == want["evidence"]


def test_gift_escapes_its_special_characters_with_a_backslash(quiz):
    text = download(quiz, "gift").content.decode("utf-8")
    line = next(line for line in text.splitlines() if line.startswith("::Q2::"))
    for character in "~=#{}:":
        assert f"\\{character}" in line
    assert r"C\:\\new" in line  # the backslash itself, and the colon
    assert "\n" not in line and "\\n" in line  # the evidence's line break


# QTI 1.2 (Canvas)


def qti_assessment(content: bytes) -> tuple[ElementTree.Element, ElementTree.Element]:
    """The manifest and the assessment it names, found the way an importer finds them."""
    package = zipfile.ZipFile(io.BytesIO(content))
    manifest = xml_parse(package.read("imsmanifest.xml"))
    [resource] = manifest.iter(f"{MANIFEST}resource")
    assert resource.get("type") == "imsqti_xmlv1p2"
    [file] = resource.iter(f"{MANIFEST}file")
    assert set(package.namelist()) == {"imsmanifest.xml", file.get("href")}
    return manifest, xml_parse(package.read(file.get("href")))


def test_the_qti_zip_has_a_manifest_and_one_assessment_with_every_item(quiz):
    response = download(quiz, "qti")
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].endswith(f'rivers-quiz-{quiz.pk}-qti.zip"')
    manifest, root = qti_assessment(response.content)
    titles = [element.text for element in manifest.iter(f"{LOM}string")]
    assert titles[0] == "Rivers quiz" and "https://example.org/a?x=1&y=2" in titles[1]
    assert root.tag == f"{QTI}questestinterop"
    [assessment] = root.iter(f"{QTI}assessment")
    assert assessment.get("title") == "Rivers quiz"
    assert "Rivers & Roads / the <new> plan" in assessment.findtext(f"{QTI}qticomment")
    items = list(root.iter(f"{QTI}item"))
    assert len(items) == 3
    for item, want in zip(items, expected(quiz), strict=True):
        presentation = item.find(f"{QTI}presentation")
        stem = presentation.find(f"{QTI}material/{QTI}mattext")
        assert stem.get("texttype") == "text/html"
        assert html.unescape(stem.text) == want["stem"]
        [response_lid] = presentation.iter(f"{QTI}response_lid")
        assert response_lid.get("rcardinality") == "Single"
        labels = list(response_lid.iter(f"{QTI}response_label"))
        texts = [html.unescape(label.findtext(f"{QTI}material/{QTI}mattext")) for label in labels]
        assert texts == want["choices"]
        scored = [
            condition.findtext(f"{QTI}conditionvar/{QTI}varequal")
            for condition in item.iter(f"{QTI}respcondition")
            if condition.findtext(f"{QTI}setvar") == "100"
        ]
        assert scored == [labels[want["key"]].get("ident")]
        feedback = item.find(f"{QTI}itemfeedback/{QTI}flow_mat/{QTI}material/{QTI}mattext")
        assert html.unescape(feedback.text) == want["evidence"]


# CSV


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_csv_has_one_row_per_question_with_choices_a_to_e_and_the_key_letter(quiz):
    response = download(quiz, "csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())
    header, *rows = csv_rows(response.content)
    assert header == [
        "question", "stem", "A", "B", "C", "D", "E", "key", "evidence", "article", "source"
    ]  # fmt: skip
    assert len(rows) == 3
    for number, (row, want) in enumerate(zip(rows, expected(quiz), strict=True), 1):
        choices = want["choices"] + [""] * (5 - len(want["choices"]))
        assert row == [
            f"Q{number}",
            want["stem"],
            *(csv_text_cell(choice) for choice in choices),  # "=A & B ..." gets its apostrophe
            "ABCDE"[want["key"]],
            want["evidence"],
            "Rivers & Roads / the <new> plan",
            "https://example.org/a?x=1&y=2",
        ]


def test_the_csv_neutralises_a_stem_that_would_run_as_a_formula(teacher):
    question = QuestionFactory(stem='=HYPERLINK("http://evil.example","Click")')
    quiz = QuizFactory(created_by=teacher, article=question.article, questions=[question])
    rows = csv_rows(download(quiz, "csv").content)
    assert rows[1][1].startswith("'=HYPERLINK(")


# Who may download, and how


def test_the_quiz_page_offers_every_format_in_a_plain_form(quiz):
    page = client_for(quiz.created_by).get(reverse("quiz-detail", args=[quiz.pk]))
    text = page.content.decode()
    assert f'action="{reverse("quiz-export", args=[quiz.pk])}"' in text
    assert 'method="get"' in text
    for value in EXPORT_FORMATS:
        assert f'value="{value}"' in text


def test_another_teacher_cannot_export_the_quiz(quiz):
    for export_format in EXPORT_FORMATS:
        assert download(quiz, export_format, user=TeacherFactory()).status_code == 404


def test_a_student_cannot_export_the_quiz(quiz, student):
    for export_format in EXPORT_FORMATS:
        assert download(quiz, export_format, user=student).status_code == 403


def test_an_unknown_format_is_refused(quiz):
    assert download(quiz, "docx").status_code == 400


def test_an_export_is_kept_out_of_every_cache(quiz):
    for export_format in EXPORT_FORMATS:
        cache_control = download(quiz, export_format)["Cache-Control"]
        assert "no-store" in cache_control and "private" in cache_control


def test_the_command_writes_moodle_xml_to_standard_output(quiz):
    out = io.StringIO()
    call_command("export_quiz", str(quiz.pk), "--format", "moodle", stdout=out)
    questions = xml_parse(out.getvalue().encode("utf-8")).findall("question[@type='multichoice']")
    assert [html.unescape(q.findtext("questiontext/text")) for q in questions] == [
        q["stem"] for q in expected(quiz)
    ]


def test_the_command_writes_the_same_file_as_the_download(quiz, tmp_path):
    for export_format in EXPORT_FORMATS:
        output = tmp_path / f"quiz.{export_format}"
        call_command(
            "export_quiz",
            str(quiz.pk),
            "--format",
            export_format,
            "--output",
            str(output),
            stderr=io.StringIO(),
        )
        downloaded = download(quiz, export_format).content
        if export_format == "qti":  # a zip records when its files were written
            qti_assessment(output.read_bytes())  # a package an importer can follow
            written = zipfile.ZipFile(output)
            served = zipfile.ZipFile(io.BytesIO(downloaded))
            assert [written.read(n) for n in written.namelist()] == [
                served.read(n) for n in served.namelist()
            ]
        else:
            assert output.read_bytes() == downloaded


def test_the_command_refuses_an_unknown_quiz():
    with pytest.raises(CommandError, match="No quiz 999999"):
        call_command("export_quiz", "999999", "--format", "gift", stdout=io.StringIO())


def test_the_command_wants_a_file_for_the_qti_zip_when_output_is_text(quiz):
    with pytest.raises(CommandError, match="--output"):
        call_command("export_quiz", str(quiz.pk), "--format", "qti", stdout=io.StringIO())
