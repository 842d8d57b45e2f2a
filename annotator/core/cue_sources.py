"""The source a cue introduces: the noun phrase after it («قال مسؤول أمريكي كبير», «وفقًا لأشخاص مطلعين»),
or, when nothing follows, the one just before it («بعثة إيران في الأمم المتحدة أكدت»).

A heuristic over words, not a parser: the phrase runs until punctuation, a complementizer, a preposition
that starts an adjunct, a time word, a conjunction before a new phrase or another cue, and at most
MAX_WORDS words. No source is offered after an adverbial participle (قائلًا: its subject came before) or
a nominal cue other than a statement noun.
"""

from __future__ import annotations

from annotator.core.arabic import Token
from annotator.core.normalize import fold
from annotator.core.offsets import grapheme_ceil

MAX_WORDS = 9
LOOK_BACK = 8
STOP_PUNCTUATION = set("،,.:;؛!?؟()[]\n–")
QUOTES = set('"“”«»')
TANWEEN_FATH = "\u064b"  # «انقلابًا»: an accusative word is an object, not the one who speaks


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(word) for word in words.split())


COMPLEMENTS = _folded("أن أنه أنها أنهم أنهما أنهن أننا أنني إن إنه إنها إنهم إننا إنني بأن بأنه بأنها بأنهم بأنهما")
# words that end a source noun phrase
STOPS = COMPLEMENTS | _folded(
    "إلى عن مع منذ خلال قبل بعد عند عندما حيث بينما كما لكن ولكن ثم أو الذي التي الذين والتي والذي ما لا لم لن قد "
    "يوم اليوم أمس الأمس غدا مؤخرا أيضا كذلك السبت الأحد الإثنين الاثنين الثلاثاء الأربعاء الخميس الجمعة صباح مساء "
    "ذلك تلك قد وقد فقد لقد صباحا مساء ليلة فيه فيها له لها لهم هو هي هم نفسه بشأن حول ضد أمام لدى حتى الآن فعلا"
)
RELATIVES = _folded("الذي التي الذين اللذين اللتين اللواتي")
# after «في», these begin the setting of the statement, not a part of the source («قال في مقابلة»)
SETTINGS = _folded(
    "هذا هذه ذلك تلك مقابلة بيان تصريح تصريحات حديث وقت رسالة مؤتمر كلمة خطاب لقاء اتصال تغريدة منشور تقرير "
    "مقال حوار جلسة اجتماع ختام مستهل أعقاب ظل إطار سياق حين أثناء جميعها"
)
# «من» stays inside a phrase begun by these («أحد الخبراء من الوفد»), «على» and «من» right after the others
# («مطلع على هذه الاتصالات», «مقربون من الرئيس»)
PARTITIVES = _folded("أحد بعض عدد")
INFORMED = _folded("مطلع مطلعة مطلعين مطلعون المطلع المطلعة المطلعين المطلعون مقرب مقربة مقربين مقربون المقربين المقربون")
MEDIA = _folded("قناة صحيفة وكالة موقع شبكة مجلة إذاعة تلفزيون")
# «السفير الأمريكي لدى الأمم المتحدة», «المتحدث باسم الشرطة»: these prepositions belong to the title before them
ENVOYS = _folded("السفير سفير المندوب مندوب الممثل ممثل البعثة بعثة")
SPOKESPEOPLE = _folded("المتحدث متحدث الناطق ناطق المتحدثة متحدثة الناطقة ناطقة")
# a person's post: a name may follow its complement («قائد الجيش ماهيش سينانياكي»)
PERSON_HEADS = _folded(
    "قائد رئيس وزير مدير سفير نائب أمين زعيم مستشار مسؤول مسئول المتحدث متحدث الناطق ناطق مندوب ممثل حاكم محافظ "
    "مرشد رئيسة وزيرة مديرة"
)
# a name may follow these definite words («الرئيس أوباما», «وزير الخارجية جون كيري»)
TITLES = _folded(
    "الرئيس الوزير المرشد الأمير الملك الشيخ السيد السيدة الجنرال الزعيم المتحدث السفير النائب الدكتور المستشار "
    "الخارجية الدفاع الداخلية المالية الأعلى الأول الأمريكي الأميركي الإيراني الروسي الفرنسي البريطاني السابق "
    "الإيرانية الأمريكية الأميركية الروسية الصحفي الكاتب الخبير الباحث العام"
)
BOUNDARY_BACK = _folded("أن أنه إن إنه لكن ولكن حيث بينما كما ثم إذ فإن وإن بأن وقد")
SKIP_BACK = _folded("لم لن قد لا ولم ولن وقد ولا")
STATEMENT_NOUNS = _folded("تصريح تصريحات")


def find_sources(text: str, words: list[Token], folded: list[str], matches: list, lexicon: object) -> list:
    from annotator.core.cues import SourceSuggestion

    cue_words = {i for match in matches for i in range(match.first, match.last)}
    found = []
    taken: set[int] = set()
    for match in matches:
        span = None
        if match.cue.pos == "verb":  # «ولكنّ مسؤولي الإدارة لم ينفوا»: a subject set before the verb by a particle
            span = _before(text, words, folded, match, cue_words, after_particle=True)
        if span is None:
            span = _after(text, words, folded, match, cue_words)
        if span is None and match.cue.pos == "verb":
            span = _before(text, words, folded, match, cue_words)
        if span is None:
            continue
        first, last, start = span
        if any(i in taken for i in range(first, last)):
            continue
        taken.update(range(first, last))
        end = _close_quote(text, start, grapheme_ceil(text, words[last - 1].end))
        cue_start, cue_end = words[match.first].start, grapheme_ceil(text, words[match.last - 1].end)
        found.append(SourceSuggestion(start, end, text[start:end], cue_start, cue_end))
    return found


def _gap(text: str, words: list[Token], left: int, right: int) -> str:
    return text[words[left].end : words[right].start]


def _breaks(text: str, words: list[Token], left: int, right: int) -> bool:
    return any(ch in STOP_PUNCTUATION or ch in QUOTES for ch in _gap(text, words, left, right))


def _after(text: str, words: list[Token], folded: list[str], match, cue_words: set[int]):  # noqa: ANN001, ANN202
    """The phrase right after the cue: (first word, last word exclusive, start offset) or None."""
    cue = match.cue
    index = match.last
    if index >= len(words) or cue.pos in ("participle", "phrase", "passive"):
        return None
    if cue.pos == "nominal" and cue.words[0] not in STATEMENT_NOUNS:
        return None
    gap = _gap(text, words, index - 1, index)
    if any(ch in STOP_PUNCTUATION for ch in gap) or index in cue_words:
        return None
    head = folded[index]
    start = words[index].start
    if cue.pos == "preposition" and cue.lam_follows and head.startswith("ل"):
        start += _letters_before(words[index].text, 1)
        head = head[1:]
    elif cue.pos == "verb" and (_prepositional(head) or TANWEEN_FATH in words[index].text):
        return None  # «شدد لخامنئي», «أضافت زخمًا»: an object or an adjunct, not the speaker
    if head in STOPS or head in ("ما", "من", "في", "علي"):
        return None
    relatives = cue.pos == "preposition"  # «وفقًا للمصادر التي اطلعت على هذه الرسالة»
    return index, _extend(text, words, folded, index, cue_words, relatives=relatives), start


NAMES_WITH_LAM = _folded("لجنة لبنان لندن لافروف")


def _prepositional(word: str) -> bool:
    """«لخامنئي», «بالقيام», «للمصادر»: a preposition glued on; «بعض», «لجنة» are words of their own."""
    return word.startswith("با") or word.startswith("ل") and word not in NAMES_WITH_LAM


def _letters_before(word: str, letters: int) -> int:
    """Code points up to the end of the first `letters` letters, harakat included."""
    seen = 0
    for position, ch in enumerate(word):
        if fold(ch):
            if seen == letters:
                return position
            seen += 1
    return len(word)


def _definite(word: str) -> bool:
    return word.startswith("ال") or word.startswith("لل")


ADJECTIVES = _folded("العرب الأبيض الأوسط الأعلى الأول السابق الكبير الكبار الجديد الأسبق العام العليا الغربيون الغربيين")


def _adjective(word: str) -> bool:
    """A definite word that can follow a definite noun as its adjective: a nisba (الأمريكي، الإيرانية،
    العراقيون), a participle (المتحدة، المطلعة، المفاوض), an elative (الأعلى، الأوسط) or a listed one."""
    return (
        word in ADJECTIVES
        or word.endswith(("ي", "يه", "يون", "يين", "يان"))
        or word.startswith("الم")
        or len(word) == 6 and word.startswith("الا")
    )


def _extend(text: str, words: list[Token], folded: list[str], index: int, cue_words: set[int], *, relatives: bool = False) -> int:
    """The exclusive end of the noun phrase that starts at words[index]."""
    last = index + 1
    in_quote = False
    partitive = folded[index] in PARTITIVES
    person = folded[index] in PERSON_HEADS
    envoy = folded[index] in ENVOYS
    spokesperson = folded[index] in SPOKESPEOPLE
    while last < len(words) and last - index < MAX_WORDS:
        gap = _gap(text, words, last - 1, last)
        quotes = sum(ch in QUOTES for ch in gap)
        if any(ch in STOP_PUNCTUATION for ch in gap) and not in_quote:
            break
        if quotes % 2:
            in_quote = not in_quote
            if in_quote and not _short_quote(text, words, last):
                break
        word, previous = folded[last], folded[last - 1]
        if last in cue_words or word in COMPLEMENTS:
            break
        if relatives and word in RELATIVES:
            last = _clause_end(text, words, folded, last + 1, cue_words)
            break
        if word == "لدي" and envoy:
            pass
        elif word == "باسم" and spokesperson:
            pass
        elif word == "ل":
            break  # «لـ"الخبر"»: a preposition written apart
        elif word == "في":
            if last + 1 >= len(words) or _bare(folded[last + 1]) in SETTINGS or folded[last + 1] in SETTINGS:
                break
        elif word in ("من", "علي"):
            kept = previous in INFORMED or word == "من" and partitive
            if not kept or last + 1 < len(words) and folded[last + 1] in COMPLEMENTS:
                break
        elif word in STOPS:
            break
        elif word[:1] in "وف" and (word[1:3] == "ال" or word[1:2] == "ا") and not in_quote:
            break  # «والاتحاد», «وإيران»: a new phrase (a coordinated source stays out)
        elif word.startswith("ل") and (word.startswith("لل") or _bare(word[1:]) in MEDIA or word[1:] in MEDIA):
            break
        elif word.startswith("با") and not in_quote:
            break
        elif TANWEEN_FATH in words[last].text:
            break
        elif _definite(word) and not _definite(previous) and last - index >= 2 and _definite(folded[last - 2]) and folded[last - 2] in TITLES and previous not in ("لدي", "باسم"):
            break  # «الرئيس أوباما الكونغرس»: a name after a title ends the phrase
        elif _definite(word) and _definite(previous) and not _adjective(word) and not in_quote:
            break  # «هؤلاء القادة الولايات المتحدة»: a second definite noun that is no adjective is the object
        elif not _definite(word) and _definite(previous) and previous not in TITLES and not in_quote and not (
            person and last - index == 2
        ):
            break  # «وزارة الخزانة إيران»: an indefinite word after a definite one starts the object
        envoy = envoy or word in ENVOYS
        last += 1
    return last


def _clause_end(text: str, words: list[Token], folded: list[str], index: int, cue_words: set[int]) -> int:
    last = index
    while last < len(words) and last - index < MAX_WORDS and not (last > index and _breaks(text, words, last - 1, last)):
        if last in cue_words:
            break
        last += 1
    return last


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") else word


def _short_quote(text: str, words: list[Token], at: int) -> bool:
    """A quotation opening before words[at] closes within four words (a name in quotes, not a quotation)."""
    for offset in range(at, min(len(words), at + 4)):
        following = words[offset + 1].start if offset + 1 < len(words) else len(text)
        if any(ch in QUOTES for ch in text[words[offset].end : following]):
            return True
    return False


def _close_quote(text: str, start: int, end: int) -> int:
    """Take in the closing quote of a quoted name the phrase ends inside («وزير الخارجية "جون كيري"»)."""
    if sum(ch in QUOTES for ch in text[start:end]) % 2 and end < len(text) and text[end] in QUOTES:
        return end + 1
    return end


def _before(text: str, words: list[Token], folded: list[str], match, cue_words: set[int], *, after_particle: bool = False):  # noqa: ANN001, ANN202
    """The noun phrase before a verb (subject-verb order), from a clause boundary; with after_particle,
    only when that boundary is a particle such as أن، إن، لكن (not punctuation or the start of a sentence)."""
    if folded[match.first][:1] in "وف" and len(folded[match.first]) > 3:
        return None  # «وقال»: a verb joined by و starts its clause
    end = match.first
    while end > 0 and folded[end - 1] in SKIP_BACK and not _breaks(text, words, end - 1, end):
        end -= 1
    if end > 0 and (folded[end - 1] in RELATIVES or folded[end - 1][1:] in RELATIVES) and not after_particle:
        antecedent = end - 2  # «الرسائل التي أكدت»: the word before the relative
        if antecedent < 0 or _breaks(text, words, antecedent, end - 1) or folded[antecedent] in STOPS:
            return None
        return antecedent, antecedent + 1, words[antecedent].start
    for first in range(end - 1, max(-1, end - 1 - LOOK_BACK), -1):
        if first - 1 in cue_words:
            return None
        particle = first > 0 and folded[first - 1] in BOUNDARY_BACK and not _breaks(text, words, first - 1, first)
        at_boundary = particle or first == 0 or _breaks(text, words, first - 1, first)
        if at_boundary and after_particle and not particle:
            return None
        if at_boundary:
            head = folded[first]
            if head in STOPS or _prepositional(head) or head in ("في", "من", "علي"):
                return None
            if any(i in cue_words for i in range(first, end)):
                return None
            if _extend(text, words, folded, first, cue_words) >= end or _phrase_reaches(text, words, folded, first, end):
                return first, end, words[first].start
            return None
    return None


def _phrase_reaches(text: str, words: list[Token], folded: list[str], first: int, end: int) -> bool:
    """A short stretch with no punctuation, stop word or preposition but «في» before the verb."""
    return end - first <= 5 and all(
        folded[i] not in STOPS and not _breaks(text, words, i - 1, i) for i in range(first + 1, end)
    )
