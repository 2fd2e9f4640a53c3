"""Report intent macro-F1 and accuracy from `rasa test nlu`, and fail under the floor.

python -m harness.nlu_score reports/nlu/intent_report.json [--floor 0.95] [--label "Spanish held-out"]
"""

from __future__ import annotations

import argparse
import json
import sys

FLOOR = 0.95


def scores(report_path: str) -> dict:
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    return {
        "macro_f1": report["macro avg"]["f1-score"],
        "accuracy": report["accuracy"],
        "weakest": sorted(
            (v["f1-score"], k)
            for k, v in report.items()
            if isinstance(v, dict) and "support" in v and k not in ("macro avg", "weighted avg", "micro avg")
        )[:3],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("--floor", type=float, default=FLOOR)
    parser.add_argument("--label", default="NLU held-out")
    args = parser.parse_args()
    s = scores(args.report)
    weakest = ", ".join(f"{name} {f1:.2f}" for f1, name in s["weakest"])
    print(
        f"{args.label}: intent macro-F1 {s['macro_f1']:.3f}, accuracy {s['accuracy']:.3f} "
        f"(floor {args.floor}); weakest: {weakest}"
    )
    return 0 if s["macro_f1"] >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
