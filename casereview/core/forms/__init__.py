"""Design-system forms: fields that render as GOV.UK components, and the error summary.

Import from here::

    from casereview.core.forms import DesignSystemForm, EmailField, DateField
"""

from casereview.core.forms.dates import DateField, DateInputWidget
from casereview.core.forms.fields import (
    BooleanField,
    CharField,
    ChoiceField,
    DesignSystemField,
    EmailField,
    IntegerField,
    MultipleChoiceField,
    PasswordField,
    SelectField,
    TextareaField,
)
from casereview.core.forms.mixins import (
    DesignSystemForm,
    DesignSystemFormMixin,
    DesignSystemModelForm,
)

__all__ = [
    "BooleanField",
    "CharField",
    "ChoiceField",
    "DateField",
    "DateInputWidget",
    "DesignSystemField",
    "DesignSystemForm",
    "DesignSystemFormMixin",
    "DesignSystemModelForm",
    "EmailField",
    "IntegerField",
    "MultipleChoiceField",
    "PasswordField",
    "SelectField",
    "TextareaField",
]
