"""CSV copies that a spreadsheet opens safely: every text cell a spreadsheet would run as a formula is
written with a leading `'` (the Parquet tables keep the raw value)."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pandas as pd

from .atomic import stage_file


# A cell a spreadsheet reads as a formula (or as the start of one, after a tab or a carriage
# return): the first characters OWASP's guidance on CSV injection names.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = re.compile(r"^[=+\-@\t\r]")


def neutralise_formulas(table):
    """The table with every text cell that starts like a formula (`FORMULA_START`) prefixed with a
    single quote, so a spreadsheet shows it as text instead of running it. Other cells are
    unchanged: numbers stay numbers (-0.5 in a numeric column is not touched). Takes a DataFrame or
    an Arrow table and returns the same kind; the caller's table is not changed. The Parquet tables
    keep the raw values: only CSV copies are neutralised."""
    if isinstance(table, pd.DataFrame):
        columns = {name: _neutralise_series(table[name]) for name in table.columns
                   if _is_text_dtype(table[name].dtype)}
        if not columns:
            return table
        safe = table.copy()
        for name, column in columns.items():
            safe[name] = column
        return safe
    import pyarrow as pa

    columns = [_neutralise_column(column) for column in table.columns]
    return pa.Table.from_arrays(columns, schema=pa.schema(
        [field.with_type(column.type) for field, column in zip(table.schema, columns)]))


def _is_text_dtype(dtype) -> bool:
    return dtype == object or isinstance(dtype, (pd.StringDtype, pd.CategoricalDtype)) \
        or str(dtype).startswith("str")


def _neutralise_series(column: pd.Series) -> pd.Series:
    if isinstance(column.dtype, pd.CategoricalDtype):
        column = column.astype(object)
    return column.map(lambda cell: "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_START)
                      else cell, na_action="ignore")


def _neutralise_column(column):
    import pyarrow as pa
    import pyarrow.compute as pc

    kind = column.type
    if pa.types.is_dictionary(kind):
        column = column.cast(kind.value_type)
        kind = column.type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        return column
    risky = pc.fill_null(pc.match_substring_regex(column, _FORMULA.pattern), False)
    if not pc.any(risky).as_py():
        return column
    # Only the risky cells are quoted and put back in place (quoting every cell and choosing
    # between the two columns copies the whole column twice).
    if isinstance(column, pa.ChunkedArray):  # (replace_with_mask takes one array)
        column, risky = column.combine_chunks(), risky.combine_chunks()
    quoted = pc.binary_join_element_wise(pa.scalar("'", kind), column.filter(risky), pa.scalar("", kind))
    return pc.replace_with_mask(column, risky, quoted)


def save_csv(table: pd.DataFrame, path: Path) -> Path:
    """Write a DataFrame as CSV to `path` atomically (temporary name, then rename), text cells made
    safe for spreadsheets (`neutralise_formulas`); the folder is created when missing. Every CSV
    framing writes outside the build tables goes through here. Returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    safe = neutralise_formulas(table)
    temp, final = stage_file(path, lambda p: safe.to_csv(p, index=False))
    os.replace(temp, final)
    return final
