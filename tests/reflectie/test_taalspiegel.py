from spil.reflectie.taalspiegel import taalspiegel


def test_counts_we_and_they_and_how_the_organisation_is_named():
    result = taalspiegel(
        [
            "Wij hebben het samen opgelost; onze organisatie staat er goed voor.",
            "Ze luisteren niet naar ons. Die organisatie verandert nooit, zij willen niet.",
            "   ",
            "De ambtelijke organisatie heeft hun eigen ritme.",
        ]
    )
    assert result.teksten == 3
    assert result.wij == 3  # wij, onze, ons
    assert result.zij == 3  # ze, zij, hun
    assert result.organisatie == {"onze": 1, "die": 1, "de": 1}
    assert result.wij_aandeel == 0.5
    assert "3 keer 'wij/ons' en 3 keer 'zij/hun' (50% wij)" in result.samenvatting()


def test_nothing_to_count():
    result = taalspiegel(["Een rustige week."])
    assert result.wij_aandeel is None
    assert "nog geen woorden" in result.samenvatting()
