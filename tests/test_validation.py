"""Schema errors as a marketer reads them: every fixed-value field takes a French word as a hint, in both languages."""

from __future__ import annotations

from typing import Any, Literal, get_args, get_origin

import pytest

from cjm import synonyms
from cjm.fields import all_models
from cjm.loader import Document, parse_document
from cjm.translation import translate
from cjm.validation import validate_document

# Where each model's object sits in a minimal map, and what it needs to be valid besides the field tried.
_MINIMAL = "cjm: 1\ntitle: T\nstages:\n  - name: S\n"
_PLACES: dict[str, tuple[str, str]] = {
    "Journey": ("", "{field}: {word}\n"),
    "Persona": ("", "persona:\n  name: P\n  {field}: {word}\n"),
    "Stage": ("    {field}: {word}\n", ""),
    "Touchpoint": ("    touchpoints:\n      - name: T\n        {field}: {word}\n", ""),
    "PainPoint": ("    pain_points:\n      - text: P\n        {field}: {word}\n", ""),
    "Opportunity": ("    opportunities:\n      - text: O\n        {field}: {word}\n", ""),
    "KPI": ("    kpis:\n      - name: K\n        value: 1\n        target: 2\n        {field}: {word}\n", ""),
}


def _choices(annotation: Any) -> tuple[str, ...]:
    """The fixed values a field takes (its Literal, under Optional), yes/no for a boolean, else none."""
    for _ in range(4):
        if get_origin(annotation) is Literal:
            return tuple(str(value) for value in get_args(annotation))
        if annotation is bool:
            return synonyms.BOOLEAN_VALUES
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if not args:
            return ()
        annotation = args[0]
    return ()


FIXED = [
    (model.__name__, name, value)
    for model in all_models()
    for name, field in model.model_fields.items()
    for value in _choices(field.annotation)
    if name != "cjm" and value not in ("true", "false")
]


def _french_word(value: str, allowed: tuple[str, ...]) -> str:
    """A French word of the synonyms table that stands for `value` where `allowed` are the values."""
    words = [word for word in synonyms.FRENCH if word != value and synonyms.meant(word, allowed) == value]
    assert words, f"no French word for `{value}`"
    return words[0]


@pytest.mark.parametrize(("model", "field", "value"), FIXED, ids=[f"{m}.{f}={v}" for m, f, v in FIXED])
def test_every_fixed_value_field_takes_a_french_word_as_a_hint(model: str, field: str, value: str) -> None:
    allowed = next(_choices(m.model_fields[field].annotation) for m in all_models() if m.__name__ == model)
    word = _french_word(value, allowed)
    inside, top = _PLACES[model]
    text = _MINIMAL + inside.format(field=field, word=word) + top.format(field=field, word=word)
    document = parse_document(text.encode("utf-8"), "map.yaml")
    assert isinstance(document, Document)
    _, found = validate_document(document)
    [diagnostic] = [d for d in found if d.code in ("CJM204", "CJM205")]
    assert diagnostic.hint is not None and diagnostic.hint.startswith(f"did you mean `{value}`?")
    assert translate(diagnostic.hint, "fr").startswith(f"vouliez-vous dire `{value}`\u202f?")
    assert f"`{word}`" in translate(diagnostic.message, "fr")
