"""Build the offline spaCy pipeline and install it into the current environment as a package.

    python -m bot.tools.build_spacy

No download: blank English plus the lookup lemmatizer from spacy-lookups-data, packaged with
`spacy package` so Rasa's config can name it like any spaCy model.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bot import ROOT
from bot.understanding.nlp import PIPELINE_NAME, PIPELINE_VERSION, build


def main() -> int:
    out = ROOT / "build" / "spacy"
    with tempfile.TemporaryDirectory() as tmp:
        pipeline_dir = Path(tmp) / "pipeline"
        build().to_disk(pipeline_dir)
        out.mkdir(parents=True, exist_ok=True)
        name = PIPELINE_NAME.removeprefix("en_")
        subprocess.run(
            [
                sys.executable,
                "-m",
                "spacy",
                "package",
                str(pipeline_dir),
                str(out),
                "--name",
                name,
                "--version",
                PIPELINE_VERSION,
                "--force",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    sdist = out / f"{PIPELINE_NAME}-{PIPELINE_VERSION}" / "dist" / f"{PIPELINE_NAME}-{PIPELINE_VERSION}.tar.gz"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--force-reinstall",
            str(sdist),
        ],
        check=True,
    )
    print(f"spaCy pipeline {PIPELINE_NAME} {PIPELINE_VERSION} installed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
