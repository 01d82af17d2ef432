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
