"""GOV.UK Frontend components rendered once per distinct set of parameters.

A GOV.UK macro's markup is a function of its parameters alone: no request, no database, no time
(the macros here call nothing but each other). Yet every staff page renders the same service
navigation, phase banner and skip link, and the dashboard the same filter fields, through
macros that cost tens to hundreds of microseconds each: over a tenth of a staff page's CPU
(bench/fixes/b4.toml, session 12). ``render_component`` keeps each macro's answer by its
parameters, frozen into a key that tells apart everything the macro could tell apart (text from
markup, ``True`` from ``1``), and by the active language (for a macro that translates). A
parameter that cannot be frozen (an object of another kind) renders without keeping anything.

The kept answers are bounded (``LIMIT``, emptied when full) and hold only what the macros wrote,
which is what any visitor given the same parameters sees: personal values (a name in a form
field, say) are part of the key, never served for another key.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import Any

from django.utils import translation
from django.utils.functional import Promise
from jinja2 import Environment, pass_environment
from markupsafe import Markup

LIMIT = 2_000

_KEPT: dict[Hashable, Markup] = {}


class _Unfrozen(Exception):
    """A parameter of a kind that is not kept by value."""


def freeze(value: Any) -> Hashable:
    """``value`` as a hashable key that is equal only for values a macro renders alike."""
    if value is None or isinstance(value, bool):
        return value
    if hasattr(value, "__html__"):  # Markup, Django's SafeString: written as they are
        return ("markup", str(value.__html__()))
    if isinstance(value, str):
        return value  # plain text: escaped when written
    if isinstance(value, int | float):
        return (type(value).__name__, value)
    if isinstance(value, Promise):  # a lazy translation: its text in the active language
        return str(value)
    if isinstance(value, Mapping):
        return ("dict", tuple((key, freeze(item)) for key, item in value.items()))
    if isinstance(value, list | tuple):
        return ("list", tuple(freeze(item) for item in value))
    raise _Unfrozen(type(value).__name__)


def render_component(env: Environment, template: str, macro: str, params: Any) -> Markup:
    """The markup of ``macro`` in ``template`` for ``params``, rendered once per distinct
    parameters and language and kept (see the module's docstring)."""
    try:
        key: Hashable = (template, macro, translation.get_language(), freeze(params))
    except _Unfrozen:
        key = None
    if key is not None:
        found = _KEPT.get(key)
        if found is not None:
            return found
    rendered = Markup(getattr(env.get_template(template).module, macro)(params))
    if key is not None:
        if len(_KEPT) >= LIMIT:
            _KEPT.clear()
        _KEPT[key] = rendered
    return rendered


@pass_environment
def component(env: Environment, template: str, macro: str, params: Any) -> Markup:
    """``{{ component("govuk_frontend_jinja/components/tag/macro.html", "govukTag", {...}) }}``:
    the macro's markup, kept by its parameters (``render_component``)."""
    return render_component(env, template, macro, params)
