"""Source texts: a quote is found ignoring only spacing, line breaks, end-of-line hyphens and quotation marks."""

from __future__ import annotations

import pytest

from generator.scheme.sources import SourceText, normalise

TEXT = ("Ad 3) Kooperativer\n\nDirekte støtte til sådanne virksomhedskonstruktioner (juridiske personer) kan ikke "
        "gives, da støtten følger den fysiske person.\nDer er tale om et ”eksempel” på en trappe-\nmodel, jf. "
        "pkt. 5. Kurset dækker regnskabs- skatte- og momsregler.\n")


@pytest.fixture
def source(tmp_path) -> SourceText:
    path = tmp_path / "kilde.txt"
    path.write_text(TEXT, encoding="utf-8")
    text = SourceText.read("kilde", path)
    text.sections = [(0, "ad 3")]
    return text


@pytest.mark.parametrize("passage", [
    "støtten følger den fysiske person",
    "støtten   følger\nden fysiske person",                      # spacing and line breaks
    'et "eksempel" på en trappemodel',                             # quotation marks, end-of-line hyphen joined
    "et «eksempel» på en trappemodel",
    "regnskabs- skatte- og momsregler",                            # a hyphen mid-line is kept
])
def test_a_passage_is_found_despite_copying_differences(source, passage):
    assert source.find(passage), passage


@pytest.mark.parametrize("passage", [
    "støtten følger den fysiske personen",                          # a changed word
    "Støtten følger den fysiske person",                            # case is part of the words
    "et eksempel på en trappemodel",                                # quotation marks dropped: not the same words
    "regnskabs-skatte- og momsregler",                              # a hyphen mid-line is not line-end hyphenation
])
def test_any_other_difference_is_a_different_passage(source, passage):
    assert not source.find(passage), passage


def test_a_found_passage_is_placed_in_its_section_with_the_sources_own_words(source):
    place = source.place("et \"eksempel\" på en trappemodel")
    assert place.section == "ad 3"
    assert place.words == "et ”eksempel” på en trappe- model"


def test_the_closest_passage_is_offered_for_a_near_miss(source):
    assert "støtten følger den fysiske person" in source.closest("støtten følger den fysiske personen")


def test_sentences_split_at_full_stops_but_not_after_abbreviations(source):
    sentences = [source.normalised.text[a:b] for a, b in source.sentences]
    assert sentences[0] == "Ad 3) Kooperativer"
    assert sentences[1].startswith("Direkte støtte") and sentences[1].endswith("fysiske person.")
    assert any(s.startswith('Der er tale om') and s.endswith("pkt. 5.") for s in sentences), sentences
    assert sentences[-1] == "Kurset dækker regnskabs- skatte- og momsregler."


def test_normalising_keeps_a_map_back_to_the_original():
    text = "a  b\n”c”"
    normalised = normalise(text)
    assert normalised.text == 'a b "c"'
    assert [text[i] for i in normalised.offsets] == ["a", " ", "b", "\n", "”", "c", "”"]
