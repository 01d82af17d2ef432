"""Where a Persian subject begins and ends when no comma says so: adverbials before it, «همان‌طور که», an object.

Persian press often puts a time and a place before the subject with no comma
(«روز شنبه در تهران وزیر امور خارجه گفت …»), opens with «همان‌طور که X گفت،
…», or puts the object straight after the subject («وزیر نفت این خبر را
تکذیب کرد»). These helpers find the subject's edges in those three cases,
so the phrase rules in ``persian_phrases`` see only the subject.
"""

from __future__ import annotations

from .persian_phrases import Clause, is_word
from .persian_sources import BODIES
from .persian_words import (
    ANAPHOR_HEADS,
    ANONYMITY,
    COMPLEMENTISER,
    COUNTS,
    INSTITUTION_HEADS,
    MEDIA_HEADS,
    ROLE_HEADS,
    TIME_AFTER,
    TIME_HEADS,
    TIME_UNITS,
    pnorm,
    pset,
)

_WEEKDAYS = pset("شنبه", "یکشنبه", "دوشنبه", "چهارشنبه", "پنجشنبه", "جمعه")
_THREE_FIVE, _SAT = pset("سه", "پنج"), pnorm("شنبه")  # «سه‌شنبه» with its ZWNJ read as a space
# fmt: off
_TIME_WORDS = pset(
    "امروز", "دیروز", "امشب", "دیشب", "پریروز", "اخیرا", "صبح", "عصر", "ظهر", "شامگاه", "بامداد", "پیشتر", "قبلا",
    "سابقا", "اکنون", "اینک", "حالا", "تاکنون", "نیز", "همچنین",
)
# fmt: on
_EARLIER = (pnorm("پیش"), pnorm("تر"))  # «پیش‌تر» with its ZWNJ read as a space
_DAY_PARTS = pset("روز", "صبح", "عصر", "ظهر", "شب", "شامگاه", "بامداد", "صبحگاه", "ظهر")
_DAY_AFTER = _WEEKDAYS | _THREE_FIVE | pset("امروز", "دیروز", "گذشته", "جاری", "فردا", "پیش", "قبل")
_DAR = pnorm("در")
_AGO = pset("پیش", "قبل", "گذشته")
_LINKS = {
    (pnorm(a), pnorm(b)): pset(*c.split())
    for a, b, c in (
        ("با", "این", "حال وجود همه"),
        ("در", "این", "حال میان زمینه باره رابطه میان"),
        ("در", "همین", "حال زمینه باره رابطه"),
        ("در", "عین", "حال"),
        ("از", "سوی", "دیگر"),
        ("از", "طرف", "دیگر"),
        ("به", "هر", "حال"),
    )
}
#: a subject after «در PLACE» must open with one of these, or the place may be the subject's own («در تهران علی …»)
_SOURCE_HEADS = ROLE_HEADS | INSTITUTION_HEADS | MEDIA_HEADS | BODIES | ANAPHOR_HEADS
#: «همان‌طور که», «چنان‌که»: the clause they open has a source and verb, and the claim follows its comma
_AS = pset("همانطور", "همانگونه", "چنان", "آنطور", "آنگونه", "همچنان", "چنانکه", "همانطوری")
#: an object's first word right after a subject: a demonstrative or a word for news
# fmt: off
_OBJECT_CUES = pset(
    "این", "آن", "همین", "همان", "چنین", "خبر", "اخبار", "ادعای", "ادعا", "ادعاها", "شایعه", "شایعات", "گزارش",
    "گزارشها", "وقوع", "انتشار",
)
# fmt: on


def skip_adverbials(clause: Clause, start: int, limit: int) -> int:
    """``start`` moved past a time («روز شنبه», «دیروز», «هفته گذشته») and a place («در تهران») before a subject."""
    k = start
    while k < limit:
        word, after = clause.word(k), clause.word(k + 1)
        if word in _DAY_PARTS and after in _DAY_AFTER:
            k += 2
            if clause.word(k - 1) in _THREE_FIVE and clause.word(k) == _SAT:
                k += 1
        elif (word in COUNTS or word.isdigit()) and after in TIME_UNITS and clause.word(k + 2) in _AGO:
            k += 3  # «چند روز پیش وزیر …»
        elif (word, after) in _LINKS and clause.word(k + 2) in _LINKS[(word, after)]:
            k += 3  # «با این حال», «در همین حال», «از سوی دیگر» with no comma after
        elif (word, after) == _EARLIER:
            k += 2
        elif word in _TIME_WORDS or word in _WEEKDAYS:
            k += 1
        elif (
            word == _DAR and after in TIME_UNITS and (clause.word(k + 2).isdigit() or clause.word(k + 2) in TIME_AFTER)
        ):
            k += 3  # «در سال ۱۴۰۰», «در هفته گذشته»
        elif (word in TIME_HEADS and after in TIME_AFTER) or (
            word == _DAR and is_word(after) and clause.word(k + 2) in _SOURCE_HEADS and k + 2 < limit
        ):
            k += 2  # «هفته گذشته», «در تهران» before «وزیر …»
        else:
            break
    return k if k < limit else start


def as_opening(clause: Clause, start: int, complementiser: int) -> bool:
    """The words before the «که» at ``complementiser`` are «همان‌طور» or alike (read from ``start``)."""
    if not 1 <= complementiser - start <= 2:
        return False
    return "".join(clause.word(k) for k in range(start, complementiser)) in _AS


def object_start(clause: Clause, start: int, last: int) -> int | None:
    """How many words of the phrase [start, last] before «را» are the subject, when the object opens plainly."""
    if clause.word(start) in _OBJECT_CUES:
        return None  # «این گزارش را وزیر تأیید کرد»: the object comes first, no subject before «را»
    for k in range(start + 1, last + 1):
        if clause.word(k) in _OBJECT_CUES:
            return k - start
    return None


def hidden_name(clause: Clause, start: int, limit: int) -> int:
    """Where a «که» clause that keeps a name back («که نخواست نامش فاش شود») begins in [start, limit), or limit."""
    for k in range(start, limit):
        if clause.word(k) == COMPLEMENTISER:
            if any(clause.word(i) in ANONYMITY for i in range(k + 1, min(k + 6, limit))):
                return k
            return limit
    return limit
