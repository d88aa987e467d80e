"""A GIFT reader for the tests, following Moodle's own importer step by step
(question/format/gift/format.php: readquestion, escapedchar_pre/_post, parse_text_with_format)
for what our exports use: categories, named multiple-choice questions, formats, general
feedback. Reading an export back the way Moodle reads it is the test that it imports."""

import re
from dataclasses import dataclass, field

ESCAPED = {"\\:": "&&058;", "\\#": "&&035;", "\\=": "&&061;", "\\{": "&&123;", "\\}": "&&125;"}
ESCAPED |= {"\\~": "&&126;", "\\n": "&&010"}
CHARACTERS = {"&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{", "&&125;": "}"}
CHARACTERS |= {"&&126;": "~", "&&010": "\n"}
FORMATS = {"moodle", "html", "plain", "markdown"}
WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


@dataclass
class GiftText:
    text: str
    format: str


@dataclass
class GiftQuestion:
    name: str
    text: GiftText
    answers: list[tuple[GiftText, float]] = field(default_factory=list)
    general_feedback: GiftText | None = None


@dataclass
class GiftFile:
    categories: list[str] = field(default_factory=list)
    questions: list[GiftQuestion] = field(default_factory=list)


def _escaped_pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for escaped, placeholder in ESCAPED.items():
        text = text.replace(escaped, placeholder)
    return text.replace("&&092;", "\\")


def _escaped_post(text: str) -> str:
    for placeholder, character in CHARACTERS.items():
        text = text.replace(placeholder, character)
    return text


def _with_format(text: str, default: str = "moodle") -> GiftText:
    found = default
    if text.startswith("[") and "]" in text:
        name = text[1 : text.index("]")]
        if name in FORMATS:
            found, text = name, text[text.index("]") + 1 :]
    return GiftText(_escaped_post(text).strip(), found)


def _question(block: list[str]) -> GiftQuestion | str | None:
    lines = [" " if line.strip().startswith("//") else line.strip() for line in block]
    text = "\n".join(lines).strip()
    if not text:
        return None
    text = _escaped_pre(text)
    if text.startswith("$CATEGORY:"):
        return text[len("$CATEGORY:") :].strip()
    name = ""
    if text.startswith("::"):
        name, text = text[2:].split("::", 1)
        name, text = _escaped_post(name), text.strip()
    start, finish = text.index("{"), text.index("}")
    answer_text = text[start + 1 : finish].strip()
    if text.endswith("}"):
        question_text = text[:start] + text[finish + 1 :]
    else:  # the missing-word form: the answers stand in the sentence
        question_text = text[:start] + "_____" + text[finish + 1 :]
    general = None
    if "####" in answer_text:
        answer_text, feedback = answer_text.rsplit("####", 1)
        answer_text = answer_text.strip()
        general = feedback
    question = GiftQuestion(name=name, text=_with_format(question_text))
    if general is not None:
        question.general_feedback = _with_format(general, question.text.format)
    if "~" not in answer_text:
        raise ValueError(f"not a multiple-choice question: {answer_text!r}")
    answers = answer_text.replace("=", "~=").split("~")
    if not answers[0].strip():
        answers = answers[1:]
    for answer in answers:
        answer = answer.strip()
        if answer.startswith("="):
            weight, answer = 1.0, answer[1:]
        elif match := WEIGHT.match(answer):
            weight, answer = float(f"{match[1]}.{match[2] or 0}") / 100, answer[match.end() :]
        else:
            weight = 0.0
        answer = answer.split("#", 1)[0]  # an answer's own feedback follows a #
        question.answers.append((_with_format(answer.strip(), question.text.format), weight))
    return question


def gift_read(text: str) -> GiftFile:
    """Questions are separated by blank lines, as Moodle's importer reads them."""
    parsed = GiftFile()
    block: list[str] = []
    for line in [*text.splitlines(), ""]:
        if line.strip():
            block.append(line)
            continue
        item = _question(block) if block else None
        block = []
        if isinstance(item, str):
            parsed.categories.append(item)
        elif item is not None:
            parsed.questions.append(item)
    return parsed
