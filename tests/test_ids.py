"""Ids: derived from a name in any script, compared in composed form, matching the id pattern."""

from __future__ import annotations

import unicodedata

import pytest

from cjm.ids import composed, derive_id, slugify


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Paiement & livraison", "paiement-livraison"),
        ("Étape 1 — Découverte", "etape-1-decouverte"),  # Latin accents folded: ids maps already use stay
        ("İstanbul", "istanbul"),
        ("Ｆｕｌｌｗｉｄｔｈ  Ｎａｍｅ", "fullwidth-name"),  # NFKC
        ("Оплата заказа", "оплата-заказа"),
        ("Й", "й"),  # a Cyrillic letter keeps its mark: й is not и
        ("Πληρωμή με κάρτα", "πληρωμή-με-κάρτα"),
        ("الدفع عبر الإنترنت", "الدفع-عبر-الإنترنت"),
        ("在线支付", "在线支付"),
        ("お支払い・確認", "お支払い-確認"),
        ("が", "が"),
        ("नमस्ते दुनिया", "नमस्ते-दुनिया"),
        ("Straße", "straße"),
        ("1.10", "1-10"),
        # No letter and no digit: the characters' Unicode names, deterministic and readable.
        ("★★", "black-star"),
        ("→", "rightwards-arrow"),
        ("🛒", "shopping-trolley"),
        ("\ue000", "u-e000"),
        ("   ", ""),
    ],
)
def test_ids_derived_from_names_keep_the_letters_of_every_script(name: str, expected: str) -> None:
    assert slugify(name) == expected


def test_an_id_is_compared_in_composed_form() -> None:
    decomposed = unicodedata.normalize("NFD", "café")
    assert decomposed != "café" and composed(decomposed) == "café"
    assert composed(3) == 3  # not text: left for the type check to report


def test_an_id_is_derived_only_when_the_map_gives_none() -> None:
    assert derive_id({"name": "Pay online"}, "name") == {"name": "Pay online", "id": "pay-online"}
    assert derive_id({"name": "Pay", "id": "mine"}, "name") == {"name": "Pay", "id": "mine"}
    assert derive_id({"name": "   "}, "name") == {"name": "   "}  # blank: its own error says why
    assert derive_id("Pay", "name") == "Pay"
