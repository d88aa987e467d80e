"""CSV files the app writes for spreadsheet programs.

Text that people typed (a student's name or username, a question's stem or choices) goes
into these files. A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage
return as a formula, so such text cells get a leading apostrophe, as OWASP recommends for CSV
injection: the spreadsheet then shows the text as it was typed and runs nothing.
"""

import csv
from collections.abc import Iterable
from typing import Any, Protocol

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Writable(Protocol):
    def write(self, text: str, /) -> Any: ...


def csv_text_cell(text: str) -> str:
    """The text as a spreadsheet will show it and never run it."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class CsvWriter:
    """csv.writer with every text cell neutralised. Numbers the app computes (scores,
    minutes, facility as a Decimal) are passed as numbers and written as they are, so a
    negative discrimination stays a number the spreadsheet can sort and chart."""

    def __init__(self, stream: _Writable) -> None:
        self._writer = csv.writer(stream)

    def writerow(self, cells: Iterable[object]) -> None:
        self._writer.writerow(csv_text_cell(c) if isinstance(c, str) else c for c in cells)
