"""The contract schema against what quotectl really prints."""
import copy
import unittest

import support
from quotectl_spark.contract import QUOTE, ContractError, to_row


class ContractTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.records, _, _ = support.extract(str(support.CORPUS))

    def test_every_corpus_record_fits_the_schema_and_comes_back_whole(self):
        self.assertGreater(len(self.records), 100)
        for record in self.records:
            with self.subTest(doc=record["doc"], index=record["index"]):
                row = to_row(QUOTE, copy.deepcopy(record))
                self.assertEqual(support.record_of(QUOTE, row), record)
                self.assertEqual(list(support.record_of(QUOTE, row)), list(record))

    def test_the_corpus_fills_every_nested_field(self):
        # Otherwise the comparison above would not cover the structs.
        self.assertTrue(any(record["translation"] and record["translation"]["evidence"] for record in self.records))
        self.assertTrue(any(record["evidence"] and record["evidence"]["speaker"] for record in self.records))

    # (what is changed in a real record, the message)
    BROKEN = [
        (lambda r: r.pop("cue"), "keys are doc, index, start, end, text, kind, enclosed_by, speaker, speaker_id, confidence, rule, "
                                 "translation, flags, evidence; the contract says doc, index, start, end, text, kind, "
                                 "enclosed_by, speaker, speaker_id, confidence, rule, cue, translation, flags, evidence"),
        (lambda r: r.update(extra=1), "keys are doc, index, start, end, text, kind, enclosed_by, speaker, speaker_id, confidence, "
                                      "rule, cue, translation, flags, evidence, extra; the contract says doc, index, "
                                      "start, end, text, kind, enclosed_by, speaker, speaker_id, confidence, rule, cue, translation, "
                                      "flags, evidence"),
        (lambda r: r.update(index="0"), "index: expected bigint, got '0'"),
        (lambda r: r.update(index=True), "index: expected bigint, got True"),
        (lambda r: r.update(text=None), "text: null where the contract wants a value"),
        (lambda r: r.update(confidence="high"), "confidence: expected double, got 'high'"),
        (lambda r: r.update(flags=["unclosed", 3]), "flags[1]: expected string, got 3"),
        (lambda r: r.update(evidence={"cue": None, "speaker": None}),
         "evidence: keys are cue, speaker; the contract says speaker, cue, relay"),
        (lambda r: r.update(translation={"original": "ru"}),
         "translation: keys are original; the contract says original, original_source, via, quoted_in, verbatim, "
         "evidence, note, speaker_names"),
    ]

    def test_a_record_off_the_contract_names_the_field(self):
        base = next(record for record in self.records if record["confidence"] is not None)
        for change, message in self.BROKEN:
            with self.subTest(message=message):
                record = copy.deepcopy(base)
                change(record)
                with self.assertRaises(ContractError) as raised:
                    to_row(QUOTE, record)
                self.assertEqual(str(raised.exception), message)

    def test_a_whole_confidence_is_a_double(self):
        record = copy.deepcopy(self.records[0])
        record["confidence"] = 1
        confidence = [field.name for field in QUOTE.fields].index("confidence")
        self.assertEqual(to_row(QUOTE, record)[confidence], 1.0)


if __name__ == "__main__":
    unittest.main()
