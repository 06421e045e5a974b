"""Translatable strings in Jinja templates are found, even inside multi-line macro calls."""

from casereview.core.i18n import is_jinja_template, jinja_messages_as_python

TEMPLATE = """{% extends "layouts/public.html" %}
{{ govukButton({
  "text": _("Continue")
}) }}
{{ ngettext("%(num)d complaint", "%(num)d complaints", count) }}
{% trans %}Hello there{% endtrans %}
{{ _(computed) }}
"""


def test_each_message_is_written_as_a_call_on_its_own_line():
    python = jinja_messages_as_python(TEMPLATE).splitlines()

    assert python[2] == 'gettext("Continue")'
    assert python[4] == 'ngettext("%(num)d complaint", "%(num)d complaints", 1)'
    assert python[5] == 'gettext("Hello there")'


def test_a_computed_message_is_left_for_python_to_declare():
    assert "computed" not in jinja_messages_as_python(TEMPLATE)


def test_only_templates_in_jinja2_folders_take_the_jinja_path():
    assert is_jinja_template("./casereview/core/jinja2/layouts/base.html")
    assert not is_jinja_template("./casereview/accounts/templates/registration/subject.txt")
