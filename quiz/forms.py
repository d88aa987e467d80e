"""Forms: the shape and validation of what people type. Rules live in services.py."""

from datetime import timedelta

from django import forms
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.forms import PasswordChangeForm, UserCreationForm
from django.utils import timezone

from quiz.exports import EXPORT_FORMATS
from quiz.models import (
    ATTEMPTS_MAX,
    CHOICE_MAX_LENGTH,
    COLLEGE_GRADE,
    EVIDENCE_MAX_LENGTH,
    STEM_MAX_LENGTH,
    TIME_LIMIT_MAX_MINUTES,
    Assignment,
    SchoolClass,
)

# What sign-up says, in words a 13-year-old reads at a glance (README: "Signing up"):
# Django's own help lists four password rules and the characters a username may hold.
# Keyed by Django's validation codes without their "password_" prefix.
PASSWORD_PLAIN_WORDS = {
    "too_short": "Too short: use at least 8 letters, numbers or signs.",
    "too_common": "Lots of people use that password, so it is easy to guess. "
    "Try a few words together, like “green-tiger-jumps”.",
    "entirely_numeric": "Use some letters too, not only numbers.",
    "too_similar": "Too close to your name or username. Choose something else.",
}


class SignupForm(UserCreationForm):
    first_name = forms.CharField(
        max_length=150,
        label="First name",
        help_text="Your teacher sees your name on the class list.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name", "autofocus": True}),
    )
    last_name = forms.CharField(
        max_length=150,
        label="Last name",
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    join_code = forms.CharField(
        max_length=16,
        required=False,
        label="Class join code",
        help_text="From your teacher. You can also join a class later.",
    )
    error_messages = {
        "password_mismatch": "The two passwords are not the same. Type the same one twice.",  # nosec B105 - a message
    }

    class Meta(UserCreationForm.Meta):
        fields = ("first_name", "last_name", "username")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.widget.attrs.pop("autofocus", None)  # the name comes first
        username.help_text = "You type it to log in. Letters and numbers, no spaces."
        username.error_messages["invalid"] = (
            "Use only letters, numbers and . _ - (no spaces), like maya.k or sam_22."
        )
        self.fields[
            "password1"
        ].help_text = (
            "At least 8 characters. A few words together is easy to remember and hard to guess."
        )
        self.fields["password2"].label = "Password again"
        self.fields["password2"].help_text = "The same password, to be sure you typed it right."
        for field in self.fields.values():
            field.template_name = "_field.html"

    def validate_password_for_user(self, user, **kwargs) -> None:
        """The password rules' complaints in plain words, under the password they are about
        (Django puts them under the confirmation, whatever field name it is given)."""
        password = self.cleaned_data.get("password1")
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except forms.ValidationError as error:
            for problem in error.error_list:
                code = (problem.code or "").removeprefix("password_")
                self.add_error("password1", PASSWORD_PLAIN_WORDS.get(code, problem.messages[0]))

    def clean_username(self) -> str:
        # A username must be unique, so sign-up has to say when one is taken; it says so
        # without naming anyone and offers names that are free, so a student moves on rather
        # than trying classmates' names (README: "Signing up").
        username = self.cleaned_data.get("username", "")
        users = self._meta.model.objects
        if username and users.filter(username__iexact=username).exists():
            free = [
                f"{username}{n}"
                for n in (7, 12, 23, 42, 88, 2026)
                if not users.filter(username__iexact=f"{username}{n}").exists()
            ][:2]
            example = f", for example {' or '.join(free)}" if free else ""
            raise forms.ValidationError(f"That username can't be used. Try another{example}.")
        return username

    def clean_join_code(self) -> str:
        code = "".join(self.cleaned_data.get("join_code", "").split()).upper()
        if code and not SchoolClass.objects.filter(join_code=code).exists():
            raise forms.ValidationError("No class has that join code. Check it with your teacher.")
        return code


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's password change, with the old password checked through authenticate() and
    the request: django-axes then counts a wrong old password as a failed login for this
    username at this address, and refuses (even the right one) while that pair is locked.
    Without it a stolen session could guess the password with no limit."""

    def __init__(self, user, *args, request, **kwargs) -> None:
        self.request = request
        super().__init__(user, *args, **kwargs)

    def clean_old_password(self) -> str:
        old_password = self.cleaned_data["old_password"]
        user = authenticate(self.request, username=self.user.get_username(), password=old_password)
        if user is None or user.pk != self.user.pk:
            raise forms.ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class JoinClassForm(forms.Form):
    join_code = forms.CharField(max_length=16, label="Class join code")


class SchoolClassForm(forms.ModelForm):
    class Meta:
        model = SchoolClass
        fields = ["name"]
        labels = {"name": "Class name"}


class QuizForm(forms.Form):
    title = forms.CharField(max_length=300, label="Quiz title")
    questions = forms.TypedMultipleChoiceField(
        coerce=int, label="Questions", widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, question_ids: list[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["questions"].choices = [(qid, str(qid)) for qid in question_ids]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class AssignmentForm(forms.ModelForm):
    class Meta:
        model = Assignment
        fields = [
            "school_class",
            "opens_at",
            "closes_at",
            "time_limit_minutes",
            "attempts_allowed",
            "shuffle_questions",
            "shuffle_choices",
            "feedback",
        ]
        labels = {
            "school_class": "Class",
            "opens_at": "Opens",
            "closes_at": "Closes",
            "time_limit_minutes": "Time limit (minutes)",
            "feedback": "Show answers and evidence",
        }
        widgets = {"opens_at": DateTimeInput(), "closes_at": DateTimeInput()}

    def __init__(self, *args, teacher, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        classes = SchoolClass.objects.taught_by(teacher)
        self.fields["school_class"].queryset = classes
        only = list(classes[:2])
        if len(only) == 1:  # a teacher with one class has nothing to choose
            self.fields["school_class"].initial = only[0].pk
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["opens_at"].initial = now
        self.fields["closes_at"].initial = now + timedelta(days=7)
        # The model's validators give the messages; these let the browser say it first.
        self.fields["attempts_allowed"].widget.attrs.update(min=1, max=ATTEMPTS_MAX)
        self.fields["time_limit_minutes"].widget.attrs.update(min=1, max=TIME_LIMIT_MAX_MINUTES)

    def clean(self) -> dict:
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The closing time must be after the opening time.")
        return cleaned


MAX_CHOICES = 5


def stem_rows(stem: str) -> int:
    """Rows for a stem's text box: enough for all of it in the review page's narrow column
    (about 50 characters a line), never fewer than three."""
    return max(3, len(stem) // 50 + 2)


class QuestionForm(forms.Form):
    """A question's stem and choices, with which one is correct (edit or write)."""

    stem = forms.CharField(
        label="Question", max_length=STEM_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    correct = forms.TypedChoiceField(
        coerce=int,
        label="Correct choice",
        choices=[(i, "ABCDE"[i]) for i in range(MAX_CHOICES)],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for index in range(MAX_CHOICES):
            self.fields[f"choice_{index}"] = forms.CharField(
                label=f"Choice {'ABCDE'[index]}",
                max_length=CHOICE_MAX_LENGTH,
                required=index < 3,
            )

    @classmethod
    def for_question(cls, question, data=None) -> "QuestionForm":
        choices = list(question.choices.all())
        initial = {"stem": question.stem}
        for choice in choices:
            initial[f"choice_{choice.position}"] = choice.text
            if choice.is_correct:
                initial["correct"] = choice.position
        form = cls(data, initial=initial, prefix=f"q{question.pk}")
        shown = form["stem"].value() or ""
        form.fields["stem"].widget.attrs["rows"] = stem_rows(shown)
        return form

    def choice_fields(self) -> list:
        return [self[f"choice_{index}"] for index in range(MAX_CHOICES)]

    def choice_texts(self) -> list[str]:
        return [self.cleaned_data.get(f"choice_{i}", "") for i in range(MAX_CHOICES)]

    def clean(self) -> dict:
        cleaned = super().clean()
        correct = cleaned.get("correct")
        if correct is not None and not (cleaned.get(f"choice_{correct}") or "").strip():
            self.add_error("correct", "The correct choice must have text.")
        return cleaned


class QuestionWriteForm(QuestionForm):
    kind = forms.ChoiceField(label="Kind of question", initial="what")
    evidence = forms.CharField(
        label="Evidence from the article (optional)",
        required=False,
        max_length=EVIDENCE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Copy the sentence the answer comes from, so it can be highlighted.",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from quiz.models import Question

        self.fields["kind"].choices = Question.Kind.choices


class StudentsCreateForm(forms.Form):
    names = forms.CharField(
        label="Students' names, one per line",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Usernames and passwords are made for you; no e-mail addresses needed.",
        template_name="_field.html",  # a repeated name is said right under the list
    )
    # Offered only once a repeated name was found (class_students_new).
    repeats_confirmed = forms.BooleanField(
        required=False,
        label="These are different students with the same name: make an account for each",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.repeated: list[str] = []  # set by the view when it finds a repeated name

    def names_list(self) -> list[str]:
        return [line for line in self.cleaned_data["names"].splitlines() if line.strip()]


GRADE_CHOICES = [("", "any")] + [
    (grade, "college" if grade == COLLEGE_GRADE else f"grade {grade}")
    for grade in range(1, COLLEGE_GRADE + 1)
]


class ArticleLibraryForm(forms.Form):
    """The article library's filter (a span of reading levels) and order, from the address."""

    lowest = forms.TypedChoiceField(
        choices=GRADE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        label="Reading level from",
    )
    highest = forms.TypedChoiceField(
        choices=GRADE_CHOICES, coerce=int, empty_value=None, required=False, label="to"
    )
    sort = forms.ChoiceField(
        choices=[
            ("newest", "Newest first"),
            ("level", "Easiest first"),
            ("-level", "Hardest first"),
            ("title", "Title"),
        ],
        required=False,
        label="Order",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        lowest, highest = cleaned.get("lowest"), cleaned.get("highest")
        if lowest is not None and highest is not None and lowest > highest:
            cleaned["lowest"], cleaned["highest"] = highest, lowest  # the span the teacher meant
        if cleaned.get("highest") == COLLEGE_GRADE:
            cleaned["highest"] = None  # "college" is every grade past school
        cleaned["sort"] = cleaned.get("sort") or "newest"
        return cleaned


class QuizExportForm(forms.Form):
    format = forms.ChoiceField(
        choices=[(key, export.label) for key, export in EXPORT_FORMATS.items()],
        label="Format",
    )
