"""Source names compared across articles: one key per way of naming someone, with Arabic spelling, clitics and
titles taken out, so that «الرئيس الأمريكي باراك أوباما» and «باراك أوباما» share a key and «أوباما» matches its
last word.

The key is for matching only; what is shown and exported is always the text as the article writes it.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pyarabic.araby as araby

# Every hamza carrier is one letter for matching, so that مسؤول and مسئول are the same word; hamza on or under
# an alef and madda become a bare alef (أوباما = اوباما); teh marbuta and alef maqsura as usual in search.
_LETTERS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ؤ": "ء", "ئ": "ء", "ة": "ه", "ى": "ي", "ک": "ك", "ی": "ي",
})
_WORD = re.compile(r"[\w\u0621-\u064a]+")

# Titles, offices and honorifics said before a name (normalized forms): left out when a name remains.
TITLES = frozenset(
    "رءيس ريس سيد سيده شيخ دكتور د استاذ امير ملك سلطان وزير وزيره نايب مرشد اعلي ايه الله حجه اسلام جنرال "
    "لواء عميد عقيد فريق مشير سفير سفيره مستشار مبعوث مندوب امين عام زعيم قايد رءيسه حاكم نجل سمو فخامه معالي "
    "سماحه جلاله مرحوم سابق حالي اول ثاني ديني سياسي روحي ثوره ناءب مرشح".split()
)
# Ministries and bodies an office is of: «وزير الخارجية», «رئيس الوزراء», «المرشد الأعلى للثورة».
OFFICES = frozenset("خارجيه داخليه دفاع ماليه عدل وزراء جمهوريه مجلس حكومه دوله نواب شيوخ امن قومي رءاسه".split())
# Nationality adjectives after a title («الرئيس الأمريكي»), both spellings where there are two.
NATIONALITIES = frozenset(
    "امريكي اميركي ايراني روسي اوكراني اسراءيلي سعودي عراقي سوري مصري تركي بريطاني فرنسي الماني صيني "
    "لبناني اردني قطري اماراتي يمني فلسطيني اوروبي غربي عربي خليجي".split()
)
# What an outlet's name is said with: «صحيفة وول ستريت جورنال», «وكالة رويترز».
OUTLET_WORDS = frozenset("صحيفه جريده مجله وكاله قناه موقع اذاعه تلفزيون شبكه".split())
# Heads of an unnamed source: «مسؤول أمريكي كبير», «أشخاص مطلعين», «مصادر دبلوماسية» keep every word.
UNNAMED = frozenset(
    "مسءول مسءولا مسءولون مسءولين مسءولي مسءوله مصدر مصدرا مصادر اشخاص شخص دبلوماسي دبلوماسيون دبلوماسيين متحدث "
    "ناطق مطلعين مطلعون مراقبون مراقبين خبراء خبير محللون محللين مقربين مقربون".split()
)
# Words before the head that say how many or which («بعض المسؤولين», «أحد الخبراء», «هؤلاء القادة»).
QUANTIFIERS = frozenset("بعض احد احدي نفس هءلاء كل عدد معظم اغلب".split())
# Heads of a phrase that names a body or people around someone, not the person: «إدارة أوباما», «مساعدو أوباما».
RELATIONAL = frozenset(
    "اداره مساعدو مساعدي مساعد فريق مكتب حكومه نظام وزاره بعثه سفاره حزب عاءله انصار مستشارو مستشاري متحدث "
    "ناطق عهد حمله".split()
)
# Short words that join a description to a name («المرشد الأعلى في إيران علي خامنئي»): never part of a key.
JOINERS = frozenset("في من لدي عن الي".split())  # not على: folded, it is the name Ali
_KEEP_ARTICLE = frozenset({"الله", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللاتي"})  # ال is part of the word here
# Words with two current spellings, after folding: the second is read as the first.
VARIANTS = {"اميركي": "امريكي", "اميركيه": "امريكيه", "اميركا": "امريكا", "اميركيون": "امريكيون", "امريكان": "امريكيون"}


def fold_letters(text: str) -> str:
    """Harakat, tatweel and hamza/alef/teh marbuta/alef maqsura forms folded; no word is removed."""
    return araby.strip_tatweel(araby.strip_tashkeel(text)).translate(_LETTERS).replace("\u0670", "")


def _without_clitics(word: str, first: bool) -> str:
    if word in _KEEP_ARTICLE:
        return word
    if len(word) > 3 and word[0] in "لب" and word[1:] in TITLES | UNNAMED | OFFICES:
        return word[1:]  # «لرئيس», «لمصادر»: a preposition before a noun that never starts with it
    if first and len(word) > 4 and word[0] in "وف" and (word[1:3] == "ال" or word[1] in "لب"):
        word = word[1:]  # «والرئيس», «فلخامنئي»
    if len(word) > 4 and word[0] in "بلك" and word[1:3] == "ال":
        word = word[1:]  # «بالرئيس», «لالرئيس»
    if len(word) > 4 and word.startswith("لل"):
        return word[2:]  # «للرئيس»
    if len(word) > 3 and word.startswith("ال"):
        return word[2:]
    return word


def _without_preposition(word: str) -> str:
    """«لأشخاص» is ل + «أشخاص»: a preposition glued to a hamza on alef (seen before hamza forms are folded)."""
    if len(word) > 3 and word[0] in "وف" and word[1] in "لبك" and word[2] in "أإآ":
        return word[2:]
    if len(word) > 2 and word[0] in "لبك" and word[1] in "أإآ":
        return word[1:]
    return word


@lru_cache(maxsize=65536)
def words(text: str, *, every: bool = False) -> tuple[str, ...]:
    """The folded words of a name, each without the article ال and leading clitics (a conjunction و or ف only on
    the first word of a name, on every word with `every`)."""
    found = _WORD.findall(araby.strip_tatweel(araby.strip_tashkeel(text)))
    folded = [fold_letters(_without_preposition(word)) for word in found if not word.isdigit()]
    return tuple(VARIANTS.get(word, word) for word in (_without_clitics(word, every or index == 0) for index, word in enumerate(folded)))


def _nationality(word: str) -> bool:
    return word in NATIONALITIES or (word.endswith("ه") and word[:-1] in NATIONALITIES)


def head(folded: tuple[str, ...]) -> str:
    """The word a name phrase is about: its first word after any quantifier («بعض المسؤولين» → مسؤولين)."""
    for word in folded:
        if word not in QUANTIFIERS:
            return word
    return ""


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """What matching compares: the folded words with titles, offices, nationality adjectives, outlet words and
    joining prepositions left out, as long as a name remains, and with any description after the name cut off
    («إيلان بيرمان النائب الأول لرئيس …» → ايلان بيرمان). An unnamed source («مسؤول أمريكي كبير», «بعض المسؤولين
    الإيرانيين») keeps all its words."""
    folded = words(text)
    if not folded or head(folded) in UNNAMED:
        return " ".join(folded)
    dropped = TITLES | OFFICES | OUTLET_WORDS | JOINERS
    kept: list[str] = []
    for word in folded:
        if word in dropped or _nationality(word):
            if kept and word in TITLES:
                break  # a description after the name: «بيرمان النائب الأول …»
            continue
        if kept and word in UNNAMED:
            break  # «بيرمان خبير الأمن الإقليمي …»
        kept.append(word)
    return " ".join(kept or folded)


def is_descriptive(text: str) -> bool:
    """A phrase of titles only («الرئيس الأمريكي»): who it names depends on the article and the year."""
    folded = words(text)
    dropped = TITLES | OFFICES | OUTLET_WORDS | JOINERS
    return bool(folded) and head(folded) not in UNNAMED and all(word in dropped or _nationality(word) for word in folded)


def is_relational(key: str) -> bool:
    """A key that names a body or people around someone («اداره اوباما»): its last word is not its surname."""
    return key.split(" ", 1)[0] in RELATIONAL


def is_outlet(text: str) -> bool:
    return bool(words(text)) and words(text)[0] in OUTLET_WORDS


def is_unnamed(text: str) -> bool:
    return head(words(text)) in UNNAMED
