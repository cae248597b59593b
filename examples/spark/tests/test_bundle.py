"""The bundle runs on an executor that has neither Swift, nor ICU, nor the build folder."""
import json
import os
import shutil
import subprocess
import tarfile
import unittest
from pathlib import Path

import support

ROOT_ONLY = "hiding the system's ICU needs a mount namespace (unshare -m, as root)"


def system_icu() -> list[str]:
    """The files of the ICU libraries the dynamic loader knows, links resolved."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    return sorted({os.path.realpath(line.split("=>")[1].strip()) for line in listing.splitlines() if "libicu" in line})


class BundleTests(unittest.TestCase):
    def test_the_archive_holds_the_binary_its_resources_icu_and_what_executors_need(self):
        with tarfile.open(support.bundle_archive()) as archive:
            names = archive.getnames()
            notes = archive.extractfile("BUNDLE.txt").read().decode()
        self.assertIn("bin/quotectl", names)
        self.assertTrue(any(name.startswith("bin/quotectl_Quotes.resources/fr/") for name in names))
        for library in ("libicuuc", "libicui18n", "libicudata"):
            self.assertTrue(any(name.startswith(f"lib/{library}.so.") for name in names), library)
        self.assertRegex(notes, r"glibc >= 2\.\d+")
        self.assertIn("ICU: bundled in lib/", notes)

    @unittest.skipUnless(os.geteuid() == 0 and shutil.which("unshare"), ROOT_ONLY)
    def test_the_bundle_gives_the_same_quotes_with_the_system_icu_swift_and_build_folder_hidden(self):
        hidden = system_icu()
        self.assertTrue(hidden, "no system ICU to hide: this machine does not show the bundle's own ICU at work")
        folders = [folder for folder in ("/opt/swift", str(support.ROOT / ".build-static"), str(support.ROOT / ".build"))
                   if os.path.isdir(folder)]
        mounts = "".join(f"mount --bind /dev/null '{path}' && " for path in hidden)
        mounts += "".join(f"mount -t tmpfs none '{folder}' && " for folder in folders)
        article = str(support.CORPUS / "sotchi-2020-12.txt")
        run = subprocess.run(["unshare", "-m", "sh", "-c",
                              f"{mounts}env -i '{support.quotectl()}' extract --format jsonl '{article}'"],
                             capture_output=True, text=True, check=False)
        self.assertEqual(run.returncode, 0, run.stderr)
        expected, _, _ = support.extract(article)
        self.assertGreater(len(expected), 0)
        self.assertEqual([json.loads(line) for line in run.stdout.splitlines()], expected)
        # What was hidden was hidden: the system's ICU reads as an empty file in there.
        probe = subprocess.run(["unshare", "-m", "sh", "-c", f"{mounts}wc -c < '{hidden[0]}'"],
                               capture_output=True, text=True, check=False)
        self.assertEqual(probe.stdout.strip(), "0", probe.stderr)


if __name__ == "__main__":
    unittest.main()
