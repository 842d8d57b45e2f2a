"""Source names across articles: normalization and matching."""

from __future__ import annotations

import pytest

from annotator.services.corpus.matching import Matcher, group_names, score
from annotator.services.corpus.names import name_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("الرئيس الأمريكي باراك أوباما", "باراك اوباما"),
        ("الرئيسُ باراك أوبـــاما", "باراك اوباما"),  # harakat and tatweel
        ("والرئيس أوباما", "اوباما"),  # a conjunction, the article, a title
        ("المرشد الأعلى للثورة الإيرانية آية الله خامنئي", "خامنءي"),  # للـ, a feminine nationality, آية الله
        ("وزير الخارجية \"جون كيري\"", "جون كيري"),
        ("صحيفة «وول ستريت جورنال»", "وول ستريت جورنال"),
        ("لأشخاص مطلعين", "اشخاص مطلعين"),  # a preposition glued to a hamza on alef
        ("مسئول أميركي كبير", "مسءول امريكي كبير"),  # an unnamed source keeps its words; مسئول = مسؤول, أميركي = أمريكي
        ("البيت الأبيض", "بيت ابيض"),  # nothing but office words: all kept
        ("مدرسة", "مدرسه"),  # teh marbuta
        ("موسى", "موسي"),  # alef maqsura
        ("إيلان بيرمان النائب الأول لرئيس مجلس السياسة الخارجية الأميركية في واشنطن", "ايلان بيرمان"),  # a description cut
        ("بيرمان خبير الأمن الإقليمي في الشرق الأوسط", "بيرمان"),
        ("المرشد الأعلى في إيران علي خامنئي", "ايران علي خامنءي"),  # في dropped, على-folded علي kept: it is Ali
        ("بعض المسؤولين الإيرانيين", "بعض مسءولين ايرانيين"),  # a quantifier before an unnamed head
        ("مسئولًا في وزارة الخارجية", "مسءولا في وزاره خارجيه"),
        ("لمصادر التي اطلعت على هذه الرسالة", "مصادر التي اطلعت علي هذه رساله"),  # ل before a head noun
    ],
)
def test_name_keys(written: str, key: str) -> None:
    assert name_key(written) == key


def test_the_spellings_of_one_person_or_outlet_score_high_and_others_low() -> None:
    k = name_key
    assert score(k("أوباما"), k("الرئيس باراك أوباما")) == 95  # the surname alone
    assert score(k("ترمب"), k("الرئيس الأميركي دونالد ترامب")) == 88  # the surname spelled otherwise
    assert score(k("علي خامنئي"), k("آية الله علي خامنئي")) == 100  # the same key once the title is gone
    assert score(k("وول استريت جورنال"), k("وول ستريت جورنال")) >= 90
    assert score(k("مسؤول أمريكي كبير"), k("مسئول أمريكي كبير")) == 100
    assert score(k("مسؤول إيراني"), k("مسؤول أمريكي كبير")) < 85
    assert score(k("باراك"), k("باراك أوباما")) == 60  # a first name alone says little
    assert score(k("جون كيري"), k("باراك أوباما")) < 50
    assert score(k("أوباما"), k("إدارة أوباما")) < 85  # the administration is not the man
    assert score(k("الجمهوريون"), k("المرشح الجمهوري السابق")) < 85  # a suffix apart
    assert score(k("الأمريكيون"), k("الرئيس الأمريكي")) < 85


def test_a_matcher_finds_the_owner_of_a_surname_and_refuses_strangers() -> None:
    matcher = Matcher([(name_key("باراك أوباما"), 1), (name_key("علي خامنئي"), 2), (name_key("وول ستريت جورنال"), 3)])
    assert [(m.owner, m.score) for m in matcher.matches("الرئيس أوباما")] == [(1, 95.0)]
    assert [m.owner for m in matcher.matches("وول استريت جورنال")] == [3]
    assert matcher.matches("فلاديمير بوتين") == []


def test_titles_alone_are_grouped_within_their_article_only() -> None:
    names = ["الرئيس الأمريكي", "الرئيس الأمريكي", "الرئيس الأميركي", "أوباما", "إدارة أوباما", "باراك أوباما"]
    assert group_names(names, ["2014", "2014", "2025", "2014", "2014", "2014"]) == [[0, 1], [3, 5], [2], [4]]


def test_names_are_grouped_by_whom_they_name() -> None:
    names = ["أوباما", "الرئيس الأمريكي باراك أوباما", "خامنئي", "آية الله علي خامنئي", "صحيفة وول ستريت جورنال",
             "وول استريت جورنال", "مسؤول أمريكي كبير", "مسؤول إيراني", "باراك أوباما"]
    assert group_names(names) == [[0, 1, 8], [2, 3], [4, 5], [6], [7]]
