"""The Manufacturing Careers assistant: knowledge, understanding and answers."""

from pathlib import Path

#: The repository root, so no data path depends on the working directory.
ROOT = Path(__file__).resolve().parent.parent
