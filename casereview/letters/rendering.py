"""Letters as files: one HTML rendering of a letter becomes a PDF (WeasyPrint) and a Word document
(python-docx) that a council can edit.

Letter templates write plain, semantic HTML (headings, paragraphs, lists, tables, addresses, with
bold, italic and links inside); both files are made from that one rendering, so the PDF and the Word
version always say the same thing.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from docx.text.paragraph import Paragraph

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

LETTER_CSS = Path(__file__).with_name("letter.css")

BLOCKS = {"h1", "h2", "h3", "h4", "p", "li", "address", "th", "td"}
LISTS = {"ul", "ol"}
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}


# One font configuration and one parsed letter stylesheet per thread, made on first use.
_pdf_resources = threading.local()


def _fonts_and_styles() -> tuple[FontConfiguration, CSS]:
    """This thread's font configuration and letter stylesheet.

    Left to itself WeasyPrint makes a new font configuration for every document: it loads the
    Fontconfig configuration and every system font again, and starts a new Pango font map whose
    font and glyph caches begin empty. That was over half of the time of a letter. Kept, the
    letters of a worker share them; what they hold is about fonts (no text of any letter), and
    the PDF made is byte for byte the same. One per thread, since a Pango font map must not be
    used by two threads at once."""
    found: tuple[FontConfiguration, CSS] | None = getattr(_pdf_resources, "found", None)
    if found is None:
        # Imported here: WeasyPrint loads Pango at import, which only letter rendering needs.
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        fonts = FontConfiguration()
        found = (fonts, CSS(filename=str(LETTER_CSS), font_config=fonts))
        _pdf_resources.found = found
    return found


def html_to_pdf(html: str, *, base_url: str | None = None) -> bytes:
    """The letter as a PDF, with the letter print styles."""
    from weasyprint import HTML

    fonts, styles = _fonts_and_styles()
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf(
        stylesheets=[styles], font_config=fonts
    )
    return pdf


@dataclass
class _Run:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class _Block:
    tag: str
    runs: list[_Run] = field(default_factory=list)
    list_kind: str | None = None


@dataclass
class _Table:
    rows: list[list[_Block]] = field(default_factory=list)


class _LetterParser(HTMLParser):
    """Turns the letter's HTML into blocks (paragraphs, headings, list items) and tables.

    Anything outside the supported elements contributes its text to the enclosing block, so no words
    of a letter are ever dropped.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[_Block | _Table] = []
        self._block: _Block | None = None
        self._lists: list[str] = []
        self._table: _Table | None = None
        self._bold = 0
        self._italic = 0
        self._link: str | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "head", "title"}:
            self._skip += 1
        elif tag in LISTS:
            self._close_block()
            self._lists.append(tag)
        elif tag == "table":
            self._close_block()
            self._table = _Table()
        elif tag == "tr" and self._table is not None:
            self._table.rows.append([])
        elif tag in BLOCKS:
            self._close_block()
            self._block = _Block(
                tag, list_kind=self._lists[-1] if tag == "li" and self._lists else None
            )
        elif tag in {"strong", "b"}:
            self._bold += 1
        elif tag in {"em", "i"}:
            self._italic += 1
        elif tag == "a":
            self._link = dict(attrs).get("href")
        elif tag == "br":
            self._text("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "head", "title"}:
            self._skip = max(0, self._skip - 1)
        elif tag in LISTS:
            self._close_block()
            if self._lists:
                self._lists.pop()
        elif tag == "table":
            self._close_block()
            if self._table is not None:
                self.items.append(self._table)
            self._table = None
        elif tag in BLOCKS:
            self._close_block()
        elif tag in {"strong", "b"}:
            self._bold = max(0, self._bold - 1)
        elif tag in {"em", "i"}:
            self._italic = max(0, self._italic - 1)
        elif tag == "a":
            link, self._link = self._link, None
            # A printed letter cannot be clicked: show where a link goes unless the text says it.
            if link and not link.startswith("#") and self._block is not None:
                shown = "".join(run.text for run in self._block.runs)
                target = link.removeprefix("mailto:").removeprefix("tel:")
                if target not in shown:
                    self._text(f" ({target})")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._block is None:
            if not data.strip():
                return
            self._block = _Block("p")
        self._text(data)

    def _text(self, text: str) -> None:
        if self._block is None:
            self._block = _Block("p")
        self._block.runs.append(_Run(text, bold=self._bold > 0, italic=self._italic > 0))

    def _close_block(self) -> None:
        block, self._block = self._block, None
        if block is None or not "".join(run.text for run in block.runs).strip():
            return
        if self._table is not None and block.tag in {"th", "td"} and self._table.rows:
            self._table.rows[-1].append(block)
        else:
            self.items.append(block)

    def close(self) -> None:
        super().close()
        self._close_block()


def _normalise(runs: list[_Run]) -> list[_Run]:
    """Collapse the whitespace of HTML source as a browser would, keeping explicit line breaks."""
    out: list[_Run] = []
    for run in runs:
        if run.text == "\n":
            out.append(run)
            continue
        text = " ".join(run.text.split())
        if run.text[:1].isspace():
            text = " " + text
        if run.text[-1:].isspace() and text.strip():
            text += " "
        if text:
            out.append(_Run(text, run.bold, run.italic))
    # Trim the edges of the block and around line breaks.
    for i, run in enumerate(out):
        before = out[i - 1].text if i else "\n"
        after = out[i + 1].text if i + 1 < len(out) else "\n"
        if before == "\n":
            run.text = run.text.lstrip(" ")
        if after == "\n":
            run.text = run.text.rstrip(" ")
    return [run for run in out if run.text]


def _fill(paragraph: Paragraph, runs: list[_Run]) -> None:
    for run in _normalise(runs):
        if run.text == "\n":
            paragraph.add_run().add_break()
            continue
        piece = paragraph.add_run(run.text)
        piece.bold = run.bold or None
        piece.italic = run.italic or None


class _ParagraphStyles:
    """Adds paragraphs of a named style, each style's id looked up once per document.

    Given a style by name, python-docx finds its id with a search over every style of the
    document, and then searches them again for the default style, for every paragraph: a
    quarter of the time of a letter. The id it finds is all it writes into the paragraph, so
    writing the id found once gives the same document."""

    def __init__(self, document: DocxDocument) -> None:
        self._document = document
        self._ids: dict[str, str | None] = {}

    def add(self, name: str | None = None) -> Paragraph:
        paragraph = self._document.add_paragraph()
        if name is not None:
            if name not in self._ids:
                self._ids[name] = self._document.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)
            # What ``Paragraph.style = name`` writes, without looking the name up again.
            paragraph._p.style = self._ids[name]
        return paragraph


def html_to_docx(html: str) -> bytes:
    """The letter as an editable Word document with Word's own heading, list and table styles."""
    parser = _LetterParser()
    parser.feed(html)
    parser.close()

    document: DocxDocument = Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    styles = _ParagraphStyles(document)

    for item in parser.items:
        if isinstance(item, _Table):
            width = max((len(row) for row in item.rows), default=0)
            if not width:
                continue
            table = document.add_table(rows=0, cols=width)
            table.style = "Table Grid"
            for row in item.rows:
                cells = table.add_row().cells
                for cell, block in zip(cells, row, strict=False):
                    paragraph = cell.paragraphs[0]
                    _fill(paragraph, block.runs)
                    if block.tag == "th":
                        for run in paragraph.runs:
                            run.bold = True
            continue
        if item.tag in HEADING_LEVELS:
            # As ``document.add_heading(level=n)`` names the style.
            paragraph = styles.add(f"Heading {HEADING_LEVELS[item.tag]}")
        elif item.tag == "li":
            paragraph = styles.add("List Number" if item.list_kind == "ol" else "List Bullet")
        else:
            paragraph = styles.add()
        _fill(paragraph, item.runs)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
