"""The output contract of `quotectl extract --format jsonl` (README, "Output contract") as Spark types.

Every record quotectl writes is checked against `QUOTE` field by field, keys in order, so a
change of the contract stops the job with the path of the field that moved instead of
writing a table that silently lacks it:

>>> to_row(SPAN, {"start": 3, "end": 9, "text": "selon"})
(3, 9, 'selon')
>>> to_row(SPAN, {"start": 3, "text": "selon"})
Traceback (most recent call last):
...
quotectl_spark.contract.ContractError: keys are start, text; the contract says start, end, text
"""
from pyspark.sql.types import (ArrayType, BooleanType, DataType, DoubleType, LongType, StringType, StructField,
                               StructType)


def _struct(*fields: tuple[str, DataType, bool]) -> StructType:
    return StructType([StructField(name, kind, nullable) for name, kind, nullable in fields])


_STRINGS = ArrayType(StringType(), containsNull=False)

#: `evidence.speaker` and `evidence.cue`: offsets in the original text, in Unicode scalars.
SPAN = _struct(("start", LongType(), False), ("end", LongType(), False), ("text", StringType(), False))

#: `translation.evidence`: the words of the article that say how the quote was translated.
TRANSLATION_EVIDENCE = _struct(("text", StringType(), False), ("start", LongType(), False), ("end", LongType(), False))

TRANSLATION = _struct(
    ("original", StringType(), True),
    ("original_source", StringType(), True),
    ("via", _STRINGS, False),
    ("quoted_in", StringType(), False),
    ("verbatim", BooleanType(), True),
    ("evidence", TRANSLATION_EVIDENCE, True),
    ("note", StringType(), False),
    ("speaker_names", _STRINGS, False),
)

EVIDENCE = _struct(("speaker", SPAN, True), ("cue", SPAN, True), ("relay", SPAN, True))

#: One quote: the keys of the contract, in its order.
QUOTE = _struct(
    ("doc", StringType(), False),
    ("index", LongType(), False),
    ("start", LongType(), False),
    ("end", LongType(), False),
    ("text", StringType(), False),
    ("kind", StringType(), False),
    ("enclosed_by", LongType(), True),
    ("speaker", StringType(), True),
    ("speaker_id", StringType(), True),
    ("confidence", DoubleType(), True),
    ("rule", StringType(), True),
    ("cue", StringType(), True),
    ("translation", TRANSLATION, True),
    ("flags", _STRINGS, False),
    ("evidence", EVIDENCE, True),
)

#: A document that could not be processed: where (id, `file:line`, path) and why.
ERROR = _struct(("doc", StringType(), False), ("error", StringType(), False))


class ContractError(ValueError):
    """A record that does not have the shape of the contract; the message names the field."""


def to_row(schema: StructType, record: dict, path: str = "") -> tuple:
    """The values of `record` in the order of `schema`, checked: the same keys in the same
    order, each value of its field's type (an int is no bool, a float may be written `1`)."""
    names = [field.name for field in schema.fields]
    if list(record) != names:
        where = f"{path}: " if path else ""
        raise ContractError(f"{where}keys are {', '.join(record)}; the contract says {', '.join(names)}")
    return tuple(_value(field.dataType, field.nullable, record[field.name], f"{path}.{field.name}" if path else field.name)
                 for field in schema.fields)


def _value(kind: DataType, nullable: bool, value, path: str):
    if value is None:
        if nullable:
            return None
        raise ContractError(f"{path}: null where the contract wants a value")
    if isinstance(kind, StructType):
        if not isinstance(value, dict):
            raise ContractError(f"{path}: expected an object, got {value!r}")
        return to_row(kind, value, path)
    if isinstance(kind, ArrayType):
        if not isinstance(value, list):
            raise ContractError(f"{path}: expected an array, got {value!r}")
        return [_value(kind.elementType, kind.containsNull, item, f"{path}[{i}]") for i, item in enumerate(value)]
    if isinstance(kind, StringType) and isinstance(value, str):
        return value
    if isinstance(kind, LongType) and isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(kind, DoubleType) and isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(kind, BooleanType) and isinstance(value, bool):
        return value
    raise ContractError(f"{path}: expected {kind.simpleString()}, got {value!r}")
