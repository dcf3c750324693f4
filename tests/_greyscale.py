"""Greyscale helpers shared by the accessibility and plotting tests: lightness and dash patterns."""

from __future__ import annotations

import matplotlib.colors as mcolors
import numpy as np

MIN_LIGHTNESS_GAP = 20.0  # in CIE L*, 0 to 100


def lightness(color, background="white") -> float:
    """CIE L* of ``color`` alpha-composited over ``background``, from its Rec. 709 luminance."""
    rgba = np.asarray(mcolors.to_rgba(color), dtype=float)
    rgb = rgba[:3] * rgba[3] + np.asarray(mcolors.to_rgb(background)) * (1 - rgba[3])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    y = float(linear @ [0.2126, 0.7152, 0.0722])
    return 116 * np.cbrt(y) - 16 if y > 216 / 24389 else y * 24389 / 27


def dash_pattern(pattern) -> tuple:
    """A hashable dash pattern: (offset, on-off sequence) or 'solid'."""
    offset, seq = pattern
    return ("solid",) if seq is None else (float(offset), tuple(float(s) for s in seq))
