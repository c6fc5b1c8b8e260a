"""Made-up articles for the statement tests (issue 18): one statement run by several outlets,
cut, re-punctuated and re-worded; its paraphrase; other speakers with roles; unnamed and
anonymous sources. All text is written for these tests; analyses are built by hand (no
extractor), so the store depends on nothing else."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.model import Analysis, Entity, Mention, Meta, Quote, Role


@dataclass(frozen=True)
class Said:
    """One quote: who (name, entity type, role title, organisation), what, how."""

    name: str
    type: str
    words: str
    kind: str = "direct"
    title: str | None = None
    organization: str | None = None
    anonymity: str = "named"


def make_analysis(
    article_id: str, language: str, published: str | None, source: str | None, said: list[Said]
) -> Analysis:
    """An analysis whose text is ``<name> sagte: „<words>“`` per quote, with entities and roles."""
    parts: list[str] = []
    entities: dict[str, Entity] = {}
    quotes = []
    offset = 0
    for n, item in enumerate(said):
        head = f"{item.name} sagte: „"
        start = offset + len(head)
        end = start + len(item.words)
        parts.append(f"{head}{item.words}“ ")
        entity = entities.get(item.name)
        if entity is None:
            roles = [Role(title=item.title, organization=item.organization)] if item.title or item.organization else []
            entity = Entity(
                id=f"e{len(entities)}", name=item.name, type=item.type, mentions=[(offset, offset + len(item.name))],  # type: ignore[arg-type]
                roles=roles,
            )  # fmt: skip
            entities[item.name] = entity
        quotes.append(
            Quote(
                id=f"q{n}",
                kind=item.kind,
                text=item.words,
                spans=[(start, end)],
                entity=entity.id,  # type: ignore[arg-type]
                speaker=Mention(text=item.name, spans=[(offset, offset + len(item.name))]),
                confidence=0.9,
                source_anonymity=item.anonymity,  # type: ignore[arg-type]
            )  # fmt: skip
        )
        offset = end + 2
    return Analysis(
        id=article_id,
        language=language,
        meta=Meta(published=published, source=source),
        text="".join(parts),
        entities=list(entities.values()),
        quotes=quotes,
    )


BRIDGE = "Die neue Brücke wird im Frühling fertig, und sie kostet keinen Cent mehr als geplant"
MAYOR = ("Anna Hollweg", "person")


def articles() -> list[Analysis]:
    """Eight articles: the mayor's bridge statement in five outlets (full, cut, re-punctuated,
    re-worded, and once as a paraphrase), a minister, analysts, an anonymous official."""
    mayor = {"name": MAYOR[0], "type": MAYOR[1], "title": "Bürgermeisterin", "organization": "Stadt Lindau"}
    return [
        make_analysis(
            "w1",
            "de",
            "2024-03-04",
            "Lindauer Bote",
            [
                Said(**mayor, words=BRIDGE),
                Said("Jonas Berner", "person", "Der Haushalt ist solide", title="Finanzminister"),
            ],
        ),
        make_analysis(
            "w2", "de", "2024-03-05", "Seeblatt", [Said(**mayor, words="Die neue Brücke wird im Frühling fertig")]
        ),
        make_analysis(
            "w3",
            "de",
            "2024-03-05",
            "Kurier am See",
            [
                Said(
                    **mayor,
                    words="Die neue Brücke wird im Frühling fertig – und sie kostet keinen Cent mehr als geplant!",
                ),
            ],
        ),
        make_analysis(
            "w4",
            "de",
            None,
            "Seeblatt",
            [
                Said(
                    **mayor,
                    words="Die neue Brücke wird im Frühling fertig, und sie kostet keinen einzigen Cent mehr"
                    " als geplant",
                ),
            ],
        ),
        make_analysis(
            "w5",
            "de",
            "2024-03-06",
            "Lindauer Bote",
            [
                Said(
                    **mayor,
                    words="die neue Brücke werde im Frühling fertig und koste nicht mehr als geplant",
                    kind="indirect",
                ),
                Said("Analysten", "group", "Die Baupreise steigen weiter", anonymity="unnamed"),
            ],
        ),
        make_analysis(
            "w6",
            "de",
            "2024-04-01",
            "Kurier am See",
            [
                Said(**mayor, words="Über den Radweg entscheidet der Stadtrat im Mai"),
                Said(
                    "Ein Beamter", "person", "Die Pläne liegen seit Wochen vor", title="Beamter", anonymity="anonymous"
                ),
            ],
        ),
        make_analysis(
            "w7",
            "de",
            "2024-04-02",
            "Lindauer Bote",
            [
                Said("Jonas Berner", "person", "Der Haushalt ist solide.", title="Finanzminister"),
                Said("Analysten", "group", "Die Zinsen bleiben hoch", anonymity="unnamed"),
            ],
        ),
        make_analysis(
            "w8",
            "en",
            "2024-04-03",
            "Lake Times",
            [
                Said("Anna Hollweg", "person", "The new bridge will be ready in spring", title="mayor"),
                Said("Residents", "group", "We have waited for years", anonymity="unnamed"),
            ],
        ),
    ]
