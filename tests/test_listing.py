"""What the side panel lists: claims in reading order with their sources, sources with counts, filters."""

from __future__ import annotations

from reader.annotations.listing import ClaimFilter, claim_entries, source_entries
from reader.annotations.model import Anchor, Claim, Source

TEXT = (
    "قال الوزير إن الأسعار ستنخفض. وكشفت مصادر مطلعة أن الخطة جاهزة. "
    "وأكدت سلمى حدّاد أن اللقاح آمن. ورأى الخبير أن التضخم سيتراجع."
)

MINISTER = Source("الوزير", "official", "وزير المالية", id="s-minister")
INSIDERS = Source("مصادر مطلعة", "anonymous", id="s-insiders")
HADDAD = Source("سلمى حدّاد", "official", "المتحدثة باسم وزارة الصحة", id="s-haddad")
UNUSED = Source("وكالة الأنباء", "media", id="s-unused")
SOURCES = {s.id: s for s in (MINISTER, INSIDERS, HADDAD, UNUSED)}


def claim(words: str, *sources: Source, tags: tuple[str, ...] = (), status: str = "unverified") -> Claim:
    start = TEXT.index(words)
    return Claim(
        Anchor.from_text(TEXT, start, start + len(words)),
        tuple(s.id for s in sources),
        tags,
        status=status,
        id=f"c-{start}",
    )


PRICES = claim("الأسعار ستنخفض", MINISTER, tags=("اقتصاد",))
PLAN = claim("الخطة جاهزة", INSIDERS, tags=("اقتصاد", "خطة"), status="disputed")
VACCINE = claim("اللقاح آمن", HADDAD, tags=("صحة",), status="supported")
BOTH = claim("التضخم سيتراجع", MINISTER, INSIDERS)


def test_claims_are_listed_in_reading_order_whatever_order_they_come_in() -> None:
    entries = claim_entries([VACCINE, BOTH, PRICES, PLAN], [], SOURCES)
    assert [e.claim for e in entries] == [PRICES, PLAN, VACCINE, BOTH]
    assert entries[3].sources == (MINISTER, INSIDERS)
    assert entries[3].source_names == "الوزير، مصادر مطلعة"


def test_orphans_come_after_the_placed_claims_and_say_so() -> None:
    lost = Claim(Anchor(999, 1005, "مفقود"), (HADDAD.id,), id="c-lost")
    entries = claim_entries([PLAN, PRICES], [lost], SOURCES)
    assert [(e.claim.id, e.orphan) for e in entries] == [(PRICES.id, False), (PLAN.id, False), ("c-lost", True)]


def test_a_hash_filter_keeps_claims_by_tag_only() -> None:
    entries = claim_entries([PRICES, PLAN, VACCINE, BOTH], [], SOURCES, "#اقتصاد")
    assert [e.claim for e in entries] == [PRICES, PLAN]
    # The word is a source's name too, but # looks at tags only.
    assert claim_entries([PRICES, PLAN], [], SOURCES, "#الوزير") == []


def test_an_at_filter_keeps_claims_by_source_name_or_role() -> None:
    assert [e.claim for e in claim_entries([PRICES, PLAN, VACCINE, BOTH], [], SOURCES, "@الوزير")] == [PRICES, BOTH]
    # By role: "the spokeswoman of the ministry of health".
    assert [e.claim for e in claim_entries([PRICES, VACCINE], [], SOURCES, "@وزارة الصحة")] == [VACCINE]


def test_filters_ignore_harakat_and_hamza_forms() -> None:
    # Typed without the shadda, with a bare alef for the hamza on the tag.
    assert [e.claim for e in claim_entries([VACCINE, PLAN], [], SOURCES, "@سلمى حداد")] == [VACCINE]
    assert [e.claim for e in claim_entries([PRICES, PLAN], [], SOURCES, "#اقتصاد")] == [PRICES, PLAN]
    assert ClaimFilter.parse("  #إقتصاد ").needle == ClaimFilter.parse("#اقتصاد").needle


def test_a_plain_filter_looks_at_tags_sources_types_and_statuses() -> None:
    claims = [PRICES, PLAN, VACCINE, BOTH]
    assert [e.claim for e in claim_entries(claims, [], SOURCES, "anonymous")] == [PLAN, BOTH]
    assert [e.claim for e in claim_entries(claims, [], SOURCES, "disputed")] == [PLAN]
    assert [e.claim for e in claim_entries(claims, [], SOURCES, "صحة")] == [VACCINE]
    assert claim_entries(claims, [], SOURCES, "nothing-like-this") == []


def test_sources_are_listed_with_their_claims_most_first_unused_last() -> None:
    entries = source_entries([PRICES, PLAN, VACCINE, BOTH], SOURCES)
    assert [(e.source.name, e.count) for e in entries] == [
        ("الوزير", 2),
        ("مصادر مطلعة", 2),
        ("سلمى حدّاد", 1),
        ("وكالة الأنباء", 0),
    ]
    assert entries[0].claims == (PRICES, BOTH)  # in reading order


def test_a_tag_filter_on_sources_counts_only_the_claims_with_that_tag() -> None:
    entries = source_entries([PRICES, PLAN, VACCINE, BOTH], SOURCES, "#اقتصاد")
    assert [(e.source.name, e.count) for e in entries] == [("الوزير", 1), ("مصادر مطلعة", 1)]


def test_a_source_filter_on_sources_keeps_the_matching_source_with_all_its_claims() -> None:
    entries = source_entries([PRICES, PLAN, VACCINE, BOTH], SOURCES, "@مصادر")
    assert [(e.source.name, e.count) for e in entries] == [("مصادر مطلعة", 2)]
    # A source no claim names is still found by name.
    assert [e.source.name for e in source_entries([PRICES], SOURCES, "وكالة")] == ["وكالة الأنباء"]


def test_filters_fold_teh_marbuta_alef_and_alef_maqsura_as_search_does() -> None:
    channel = Source("قناة الأقصى", "media")
    claim = Claim(Anchor(0, 4, "قال"), (channel.id,), ("صحة",))
    sources = {channel.id: channel}
    for typed in ("@قناه", "@الاقصي", "#صحه", "قناة"):
        assert ClaimFilter.parse(typed).claim_matches(claim, sources), typed
