"""A quiz as a file for a school's LMS: Moodle XML, GIFT, an IMS QTI 1.2 package (Canvas) or CSV.

Every format carries the questions in the quiz's order, the choices in stored order, the key,
the evidence sentence, and the article's title and source. The writers are ours: no
maintained Python library writes these formats from data (the ones there are read them, or
turn a marked-up text file into a package), and each is a page of code over the standard
library. Text goes into the LMS as HTML, escaped, so a stem with `<` or `&` reads as typed.
"""

import html
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

# Builds XML documents and never parses one: bandit's warning is about parsing untrusted XML.
from xml.etree import ElementTree  # nosec B405

from django.utils.text import slugify

from quiz.models import Quiz
from quiz.spreadsheets import CsvWriter

LETTERS = "ABCDEFGH"
CSV_CHOICE_COLUMNS = 5  # A to E: the most choices a teacher can give a question
QTI_NAMESPACE = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
MANIFEST_NAMESPACE = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
LOM_NAMESPACE = "http://www.imsglobal.org/xsd/imsmd_v1p2"


@dataclass(frozen=True)
class ExportQuestion:
    number: int
    stem: str
    choices: tuple[str, ...]
    key: int | None  # index of the correct choice
    evidence: str


@dataclass(frozen=True)
class ExportQuiz:
    quiz_id: int
    title: str
    article_title: str
    source: str
    questions: tuple[ExportQuestion, ...]


@dataclass(frozen=True)
class ExportFormat:
    label: str
    suffix: str
    content_type: str
    write: Callable[[ExportQuiz], bytes]
    is_text: bool = True


@dataclass(frozen=True)
class QuizFile:
    filename: str
    content_type: str
    content: bytes
    is_text: bool


def _quiz_contents(quiz: Quiz) -> ExportQuiz:
    """What every export carries, read once: two queries for the questions and choices."""
    questions = []
    for number, question in enumerate(
        quiz.ordered_questions().prefetch_related("choices"), start=1
    ):
        choices = list(question.choices.all())  # in stored order (Choice.Meta.ordering)
        key = next((index for index, choice in enumerate(choices) if choice.is_correct), None)
        questions.append(
            ExportQuestion(
                number=number,
                stem=question.stem,
                choices=tuple(choice.text for choice in choices),
                key=key,
                evidence=question.evidence,
            )
        )
    return ExportQuiz(
        quiz_id=quiz.pk,
        title=quiz.title,
        article_title=quiz.article.title,
        source=quiz.article.source,
        questions=tuple(questions),
    )


def quiz_export(*, quiz: Quiz, export_format: str) -> QuizFile:
    """The quiz as a file in one of EXPORT_FORMATS (a key such as "moodle")."""
    chosen = EXPORT_FORMATS[export_format]
    name = slugify(quiz.title)[:60].strip("-") or "quiz"
    return QuizFile(
        filename=f"{name}-{quiz.pk}{chosen.suffix}",
        content_type=chosen.content_type,
        content=chosen.write(_quiz_contents(quiz)),
        is_text=chosen.is_text,
    )


def _html(text: str) -> str:
    """Plain text as HTML that shows it as it is (an LMS reads these fields as HTML)."""
    return html.escape(text, quote=False)


def _from_article(exported: ExportQuiz) -> str:
    source = f" ({exported.source})" if exported.source else ""
    return f"From the article “{exported.article_title}”{source}."


def _xml_document(root: ElementTree.Element) -> bytes:
    """The document as UTF-8. Namespaces are written as xmlns attributes on the root, as the
    QTI files LMSs exchange have them (unprefixed elements in the QTI namespace), which
    ElementTree's own namespace handling cannot write beside unqualified attributes."""
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _category_path(title: str) -> str:
    """A Moodle question category under the course's top category; Moodle writes a slash
    inside a category's name as two."""
    name = " ".join(title.split()).replace("/", "//")
    return f"$course$/top/{name}"


# Moodle XML ------------------------------------------------------------------------------


def _moodle_text(parent: ElementTree.Element, tag: str, text: str) -> ElementTree.Element:
    element = ElementTree.SubElement(parent, tag, format="html")
    ElementTree.SubElement(element, "text").text = _html(text)
    return element


def moodle_xml_write(exported: ExportQuiz) -> bytes:
    """Moodle XML, as Moodle's question import reads it: a category named after the article,
    then one single-answer multichoice question per quiz question."""
    root = ElementTree.Element("quiz")
    category = ElementTree.SubElement(root, "question", type="category")
    ElementTree.SubElement(
        ElementTree.SubElement(category, "category"), "text"
    ).text = _category_path(exported.article_title)
    _moodle_text(category, "info", _from_article(exported))
    for question in exported.questions:
        item = ElementTree.SubElement(root, "question", type="multichoice")
        ElementTree.SubElement(
            ElementTree.SubElement(item, "name"), "text"
        ).text = f"Q{question.number}"
        _moodle_text(item, "questiontext", question.stem)
        _moodle_text(item, "generalfeedback", question.evidence)
        ElementTree.SubElement(item, "defaultgrade").text = "1"
        ElementTree.SubElement(item, "penalty").text = "0"
        ElementTree.SubElement(item, "hidden").text = "0"
        ElementTree.SubElement(item, "single").text = "true"
        # The stored order; a Moodle quiz can still shuffle in its own settings.
        ElementTree.SubElement(item, "shuffleanswers").text = "false"
        ElementTree.SubElement(item, "answernumbering").text = "ABCD"
        for index, choice in enumerate(question.choices):
            answer = ElementTree.SubElement(
                item,
                "answer",
                fraction="100" if index == question.key else "0",
                format="html",
            )
            ElementTree.SubElement(answer, "text").text = _html(choice)
            _moodle_text(answer, "feedback", "")
    return _xml_document(root)


# GIFT ------------------------------------------------------------------------------------

GIFT_SPECIAL = re.compile(r"([~=#{}:])")


def gift_text(text: str) -> str:
    """Text for a GIFT field: as HTML (the question says [html]), GIFT's special characters
    and the backslash escaped by a backslash, line breaks as \\n so a question stays on one
    line. A leading [ or % is written as a character reference, or Moodle would read it as a
    text format ([markdown]) or an answer's weight (%50%)."""
    escaped = _html(text.replace("\r\n", "\n").replace("\r", "\n"))
    if escaped.startswith("["):
        escaped = "&#91;" + escaped[1:]
    elif escaped.startswith("%"):
        escaped = "&#37;" + escaped[1:]
    escaped = GIFT_SPECIAL.sub(r"\\\1", escaped.replace("\\", "\\\\"))
    return escaped.replace("\n", "\\n")


def _gift_comment(text: str) -> str:
    return "// " + " ".join(text.split())


def gift_write(exported: ExportQuiz) -> bytes:
    """GIFT, which Moodle's question import reads too: `::Q1:: [html]stem {=key ~other ...}`
    with the evidence as general feedback (####), after a $CATEGORY line for the article."""
    lines = [
        _gift_comment(exported.title),
        _gift_comment(_from_article(exported)),
        "",
        f"$CATEGORY: {_category_path(exported.article_title)}",
        "",
    ]
    for question in exported.questions:
        answers = " ".join(
            ("=" if index == question.key else "~") + gift_text(choice)
            for index, choice in enumerate(question.choices)
        )
        feedback = f" ####{gift_text(question.evidence)}" if question.evidence else ""
        lines.append(
            f"::Q{question.number}:: [html]{gift_text(question.stem)} {{{answers}{feedback}}}"
        )
        lines.append("")
    return "\n".join(lines).encode("utf-8")


# IMS QTI 1.2 (Canvas) ----------------------------------------------------------------------


def _qti_text(parent: ElementTree.Element, text: str) -> None:
    material = ElementTree.SubElement(parent, "material")
    ElementTree.SubElement(material, "mattext", texttype="text/html").text = _html(text)


def _qti_metadata(parent: ElementTree.Element, fields: dict[str, str]) -> None:
    metadata = ElementTree.SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = ElementTree.SubElement(metadata, "qtimetadatafield")
        ElementTree.SubElement(field, "fieldlabel").text = label
        ElementTree.SubElement(field, "fieldentry").text = entry


def _qti_item(section: ElementTree.Element, quiz_ident: str, question: ExportQuestion) -> None:
    ident = f"{quiz_ident}_q{question.number}"
    item = ElementTree.SubElement(section, "item", ident=ident, title=f"Q{question.number}")
    # The field names Canvas writes in its own exports, so it takes the item as its own kind.
    _qti_metadata(
        ElementTree.SubElement(item, "itemmetadata"),
        {"question_type": "multiple_choice_question", "points_possible": "1"},
    )
    presentation = ElementTree.SubElement(item, "presentation")
    _qti_text(presentation, question.stem)
    response = ElementTree.SubElement(
        presentation, "response_lid", ident="response1", rcardinality="Single"
    )
    render = ElementTree.SubElement(response, "render_choice", shuffle="No")
    labels = [f"{ident}_{LETTERS[index]}" for index in range(len(question.choices))]
    for label, choice in zip(labels, question.choices, strict=True):
        _qti_text(ElementTree.SubElement(render, "response_label", ident=label), choice)

    processing = ElementTree.SubElement(item, "resprocessing")
    ElementTree.SubElement(
        ElementTree.SubElement(processing, "outcomes"),
        "decvar",
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    if question.evidence:
        general = ElementTree.SubElement(processing, "respcondition", {"continue": "Yes"})
        ElementTree.SubElement(ElementTree.SubElement(general, "conditionvar"), "other")
        ElementTree.SubElement(
            general, "displayfeedback", feedbacktype="Response", linkrefid="general_fb"
        )
    if question.key is not None:
        correct = ElementTree.SubElement(processing, "respcondition", {"continue": "No"})
        ElementTree.SubElement(
            ElementTree.SubElement(correct, "conditionvar"),
            "varequal",
            respident="response1",
        ).text = labels[question.key]
        ElementTree.SubElement(correct, "setvar", action="Set", varname="SCORE").text = "100"
    if question.evidence:
        feedback = ElementTree.SubElement(item, "itemfeedback", ident="general_fb")
        _qti_text(ElementTree.SubElement(feedback, "flow_mat"), question.evidence)


def _qti_assessment(exported: ExportQuiz, ident: str) -> bytes:
    root = ElementTree.Element("questestinterop", xmlns=QTI_NAMESPACE)
    assessment = ElementTree.SubElement(root, "assessment", ident=ident, title=exported.title)
    ElementTree.SubElement(assessment, "qticomment").text = _from_article(exported)
    _qti_metadata(assessment, {"cc_maxattempts": "1"})
    section = ElementTree.SubElement(assessment, "section", ident="root_section")
    for question in exported.questions:
        _qti_item(section, ident, question)
    return _xml_document(root)


def _qti_manifest(exported: ExportQuiz, ident: str, assessment_path: str) -> bytes:
    manifest = ElementTree.Element(
        "manifest",
        {
            "identifier": f"{ident}_manifest",
            "xmlns": MANIFEST_NAMESPACE,
            "xmlns:imsmd": LOM_NAMESPACE,
        },
    )
    metadata = ElementTree.SubElement(manifest, "metadata")
    ElementTree.SubElement(metadata, "schema").text = "IMS Content"
    ElementTree.SubElement(metadata, "schemaversion").text = "1.1.3"
    general = ElementTree.SubElement(ElementTree.SubElement(metadata, "imsmd:lom"), "imsmd:general")
    for name, text in (("title", exported.title), ("description", _from_article(exported))):
        field = ElementTree.SubElement(general, f"imsmd:{name}")
        ElementTree.SubElement(field, "imsmd:string").text = text
    ElementTree.SubElement(manifest, "organizations")
    resource = ElementTree.SubElement(
        ElementTree.SubElement(manifest, "resources"),
        "resource",
        identifier=ident,
        type="imsqti_xmlv1p2",
        href=assessment_path,
    )
    ElementTree.SubElement(resource, "file", href=assessment_path)
    return _xml_document(manifest)


def qti_package_write(exported: ExportQuiz) -> bytes:
    """An IMS QTI 1.2 content package, the zip Canvas's quiz import takes: imsmanifest.xml
    and one assessment (<questestinterop>), laid out as Canvas lays out its own exports."""
    ident = f"quiz_{exported.quiz_id}"
    assessment_path = f"{ident}/{ident}.xml"
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_DEFLATED) as package:
        package.writestr("imsmanifest.xml", _qti_manifest(exported, ident, assessment_path))
        package.writestr(assessment_path, _qti_assessment(exported, ident))
    return stream.getvalue()


# CSV -------------------------------------------------------------------------------------


def csv_write(exported: ExportQuiz) -> bytes:
    """One row per question for spreadsheets (UTF-8 with a byte-order mark, and every text
    cell neutralised against formulas by CsvWriter)."""
    width = max([CSV_CHOICE_COLUMNS, *(len(q.choices) for q in exported.questions)])
    stream = io.StringIO()
    stream.write("\ufeff")
    writer = CsvWriter(stream)
    writer.writerow(["question", "stem", *LETTERS[:width], "key", "evidence", "article", "source"])
    for question in exported.questions:
        choices = list(question.choices) + [""] * (width - len(question.choices))
        writer.writerow(
            [
                f"Q{question.number}",
                question.stem,
                *choices,
                "" if question.key is None else LETTERS[question.key],
                question.evidence,
                exported.article_title,
                exported.source,
            ]
        )
    return stream.getvalue().encode("utf-8")


EXPORT_FORMATS: dict[str, ExportFormat] = {
    "moodle": ExportFormat(
        "Moodle XML (Moodle's question import)",
        "-moodle.xml",
        "application/xml; charset=utf-8",
        moodle_xml_write,
    ),
    "gift": ExportFormat(
        "GIFT (Moodle, and other LMSs that read GIFT)",
        "-gift.txt",
        "text/plain; charset=utf-8",
        gift_write,
    ),
    "qti": ExportFormat(
        "QTI 1.2 package (Canvas's quiz import)",
        "-qti.zip",
        "application/zip",
        qti_package_write,
        is_text=False,
    ),
    "csv": ExportFormat(
        "CSV (spreadsheets)",
        ".csv",
        "text/csv; charset=utf-8",
        csv_write,
    ),
}
