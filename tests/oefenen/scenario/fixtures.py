"""A tiny scenario in the test's own words, and ways to break it."""

MINI = """\
id: mini
titel: Een klein scenario
samenvatting: Om de validator te testen.
gemeente: Proefdorp
variabelen:
  vertrouwen: {label: Vertrouwen, start: 50}
profielen:
  klein: {naam: Klein, beschrijving: Weinig inwoners.}
  groot: {naam: Groot, beschrijving: Veel inwoners.}
adviseurs:
  a: {naam: Anna, functie: jurist}
start: begin
situaties:
  begin:
    titel: Het begin
    tekst: Er gebeurt iets.
    adviezen:
      - adviseur: a
        tekst: Doe het rustig aan.
    keuzes:
      - id: ja
        tekst: Je doet het.
        gevolgen: {vertrouwen: 10}
        per_profiel:
          groot: {vertrouwen: -20}
        themas: [12]
        aspect: tempo
        uitleggen: true
        nieuws: Het dorp spreekt erover.
        volgende: midden
      - id: nee
        tekst: Je doet het niet.
        gevolgen: {vertrouwen: -10}
        einde: stil
  midden:
    titel: Daarna
    tekst: Nog een keer kiezen.
    keuzes:
      - id: door
        tekst: Je gaat door.
        gevolgen: {vertrouwen: 5}
        themas: [31]
        einde: goed
      - id: extra
        tekst: Alleen in het grote dorp.
        alleen_bij: [groot]
        einde: goed
eindes:
  goed: {titel: Goed afgelopen, tekst: Iedereen tevreden.}
  stil: {titel: Stil gebleven, tekst: Er gebeurde niets.}
"""
