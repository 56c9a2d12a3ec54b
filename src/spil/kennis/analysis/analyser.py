"""The analyser: the same text-to-terms steps for indexing and for questions.

Steps: line-break hyphens rejoined, NFC + diacritics folded, lowercased, tokenised with
abbreviations kept (B&W/BenW -> "benw"), stopwords and question words dropped, stemmed with
`dutch_porter`, compounds split against a vocabulary (the original term is kept, parts are
added after it). Queries additionally get synonyms, with lower weights.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

from spil.kennis.analysis.compounds import BASE_STEMS, candidate_stems, split_compound
from spil.kennis.analysis.stemming import stem
from spil.kennis.analysis.stopwords import NARRATIVE_WORDS, STOPWORDS
from spil.kennis.analysis.synonyms import synonym_caches, synonym_index
from spil.kennis.analysis.tokens import ABBREVIATIONS, Token, prepare_text, tokenize
from spil.kennis.analysis.wordlists import words

# Weights of expanded query terms relative to a word the user typed.
PART_WEIGHT = 0.6
HYPHEN_PART_WEIGHT = 0.8
SYNONYM_WEIGHT = 0.5
SEPARABLE_WEIGHT = 0.8
BARE_VERB_WEIGHT = 0.7  # "houdt" in "houdt ... tegen": mostly a form of the joined verb
MAX_WORD = 60
# Words that mostly frame a question ("hoe zorg ik voor een goede ...").
LOW_VALUE_WORDS = words("goed goede beter zorg zorgen zorgt aanpak aanpakken")
LOW_VALUE_WEIGHT = 0.4
NARRATIVE_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class QueryTerm:
    term: str
    weight: float
    concept: int  # which word of the question this term stands for


def is_content(token: Token) -> bool:
    """False for stopwords, question words, one-letter tokens and overlong strings."""
    if len(token.text) > MAX_WORD:
        return False  # URLs, codes, garbage from broken extraction: not words anyone types
    if token.text in ABBREVIATIONS or (token.upper and len(token.text) > 1):
        return token.text not in STOPWORDS or token.upper
    return len(token.text) > 1 and token.text not in STOPWORDS


def _keeps_form(token: Token) -> bool:
    return token.text in ABBREVIATIONS or (token.upper and len(token.text) <= 6)


def word_terms(token: Token, vocabulary: Container[str] = BASE_STEMS) -> list[str]:
    """Index terms of one content word: its stem first, then compound or hyphen parts."""
    return list(_word_terms(token.text, _keeps_form(token), vocabulary))


def _word_terms(text: str, keep_form: bool, vocabulary: Container[str]) -> tuple[str, ...]:
    if keep_form:
        return (text.replace("-", ""),)
    if "-" in text:
        pieces = [p for p in text.split("-") if p and p not in STOPWORDS]
        terms = [stem(text.replace("-", ""))]
        for piece in pieces:
            keep = piece in ABBREVIATIONS
            for term in _word_terms(piece, keep, vocabulary):
                if term not in terms:
                    terms.append(term)
        return tuple(terms)
    main = stem(text)
    parts = [p for p in split_compound(text, vocabulary) if p != main]
    if text.isalpha() and (
        (len(text) >= 5 and text.endswith("t"))
        or (len(text) >= 7 and text.endswith("d") and text[-2] not in "aeiou")
    ):
        # Verb forms in -t/-d ("houdt", "overweegt", "veranderd") also get the stem of the
        # verb ("houd", "overweg", "verander"), which the Porter rules leave alone. Harmless
        # for nouns ("besluit" -> "beslui" matches nothing else).
        verb = stem(text[:-1])
        if verb != main:
            parts.append(verb)
    return (main, *dict.fromkeys(parts))


def content_tokens(text: str) -> list[Token]:
    return [token for token in tokenize(prepare_text(text)) if is_content(token)]


def analyse(text: str, vocabulary: Container[str] = BASE_STEMS) -> list[str]:
    """Index terms of `text` in reading order (compound parts follow their compound)."""
    terms: list[str] = []
    for token in content_tokens(text):
        terms.extend(_cached_terms(token, vocabulary))
    return terms


def cached_word_terms(token: Token, vocabulary: Container[str]) -> tuple[str, ...]:
    """`word_terms`, remembered per word and vocabulary (indexing analyses many repeats)."""
    return _cached_terms(token, vocabulary)


def _cached_terms(token: Token, vocabulary: Container[str]) -> tuple[str, ...]:
    if isinstance(vocabulary, frozenset):
        return _word_terms_cached(token.text, _keeps_form(token), vocabulary)
    return _word_terms(token.text, _keeps_form(token), vocabulary)


@lru_cache(maxsize=100_000)
def _word_terms_cached(text: str, keep_form: bool, vocabulary: frozenset[str]) -> tuple[str, ...]:
    return _word_terms(text, keep_form, vocabulary)


def document_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Stems of the standalone words in `texts` plus BASE_STEMS: what compounds may split into."""
    stems = set(BASE_STEMS)
    for text in texts:
        for token in content_tokens(text):
            if not _keeps_form(token) and "-" not in token.text and token.text.isalpha():
                stems.add(stem(token.text))
    return frozenset(stems)


# Particles of separable verbs: "houdt ... tegen" is a form of "tegenhouden".
PARTICLES = words("aan af bij door in mee na om op over tegen terug toe uit voor weg samen")
SEPARABLE_REACH = 5  # how many words before the particle the verb may stand


def separable_verbs(text: str) -> list[tuple[str, str]]:
    """Candidate joined verbs of a question: (the verb as written, the joined word)."""
    prepared = prepare_text(text)
    tokens = tokenize(prepared)
    found = []
    for index, token in enumerate(tokens):
        if token.text not in PARTICLES:
            continue
        # A split-off particle closes its clause ("... een advies tegen."); followed by more
        # words it is far more often a preposition ("breng rust in het college").
        rest = prepared[token.end :].lstrip()
        if rest and rest[0] not in ".,;:?!)":
            continue
        for back in range(max(0, index - SEPARABLE_REACH), index):
            verb = tokens[back].text
            joined = token.text + verb
            # Function words do not take particles ("voor dat" is no verb), and a joined
            # word that is itself a function word ("voordat") is no verb either.
            if verb.isalpha() and is_content(tokens[back]) and joined not in STOPWORDS:
                found.append((verb, joined))
    return found


def query_lookup_stems(text: str) -> set[str]:
    """Stems that might be compound parts of the question's words, or joined separable verbs:
    look these up in the index and pass the ones found as the vocabulary of `analyse_query`."""
    found: set[str] = set()
    for token in content_tokens(text):
        if not _keeps_form(token):
            for piece in token.text.split("-"):
                found |= candidate_stems(piece)
    for _, joined in separable_verbs(text):
        found.add(stem(joined))
        if joined.endswith("t"):
            found.add(stem(joined[:-1]))
    return found


@lru_cache(maxsize=1)
def _stem_synonyms() -> dict[str, frozenset[str]]:
    by_stem: dict[str, set[str]] = {}
    for word, others in synonym_index().items():
        key = word if word in ABBREVIATIONS else stem(word)
        by_stem.setdefault(key, set()).update(
            other if other in ABBREVIATIONS else stem(other) for other in others
        )
    return {key: frozenset(values - {key}) for key, values in by_stem.items()}


synonym_caches.append(_stem_synonyms.cache_clear)


def analyse_query(text: str, vocabulary: Container[str] = BASE_STEMS) -> list[QueryTerm]:
    """Weighted terms of a question: typed words 1.0, their parts and synonyms less."""
    weights: dict[str, tuple[float, int]] = {}

    def add(term: str, weight: float, concept: int) -> None:
        current = weights.get(term)
        if current is None or weight > current[0]:
            weights[term] = (weight, current[1] if current else concept)

    synonyms = _stem_synonyms()
    tokens = content_tokens(text)
    for concept, token in enumerate(tokens):
        terms = word_terms(token, vocabulary)
        base = 1.0
        if token.text in LOW_VALUE_WORDS:
            base = LOW_VALUE_WEIGHT
        elif token.text in NARRATIVE_WORDS:
            base = NARRATIVE_WEIGHT
        part_weight = HYPHEN_PART_WEIGHT if "-" in token.text else PART_WEIGHT
        if terms[0] not in vocabulary and len(terms) > 1:
            # The compound itself is unknown: its parts stand in for it, together about as
            # much as one word.
            part_weight = max(part_weight, (len(terms) - 1) ** -0.5)
        add(terms[0], base, concept)
        for part in terms[1:]:
            add(part, base * part_weight, concept)
        for synonym in sorted(synonyms.get(terms[0], ())):
            add(synonym, base * SYNONYM_WEIGHT, concept)
    # A separable verb counts when the joined form is a known word ("houdt ... tegen" ->
    # "tegenhoudt"/"tegenhoud"); it is a concept of its own.
    # Its synonyms count too, also when the joined verb itself never occurs in the library
    # ("houdt ... tegen" finds "blokkeren"); the bare verb then says little on its own.
    concept = len(tokens)
    for verb_text, joined in separable_verbs(text):
        known = [t for t in _word_terms(joined, False, vocabulary) if t in vocabulary]
        forms = {stem(joined)} | ({stem(joined[:-1])} if joined.endswith("t") else set())
        related = sorted(set().union(*(synonyms.get(form, ()) for form in forms)) - set(known))
        for term in known:
            add(term, SEPARABLE_WEIGHT, concept)
        for term in related:
            add(term, SEPARABLE_WEIGHT * SYNONYM_WEIGHT, concept)
        if known or related:
            concept += 1
            verb = weights.get(stem(verb_text))
            if verb is not None:
                for term, (weight, term_concept) in list(weights.items()):
                    if term_concept == verb[1] and weight > BARE_VERB_WEIGHT:
                        weights[term] = (BARE_VERB_WEIGHT, term_concept)
    return [QueryTerm(term, weight, c) for term, (weight, c) in weights.items()]
