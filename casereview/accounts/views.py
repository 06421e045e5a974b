"""Staff sign-in, sign-out, password reset, two-factor and the staff home page.

Views stay thin: throttling lives in ``throttle``, code checks in ``twofactor``, the gate in
front of staff pages in ``access`` and what a member may see in ``scoping``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login

from casereview.accounts import throttle, twofactor
from casereview.accounts.access import (
    is_two_factor_verified,
    needs_two_factor,
    safe_next,
    staff_member_required,
    two_factor_redirect,
    with_next,
)
from casereview.accounts.forms import (
    RESET_LOCKED,
    SIGN_IN_CLIENT_LOCKED,
    SIGN_IN_LOCKED,
    CodeForm,
    NewPasswordForm,
    ResetRequestForm,
    SignInForm,
    VerifyForm,
)
from casereview.accounts.models import Membership, User
from casereview.areas.models import Area

BACKUP_CODES_SESSION_KEY = "accounts_new_backup_codes"


def area_page_url(area: Area) -> str | None:
    """The area's public page, if the public pages are installed."""
    try:
        return reverse("areas:area", kwargs={"slug": area.slug})
    except NoReverseMatch:
        return None


@staff_member_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = (
        Membership.objects.filter(user=_signed_in_user(request))
        .select_related("area", "agency")
        .order_by("area__name", "role")
    )
    rows = [
        {"membership": m, "area_url": area_page_url(m.area), "role": m.get_role_display()}
        for m in memberships
    ]
    return TemplateResponse(request, "accounts/home.html", {"rows": rows})


def _signed_in_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # callers have checked is_authenticated
    return user


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated and not needs_two_factor(request):
        return HttpResponseRedirect(next_url)
    form = SignInForm(request, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        assert isinstance(form.user, User)
        auth_login(request, form.user)
        if needs_two_factor(request):
            return two_factor_redirect(request, next_url)
        return HttpResponseRedirect(next_url)
    return TemplateResponse(request, "accounts/sign_in.html", {"form": form})


class SignOutView(auth_views.LogoutView):
    """POST only (Django's LogoutView refuses GET), so a link or an image cannot sign anyone out."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("You have signed out."))
        return response


class PasswordResetView(auth_views.PasswordResetView):
    form_class = ResetRequestForm
    template_name = "accounts/password_reset.html"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    email_template_name = "accounts/email/password_reset.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form: Form) -> HttpResponse:
        if not throttle.allow_reset_request(self.request):
            form.add_error("email", RESET_LOCKED)
            return self.form_invalid(form)
        if not throttle.allow_reset_email(form.cleaned_data["email"]):
            # Enough links have gone to this address lately: send nothing more, and answer
            # exactly as for any other address, so the limit tells nobody anything.
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password-reset-done")

    def form_valid(self, form: Form) -> HttpResponse:
        response = super().form_valid(form)
        # Someone who has just proved they own the address should not stay locked out.
        throttle.clear_failures(self.user.get_username())
        return response


class PasswordResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"


def _finish_two_factor(request: HttpRequest, device: Any) -> None:
    otp_login(request, device)
    # A new session key at each step up in privilege, as Django does at password sign-in.
    request.session.cycle_key()


@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Scan a QR code (or type the key), then confirm with the first code from the app."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = _signed_in_user(request)
    next_url = safe_next(request)
    if twofactor.confirmed_app(user) is not None:
        # Adding a second app must not be a way round the first one: only someone already
        # verified with it gets past here, and they have nothing to set up.
        if is_two_factor_verified(request):
            messages.info(request, _("Your authenticator app is already set up."))
            return HttpResponseRedirect(next_url)
        return HttpResponseRedirect(with_next("accounts:two-factor-verify", next_url))

    device = twofactor.pending_app(user)
    form = CodeForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        result = twofactor.confirm_app(device, form.cleaned_data["code"])
        if result.outcome is twofactor.Outcome.ACCEPTED:
            _finish_two_factor(request, result.device)
            request.session[BACKUP_CODES_SESSION_KEY] = twofactor.issue_backup_codes(user)
            return HttpResponseRedirect(with_next("accounts:two-factor-backup-codes", next_url))
        form.add_error("code", _code_error(result.outcome))
    return TemplateResponse(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_code": twofactor.qr_code_svg(device),
            "manual_key": twofactor.manual_key(device),
        },
    )


def _code_error(outcome: twofactor.Outcome) -> str:
    if outcome is twofactor.Outcome.THROTTLED:
        return _("You have entered too many wrong codes. Wait a minute, then enter a new code.")
    return _("The code is not correct. Enter the newest code shown in your app.")


@never_cache
def two_factor_backup_codes(request: HttpRequest) -> HttpResponse:
    """Show the new backup codes once; the session forgets them as the page is rendered."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_two_factor_verified(request):
        return two_factor_redirect(request, safe_next(request))
    codes = request.session.pop(BACKUP_CODES_SESSION_KEY, None)
    return TemplateResponse(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes or [], "next_url": safe_next(request)},
    )


@sensitive_post_parameters("code")
@never_cache
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """After the password: a code from the app, or a backup code."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    user = _signed_in_user(request)
    next_url = safe_next(request)
    if is_two_factor_verified(request):
        return HttpResponseRedirect(next_url)
    if twofactor.confirmed_app(user) is None:
        return redirect(with_next("accounts:two-factor-setup", next_url))

    form = VerifyForm(data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # The password step's lock covers the code step too: a wrong code counts as a failed
        # sign-in of the address, so a stolen password buys no more guesses here than there.
        if throttle.is_client_locked(request):
            form.add_error("code", SIGN_IN_CLIENT_LOCKED)
        elif throttle.is_locked(user.email):
            form.add_error("code", SIGN_IN_LOCKED)
        else:
            result = twofactor.verify(user, form.cleaned_data["code"])
            if result.outcome is twofactor.Outcome.ACCEPTED:
                throttle.clear_failures(user.email)
                _finish_two_factor(request, result.device)
                return HttpResponseRedirect(next_url)
            if result.outcome is twofactor.Outcome.WRONG:
                throttle.record_failure(user.email, request)
            form.add_error("code", _code_error(result.outcome))
    return TemplateResponse(request, "accounts/two_factor_verify.html", {"form": form})
