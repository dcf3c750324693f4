"""Run a command under numeric configurations other than this machine's default.

Usage: ``python tools/portable.py [--list] -- COMMAND...`` (``make test-portable`` runs nbval
over the notebooks and solutions this way).

A stored notebook output must come out the same on any CPU, BLAS kernel and thread count.
This machine can imitate older or different ones:

- numpy picks SIMD kernels at run time; ``NPY_DISABLE_CPU_FEATURES`` switches off the
  dispatch groups named (only groups this CPU can dispatch: numpy refuses to start when asked
  to disable one it does not have, so they are read from numpy itself);
- OpenBLAS picks its kernel at start; ``OPENBLAS_CORETYPE`` forces an older one (only a kernel
  whose instructions this CPU has, or OpenBLAS would crash);
- ``OPENBLAS_NUM_THREADS=1`` (and ``OMP_NUM_THREADS=1``) changes how BLAS splits its sums.

Each configuration is checked before it is used: a child interpreter reports the dispatch
groups and BLAS kernel in force, and a configuration that did not take effect is an error,
not a silent rerun of the default.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

_PROBE = """
import json
import numpy, scipy.linalg  # scipy's own OpenBLAS must load too, to be reported
from numpy.lib._utils_impl import _opt_info
import threadpoolctl
info = threadpoolctl.threadpool_info()
print(json.dumps({"numpy": _opt_info(),
                  "blas": sorted({f"{i['internal_api']}:{i.get('architecture')}" for i in info}),
                  "threads": sorted({i['num_threads'] for i in info})}))
"""


@dataclass(frozen=True)
class Config:
    """A numeric configuration: a name and the environment variables that make it."""

    name: str
    env: dict[str, str]
    #: BLAS kernel name threadpoolctl must report, if the configuration forces one.
    kernel: str | None = None


def dispatchable() -> list[str]:
    """numpy's dispatch groups that this CPU runs (marked ``*`` by ``_opt_info``), in order."""
    from numpy.lib._utils_impl import _opt_info

    return [word.rstrip("*") for word in _opt_info().split() if word.endswith("*")]


def cpu_flags() -> set[str]:
    """The CPU's feature flags from /proc/cpuinfo (empty where there is no such file)."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    for line in text.splitlines():
        if line.startswith(("flags", "Features")):
            return set(line.split(":", 1)[1].split())
    return set()


def configurations() -> list[Config]:
    """At least two configurations that differ from the default on this machine."""
    single = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    groups = dispatchable()
    machine = platform.machine().lower()
    if machine in ("x86_64", "amd64"):
        flags = cpu_flags()
        # x86-64-v2 is numpy's baseline; every group it can dispatch beyond is newer (X86_V3,
        # X86_V4, AVX512_*, and whatever later numpy releases add)
        above_v3 = [g for g in groups if g not in ("X86_V2", "X86_V3")]
        from_v3 = [g for g in groups if g != "X86_V2"]
        configs = []
        if "avx2" in flags:
            configs.append(Config(
                "x86-64-v3 (AVX2, no AVX-512), Haswell BLAS, 1 thread",
                {**single, "NPY_DISABLE_CPU_FEATURES": " ".join(above_v3),
                 "OPENBLAS_CORETYPE": "Haswell"}, "Haswell"))
        configs.append(Config(
            "x86-64-v2 (SSE4.2), Nehalem BLAS, 1 thread",
            {**single, "NPY_DISABLE_CPU_FEATURES": " ".join(from_v3),
             "OPENBLAS_CORETYPE": "Nehalem"}, "Nehalem"))
        return configs
    if machine in ("aarch64", "arm64"):
        return [
            Config("no SVE/fp16 dispatch, NeoverseN1 BLAS, 1 thread",
                   {**single, "NPY_DISABLE_CPU_FEATURES": " ".join(groups[len(groups) // 2:]),
                    "OPENBLAS_CORETYPE": "NEOVERSEN1"}, "neoversen1"),
            Config("baseline numpy, generic ARMv8 BLAS, 1 thread",
                   {**single, "NPY_DISABLE_CPU_FEATURES": " ".join(groups),
                    "OPENBLAS_CORETYPE": "ARMV8"}, "armv8"),
        ]
    # Any other CPU: the thread count and numpy's dispatch are what can be changed.
    return [Config("1 BLAS thread", single),
            Config("no SIMD dispatch, 1 BLAS thread",
                   {**single, "NPY_DISABLE_CPU_FEATURES": " ".join(groups)})]


def probe(env: dict[str, str]) -> dict:
    """What a child interpreter with ``env`` reports: numpy dispatch, BLAS kernels, threads."""
    out = subprocess.run([sys.executable, "-c", _PROBE], env=env, check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout)


def environment(config: Config) -> dict[str, str]:
    """This process's environment with ``config`` applied (empty values removed)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE")}
    env.update({k: v for k, v in config.env.items() if v})
    return env


def check(config: Config, env: dict[str, str]) -> dict:
    """Probe ``env`` and fail unless ``config`` is in force."""
    seen = probe(env)
    disabled = env.get("NPY_DISABLE_CPU_FEATURES", "").split()
    on = [w.rstrip("*") for w in seen["numpy"].split() if w.endswith("*")]
    if set(disabled) & set(on):
        raise SystemExit(f"{config.name}: numpy still dispatches {sorted(set(disabled) & set(on))}")
    if config.kernel and not all(k.lower().endswith(":" + config.kernel.lower())
                                 for k in seen["blas"] if k.startswith("openblas")):
        raise SystemExit(f"{config.name}: BLAS kernels are {seen['blas']}, not {config.kernel}")
    if seen["threads"] != [1]:
        raise SystemExit(f"{config.name}: BLAS runs {seen['threads']} threads, not 1")
    return seen


def main(argv: list[str]) -> int:
    listing = "--list" in argv
    command = argv[argv.index("--") + 1:] if "--" in argv else []
    if not command and not listing:
        raise SystemExit("usage: portable.py [--list] -- COMMAND...")
    default = probe(dict(os.environ))
    print(f"default: numpy {default['numpy']}; BLAS {', '.join(default['blas'])}; "
          f"threads {default['threads']}", flush=True)
    failed = []
    for config in configurations():
        env = environment(config)
        seen = check(config, env)
        print(f"\n=== {config.name}\n    numpy {seen['numpy']}; BLAS {', '.join(seen['blas'])}; "
              f"{' '.join(f'{k}={v!r}' for k, v in config.env.items() if v)}", flush=True)
        if command and subprocess.run(command, env=env).returncode != 0:
            failed.append(config.name)
    if failed:
        print(f"\nfailed under: {'; '.join(failed)}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
