"""Lemmas that say nothing about which event an article reports (Russian and English, plus news filler)."""

from __future__ import annotations

_RU = """
а без более бы был быть в вам вас весь во вот все всего всех вы где да даже для до его ее если есть
еще же за здесь и из или им их к как ко когда кто ли либо мне может мы на над надо наш не него нее
нет ни них но ну о об однако он она они оно от очень по под после при с со так также такой там те
тем то того тоже той только том ты у уже хотя чего чей чем что чтобы чье чья эта эти это этот я
который свой мочь сказать заявить сообщить отметить стать также год день время человек один два три
новый весь другой такой самый этот тот ещё уж лишь между через около более менее раз сейчас теперь
ранее позже пока именно например кроме вместе очень сам себя свой наш ваш являться проходить иметь
говорить считать рассказать написать сообщать заявлять подчеркнуть добавить также поэтому потому
чтоб либо нибудь то-то кое ли бы же вот вон тут там туда сюда оттуда отсюда подписаться канал читать
смотреть новость новости источник фото видео http https www com ru t me
"""
_EN = """
a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours out over own same she should so some
such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with would you your
yours yourself also said says say told tell new one two three year years day days time people
according reported report reports news via photo video read more subscribe
"""

STOPWORDS: frozenset[str] = frozenset(_RU.split()) | frozenset(_EN.split())
