"""Planner speed and quality on generated cohorts (30 and 150 participants).

    .venv/bin/python benchmarks/leergang_bench.py [--zaden 3]

Prints per size and seed: status, seconds per part, optimality gap per part and the quality
figures; each plan is also checked against the hard rules by the independent checker.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from spil.leergang.planning.checker import plan_violations
from spil.leergang.planning.cohort import cohort_from_dict
from spil.leergang.planning.output import plan_to_dict
from spil.leergang.planning.solver import cohort_plan
from spil.leergang.planning.voorbeeld import cohort_generate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zaden", type=int, default=3)
    args = parser.parse_args()
    for size, limit in ((30, 5.0), (150, 30.0)):
        times = []
        for seed in range(1, args.zaden + 1):
            cohort = cohort_from_dict(cohort_generate(deelnemers=size, seed=seed))
            started = time.perf_counter()
            plan = plan_to_dict(cohort, cohort_plan(cohort, time_limit=limit))
            took = time.perf_counter() - started
            times.append(took)
            quality = plan["kwaliteit"]
            problems = plan_violations(cohort, plan)
            print(
                f"{size:>4} deelnemers, zaad {seed}: {plan['status']:<12} {took:5.1f} s  "
                f"eerste keus modules {quality['eerste_keus_modules']:.0%}, slechtste rang "
                f"{quality['slechtste_rang']}, "
                f"eerste keus coach {quality['eerste_keus_coach']:.0%}, "
                f"stages met contrast {quality['stages_met_contrast']:.0%}  "
                f"kloof {quality['optimaliteitskloof']}  schendingen {len(problems)}"
            )
        print(
            f"{size:>4} deelnemers: mediaan {statistics.median(times):.1f} s, "
            f"max {max(times):.1f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
