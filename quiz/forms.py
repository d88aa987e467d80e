"""Forms: the shape and validation of what people type. Rules live in services.py."""

from datetime import timedelta

from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.utils import timezone

from quiz.models import Assignment, SchoolClass


class SignupForm(UserCreationForm):
    join_code = forms.CharField(
        max_length=16,
        required=False,
        label="Class join code",
        help_text="From your teacher. You can also join a class later.",
    )

    class Meta(UserCreationForm.Meta):
        fields = ("username",)

    def clean_join_code(self) -> str:
        code = "".join(self.cleaned_data.get("join_code", "").split()).upper()
        if code and not SchoolClass.objects.filter(join_code=code).exists():
            raise forms.ValidationError("No class has that join code. Check it with your teacher.")
        return code


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
        coerce=int, label="Questions", widget=forms.CheckboxSelectMultiple
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
        self.fields["school_class"].queryset = SchoolClass.objects.taught_by(teacher)
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["opens_at"].initial = now
        self.fields["closes_at"].initial = now + timedelta(days=7)
        self.fields["attempts_allowed"].min_value = 1
        self.fields["attempts_allowed"].widget.attrs["min"] = 1
        self.fields["time_limit_minutes"].widget.attrs["min"] = 1

    def clean(self) -> dict:
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", "The closing time must be after the opening time.")
        return cleaned
