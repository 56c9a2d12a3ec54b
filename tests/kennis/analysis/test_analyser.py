from spil.kennis.analysis import analyse, analyse_query, document_vocabulary, query_lookup_stems


def test_stopwords_and_question_words_are_dropped():
    assert analyse("Hoe kan ik mijn wethouder het beste adviseren?") == ["wethouder", "adviser"]


def test_compound_keeps_original_and_adds_parts():
    vocabulary = document_vocabulary(["de raad en haar vergadering"])
    assert analyse("raadsvergadering", vocabulary) == ["raadsvergader", "rad", "vergader"]


def test_abbreviations_survive_unstemmed():
    assert analyse("B&W, BenW, PenO, OZB, ICT, SSC en GGD") == [
        "benw",
        "benw",
        "peno",
        "ozb",
        "ict",
        "ssc",
        "ggd",
    ]


def test_hyphenated_word_gives_whole_and_pieces():
    assert analyse("ICT-beleid") == ["ictbeleid", "ict", "beleid"]


def test_line_break_hyphen_and_diacritics():
    assert analyse("de gemeente-\nsecretaris en financiën") == [
        "gemeentesecretaris",
        "gemeent",
        "secretaris",
        "financien",
    ]


def test_analysis_is_deterministic():
    text = "Collegevergadering over de organisatiecultuur en de burgemeester"
    vocabulary = document_vocabulary([text, "college vergadering organisatie cultuur"])
    assert analyse(text, vocabulary) == analyse(text, vocabulary)


def test_query_expands_synonyms_with_lower_weight():
    terms = {t.term: t.weight for t in analyse_query("Een wethouder bij de herindeling")}
    assert terms["wethouder"] == 1.0
    assert terms["portefeuillehouder"] < 1.0
    assert terms["herindel"] == 1.0
    assert terms["fusie"] < 1.0
    assert terms["samenvoeg"] < 1.0


def test_query_synonym_for_abbreviation():
    terms = {t.term for t in analyse_query("rol van het DT")}
    assert {"dt", "directieteam", "mt"} <= terms


def test_query_compound_parts_share_the_concept_of_their_word():
    vocabulary = document_vocabulary(["raad vergadering"])
    terms = analyse_query("voorbereiding raadsvergadering", vocabulary)
    concepts = {t.term: t.concept for t in terms}
    assert concepts["rad"] == concepts["raadsvergader"] == concepts["vergader"]
    assert concepts["voorbereid"] != concepts["rad"]


def test_verb_form_in_t_also_gives_the_verb_stem():
    assert analyse("zij overweegt") == ["overweegt", "overweg"]
    assert analyse("overwegen") == ["overweg"]


def test_compound_head_that_is_itself_a_compound_is_split_too():
    vocabulary = document_vocabulary(["gemeente raad verkiezing gemeenteraad"])
    assert analyse("gemeenteraadsverkiezing", vocabulary) == [
        "gemeenteraadsverkie",
        "gemeenterad",
        "gemeent",
        "rad",
        "verkie",
    ]


def test_parts_of_an_unknown_compound_weigh_more_in_a_question():
    known = document_vocabulary(["raad vergadering raadsvergadering"])
    unknown = document_vocabulary(["raad vergadering"])
    weight_known = {t.term: t.weight for t in analyse_query("raadsvergadering", known)}
    weight_unknown = {t.term: t.weight for t in analyse_query("raadsvergadering", unknown)}
    assert weight_known["vergader"] < weight_unknown["vergader"] < 1.0


def test_separable_verb_is_joined_when_the_joined_word_is_known():
    vocabulary = document_vocabulary(["tegenhouden"])
    terms = {
        t.term: t.weight for t in analyse_query("de wethouder houdt een advies tegen", vocabulary)
    }
    assert "tegenhoud" in terms
    assert terms["tegenhoud"] < 1.0
    assert "tegenhoud" not in {t.term for t in analyse_query("de wethouder houdt een advies")}


def test_separable_verb_brings_its_synonyms_even_when_unknown_and_weakens_the_bare_verb():
    terms = {t.term: t.weight for t in analyse_query("de wethouder houdt een advies tegen")}
    assert "blokkeer" in terms or "blokker" in terms
    assert "doorlat" in terms
    assert terms["houd"] < 1.0
    assert terms["wethouder"] == 1.0

    plain = {t.term: t.weight for t in analyse_query("de wethouder houdt een advies")}
    assert plain["houd"] == 1.0
    assert "doorlat" not in plain


def test_separable_verb_candidates_are_looked_up():
    assert {"tegenhoudt", "tegenhoud"} <= query_lookup_stems("hij houdt het tegen")


def test_overlong_strings_are_not_terms():
    assert analyse("raad " + "x" * 61 + " college") == ["rad", "colleg"]


def test_function_words_do_not_form_separable_verbs():
    vocabulary = document_vocabulary(["voordat tegenhouden"])
    terms = {t.term for t in analyse_query("tijd voor dat overleg", vocabulary)}
    assert "voordat" not in terms


def test_particle_followed_by_more_words_is_a_preposition():
    vocabulary = document_vocabulary(["inbreng tegenhouden"])
    assert "inbreng" not in {t.term for t in analyse_query("breng rust in het college", vocabulary)}
    assert "tegenhoud" in {t.term for t in analyse_query("houdt het advies tegen?", vocabulary)}


def test_participle_in_d_also_gives_the_verb_stem():
    assert analyse("veranderd") == ["veranderd", "verander"]
    assert analyse("veranderen") == ["verander"]


def test_nouns_in_vowel_d_get_no_verb_variant():
    assert "gemeenteraa" not in analyse("gemeenteraad")


def test_words_a_situation_is_told_with_weigh_little():
    terms = {t.term: t.weight for t in analyse_query("ik weet het al jaren niet, de raad klaagt")}
    assert terms["rad"] == 1.0
    assert all(weight < 0.5 for term, weight in terms.items() if term in {"wet", "jar"})
