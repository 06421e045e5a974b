"""The forms a real page shows, read from its HTML: where each posts, and each field with the
choices it offers. The fuzz tests post to exactly these, so a field added to a form is fuzzed
without being listed anywhere."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

TEXT_TYPES = {"text", "email", "tel", "search", "number", "url", "password", None}


@dataclass
class Field:
    name: str
    # text, textarea, password, hidden, choice, or button (a named submit button, such as "Add
    # another complaint", whose page comes back changed rather than with errors)
    kind: str
    choices: list[str] = field(default_factory=list)


@dataclass
class Form:
    action: str
    fields: dict[str, Field] = field(default_factory=dict)

    def add(self, name: str, kind: str, choice: str | None = None) -> None:
        known = self.fields.setdefault(name, Field(name, kind))
        if choice is not None:
            known.choices.append(choice)


class _FormReader(HTMLParser):
    def __init__(self, page_path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.page_path = page_path
        self.forms: list[Form] = []
        self.current: Form | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "get").lower() == "post":
            self.current = Form(a.get("action") or self.page_path)
            self.forms.append(self.current)
            return
        if self.current is None or not a.get("name"):
            if tag == "option" and self.current is not None and self.select:
                self.current.add(self.select, "choice", a.get("value") or "")
            return
        name = str(a["name"])
        if tag == "input":
            kind = a.get("type")
            if kind in {"radio", "checkbox"}:
                self.current.add(name, "choice", a.get("value") or "on")
            elif kind == "hidden":
                self.current.add(name, "hidden", a.get("value") or "")
            elif kind in {"submit", "button"}:
                self.current.add(name, "button", a.get("value") or "")
            elif kind == "password":
                self.current.add(name, "password")
            elif kind in TEXT_TYPES:
                self.current.add(name, "text")
        elif tag == "textarea":
            self.current.add(name, "textarea")
        elif tag == "select":
            self.select = name
            self.current.add(name, "choice")
        elif tag == "button":
            self.current.add(name, "button", a.get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None


def forms_on(html: str, page_path: str) -> list[Form]:
    reader = _FormReader(page_path)
    reader.feed(html)
    return reader.forms
