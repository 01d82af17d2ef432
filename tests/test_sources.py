"""A new source's type is guessed from its name (anonymous for «مصادر مطلعة» and the like)."""

from __future__ import annotations

import pytest

from reader.annotations.sources import guess_source_type


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("مصادر مطلعة", "anonymous"),
        ("دبلوماسيون غربيون", "anonymous"),
        ("مسؤول أمريكي رفيع", "anonymous"),
        ("مسؤولًا أمريكيًا", "anonymous"),
        ("بعض المسؤولين الأمريكيين", "anonymous"),
        ("مصدر طلب عدم ذكر اسمه", "anonymous"),
        ("Western diplomats", "anonymous"),
        ("سلمى حداد، المتحدثة باسم وزارة الصحة", "official"),
        ("وزير الخارجية", "official"),
        ("كريم نور، الخبير الاقتصادي", "expert"),
        ("الدكتورة ريم الخطيب", "expert"),
        ("وكالة الأنباء الرسمية", "media"),
        ("تقرير صادر عن البنك الدولي", "document"),
        ("تغريدة على منصة إكس", "social"),
        ("سامي الحلبي", "other"),
        ("", "other"),
    ],
)
def test_source_type_is_guessed_from_the_name(name: str, kind: str) -> None:
    assert guess_source_type(name) == kind


def test_a_media_word_or_the_articles_outlet_makes_a_media_source() -> None:
    from reader.annotations.sources import type_with_outlet

    assert guess_source_type("شبكة رصد الإخبارية") == "media"
    assert guess_source_type("مجلة الأسبوع") == "media"
    assert type_with_outlet("الشرق الآن", "الشرق الآن", "other") == "media"
    assert type_with_outlet("موقع الشرق الان", "الشرق الآن", "other") == "media"  # names it, hamza folded
    assert type_with_outlet("الوزير", "الشرق الآن", "official") == "official"
    assert type_with_outlet("الوزير", "", "official") == "official"  # no outlet known
