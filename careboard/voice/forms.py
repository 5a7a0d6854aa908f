"""The public feedback form and the staff triage form."""

from __future__ import annotations

from typing import Any

from django import forms

from careboard.strategy.models import Priority
from careboard.voice.consultations import parse_questions
from careboard.voice.models import (
    About,
    AgeBand,
    CareCouncilVerdict,
    Consultation,
    Feedback,
    YouSaidWeDid,
)

MAX_TEXT = 2000


class FeedbackForm(forms.Form):
    about = forms.ChoiceField(
        choices=About.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what you want to tell us about"},
    )
    whats_good = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea)
    whats_not_good = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea)
    ideas = forms.CharField(required=False, max_length=MAX_TEXT, widget=forms.Textarea)
    age_band = forms.ChoiceField(
        choices=[("", "I'd rather not say"), *AgeBand.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    wants_contact = forms.ChoiceField(
        choices=[("no", "No, thank you"), ("yes", "Yes, please contact me")],
        widget=forms.RadioSelect,
        initial="no",
        error_messages={"required": "Say if you want someone to contact you"},
    )
    contact_name = forms.CharField(required=False, max_length=100)
    contact_how = forms.CharField(required=False, max_length=300)
    # Left empty by people; filled in by spam robots that complete every field.
    website = forms.CharField(required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        texts = [data.get(name, "").strip() for name in ("whats_good", "whats_not_good", "ideas")]
        if not any(texts):
            self.add_error(
                "whats_good", "Tell us at least one thing: what's good, what's not good, or an idea"
            )
        for name in ("whats_good", "whats_not_good", "ideas", "contact_name", "contact_how"):
            if "\x00" in data.get(name, ""):
                self.add_error(name, "Remove the hidden characters from your answer")
        if data.get("wants_contact") == "yes" and not data.get("contact_how", "").strip():
            self.add_error("contact_how", "Tell us how to contact you, or choose 'No, thank you'")
        return data

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class TriageForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Feedback
        fields = ["status", "theme", "priority", "sentiment", "staff_notes"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        priority = self.fields["priority"]
        assert isinstance(priority, forms.ModelChoiceField)
        priority.queryset = Priority.objects.select_related("plan").filter(plan__status="active")
        self.fields["priority"].required = False
        self.fields["sentiment"].required = False
        self.fields["theme"].required = False
        self.fields["staff_notes"].required = False
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


class ConsultationForm(forms.ModelForm):
    questions = forms.CharField(
        widget=forms.Textarea,
        help_text="One question a line: the question, then |, then the answers separated by ;",
    )

    class Meta:
        model = Consultation
        fields = ["title", "slug", "purpose", "opens_on", "closes_on"]
        widgets = {
            "opens_on": forms.DateInput(attrs={"type": "date"}),
            "closes_on": forms.DateInput(attrs={"type": "date"}),
        }

    def clean_questions(self) -> list[tuple[str, list[str]]]:
        try:
            return parse_questions(self.cleaned_data["questions"])
        except ValueError as problem:
            raise forms.ValidationError(str(problem)) from problem

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", "The closing date must be on or after the opening date")
        return data


def answers_form(consultation: Consultation, data: Any = None) -> forms.Form:
    """A form with one required multiple-choice field per question."""
    form = forms.Form(data)
    for question in consultation.questions.all():
        form.fields[f"q{question.pk}"] = forms.TypedChoiceField(
            label=question.text,
            coerce=int,
            widget=forms.RadioSelect,
            choices=list(enumerate(question.choices)),
            error_messages={"required": f"Choose an answer to: {question.text}"},
        )
    return form


class VerdictForm(forms.ModelForm):
    class Meta:
        model = CareCouncilVerdict
        fields = ["council", "heard_on", "priority", "action", "verdict", "what_they_said"]
        widgets = {"heard_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("priority") and not data.get("action"):
            self.add_error("priority", "Choose the priority or the action the verdict is about")
        return data


class YouSaidWeDidForm(forms.ModelForm):
    class Meta:
        model = YouSaidWeDid
        fields = ["priority", "action", "you_said", "we_did"]
