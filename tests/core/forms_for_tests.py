"""A form with one field of every kind, as a page of the service would declare it."""

from casereview.core import forms

COLOURS = [("red", "Red"), ("green", "Green")]
PETS = [("cat", "Cat"), ("dog", "Dog"), ("fish", "Fish")]


class EverythingForm(forms.DesignSystemForm):
    name = forms.CharField(
        label="Full name",
        hint="As it appears on letters",
        classes="govuk-input--width-20",
        autocomplete="name",
        required=False,
    )
    phone = forms.CharField(label="Phone number", input_type="tel", required=False)
    email = forms.EmailField(label="Email address", required=False)
    password = forms.PasswordField(label="Password", required=False)
    story = forms.TextareaField(label="What happened?", rows=8, required=False)
    count = forms.IntegerField(label="How many times?", required=False)
    colour = forms.ChoiceField(label="Colour", choices=COLOURS, inline=True, required=False)
    pets = forms.MultipleChoiceField(label="Pets", choices=PETS, required=False)
    agree = forms.BooleanField(label="I agree", required=False)
    happened = forms.DateField(label="When did it happen?", required=False)
