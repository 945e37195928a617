"""Entity mentions: slovnet's spans as corrected by ``svodka.nlp.entities``, and the role mentions.

Cases are (text, expected) with expected mentions written ``surface/TYPE=normal`` (``=normal`` left out
when it equals the surface); role mentions are marked with a leading ``@``.
"""

from __future__ import annotations

import pytest

from svodka.nlp.entities import Options, find_mentions
from svodka.nlp.natasha_adapter import parse
from svodka.nlp.surnames import nominative


def mentions(text: str, models, options: Options | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    found = find_mentions(text, parse(text, models), models, options or Options())
    out = []
    for c in found:
        item = f"{'@' if c.role else ''}{c.text}/{c.type}"
        if c.normal != c.text:
            item += f"={c.normal}"
        out.append(item)
    return out


CASES = [
    # hyphenated first name, in two cases; the normal form is the whole name in the nominative
    ("Речь Касыма-Жомарта Токаева длилась час.", ["Касыма-Жомарта Токаева/PER=Касым-Жомарт Токаев"]),
    (
        "Ужин с Касым-Жомартом Токаевым прошёл в Кремле.",
        ["Касым-Жомартом Токаевым/PER=Касым-Жомарт Токаев", "Кремле/LOC=Кремль"],
    ),
    (
        "Президент Казахстана Касым-Жомарт Токаев прилетел в Казань.",
        [
            "@Президент Казахстана/PER",
            "Казахстана/LOC=Казахстан",
            "Касым-Жомарт Токаев/PER",
            "Казань/LOC",
        ],
    ),
    # two names in different cases, merged by the tagger, come apart
    ("«Спасибо», — сказал Токаев Путину.", ["Токаев/PER", "Путину/PER=Путин"]),
    # ORG normal forms through the syntax parse
    ("Закон одобрил Совет Федерации.", ["Совет Федерации/ORG"]),
    ("Заседание Совета Федерации перенесли на вторник.", ["Совета Федерации/ORG=Совет Федерации"]),
    # abbreviations, with canonical forms
    ("Он работал в посольстве РФ в Вашингтоне.", ["РФ/LOC=Россия", "Вашингтоне/LOC=Вашингтон"]),
    # legal forms and quotes are not part of a company's name
    ("Об этом сообщило ОАО «Газпром».", ["Газпром/ORG"]),
    # a name with a gloss in parentheses is two names
    ("Об этом сказал Марк Тейлор (Mark Taylor) журналистам.", ["Марк Тейлор/PER", "Mark Taylor/PER"]),
    # roles and titles
    ("Президент РФ провёл совещание.", ["@Президент РФ/PER", "РФ/LOC=Россия"]),
    (
        "Это подтвердил пресс-секретарь президента Белоруссии.",
        ["@пресс-секретарь президента Белоруссии/PER", "Белоруссии/LOC=Белоруссия"],
    ),
    (
        "Как сообщил представитель Кремля, встреча продлится час.",
        ["@представитель Кремля/PER", "Кремля/LOC=Кремль"],
    ),
    ("Казахстанский лидер прибыл в Москву.", ["@Казахстанский лидер/PER", "Москву/LOC=Москва"]),
    ("Глава государства подписал указ.", ["@Глава государства/PER"]),
    # plural "президенты" is not one person
    ("Президенты России и Киргизии встретились.", ["России/LOC=Россия", "Киргизии/LOC=Киргизия"]),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_mentions(text: str, expected: list[str], nlp_models) -> None:  # type: ignore[no-untyped-def]
    assert mentions(text, nlp_models) == expected


@pytest.mark.slow
def test_corrections_can_be_switched_off(nlp_models) -> None:  # type: ignore[no-untyped-def]
    text = "«Спасибо», — сказал Токаев Путину."
    assert mentions(text, nlp_models, Options(split_cases=False)) == ["Токаев Путину/PER=Токаев Путин"]
    assert mentions("Президент РФ провёл совещание.", nlp_models, Options(roles=False)) == ["РФ/LOC=Россия"]


@pytest.mark.slow
def test_offsets_point_into_the_text(nlp_models) -> None:  # type: ignore[no-untyped-def]
    text = "Встреча Владимира Путина и Эмманюэля Макрона прошла в Казани, сообщил ТАСС."
    found = find_mentions(text, parse(text, nlp_models), nlp_models)
    assert found and all(text[c.start : c.stop] == c.text for c in found)


@pytest.mark.parametrize(
    ("word", "case", "gender", "expected"),
    [
        ("Райкконена", "Gen", "Masc", "Райкконен"),
        ("Монком", "Ins", "Masc", "Монк"),
        ("Вертинской", "Dat", "Fem", "Вертинская"),
        ("Мелкумовой", "Gen", "Fem", "Мелкумова"),
        ("Маковского", "Gen", "Masc", "Маковский"),
        ("Петровым", "Ins", "Masc", "Петров"),
        ("Иванова", "Nom", "Fem", None),  # already nominative
        ("Иванова", "Gen", "Fem", None),  # a woman's "Иванова" is not a case form of "Иванов"
        ("Ли", "Gen", "Masc", None),
    ],
)
def test_surname_nominative(word: str, case: str, gender: str, expected: str | None) -> None:
    assert nominative(word, case, gender) == expected
