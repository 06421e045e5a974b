"""The one Jinja2 environment for every page, letter and e-mail of the service.

Django's Jinja2 backend calls :func:`environment` with its options (the loader for each app's
``jinja2/`` folder, ``autoescape`` and ``auto_reload``). We add:

- a loader for the GOV.UK Frontend macros shipped by ``govuk-frontend-jinja``, which import each
  other as ``govuk_frontend_jinja/components/...``;
- ``ChainableUndefined``, because those macros read nested optional parameters
  (``params.label.text``) that a plain ``Undefined`` would turn into errors;
- Django's translations through the i18n extension (``{{ _("...") }}`` and ``{% trans %}``);
- the globals and filters the layouts and pages use, including the design-system form
  rendering (``form_field`` and ``error_summary``, see ``casereview.core.forms``).
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import KeysView, MutableMapping
from typing import Any

from django.core.signals import setting_changed
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from jinja2 import (
    BaseLoader,
    ChainableUndefined,
    ChoiceLoader,
    Environment,
    PackageLoader,
    PrefixLoader,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from casereview.core import formatting
from casereview.core.components import component
from casereview.core.forms.rendering import error_summary, form_field
from casereview.core.language import language_options
from casereview.core.navigation import staff_sections

GOVUK_FRONTEND_PREFIX = "govuk_frontend_jinja"


def url(name: str, *args: Any, **kwargs: Any) -> str:
    """``{{ url("areas:directory") }}`` or ``{{ url("areas:area", gss_code) }}``."""
    return reverse(name, args=args or None, kwargs=kwargs or None)


def optional_url(name: str, *args: Any, **kwargs: Any) -> str | None:
    """The address of a page that may not exist in this deployment (footer links), or None."""
    try:
        return url(name, *args, **kwargs)
    except NoReverseMatch:
        return None


def _loader(app_loader: BaseLoader | None) -> BaseLoader:
    govuk = PrefixLoader({GOVUK_FRONTEND_PREFIX: PackageLoader("govuk_frontend_jinja")})
    return ChoiceLoader([app_loader, govuk]) if app_loader is not None else govuk


class TemplateGlobals(ChainMap[str, Any]):
    """A template's globals over the environment's, as Jinja2 makes them, with a fast ``keys()``.

    Every ``{% from "..." import macro %}`` asks Jinja2 for the imported template's module, and
    Jinja2 first works out which globals of the importing template the imported one lacks
    (``context.globals_keys - template.globals.keys()``) to decide whether its cached module
    will do. With a ``ChainMap`` that difference tests each of the ~20 globals through Python
    code (``KeysView.__contains__`` then ``ChainMap.__contains__``): about 20 µs a time, and a
    staff page imports GOV.UK macros some 70 times while it renders (the macros import each
    other), over a millisecond a page. The keys of one merged dictionary give the same answer
    with one C-level set operation. The answer is the same (every template here has the
    environment's globals and no others, so the difference is empty and the module is built
    once per process, as before); only its cost changes.
    """

    def keys(self) -> KeysView[str]:
        merged: dict[str, Any] = {}
        for mapping in reversed(self.maps):
            merged.update(mapping)
        return merged.keys()


# The templates' translations of their own messages, by language and message: a page asks for
# some 150 of them on every render (``{{ _("...") }}``), and each went through Jinja's gettext
# wrapper, Django's (the active language's catalogue and its fallbacks, looked up from
# context-local state) and markupsafe, about a tenth of a staff page's CPU. The answer for a
# language and a message is the same for the life of the process: only a settings change in
# tests (signal below) can change the catalogues, and it empties this. Bounded, in case a
# template translates text that is not its own literal.
_TRANSLATED: dict[tuple[str | None, str], Markup] = {}
_TRANSLATED_LIMIT = 20_000


def _forget_translations(*, setting: str, **_kwargs: Any) -> None:
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        _TRANSLATED.clear()


setting_changed.connect(_forget_translations, dispatch_uid="casereview.jinja2.translations")


@pass_context
def template_gettext(context: Context, message: str, /, **variables: Any) -> str:
    """``{{ _("...") }}`` and ``{% trans %}``: what Jinja's "newstyle" gettext over Django's
    gives (the message in the active language, marked safe with autoescaping on and its
    ``%(name)s`` variables escaped into it; always formatted, so a literal % is written %%),
    with each language's translation of a message looked up once per process."""
    key = (translation.get_language(), message)
    found = _TRANSLATED.get(key)
    if found is None:
        if len(_TRANSLATED) >= _TRANSLATED_LIMIT:
            _TRANSLATED.clear()
        found = _TRANSLATED[key] = Markup(translation.gettext(message))
    if not context.eval_ctx.autoescape:
        return str(found) % variables
    return found % variables


class CaseReviewEnvironment(Environment):
    """Jinja2's environment, with the template globals of :class:`TemplateGlobals`."""

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        return TemplateGlobals({} if d is None else d, self.globals)


def environment(**options: Any) -> Environment:
    options["loader"] = _loader(options.get("loader"))
    options["undefined"] = ChainableUndefined
    # Every template is HTML or a plain-text e-mail made of escaped values: escaping is never off.
    options.pop("autoescape", None)
    extensions = list(options.pop("extensions", []))
    if "jinja2.ext.i18n" not in extensions:
        extensions.append("jinja2.ext.i18n")
    env = CaseReviewEnvironment(extensions=extensions, autoescape=True, **options)

    # "newstyle" gettext escapes the values interpolated into a message and marks the translated
    # text itself as safe, so translations never need |safe and variables are never unescaped.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext,
        translation.ngettext,
        newstyle=True,
        pgettext=translation.pgettext,
        npgettext=translation.npgettext,
    )
    # The same gettext, remembering each translation (``template_gettext``); ``_`` calls it
    # directly rather than through the extension's alias, which looks ``gettext`` up each time.
    env.globals.update({"gettext": template_gettext, "_": template_gettext})

    env.globals.update(
        {
            "static": static,
            "url": url,
            "optional_url": optional_url,
            "staff_sections": staff_sections,
            "get_language": translation.get_language,
            "get_language_bidi": translation.get_language_bidi,
            "language_options": language_options,
            "form_field": form_field,
            "component": component,
            "error_summary": error_summary,
        }
    )
    env.filters.update(
        {
            "govuk_date": formatting.govuk_date,
            "govuk_time": formatting.govuk_time,
            "govuk_datetime": formatting.govuk_datetime,
        }
    )
    return env
