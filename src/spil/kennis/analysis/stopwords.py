"""Words that carry no topic: Dutch function words, and the words questions are made of."""

from __future__ import annotations

from spil.kennis.analysis.wordlists import words

# Function words (articles, pronouns, prepositions, conjunctions, auxiliaries, adverbs),
# folded to ASCII.
FUNCTION_WORDS = words(
    """
    de het een der des den dit dat deze die zo zoals
    en of maar want dus noch toch ook nog al alle alles allen
    ik je jij u hij zij ze wij we jullie men mij me mijn mijne jou jouw jouwe uw
    hem haar hen hun zich zichzelf mezelf jezelf onszelf ons onze
    er hier daar waar daarom daarna daarbij daarmee daarvoor daarin daarop daaraan daarover
    van in op aan met voor door bij uit naar over onder tussen tegen zonder tot om na
    te als dan omdat doordat terwijl toen wanneer indien mits hoewel zodat opdat of
    voordat nadat totdat zodra sinds alsof ofwel zowel waardoor waarna
    is ben bent zijn was waren wordt worden werd werden geweest word
    heb hebt heeft hebben had hadden gehad
    zal zult zullen zou zouden wil wilt willen wilde
    kan kun kunt kunnen kon konden mag mogen mocht moet moeten moest
    doe doet doen deed gedaan ga gaat gaan ging gegaan
    niet geen wel heel zeer erg meer meest minder veel weinig zelf zelfs
    iets niets iemand niemand ieder iedere elke elk eigen ander andere anderen
    nu dan toen al reeds eens even steeds altijd nooit soms vaak weer
    hoe wat waarom welke welk wie wiens wier waarmee waarvoor waarover waarin waarop
    """
)

# Words that frame a question rather than name its subject ("hoe ga ik om met ...").
QUESTION_WORDS = words(
    """
    hoe wat waarom wanneer welke welk wie waar waarmee waardoor
    moet moeten kan kunnen mag mogen zou zouden ik mijn me mij mezelf we wij ons onze
    graag eigenlijk precies beste manier omgaan ga gaan doe doen
    """
)

STOPWORDS = FUNCTION_WORDS | QUESTION_WORDS

# Words a situation is told with rather than what it is about: light verbs, counting and time
# words, discourse adverbs ("ik weet niet meer hoe ik het moet aanpakken, het gaat al jaren
# zo"). A question keeps them, at a low weight, so that they break ties but do not steer.
NARRATIVE_WORDS = words(
    """
    weet weten wist kom komt komen kwam kwamen gekomen sta staat staan stond lig ligt liggen lag
    geef geeft geven gaf gegeven zit zitten zat krijg krijgt krijgen kreeg gekregen
    laat laten liet zie ziet zien zag gezien denk denkt denken dacht
    vind vindt vinden vond merk merkt merken merkte zeg zegt zeggen zei gezegd
    maak maakt maken maakte gemaakt loop loopt lopen liep blijf blijft blijven bleef
    voel voelt voelen probeer probeert proberen lijkt lijken hoor hoort horen
    jaar jaren maand maanden week weken dag dagen keer keren uur
    twee drie vier vijf tien honderd
    alweer meteen zomaar gewoon echt helemaal eigenlijk ergens overal nergens tegenwoordig
    inmiddels opeens ineens vooral juist bijna best beetje teveel iedereen allemaal
    """
)
