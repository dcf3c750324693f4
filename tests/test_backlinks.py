"""Back-links from the library to the lessons: every public function says where it is used.

Each public function and class (the flat ``bayeslearn`` API, ``bayeslearn.plotting`` and
``bayeslearn.widgets``) carries in its docstring a paragraph such as::

    Used in: notebook 03, section 5; notebook 08, section 4

and each reference must hold: ``notebooks/03_*.ipynb`` exists, it has a heading
``## 5. ...`` (the notebooks number their level-2 headings ``## N. Title``; a section runs
to the next level-2 heading, so its ``###`` subsections belong to it), and the name occurs
in that section, in code or in prose. The exercise self-checks in ``bayeslearn.exercises``
are not part of this API and are exempt.
"""

from __future__ import annotations

import inspect
import json
import re
from functools import cache
from pathlib import Path

import pytest

import bayeslearn
from bayeslearn import plotting, widgets

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"

_REFERENCE = re.compile(r"notebook (\d{2}), sections? (\d+)(?: and (\d+))?")
_SECTION = re.compile(r"^## (\d+)\. \S")


def parse_used_in(doc: str | None) -> list[tuple[str, int]]:
    """The (notebook number, section number) pairs of a docstring's ``Used in:`` paragraph.

    The paragraph starts with a line ``Used in: ...`` and may wrap onto the following lines
    until a blank line; its references are joined with ``"; "`` and end at the paragraph's
    first full stop (a sentence may follow). ``sections 4 and 8`` names two sections. No
    paragraph gives ``[]``; a reference not of the form ``notebook NN, section S`` raises
    ValueError.
    """
    references, _ = _used_in(doc)
    return references


def called_through(doc: str | None) -> list[str]:
    """The functions the sentence after a ``Used in:`` list names (``:func:`name```): the
    lesson calls the documented helper through them."""
    return re.findall(r":func:`~?(?:[\w.]*\.)?(\w+)`", _used_in(doc)[1])


def _used_in(doc: str | None) -> tuple[list[tuple[str, int]], str]:
    lines = inspect.cleandoc(doc or "").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("Used in:")]
    if not starts:
        return [], ""
    if len(starts) > 1:
        raise ValueError("more than one 'Used in:' paragraph")
    paragraph = []
    for line in lines[starts[0]:]:
        if not line.strip():
            break
        paragraph.append(line.strip())
    text = " ".join(paragraph).removeprefix("Used in:").strip()
    listed, _, rest = (text + " ").partition(". ")
    references = []
    for item in listed.strip().removesuffix(".").split(";"):
        match = _REFERENCE.fullmatch(item.strip())
        if match is None:
            raise ValueError(f"malformed back-link {item.strip()!r}: want 'notebook NN, section S'")
        sections = [match.group(2)] + ([match.group(3)] if match.group(3) else [])
        references += [(match.group(1), int(section)) for section in sections]
    return references, rest


@cache
def notebook_sections(number: str) -> dict[int, str]:
    """The text (code and markdown) of each numbered section of ``notebooks/NN_*.ipynb``."""
    (path,) = NOTEBOOKS.glob(f"{number}_*.ipynb")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    sections: dict[int, list[str]] = {}
    current: int | None = None
    for cell in cells:
        for line in "".join(cell["source"]).splitlines():
            if cell["cell_type"] == "markdown" and line.startswith("## "):
                match = _SECTION.match(line)
                current = int(match.group(1)) if match else None
            if current is not None:
                sections.setdefault(current, []).append(line)
    return {number: "\n".join(lines) for number, lines in sections.items()}


def _public() -> dict[str, object]:
    names = {name: getattr(bayeslearn, name) for name in bayeslearn.__all__}
    for module in (plotting, widgets):
        names |= {f"{module.__name__.rsplit('.', 1)[1]}.{name}": getattr(module, name)
                  for name in module.__all__}
    return {name: obj for name, obj in names.items()
            if (inspect.isfunction(obj) or inspect.isclass(obj))
            and not obj.__module__.startswith("bayeslearn.exercises")}


PUBLIC = _public()

#: Public helpers no lesson calls by name, and why. A name here must not appear in any
#: numbered section (else it needs its back-link instead).
NOT_IN_A_LESSON = {
    "plotting.use_style": "called once in every notebook's set-up cell, before section 1",
    "plotting.format_number": "formats LiveFigure's readouts; the notebooks never call it",
    "widgets.sample_sizes": "the options of sample_size_slider; the notebooks never call it",
    "set_language": "called once in every notebook's set-up cell, before section 1",
    "get_language": "tells code which language set_language chose; the notebooks never call it",
}


def _named_in_no_section(short: str) -> list[str]:
    """Where a name appears in a numbered section of any notebook, as 'NN §S'."""
    return [f"{path.name[:2]} §{number}"
            for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
            for number, text in notebook_sections(path.name[:2]).items()
            if re.search(rf"\b{re.escape(short)}\b", text)]


def _silent_record(name: str) -> bool:
    """A result record with no back-link of its own: the function that returns it has one."""
    obj = PUBLIC[name]
    return (inspect.isclass(obj) and issubclass(obj, bayeslearn.Record)
            and not parse_used_in(obj.__doc__))


@pytest.mark.parametrize("name", sorted(set(PUBLIC) - set(NOT_IN_A_LESSON)))
def test_public_name_links_back_to_the_sections_that_use_it(name):
    obj = PUBLIC[name]
    if _silent_record(name):  # a record the lessons never name needs no link; one they name does
        assert not _named_in_no_section(name.rsplit(".", 1)[-1]), (
            f"{name} is named in {_named_in_no_section(name)}: give it a 'Used in:' line")
        return
    references = parse_used_in(obj.__doc__)
    assert references, f"{name}: no 'Used in: notebook NN, section S' line in its docstring"
    short = name.rsplit(".", 1)[-1]
    for number, section in references:
        paths = list(NOTEBOOKS.glob(f"{number}_*.ipynb"))
        assert len(paths) == 1, f"{name}: no notebook {number} (notebooks/{number}_*.ipynb)"
        sections = notebook_sections(number)
        assert section in sections, f"{name}: notebook {number} has no heading '## {section}. ...'"
        names = [short, *called_through(obj.__doc__)]
        assert any(re.search(rf"\b{re.escape(n)}\b", sections[section]) for n in names), (
            f"{name}: neither it nor {names[1:]} is used in notebook {number}, section {section}"
        )


def test_the_parser_reads_wrapped_lists_and_rejects_malformed_references():
    doc = """Summary.

    Used in: notebook 03, section 5; notebook 08,
    section 4

    Parameters
    ----------
    """
    assert parse_used_in(doc) == [("03", 5), ("08", 4)]
    through = "Summary.\n\nUsed in: notebook 07, sections 4 and 8. Called there through\n:func:`fit`.\n"
    assert parse_used_in(through) == [("07", 4), ("07", 8)] and called_through(through) == ["fit"]
    assert parse_used_in("Summary with no back-link.") == []
    for bad in ("Used in: notebook 3, section 5", "Used in: notebook 03 section 5",
                "Used in: notebook 03, section 5, notebook 04, section 2", "Used in:"):
        with pytest.raises(ValueError, match="malformed"):
            parse_used_in(f"Summary.\n\n{bad}\n")


def test_sections_are_read_from_numbered_level_two_headings():
    sections = notebook_sections("01")
    assert sorted(sections) == list(range(1, max(sections) + 1))  # no gap, no unnumbered one
    assert sections[1].startswith("## 1. ")
    assert "## Key takeaways" not in "\n".join(sections.values())  # unnumbered ends a section


@pytest.mark.parametrize("name", sorted(NOT_IN_A_LESSON))
def test_an_exempt_name_is_public_and_really_used_in_no_section(name):
    assert name in PUBLIC, f"{name} is exempt but not public: drop the exemption"
    short = name.rsplit(".", 1)[-1]
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        for number, text in notebook_sections(path.name[:2]).items():
            assert not re.search(rf"\b{re.escape(short)}\b", text), (
                f"{name} is used in notebook {path.name[:2]}, section {number}: give it a back-link"
            )
