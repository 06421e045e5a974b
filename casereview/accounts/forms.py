"""Forms for signing in, resetting a password and two-factor codes.

Every field is a design-system field from ``casereview.core.forms`` so it renders as a GOV.UK
Frontend component; Django's own password-reset forms are reused for their logic and given
design-system fields here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.mail import EmailMultiAlternatives
from django.http import HttpRequest
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from casereview.accounts import throttle
from casereview.core.forms import (
    CharField,
    DesignSystemForm,
    DesignSystemFormMixin,
    EmailField,
    PasswordField,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

EMAIL_MESSAGES = {
    "required": _("Enter your e-mail address"),
    "invalid": _("Enter an e-mail address in the correct format, like name@example.com"),
}
SIGN_IN_FAILED = _("Enter a correct e-mail address and password")
SIGN_IN_LOCKED = _(
    "You have tried to sign in with this e-mail address too many times. "
    "Wait 15 minutes, then try again."
)
SIGN_IN_CLIENT_LOCKED = _(
    "There have been too many failed sign-ins from your network. Wait 15 minutes, then try again."
)
RESET_LOCKED = _("You have asked for too many password reset links. Wait an hour, then try again.")


class SignInForm(DesignSystemForm):
    """E-mail and password. Every failure gets the same message, whatever went wrong, so the
    form never tells anyone whether an address has an account."""

    email = EmailField(label=_("E-mail address"), max_length=254, error_messages=EMAIL_MESSAGES)
    password = PasswordField(
        label=_("Password"),
        error_messages={"required": _("Enter your password")},
        autocomplete="current-password",
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        self.user: AbstractBaseUser | None = None
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean() or {}
        email = cleaned.get("email")
        password = cleaned.get("password")
        if not email or not password:
            return cleaned
        address = throttle.normalise_email(email)
        if throttle.is_client_locked(self.request):
            raise ValidationError(SIGN_IN_CLIENT_LOCKED, code="client_locked")
        if throttle.is_locked(address):
            raise ValidationError(SIGN_IN_LOCKED, code="locked")
        user = authenticate(self.request, email=address, password=password)
        if user is None:
            throttle.record_failure(address, self.request)
            raise ValidationError(SIGN_IN_FAILED, code="invalid_login")
        throttle.clear_failures(address)
        self.user = user
        return cleaned


class ResetRequestForm(DesignSystemFormMixin, PasswordResetForm):
    """Ask for a reset link. Django's form already sends nothing (silently) for an unknown
    address; the view then shows the same page either way."""

    email = EmailField(label=_("E-mail address"), max_length=254, error_messages=EMAIL_MESSAGES)

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        # The link is built from SITE_URL, never from the request's Host header, so a forged
        # header cannot send someone a reset link pointing at another site.
        path = reverse(
            "accounts:password-reset-confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        context = {
            **context,
            "reset_url": settings.SITE_URL.rstrip("/") + path,
            "service_name": settings.SERVICE_NAME,
            "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        # Unlike Django's form, a failure to send is not swallowed: the person would otherwise
        # wait for a message that never comes, and operations need to see the error.
        EmailMultiAlternatives(subject, body, from_email, [to_email]).send()


class NewPasswordForm(DesignSystemFormMixin, SetPasswordForm):
    """Choose a new password after following a reset link."""

    new_password1 = PasswordField(
        label=_("New password"),
        hint=_("Use at least 12 characters. Do not use a common password."),
        error_messages={"required": _("Enter a new password")},
        autocomplete="new-password",
    )
    new_password2 = PasswordField(
        label=_("Confirm new password"),
        error_messages={"required": _("Enter the new password again")},
        autocomplete="new-password",
    )
    error_messages = {"password_mismatch": _("The two passwords do not match")}

    def clean_new_password1(self) -> str:
        password: str = self.cleaned_data["new_password1"]
        password_validation.validate_password(password, self.user)
        return password

    def clean(self) -> dict[str, Any]:
        # Validated on the first box (above) so the error sits where the password was typed;
        # Django's form would validate it again on the second box.
        self.validate_passwords("new_password1", "new_password2")
        return self.cleaned_data


def normalise_code(raw: str) -> str:
    """Codes are often typed with spaces or dashes (and backup codes in capitals)."""
    return re.sub(r"[\s-]", "", raw).lower()


def code_field(*, hint: StrOrPromise, required_message: StrOrPromise, numeric: bool) -> CharField:
    """The one-time code box shared by two-factor set-up and sign-in."""
    return CharField(
        label=_("Code from your authenticator app"),
        hint=hint,
        max_length=20,
        error_messages={"required": required_message},
        autocomplete="one-time-code",
        inputmode="numeric" if numeric else None,
        spellcheck=False,
        classes="govuk-input--width-10",
    )


class CodeForm(DesignSystemForm):
    """A 6-digit code from an authenticator app."""

    code = code_field(
        hint=_("The 6-digit code shown in the app, for example 123456"),
        required_message=_("Enter the 6-digit code from your authenticator app"),
        numeric=True,
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise ValidationError(
                _("Enter the 6-digit code from your authenticator app"), code="format"
            )
        return code


class VerifyForm(DesignSystemForm):
    """A code from the authenticator app, or one of the backup codes."""

    code = code_field(
        hint=_("The 6-digit code shown in the app, or one of your backup codes"),
        required_message=_("Enter the code from your authenticator app"),
        numeric=False,
    )

    def clean_code(self) -> str:
        code = normalise_code(self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}|[a-z2-7]{8}", code):
            raise ValidationError(
                _("Enter the 6-digit code from your app, or an 8-character backup code"),
                code="format",
            )
        return code
