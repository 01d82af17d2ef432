"""The pieces of a Hebrew sentence the attribution patterns are made of, over one line's tokens.

Clause starts (after a colon and opening connectors), comma segments, the
complementiser that opens a claim (כי, ש־, a colon, a quote), the end of a
source phrase, an addressee to skip, a relayed source, and the prefix letters
a source's label leaves out («במשרד X מסרו» → משרד X).
"""

from __future__ import annotations

from .hebrew_text import Line
from .hebrew_words import (
    ACCORDING,
    ADDRESSEE_WORDS,
    ADDRESSEES,
    BET_WORDS,
    CHAIN_WORDS,
    CIRCUMSTANCE_WORDS,
    CIRCUMSTANCES,
    CONNECTORS,
    FROM_VERBS,
    NOT_SOURCE,
    OPENING_PAIRS,
    OPENING_TIME,
    PRIOR_VERBS,
    RELATIVE_VERBS,
    SH_WORDS,
    TIME_WORDS,
    VAV_WORDS,
    bare,
    verb,
)

ENDS = frozenset(".!?…")
MAX_SOURCE = 8  # words in a source phrase


def according_length(line: Line, i: int) -> int:
    """How many tokens «לפי» / «לדברי» / «על פי» takes at ``i`` (0 when it is none of them)."""
    word = line.word(i)
    word = word[1:] if word.startswith("ו") and word[1:] in ACCORDING | {"על"} else word
    if word in ACCORDING:
        return 1
    return 2 if word == "על" and line.word(i + 1) == "פי" else 0


def clause_start(line: Line, a: int, i: int, *, after_complement: bool = False) -> int:
    """Where the clause holding ``i`` starts: after the last colon and any opening connectors.

    With ``after_complement``, also after the last «כי» / «וכי»: a report inside
    another one's claim («X אמר כי Y הודיע ש…») has a clause, and a source, of its own.
    """
    start = a
    for k in range(a, i):
        word = line.word(k)
        if not line.inside[k] and (word == ":" or (after_complement and word in ("כי", "וכי"))):
            start = k + 1
    return bare_start(line, start, i)


def inner_report(line: Line, start: int, v: int) -> tuple[int, int] | None:
    """(index, letters) of a ש־ word opening a report inside another clause: «X אמר שמשרד Y הודיע כי…»,
    «לאחר שסיעת "…" הודיעה כי…»."""
    for k in range(v - 1, max(start, v - 10), -1):
        word = line.word(k)
        if line.inside[k] or line.word(k) in QUOTES_SET:
            continue
        if word in (",", ":"):
            return None
        found = verb(line.word(k - 1))
        opens = (found is not None and not found[0].endswith("ש")) or line.word(k - 1) in SUBORDINATORS
        if opens and is_complement_sh(word) and not relative(word):
            return k, 2 if word.startswith(("ש־", "ש-")) else 1
    return None


#: Words after which a ש־ opens a clause with a subject of its own: «לאחר שהמשטרה הודיעה כי…».
SUBORDINATORS = frozenset({"לאחר", "אחרי", "מאחר", "משום", "מכיוון", "כיוון", "למרות", "אף", "עד", "מאז", "בזמן"})
QUOTES_SET = frozenset('"“”„«»')


def bare_start(line: Line, start: int, i: int) -> int:
    """``start`` moved past connectors and time words that open a clause («עם זאת,», «אתמול»)."""
    while start < i:
        word = line.word(start)
        if word in CONNECTORS or word in OPENING_TIME:
            start += 1
        elif (word in ("עם", "לעומת") and line.word(start + 1) == "זאת") or (
            word,
            line.word(start + 1),
        ) in OPENING_PAIRS:
            start += 2
        elif word in (",", "-", "–"):
            start += 1
        else:
            break
    return start


def last_segment(line: Line, start: int, v: int) -> int:
    """Where the comma-separated stretch just before ``v`` starts."""
    for k in range(v - 1, start - 1, -1):
        if line.word(k) == "," and not line.inside[k]:
            return k + 1
    return start


def segments(line: Line, start: int, end: int) -> list[tuple[int, int]]:
    """The comma-separated stretches of [start, end) (quoted commas kept inside)."""
    segments, s = [], start
    for k in range(start, end):
        if line.word(k) == "," and not line.inside[k]:
            segments.append((s, k))
            s = k + 1
    segments.append((s, end))
    return segments


#: A comma, or a dash used as one: «"…" – אמר X».
SEPARATORS = frozenset({",", "-", "–", "—"})


def skip_comma(line: Line, k: int) -> int:
    return k + 1 if line.word(k) in SEPARATORS else k


def leading_quote(line: Line, start: int, v: int) -> int | None:
    """The opening mark of a quote that starts the clause and closes before the verb."""
    if line.is_open(start) and line.pairs[start] < v:
        return start
    return None


def is_complement_sh(word: str) -> bool:
    return word.startswith("ש") and len(word) > 2 and word not in SH_WORDS and verb(word) is None


def sh_opens(line: Line, k: int) -> bool:
    """A ש־ word at ``k`` that opens a claim; one right before a comma or «כי» is a name («ליאת שמש, …»),
    and «שביקש», «שפורסם» open a relative clause."""
    word = line.word(k)
    return is_complement_sh(word) and line.word(k + 1) not in (",", "כי") and not relative(word)


def complement(line: Line, k: int, b: int, *, first_sh: bool, limit: int = 12) -> int | None:
    """The normalised offset where the claim starts after ``k``: past כי, ש־, a colon or an opening quote."""
    first = k
    while k < b and k - first < limit:
        word = line.word(k)
        if word in ("כי", ":") or (word == "ש" and k + 1 < b):
            return line.tokens[k + 1].start if k + 1 < b else None
        if word.startswith(("ש־", "ש-")):
            return line.tokens[k].start + 2
        if sh_opens(line, k) and (first_sh or k > first):
            return line.tokens[k].start + 1
        if line.is_open(k):
            close = line.pairs[k]
            if line.word(k - 1) == "ל" or (close - k <= 5 and _complement_soon(line, close + 1, b)):
                k = close + 1  # «אמר ל"כאן" כי…», «בשיחה עם "עסקים היום" כי…»: a name, not the claim
                continue
            return line.tokens[k].start
        if word == "(":  # «אמר היום (שלישי) כי…»
            k = _after_parenthesis(line, k, b)
            continue
        if word == "," and relative_segment(line.word(k + 1)):  # «, שביקש שלא להזדהות,» is no claim
            k = next((j for j in range(k + 1, b) if line.word(j) == "," and not line.inside[j]), b)
            continue
        if word in ENDS or verb(word) is not None or word in FROM_VERBS:
            return None
        k += 1
    return None


def _complement_soon(line: Line, k: int, b: int) -> bool:
    """«כי» or a ש־ complement within two words of ``k``."""
    return any(line.word(j) == "כי" or sh_opens(line, j) for j in range(k, min(b, k + 2)))


def _after_parenthesis(line: Line, k: int, b: int) -> int:
    """The token after the «)» closing the parenthesis at ``k`` (``k + 1`` when none closes it soon)."""
    for j in range(k + 1, min(b, k + 8)):
        if line.word(j) == ")":
            return j + 1
    return k + 1


def phrase_end(line: Line, k: int, b: int, *, according: bool = False) -> int | None:
    """Where a source phrase starting at ``k`` ends: a comma, כי, ש־, a colon, a quote or the sentence end."""
    e = k
    while e < b:
        word = line.word(e)
        if word in (",", "כי", ":") or word in ENDS or (e > k and sh_opens(line, e) and not according):
            break
        if e > k and word.startswith("ש") and verb(word) is not None and not according:
            break  # «ציטט את השר שאמר כי…»
        if line.is_open(e):
            close = line.pairs[e]
            if e == k or close - e > 5:
                break
            e = close + 1
            continue
        if according and e == k:
            pass  # «לפי דיווח בחדשות 12,»: after לפי a noun, even one spelt like a verb
        elif ((found := verb(word)) is not None and not found[0].endswith("ש")) or word in FROM_VERBS:
            return None
        if e > k and (word in ADDRESSEES or word in ADDRESSEE_WORDS or (word == "ל" and line.is_open(e + 1))):
            break  # «"…", אמר השר לכתבים»: to whom, not who
        if e > k and circumstance(word):
            break  # «אמר השר בראיון לרדיו», «אומרת אבני כשהיא יושבת…»
        e += 1
    return e if e - k <= MAX_SOURCE + 2 else None


def has_report(line: Line, k: int, b: int) -> bool:
    """A reporting verb of its own (not a relative «ש…») in [k, b), outside quotes."""
    for j in range(k, b):
        found = verb(line.word(j))
        if found is not None and not line.inside[j] and not found[0].endswith("ש"):
            return True
    return False


def according_role(line: Line, k: int, b: int) -> int:
    """The end of a role between commas after «לדברי X,» when a quote follows it: «, רון מזרחי, "…"» (0: none)."""
    for j in range(k + 1, min(b, k + 5)):
        word = line.word(j)
        if word == ",":
            return j if line.is_open(j + 1) else 0
        if not word[:1].isalpha() or verb(word) is not None:
            return 0
    return 0


def circumstance(word: str) -> bool:
    """A word that opens a circumstance after a source: «בראיון», «בסוף», «כשהיא…»."""
    return word in CIRCUMSTANCE_WORDS or (word.startswith("כש") and len(word) > 3)


def skip_circumstance(line: Line, k: int, b: int) -> int:
    """Past an addressee and a circumstance after a trailing source, to the next comma or the end."""
    k = skip_addressee(line, k, b)
    if circumstance(line.word(k)):
        while k < b and (line.inside[k] or line.word(k) not in ENDS | {","}):
            k += 1
    return k


def skip_addressee(line: Line, k: int, b: int) -> int:
    """Past an addressee («לי», «ל"כאן"») and time words after a verb, before its source."""
    while k < b:
        word = line.word(k)
        if word in ADDRESSEES or word in TIME_WORDS or word in ADDRESSEE_WORDS:
            k += 1
        elif word == "ל" and line.is_open(k + 1):
            k = line.pairs[k + 1] + 1
        elif word == "(":
            k = _after_parenthesis(line, k, b)
        else:
            break
    return k


def relayed(line: Line, k: int, b: int) -> tuple[int, int] | None:
    """«דיווח בשם Y» / «ציטט את Y»: the span of Y, the person whose words are passed on."""
    k = skip_addressee(line, k, b)
    if line.word(k) not in ("בשם", "את"):
        return None
    end = phrase_end(line, k + 1, b)
    return (k + 1, end) if end is not None and end > k + 1 else None


def relative(word: str) -> bool:
    """«שביקש שלא להזדהות», «שפורסם בקיץ»: a relative clause, neither source nor role."""
    return word.startswith("ש") and word[1:] in RELATIVE_VERBS


def relative_verb(word: str) -> bool:
    """«שנשאל», «שהתראיין», «שביקש», «שאמר»: ש־ and a verb (not «שיעור», «שכר», nouns with ש)."""
    rest = word[1:]
    return word.startswith("ש") and (
        rest in RELATIVE_VERBS or rest in PRIOR_VERBS or verb(rest) is not None or (rest[:1] in "נה" and len(rest) >= 4)
    )


def relative_segment(word: str) -> bool:
    """A comma-separated stretch opened by ש־ («, שנשאל על כך בכנסת,»): a clause, not a role."""
    return relative(word) or (word.startswith("ש") and len(word) > 2 and word not in SH_WORDS)


def clause_word(word: str) -> bool:
    """A word opening a clause after a comma, not an apposition: «שביקש…», «ואין…», «אך…»."""
    conjunction = word.startswith("ו") and len(word) > 2 and word not in VAV_WORDS
    return relative_segment(word) or conjunction or word in CONNECTORS


def adverbial(word: str) -> bool:
    """A phrase that opens a sentence before its verb («בישיבה אתמול,», «אחרי הפגישה,»)."""
    return (
        word in CIRCUMSTANCES
        or word in ("אחרי", "כאשר", "כשנשאל", "בסיום", "בתום", "במהלך")
        or (word[:1] in ("ב", "כ") and len(word) > 3 and word not in BET_WORDS)
    )


def cut_relative(line: Line, s: int, e: int) -> int:
    for k in range(s + 1, e):
        if relative(line.word(k)):
            return k
    return e


def bet_strip(word: str) -> int:
    """How many letters of a locative «ב…» / «ב־…» to leave out of an impersonal source (0: not one)."""
    if word.startswith(("ב־", "ב-")):
        return 2
    return 1 if bet_prefix(word) else 0


def bet_prefix(word: str) -> bool:
    """«במשרד», «בעיריית»: a locative ב, not a word that starts with ב («בכיר», «בית»)."""
    return word.startswith("ב") and len(word) > 2 and word not in BET_WORDS


def from_prefix(word: str) -> int:
    """How many letters of «מ…» / «מ־…» / «ב…» to leave out of a נמסר-source (0: not one)."""
    if word.startswith(("מ־", "מ-")):
        return 2
    return 1 if word[:1] in ("מ", "ב") and len(word) > 2 else 0


def source_ok(words: list[str], strip: int) -> bool:
    first = words[0][strip:]
    if first in NOT_SOURCE or words[0] in NOT_SOURCE or not first[:1].isalpha():
        return False
    return all(w not in ("את", "כי") for w in words) and not any(according_word(w) for w in words)


def according_word(word: str) -> bool:
    return word in ACCORDING or (word[1:] in ACCORDING and word[0] == "ו")


def chain_end(line: Line, k: int, b: int) -> int | None:
    """Where «לפי X» ends with no comma after it: a construct chain closed by its definite word.

    «לפי משרד הבריאות התחלואה…», «לדברי ראש העיר המצב…», «לפי גורם במשטרה
    החשוד…»: office and document words in construct, ended by a word with «ה»,
    an acronym or a «ב…» phrase, then its adjectives («השירות המטאורולוגי»).
    A word that could be a name leaves the end unknown, and no suggestion.
    """
    e = k
    while e < b and e - k < 5:
        word = line.word(e)
        if not word[:1].isalpha() or word in NOT_SOURCE or verb(word) is not None or word in FROM_VERBS:
            return None
        if _definite(word) or (e > k and bet_prefix(word)):
            e += 1
            while _adjective(line.word(e)):
                e += 1
            if bet_prefix(line.word(e)) or line.word(e)[:1] in ("מ", "ל", "ו") or b - e < 2:
                return None  # «לפי הערכות בענף…»: where the source ends is a guess
            return e
        if bare(word) not in CHAIN_WORDS and word not in CHAIN_WORDS:
            return None
        e += 1
    return None


def _definite(word: str) -> bool:
    return (word.startswith("ה") and len(word) > 2) or '"' in word


def _adjective(word: str) -> bool:
    return word.startswith("ה") and word.endswith(("י", "ית", "יים", "יות")) and word not in NOT_SOURCE
