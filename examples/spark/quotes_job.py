"""spark-submit entry point of the quotectl job; the code is in quotectl_spark/ (ship it with --py-files)."""
import sys

from quotectl_spark.job import main

if __name__ == "__main__":
    sys.exit(main())
