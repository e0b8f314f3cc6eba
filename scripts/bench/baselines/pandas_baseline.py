"""Idiomatic pandas baseline for the benchmark's "load + aggregate" work (issue 9: the pipeline's load plus
aggregation should be at least 2x faster than this).

Reads dist/bench/observations.csv, lookup.csv and hierarchy.csv (written by `npm run bench`), sums
numerators and denominators to districts, rolls them up to counties and England, and adds 95% Wilson
intervals (METHODS.md section 1). Prints one JSON line: {"rows", "seconds", "loadSeconds", "peakRssMb"}.

    python3 scripts/bench/baselines/pandas_baseline.py dist/bench
"""
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

Z = 1.959963984540054


def wilson(numerator: pd.Series, denominator: pd.Series) -> tuple[pd.Series, pd.Series]:
    spread = Z * np.sqrt(Z * Z + 4 * numerator * (1 - numerator / denominator))
    scale = 2 * (denominator + Z * Z)
    centre = 2 * numerator + Z * Z
    return (centre - spread).clip(lower=0) / scale, np.minimum(scale, centre + spread) / scale


def main(bench: Path) -> None:
    started = time.perf_counter()
    observations = pd.read_csv(
        bench / "observations.csv",
        dtype={"indicator": "category", "area_code": "category", "period": "category",
               "numerator": "float64", "denominator": "float64"},
        engine="pyarrow" if _has_pyarrow() else "c",
    )
    lookup = pd.read_csv(bench / "lookup.csv", dtype=str)
    hierarchy = pd.read_csv(bench / "hierarchy.csv", dtype=str)
    loaded = time.perf_counter()

    keyed = observations.merge(lookup, left_on="area_code", right_on="lsoa_code", how="inner")
    districts = (keyed.groupby(["indicator", "district_code", "period"], observed=True)[["numerator", "denominator"]]
                 .sum().reset_index().rename(columns={"district_code": "area_code"}))
    districts["area_type"] = "district"
    with_county = districts.merge(hierarchy[["LAD19CD", "CTY19CD"]], left_on="area_code", right_on="LAD19CD")
    counties = (with_county.dropna(subset=["CTY19CD"])
                .groupby(["indicator", "CTY19CD", "period"], observed=True)[["numerator", "denominator"]]
                .sum().reset_index().rename(columns={"CTY19CD": "area_code"}))
    counties["area_type"] = "county"
    england = districts.groupby(["indicator", "period"], observed=True)[["numerator", "denominator"]].sum().reset_index()
    england["area_code"], england["area_type"] = "E92000001", "country"
    result = pd.concat([districts, counties, england], ignore_index=True)
    result["value"] = result["numerator"] / result["denominator"]
    result["lower95"], result["upper95"] = wilson(result["numerator"], result["denominator"])
    finished = time.perf_counter()
    print(json.dumps({
        "rows": int(len(result)),
        "seconds": finished - started,
        "loadSeconds": loaded - started,
        "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/bench"))
