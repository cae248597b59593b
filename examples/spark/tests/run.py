"""Runs the Spark job's tests (the module's doctests included) and ends with `N passed, N failed`."""
import doctest
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import support  # noqa: E402 - puts examples/spark on the path

from quotectl_spark import contract, engine, job, sources  # noqa: E402


def main() -> int:
    names = sys.argv[1:] or ["test_contract", "test_sources", "test_engine", "test_bundle", "test_spark"]
    suite = unittest.TestSuite()
    if not sys.argv[1:]:
        for module in (contract, sources, engine, job):
            suite.addTests(doctest.DocTestSuite(module))
    suite.addTests(unittest.defaultTestLoader.loadTestsFromNames(names))
    result = unittest.TextTestRunner(verbosity=2).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    print(f"{result.testsRun - failed - len(result.skipped)} passed, {failed} failed"
          + (f", {len(result.skipped)} skipped" if result.skipped else ""))
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
