"""How schemathesis writes and reads NDJSON (one JSON value a line) for quotectl's API.

Loaded with SCHEMATHESIS_HOOKS=schemathesis_hooks (this folder on PYTHONPATH).
"""
import json

import schemathesis


@schemathesis.serializer("application/x-ndjson")
def ndjson_body(ctx, value):
    """A list becomes one JSON value a line; a string is sent as it is; anything else as one line."""
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items).encode("utf-8")


@schemathesis.deserializer("application/x-ndjson")
def ndjson_answer(ctx, response):
    """The answer's lines as a list of JSON values; a line that is not JSON fails the check."""
    text = response.content.decode("utf-8")
    return [json.loads(line) for line in text.split("\n") if line]
