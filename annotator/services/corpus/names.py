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
    "سماحه جلاله مرحوم سابق حالي اول ثاني ديني سياسي روحي ثوره".split()
)
# Ministries and bodies an office is of: «وزير الخارجية», «رئيس الوزراء», «المرشد الأعلى للثورة».
OFFICES = frozenset("خارجيه داخليه دفاع ماليه عدل وزراء جمهوريه مجلس حكومه دوله بيت ابيض نواب شيوخ امن قومي".split())
# Nationality adjectives after a title («الرئيس الأمريكي»), both spellings where there are two.
NATIONALITIES = frozenset(
    "امريكي اميركي ايراني روسي اوكراني اسراءيلي سعودي عراقي سوري مصري تركي بريطاني فرنسي الماني صيني "
    "لبناني اردني قطري اماراتي يمني فلسطيني اوروبي غربي عربي خليجي".split()
)
# What an outlet's name is said with: «صحيفة وول ستريت جورنال», «وكالة رويترز».
OUTLET_WORDS = frozenset("صحيفه جريده مجله وكاله قناه موقع اذاعه تلفزيون شبكه".split())
# Heads of an unnamed source: «مسؤول أمريكي كبير», «أشخاص مطلعين», «مصادر دبلوماسية» keep every word.
UNNAMED = frozenset(
    "مسءول مسءولون مسءولين مسءوله مصدر مصادر اشخاص شخص دبلوماسي دبلوماسيون دبلوماسيين متحدث ناطق مطلعين مطلعون "
    "مراقبون مراقبين خبراء خبير محللون محللين مقربين مقربون".split()
)
_KEEP_ARTICLE = frozenset({"الله"})  # ال is part of the word here
# Words with two current spellings, after folding: the second is read as the first.
VARIANTS = {"اميركي": "امريكي", "اميركيه": "امريكيه", "اميركا": "امريكا", "اميركيون": "امريكيون", "امريكان": "امريكيون"}


def fold_letters(text: str) -> str:
    """Harakat, tatweel and hamza/alef/teh marbuta/alef maqsura forms folded; no word is removed."""
    return araby.strip_tatweel(araby.strip_tashkeel(text)).translate(_LETTERS).replace("\u0670", "")


def _without_clitics(word: str, first: bool) -> str:
    if word in _KEEP_ARTICLE:
        return word
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


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """What matching compares: the folded words with titles, offices, nationality adjectives and outlet words
    left out, as long as a name remains; an unnamed source («مسؤول أمريكي كبير») keeps all its words."""
    folded = words(text)
    if not folded or any(word in UNNAMED for word in folded):
        return " ".join(folded)
    dropped = TITLES | OFFICES | OUTLET_WORDS
    kept = [word for word in folded if word not in dropped and not _nationality(word)]
    return " ".join(kept or folded)


def is_outlet(text: str) -> bool:
    return bool(words(text)) and words(text)[0] in OUTLET_WORDS


def is_unnamed(text: str) -> bool:
    return any(word in UNNAMED for word in words(text))
