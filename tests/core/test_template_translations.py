"""The templates' gettext (``casereview.jinja2.template_gettext``) remembers each translation, and
gives what Jinja's newstyle gettext over Django's gave: the active language's text, marked safe,
with its variables escaped into it, in English and in Welsh, however the languages alternate."""

from __future__ import annotations

from django.template import engines
from django.utils import translation
from jinja2 import Environment

from casereview.jinja2 import _TRANSLATED

MESSAGE = "Back to cases"


def _env() -> Environment:
    env: Environment = engines["jinja2"].env  # type: ignore[attr-defined]
    return env


def _render(source: str, language: str, **values: object) -> str:
    with translation.override(language):
        return _env().from_string(source).render(**values)


def test_each_language_gets_its_own_translation_however_they_alternate() -> None:
    with translation.override("cy"):
        welsh = translation.gettext(MESSAGE)
    assert welsh != MESSAGE, "the Welsh catalogue translates the message"
    for _ in range(2):
        assert _render('{{ _("Back to cases") }}', "en") == MESSAGE
        assert _render('{{ _("Back to cases") }}', "cy") == welsh
        assert _render('{{ gettext("Back to cases") }}', "cy") == welsh
    # Remembered, once per language.
    assert _TRANSLATED[("en", MESSAGE)] == MESSAGE
    assert _TRANSLATED[("cy", MESSAGE)] == welsh


def test_variables_are_escaped_into_the_message_and_the_message_is_not() -> None:
    source = '{{ _("Case %(reference)s", reference=reference) }}'
    assert _render(source, "en", reference="<b>&") == "Case &lt;b&gt;&amp;"
    # Always formatted, as Jinja's newstyle gettext does: a literal % is written %%.
    assert _render('{{ _("100%% sure") }}', "en") == "100% sure"
    with translation.override("cy"):
        expected = translation.gettext("Case %(reference)s") % {"reference": "X-1"}
    assert _render(source, "cy", reference="X-1") == expected


def test_without_autoescaping_the_text_is_plain() -> None:
    source = '{% autoescape false %}{{ _("Case %(reference)s", reference=r) }}{% endautoescape %}'
    assert _render(source, "en", r="<b>") == "Case <b>"
