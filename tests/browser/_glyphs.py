"""Does the page draw its Hangul, or empty boxes? Asked of the page's own fonts.

For every distinct Hangul syllable in the text under a selector, draw it on a canvas in the
font the page uses there (its computed ``font-family``), and draw a code point that no font
has (U+10FFFD, private use). Where no installed font covers a syllable, the browser falls
back to the same missing-glyph box for both and the two drawings are identical; a syllable
drawn like the missing glyph counts as missing.
"""

from __future__ import annotations

_MISSING = """
([selector, pattern]) => {
  const wanted = new RegExp(pattern, 'gu');
  const roots = Array.from(document.querySelectorAll(selector));
  const byFamily = new Map();          // computed font-family -> set of syllables
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const syllables = node.textContent.match(wanted);
      if (!syllables) continue;
      const family = getComputedStyle(node.parentElement).fontFamily;
      if (!byFamily.has(family)) byFamily.set(family, new Set());
      syllables.forEach((s) => byFamily.get(family).add(s));
    }
  }
  const canvas = document.createElement('canvas');
  canvas.width = 48; canvas.height = 48;
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (text, family) => {
    ctx.clearRect(0, 0, 48, 48);
    ctx.font = `32px ${family}`;
    ctx.fillText(text, 4, 36);
    return ctx.getImageData(0, 0, 48, 48).data;
  };
  const same = (a, b) => a.every((v, i) => v === b[i]);
  let checked = 0;
  const missing = [];
  for (const [family, syllables] of byFamily) {
    const box = draw('\\u{10FFFD}', family);
    for (const s of syllables) {
      checked += 1;
      if (same(draw(s, family), box)) missing.push(s);
    }
  }
  return {checked, missing};
}
"""


#: Every precomposed Hangul syllable, as a JavaScript regular expression.
HANGUL = "[\\uAC00-\\uD7A3]"


def missing_glyphs(page, selector: str, pattern: str = HANGUL) -> dict:
    """``{"checked": n, "missing": [...]}`` for the distinct characters matching ``pattern``
    (a JavaScript regular expression) in the text under ``selector``."""
    return page.evaluate(_MISSING, [selector, pattern])
