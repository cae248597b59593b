"""quotectl on Apache Spark: documents in, one `quotectl extract` process per partition, quotes out.

Modules, in the order data flows through them:

- `sources`: articles (JSONL lines, `.txt` files, Parquet rows) as documents `(doc, text, error)`.
- `engine`: one partition of documents through `quotectl extract --input jsonl --format jsonl`.
- `contract`: the output contract of the README as a Spark schema, and the check of each record against it.
- `job`: the command line, the outputs and the count of documents in and documents answered.

The engine decides everything about quotes; this package only moves documents and records.
"""
