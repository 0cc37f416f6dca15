"""The renderers' labels, read from the catalogues."""

from __future__ import annotations

import re

import pytest

import cjm
from cjm.i18n import LABELS, MESSAGES, builtin_channel_labels, channel_labels, messages
from cjm.model import BUILTIN_CHANNELS
from cjm.translation import LANGUAGES
from tests.conftest import ROOT
from tests.tools import build_text


def test_every_language_has_every_label() -> None:
    keys = {key for key, _ in LABELS}
    assert len(keys) == len(LABELS), "a label key is listed twice"
    for language in LANGUAGES:
        assert set(messages(language)) == keys
        assert all(value.strip() for value in messages(language).values())
        assert set(builtin_channel_labels(language)) == set(BUILTIN_CHANNELS)
    assert list(MESSAGES) == list(LANGUAGES)


def test_english_labels_are_the_msgids_and_french_is_french() -> None:
    assert messages("en")["kpi.off_target"] == "off target"
    french = messages("fr")
    assert french["kpi.off_target"] == "hors objectif" and french["kpi.on_target"] == "objectif atteint"
    assert french["kind.owned"] == "média propriétaire" and french["kind.paid"] == "média payant"
    assert french["lane.pain_points"] == "Points de friction"


def test_channel_labels_translate_builtins_and_keep_the_maps_own() -> None:
    journey = cjm.load(ROOT / "examples" / "support-box-internet-fr.yaml")
    labels = channel_labels(journey)
    assert labels["phone"] == "Téléphone"
    assert {channel.id: channel.label for channel in journey.channels}.items() <= labels.items()


def test_unknown_locale_reads_english() -> None:
    assert messages("xx")["lane.goal"] == "Customer goal"


@pytest.mark.parametrize("format_name", ["html", "md", "svg"])
def test_nothing_in_the_french_example_falls_back_to_english(format_name: str) -> None:
    source = ROOT / "examples" / "support-box-internet-fr.yaml"
    shown = build_text(source, format_name)
    shown = re.sub(r"<style>.*?</style>", "", shown, flags=re.DOTALL)  # CSS comments are not read
    authored = source.read_text(encoding="utf-8")
    french = " ".join([*messages("fr").values(), *builtin_channel_labels("fr").values()])
    english = {
        text
        for text in [*messages("en").values(), *BUILTIN_CHANNELS.values()]
        if text not in french and text not in authored
    }
    leaks = sorted(text for text in english if re.search(rf"(?<![\w-]){re.escape(text)}(?![\w-])", shown))
    assert leaks == []
