"""Known-answer tests for rhetoric.measures.attribution (speakers, normalisation, gazetteer)."""

from __future__ import annotations

import warnings
from dataclasses import replace

import pytest

from rhetoric.measures.attribution import Gazetteer, SpeakerModel, attribute
from rhetoric.measures.quotes import find_quotes
from rhetoric.text.tokens import tokenize


def who(text: str, gazetteer: Gazetteer | None = None):
    doc = tokenize(text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        qs = attribute(doc, find_quotes(doc), gazetteer)
    return [(q.speaker, q.affiliation, q.rule) for q in qs if q.kind == "direct" and q.depth == 0]


def test_x_said_after_quote():
    assert who("“The games are a major event,” Putin stressed.") == [
        ("Vladimir Putin", "Russia", "after")
    ]


def test_said_x_after_quote():
    assert who("“They are true friends,” said GT.") == [("Global Times", "China", "after")]


def test_x_said_before_quote_with_title_and_possessive():
    assert who("China’s President Xi Jinping said “we are friends and partners.”") == [
        ("Xi Jinping", "China", "before")
    ]


def test_according_to():
    t = "According to Kremlin spokesman Dmitry Peskov, the visit “will have an unusual format.”"
    assert who(t) == [("Dmitry Peskov", "Russia", "before")]


def test_nearest_name_to_the_verb_wins():
    t = "International Olympic Committee President Thomas Bach said: “We all looked forward.”"
    assert who(t) == [("Thomas Bach", "International", "before")]


def test_colon_intro_in_previous_paragraph_and_continuation():
    t = (
        "On Friday, a joint statement by Xi and Putin said the following:\n"
        "“Today, the world is undergoing massive changes.”\n"
        "“Humanity is entering a new era.”\n"
        "Both leaders left the hall afterwards.\n"
        "Nobody knew why.\n"
        "“Nothing lasts forever in this world.”"
    )
    joint = "Joint statement of Xi Jinping and Vladimir Putin"
    # the next paragraph keeps the run's confidence; after two commentary paragraphs the
    # continuation is far less sure (below the shipped threshold: unattributed), and
    # after five it is no candidate at all
    assert who(t) == [
        (joint, "China & Russia", "colon"),
        (joint, "China & Russia", "continuation"),
        (None, None, None),
    ]
    doc = tokenize(t)
    c = [q.speaker_confidence for q in attribute(doc, find_quotes(doc))]
    assert c[0] == c[1] and c[2] < c[1] / 2 and c[2] < SpeakerModel.default().threshold
    keep_all = replace(SpeakerModel.default(), threshold=0.0)
    third = attribute(doc, find_quotes(doc), model=keep_all)[2]
    assert (third.speaker, third.rule) == (joint, "continuation")
    far = t.replace("Nobody knew why.\n", "Nobody knew why.\n" + "Time passed.\n" * 3)
    doc = tokenize(far)
    assert attribute(doc, find_quotes(doc), model=keep_all)[2].speaker is None


def test_adding_colon_takes_speaker_of_earlier_quote_in_sentence():
    t = (
        "Putin called the visit “a key event in our relations,” adding:\n"
        "“Economic issues have always been at the centre of our attention.”"
    )
    assert [s for s, _, _ in who(t)] == ["Vladimir Putin", "Vladimir Putin"]


def test_pronoun_resolves_to_previous_person_speaker():
    t = (
        "“We are ready for talks with everyone,” Lavrov said.\n"
        "“I wish you good health, prosperity, and success,” he stressed."
    )
    assert who(t) == [
        ("Sergei Lavrov", "Russia", "after"),
        ("Sergei Lavrov", "Russia", "after"),
    ]


def test_pronoun_without_antecedent_is_unattributed():
    assert who("“We are ready to talk about it,” he said.") == [(None, None, None)]


def test_name_variants_normalise_to_one_speaker():
    t = (
        "“Ties are the best in history,” said President Xi.\n"
        "Xi Jinping added: “We will work together on many things.”\n"
        "“Our trade keeps growing every single year,” China’s president said."
    )
    assert {s for s, _, _ in who(t)} == {"Xi Jinping"}


def test_unknown_name_and_surname_expansion():
    t = (
        "Joel Pollak of Breitbart California observed: “The clear winner was the network.”\n"
        "“It was fair,” Pollak added."
    )
    assert who(t) == [
        ("Joel Pollak", None, "before"),
        ("Joel Pollak", None, "after"),
    ]


def test_organisation_statement():
    t = "Gazprom and CNPC signed a deal, a Gazprom statement saying: “This is an important step.”"
    doc = tokenize(t)
    keep_all = replace(SpeakerModel.default(), threshold=0.0)
    q = attribute(doc, find_quotes(doc), model=keep_all)[0]
    assert (q.speaker, q.affiliation, q.rule) == ("Gazprom", "Russia", "before")
    # an organisation's statement in one sentence is a weak cue in the training news:
    # below the shipped threshold, so left unattributed by default
    assert q.speaker_confidence < SpeakerModel.default().threshold
    assert who(t) == [(None, None, None)]


def test_unnamed_spokesman_is_his_own_description_not_a_guess():
    t = "Trump spoke on Monday. The spokesman said “the meeting was productive and long.”"
    assert who(t) == [("The spokesman", None, "before")]
    doc = tokenize(t)
    assert [q.speaker_kind for q in attribute(doc, find_quotes(doc))] == ["unnamed"]


def test_possessive_lead_in_names_its_owner():
    t = (
        "On the eve of Vladimir Putin’s arrival in Beijing to meet Xi Jinping, Xinhua "
        "published the text of his commentary, titled:\n"
        "“Russia and China: A Future-Oriented Strategic Partnership,” stressing:\n"
        "“(B)ound by friendship and trust, both leaders are close friends.”"
    )
    assert who(t) == [("Vladimir Putin", "Russia", "lead-in-owner")]


def test_quote_continuing_a_joint_statement_belongs_to_the_statement():
    t = (
        "On Friday, a joint statement by Xi and Putin said the following:\n"
        "“Today, the world is undergoing massive changes.”\n"
        "China and Russia urge “dialogue and mutual trust between all the states.”"
    )
    joint = "Joint statement of Xi Jinping and Vladimir Putin"
    assert [(s, r) for s, _, r in who(t)] == [(joint, "colon"), (joint, "statement")]


def test_short_name_takes_the_fullest_mention():
    t = "Senator Jane Roeberg spoke first. “We will vote no on this bill,” Roeberg said."
    assert who(t) == [("Jane Roeberg", None, "after")]


def test_every_direct_quote_has_a_confidence_and_threshold_nulls_the_speaker():
    t = "“We are ready for talks with everyone,” Lavrov said."
    doc = tokenize(t)
    (q,) = attribute(doc, find_quotes(doc))
    assert 0.5 < q.speaker_confidence <= 1 and q.speaker == "Sergei Lavrov"
    strict = replace(SpeakerModel.default(), threshold=q.speaker_confidence + 1e-4)
    (q2,) = attribute(doc, find_quotes(doc), model=strict)
    assert q2.speaker is None and q2.speaker_confidence == q.speaker_confidence
    assert "speaker_confidence" in q.record()


def test_scare_and_title_quotes_get_no_speaker():
    doc = tokenize("Putin said nothing about the so-called “reform” or the book “War and Peace.”")
    qs = attribute(doc, find_quotes(doc))
    assert [(q.kind, q.speaker) for q in qs] == [("scare", None), ("title", None)]


def test_user_gazetteer_extends_default(tmp_path):
    path = tmp_path / "extra.csv"
    path.write_text(
        "name,kind,aliases,country_or_bloc,role,note\n"
        "Jane Roe,person,Roe|Minister Roe,Freedonia,minister of truth,\n",
        encoding="utf-8",
    )
    gaz = Gazetteer.default() | Gazetteer.from_csv(path)
    assert len(gaz) == len(Gazetteer.default()) + 1
    assert who("“We are ready for this,” Minister Roe said.", gaz) == [
        ("Jane Roe", "Freedonia", "after")
    ]
    assert who("“We are ready for this,” Minister Roe said.") == [("Roe", None, "after")]


def test_gazetteer_rejects_bad_kind(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("name,kind,aliases\nX,robot,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind"):
        Gazetteer.from_csv(path)


def test_default_gazetteer_covers_seed_speakers():
    gaz = Gazetteer.default()
    for alias, name in [
        ("Xi", "Xi Jinping"),
        ("the Kremlin", "Kremlin"),
        ("Beijing", "China"),
        ("Dmitry Peskov", "Dmitry Peskov"),
        ("Alexei Maslov", "Alexei Maslov"),
        ("Evsey Vasilyev", "Evsey Vasilyev"),
        ("GT", "Global Times"),
        ("Xinhua", "Xinhua"),
        ("Tass", "Tass"),
        ("Gazprom", "Gazprom"),
        ("Thomas Bach", "Thomas Bach"),
        ("China’s president", "Xi Jinping"),
    ]:
        entry = gaz.lookup(alias)
        assert entry is not None and entry.name == name, alias
    assert gaz.lookup("Peskov").country_or_bloc == "Russia"
    assert gaz.lookup("beijing") is None  # single-word aliases are case-sensitive


def test_subject_after_guard_gives_the_regular_expression_s_answer():
    """The length guard of ``_subject_after`` never rules out a string the regular
    expression matches, and returns the same match where it runs."""
    import random

    from rhetoric.measures.attribution import _SUBJECT_AFTER_RE, _subject_after

    rng = random.Random(3)
    alphabet = [" ", " ", "\n", "\u00a0", ",", ":", "a", "X", "‖", "(", ";"]
    strings = [" Xi Jinping: ", " the spokesman,", "   ", "", " " + "b" * 60, " " + "b" * 61]
    strings += ["".join(rng.choices(alphabet, k=rng.randint(0, 90))) for _ in range(4000)]
    strings += [" " * rng.randint(1, 5) + "w" * rng.randint(55, 65) + " ,  " for _ in range(200)]
    matched = 0
    for s in strings:
        expected = _SUBJECT_AFTER_RE.match(s)
        got = _subject_after(s)
        assert (got and got.span(1)) == (expected and expected.span(1)), repr(s)
        matched += expected is not None
    assert matched > 50


def test_name_before_an_aside_is_the_speaker():
    t = "Brian Fallon, a spokesman for the Clinton campaign, said “the process was followed.”"
    assert who(t) == [("Brian Fallon", None, "before")]


def test_person_after_an_organisation_or_a_patrons_name():
    t = "“There were 24 arrests,” Republican National Committee spokesman Sean Spicer said."
    assert [s for s, _, _ in who(t)] == ["Sean Spicer"]
    assert [s for s, _, _ in who("“He is a friend,” said Clinton ally James Carville.")] == [
        "James Carville"
    ]
    # a one-word alias (Ryan: Paul Ryan) inside someone else's name is not that person
    assert [s for s, _, _ in who("“No one will mistake it,” CIA spokesman Ryan Trapani said.")] == [
        "Ryan Trapani"
    ]


def test_cue_later_in_the_sentence():
    t = "“It would be an embarrassment” if she lost by less, said David Wasserman, an analyst."
    assert who(t) == [("David Wasserman", None, "after-clause")]


def test_bracketed_party_and_state_is_not_the_speaker():
    t = "Senator Dianne Feinstein (D-Calif.) last week said the emails were “not top secret.”"
    assert who(t) == [("Dianne Feinstein", None, "before")]


def test_a_description_ends_before_its_verb():
    t = "The email went on to say, “Today, fewer people pay the dues that keep us going.”"
    assert who(t) == [("The email", None, "before")]


def _rules_of(t: str) -> list[dict[str, set[str]]]:
    """Per direct quote: each candidate's name and the sources that found it."""
    doc = tokenize(t)
    trace: list = []
    attribute(doc, find_quotes(doc), trace=trace)
    return [
        {n: {k[5:] for k in f if k.startswith("rule:") and "&" not in k} for n, f in cands}
        for _, cands in trace
    ]


def test_reported_speech_in_the_sentence_before_is_a_candidate():
    t = (
        "Arturo Sarukhan said Mexico must rebut the claims. "
        "The new strategy is a “very welcome tack,” he said."
    )
    assert _rules_of(t) == [{"Arturo Sarukhan": {"earlier-cue"}}]
    assert who(t) == [("Arturo Sarukhan", None, "earlier-cue")]
    # three sentences back is too far
    far = t.replace(" The new", " It rained. Then it snowed. The new")
    assert _rules_of(far) == [{}]


def test_subject_of_the_first_speech_verb_is_a_candidate():
    t = "Yepez said Perez was right to urge Latino leaders “to stand up and be active.”"
    (cands,) = _rules_of(t)
    assert "first-cue" in cands["Yepez"] and cands["Perez"] == {"before"}
    one_verb = "Perez urged Latino leaders “to stand up and be active.”"
    assert all("first-cue" not in r for r in _rules_of(one_verb)[0].values())


def test_quotes_without_a_cue_after_a_possessive_lead_in_stay_with_its_owner():
    t = (
        "Putin met Xi. Putin published his commentary, titled:\n"
        "“Russia and China: A Partnership,” stressing:\n"
        "“We are bound by friendship,” both leaders are close.\n"
        "Russia is a major supplier.\n"
        "Russia is involved in constructing “four new power units.”\n"
        "The talks went on.\n"
        "“Nothing is lost,” Peskov said."
    )
    putin = ("Vladimir Putin", "Russia")
    assert who(t) == [
        (*putin, "lead-in-owner"),
        (*putin, "continuation"),
        ("Dmitry Peskov", "Russia", "after"),
    ]
    doc = tokenize(t)
    c = [q.speaker_confidence for q in attribute(doc, find_quotes(doc)) if q.kind == "direct"]
    assert c[0] == c[1]  # the run keeps its head's confidence
    # without the possessive lead-in there is no run of the work to continue
    plain = t.replace("Putin published his commentary", "Xinhua published a commentary")
    assert who(plain)[1][0] is None


def _find_by_definition(gaz: Gazetteer, text: str):
    """Gazetteer.find as the module docstring defines it: each alias standing alone
    (no word character, apostrophe or hyphen before it, no word character or hyphen
    after it), single-word aliases case-sensitive, multi-word ones ignoring case; of
    overlapping matches the one starting first, then the longest."""
    import re

    found = []
    for e in gaz.entries:
        for alias in (e.name, *e.aliases):
            a = " ".join(alias.replace("’", "'").split())
            pattern = r"(?<![\w'’-])" + re.escape(a).replace("'", "['’]") + r"(?![\w-])"
            flags = re.IGNORECASE if " " in a else 0
            found += [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]
    out = []
    for s, e in sorted(set(found), key=lambda t: (t[0], -(t[1] - t[0]))):
        if out and s < out[-1][1]:
            continue
        out.append((s, e))
    return out


@pytest.mark.parametrize(
    "text",
    [
        "President Xi Jinping met Putin. xPutin, Putin's aide, pro-Putin, Putin-era, Putin_2.",
        "Russian president Vladimir Putin and the KREMLIN SPOKESMAN spoke; O’Brien and "
        "Xi’s friend. Chinese President Xi said Xi. “Putin,” said Xi-Putin.",
        "Kremlin spokesman Dmitry Peskov; Kremlin  spokesman (two spaces); İstanbul Putin.",
    ],
)
def test_gazetteer_find_gives_the_matches_of_its_definition(text):
    gaz = Gazetteer.default()
    assert [(s, e) for s, e, _ in gaz.find(text)] == _find_by_definition(gaz, text)


def test_gazetteer_find_on_the_seeds_and_an_alias_opening_with_punctuation():
    from pathlib import Path

    raw_dir = Path(__file__).resolve().parents[1] / "data" / "raw"
    odd = Gazetteer.from_rows([{"name": "(Anon) Source", "kind": "person", "aliases": "Anon"}])
    for gaz in (Gazetteer.default(), Gazetteer.default() | odd):
        for path in sorted(raw_dir.glob("*.txt")):
            text = path.read_text(encoding="utf-8") + " said (anon) source and Anon."
            matches = gaz.find(text)
            assert [(s, e) for s, e, _ in matches] == _find_by_definition(gaz, text)
            assert all(gaz.lookup(text[s:e]) is entry for s, e, entry in matches)
