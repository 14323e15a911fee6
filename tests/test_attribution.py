"""Known-answer tests for rhetoric.measures.attribution (speakers, normalisation, gazetteer)."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from dataclasses import replace
from pathlib import Path

import pytest

from rhetoric.measures.attribution import FEATURE_NAMES, Gazetteer, SpeakerModel, attribute
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
        "The Sierra Club said in a statement:\n"
        "“The pipeline puts our water at risk.”\n"
        "“We will fight it in every court.”\n"
        "Construction began in May.\n"
        "Nobody knew why.\n"
        "“Nothing lasts forever in this world.”"
    )
    club = ("Sierra Club", None)
    # the next paragraph continues the run; after two commentary paragraphs the
    # continuation is less sure, and after five it is no candidate at all
    assert who(t) == [(*club, "colon"), (*club, "continuation"), (*club, "continuation")]
    doc = tokenize(t)
    trace: list = []
    c = [q.speaker_confidence for q in attribute(doc, find_quotes(doc), trace=trace)]
    assert c[0] > c[1] > c[2] > SpeakerModel.default().threshold
    (_, (f1,)), (_, (f2,)) = [(q, [f for _, f in cands]) for q, cands in trace[1:]]
    assert f1["continuation&adjacent"] == 1.0 and "continuation&adjacent" not in f2
    # the run's head sets the confidence both continuations are scored from
    assert f1["continuation_head_confidence"] == f2["continuation_head_confidence"]
    far = t.replace("Nobody knew why.\n", "Nobody knew why.\n" + "Time passed.\n" * 3)
    doc = tokenize(far)
    keep_all = replace(SpeakerModel.default(), threshold=0.0)
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
    (q,) = attribute(doc, find_quotes(doc))
    assert (q.speaker, q.affiliation, q.rule) == ("Gazprom", "Russia", "before")
    # an organisation's statement in one sentence is a weaker cue in the training news
    # than a person's "said" (the model's kind features)
    person = tokenize("Peskov said in a statement: “This is an important step.”")
    (p,) = attribute(person, find_quotes(person))
    assert p.speaker == "Dmitry Peskov" and q.speaker_confidence < p.speaker_confidence


def test_unnamed_spokesman_is_his_own_description_not_a_guess():
    t = "Trump spoke on Monday. The spokesman said “the meeting was productive and long.”"
    assert who(t) == [("The spokesman", None, "before")]
    doc = tokenize(t)
    assert [q.speaker_kind for q in attribute(doc, find_quotes(doc))] == ["unnamed"]


def test_possessive_lead_in_names_its_owner():
    t = (
        "Bernie Sanders met the regulators. The Nation published the text of his letter, "
        "titled:\n“End Too Big to Fail,” arguing:\n"
        "“Banks have grown bigger since the crisis.”"
    )
    assert who(t) == [("Bernie Sanders", "United States", "lead-in-owner")]


def test_a_verb_after_a_determiner_and_a_comma_is_still_a_verb():
    # "her, citing": the determiner look-behind needs the determiner right before the
    # verb ("the report said"), so a comma between them leaves the verb a cue
    t = "On Tuesday, Gov. Jerry Brown endorsed her, citing her “long record of service.”"
    assert who(t) == [("Jerry Brown", None, "before")]
    t = "“The report is wrong,” the report said."  # the noun is no cue; *said* is
    assert [r for _, _, r in who(t)] == ["after"]


def test_a_country_speaks_only_where_a_cue_makes_it_a_speaker():
    # the last sentence is about Russia, not by it: its words come from the letter
    # quoted five paragraphs up, too far for a continuation, so no one is named
    t = (
        "Senator Jane Doe wrote in her letter:\n"
        "“Our two countries share an interest in stable energy markets.”\n"
        "Trade grew by a third last year.\n"
        "Both sides expect more.\n"
        "Dozens of projects are ongoing in “mining and farming.”\n"
        "Russia is a major supplier.\n"
        "Russia is involved in building “new power units at nuclear plants abroad.”"
    )
    assert [s for s, _, _ in who(t)] == ["Jane Doe", None]
    assert who("Moscow said “the talks were useful.”") == [("Russia", "Russia", "before")]
    assert who("“The talks were useful,” Moscow said.") == [("Russia", "Russia", "after")]
    gaz = Gazetteer.default()
    assert {"Russia", "China", "United States"} <= gaz.cue_only
    assert "Vladimir Putin" not in gaz.cue_only and "Kremlin" not in gaz.cue_only


def test_quote_continuing_a_statement_belongs_to_the_statement():
    t = (
        "On Friday, the joint statement of the two senators said:\n"
        "“The treaty must be ratified this year.”\n"
        "“Delay only helps our rivals.”"
    )
    speakers = [(s, r) for s, _, r in who(t)]
    assert speakers == [("the joint statement", "colon"), ("the joint statement", "continuation")]
    doc = tokenize(t)
    trace: list = []
    attribute(doc, find_quotes(doc), trace=trace)
    (name, f) = trace[1][1][0]
    assert f["continuation&colon"] == 1.0 and f["continuation&adjacent"] == 1.0
    # without a colon lead-in, a text as speaker is a run of its own ("document")
    doc = tokenize("The report said the plan was “a failure.”\n“It will cost billions.”")
    trace = []
    attribute(doc, find_quotes(doc), trace=trace)
    assert trace[1][1][0][1]["continuation&document"] == 1.0


def test_title_before_a_name_and_descriptions_are_their_heads():
    t = "Trump senior adviser Jason Miller said in a statement that “the polls are moving.”"
    assert who(t) == [("Jason Miller", None, "before")]
    t = "“We will want a person at the head,” Clinton campaign Chairman John Podesta told CNN."
    assert who(t) == [("John Podesta", None, "after")]
    t = "“It is Bernie’s to lose at this point,” added another New Hampshire Republican."
    assert [s for s, _, _ in who(t)] == ["another New Hampshire Republican"]
    t = "“He did write an email memo about it,” Powell’s office said in a statement."
    doc = tokenize(t)
    (q,) = attribute(doc, find_quotes(doc), model=replace(SpeakerModel.default(), threshold=0))
    assert (q.speaker, q.speaker_kind) == ("Powell’s office", "organisation")
    t = "“No, not at all,” a senior Cruz adviser said."
    assert who(t) == [("a senior Cruz adviser", "United States", "after")]
    # a gazetteer alias naming the whole phrase is the person
    t = "“Our trade keeps growing every single year,” China’s president said."
    assert [s for s, _, _ in who(t)] == ["Xi Jinping"]


def test_model_refuses_features_it_does_not_compute():
    data = {"weights": {"rule:after": 1.0, "no_such_feature": 0.5}, "bias": 0, "threshold": 0.3}
    with pytest.raises(ValueError, match="no_such_feature"):
        SpeakerModel.from_json(data)
    m = SpeakerModel.default()
    assert set(m.features) <= FEATURE_NAMES


def test_every_feature_given_is_a_known_feature():
    t = (
        "The Sierra Club said in a statement:\n“The pipeline puts our water at risk.”\n"
        "“We will fight it,” he said. Trump’s campaign manager says he is “gratified.”\n"
        "“It is fine,” she said, according to Reuters."
    )
    doc = tokenize(t)
    trace: list = []
    attribute(doc, find_quotes(doc), trace=trace)
    given = {k for _, cands in trace for _, f in cands for k in f}
    assert given and given <= FEATURE_NAMES


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


def test_state_is_the_same_whatever_the_threshold():
    """Below the threshold a speaker is not reported but is still remembered, so a run at
    any threshold gives what a run keeping every guess gives, cut at that threshold."""
    t = (
        "Bernie Sanders met the regulators. The Nation published the text of his letter, "
        "titled:\n“End Too Big to Fail,” arguing:\n"
        "“Banks have grown bigger since the crisis,” and the rules are weak.\n"
        "Congress has not acted.\n"
        "Regulators are studying “new capital rules for the largest firms.”\n"
        "“Nothing is lost,” he said."
    )
    doc = tokenize(t)
    keep_all = attribute(doc, find_quotes(doc), model=replace(SpeakerModel.default(), threshold=0))
    for cut in (0.3, 0.5, 0.7, 0.9):
        m = replace(SpeakerModel.default(), threshold=cut)
        got = attribute(doc, find_quotes(doc), model=m)
        for a, b in zip(keep_all, got, strict=True):
            if a.kind != "direct":
                continue
            assert a.speaker_confidence == b.speaker_confidence
            assert b.speaker == (a.speaker if a.speaker_confidence >= cut else None)


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


def _features_of(t: str) -> list[dict[str, dict[str, float]]]:
    """Per direct quote: each candidate's name and its features."""
    doc = tokenize(t)
    trace: list = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        attribute(doc, find_quotes(doc), trace=trace)
    return [dict(cands) for _, cands in trace]


def test_how_a_mention_stands_is_a_feature():
    # a full stop closes the quote: the name after it opens a new sentence
    t = "Calvin Williams lobbied, saying, “Fewer guns, the better.” Ann Lee said it was law."
    (cands,) = _features_of(t)
    assert cands["Ann Lee"]["after&sentence_end"] == 1.0
    assert "after&sentence_end" not in cands["Calvin Williams"]
    (cands,) = _features_of("“The fewer guns, the better,” Ann Lee said.")
    assert "after&sentence_end" not in cands["Ann Lee"]
    (cands,) = _features_of("''We are not terrorists.'' Ann Lee said it was law.")
    assert cands["Ann Lee"]["after&sentence_end"] == 1.0  # a closing '' as well
    # the subject before the verb is past an aside; the sentence's first name opens it
    t = "Gregory Angelo, president of the Log Cabin Republicans, said, “He would be good.”"
    (cands,) = _features_of(t)
    assert cands["Log Cabin Republicans"]["before&aside"] == 1.0
    assert cands["Gregory Angelo"]["sentence-first&apposed"] == 1.0
    assert (
        "before&aside"
        not in _features_of("Gregory Angelo said, “He would be good.”")[0]["Gregory Angelo"]
    )
    # a name after the verb with no comma or colon before the quote is its object
    (cands,) = _features_of("Yang Shu, a professor, calls Horgos “a mistake.”")
    assert cands["Horgos"]["before&object"] == 1.0
    (cands,) = _features_of("Yesterday said Xi Jinping: “We are ready.”")
    assert "before&object" not in cands["Xi Jinping"]


def test_no_speech_cue_since_the_previous_quote_is_a_feature():
    quiet = "“We will win,” Ann Lee said. The vote is on Monday.\n\n“Nobody can stop us.”"
    cands = _features_of(quiet)[1]
    assert cands["Ann Lee"]["continuation&quiet"] == 1.0
    assert "continuation&quiet&far" not in cands["Ann Lee"]
    far = quiet.replace("Monday.\n\n", "Monday.\n\nPolls close at eight.\n\n")  # two back
    assert _features_of(far)[1]["Ann Lee"]["continuation&quiet&far"] == 1.0
    cued = quiet.replace("The vote is", "Bob Dunn said the vote is")
    assert "continuation&quiet" not in _features_of(cued)[1]["Ann Lee"]


def test_a_description_loses_a_trailing_participle():
    t = "“Money is no problem,” said one Republican involved in the planning."
    assert who(t) == [("one Republican", None, "after")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not back down,” Mr. Prince said.", "Prince"),
        ("“It is over,” Ms. Judge said on Tuesday.", "Judge"),  # a surname that is a title word
        ("“The bill is dead,” Rep. Earl Blumenauer (D-Ore.) said.", "Earl Blumenauer"),
        ("“The bill is dead,” Sen. Jane Roe (R) said.", "Jane Roe"),
    ],
)
def test_honorific_surname_and_bracketed_party_keep_the_speaker(text, speaker):
    assert [s for s, _, _ in who(text)] == [speaker]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“That is simply false,” Bennett shot back.", "Bennett"),
        ("“Ladies and gentlemen, the winner,” Silverman interjected.", "Silverman"),
        ("“What a day this has been for all of us,” a young woman exclaimed.", "a young woman"),
        ("“We did nothing wrong,” Maddow repeated.", "Maddow"),
        ("“The policy has failed the poor,” the study conceded.", "the study"),
    ],
)
def test_less_common_speech_verbs_name_the_speaker(text, speaker):
    # verbs of saying added to speech_verbs.csv (one of two words: "shot back")
    assert [s for s, _, _ in who(text)] == [speaker]


def test_a_speech_verb_form_after_a_determiner_is_a_noun():
    # "report", "note", "call" are verbs of the list too: after "the" or "his" they name
    # the source, and the cue is the next verb
    assert [s for s, _, _ in who("“Immigrants are integrating,” the report concluded.")] == [
        "the report"
    ]
    assert [s for s, _, _ in who("“You are a total loser!” the note says.")] == ["the note"]


def test_a_description_is_no_clause():
    # "noting that it is …" names nobody; a description ends before a modal verb
    t = (
        "The senator from Vermont said the system was “corrupt,” noting that it is “very "
        "strange that a bank that pays fines is not prosecuted.”"
    )
    assert [s for s, _, _ in who(t)] == ["The senator", "The senator"]
    t = "As they walked, some Republicans could be heard grousing that the “fake” flyers won."
    assert [s for s, _, _ in who(t)] == ["some Republicans"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the participle's subject is the main clause's, past an opener naming no one
        (
            "In 2016, Phyllis Schlafly endorsed Donald Trump for president, saying he had "
            "“the courage and the energy” to do it.",
            "Phyllis Schlafly",
        ),
        # … and after "before", "after", "while" … (not the object of the main verb)
        (
            "On Tuesday, Mitch McConnell deflected questions about Donald Trump before "
            "saying, “It's time to quit attacking people.”",
            "Mitch McConnell",
        ),
    ],
)
def test_a_participle_takes_the_subject_of_its_main_clause(text, speaker):
    assert [s for s, _, _ in who(text)] == [speaker]


def test_a_relative_clause_ends_the_head_of_a_description():
    t = (
        "Although there is no overlap, a White House official who spoke anonymously to discuss "
        "strategy said Wednesday, “Certainly there are discussions.”"
    )
    assert who(t) == [("a White House official", "United States", "before")]


def test_a_colon_lead_in_with_no_speech_verb_is_its_subjects():
    t = (
        "In response, Donald Trump issued the following statement:\n\n"
        "“Our prayers are with all those affected by the horrible attacks.”"
    )
    assert [s for s, _, _ in who(t)] == ["Donald Trump"]


def test_a_headlines_speech_verb_ends_the_name_before_it():
    t = "Glenn Beck Says Trump, ‘Alt Right’ Pose A Threat To Democracy.\n\nBeck spoke on Friday."
    assert [s for s, _, _ in who(t)] == ["Glenn Beck"]


_TRACE_SCRIPT = """
import json, sys, warnings
from rhetoric.measures.attribution import attribute
from rhetoric.measures.quotes import find_quotes
from rhetoric.text.tokens import tokenize
warnings.simplefilter("ignore")
doc = tokenize(open(sys.argv[1], encoding="utf-8").read())
trace = []
quotes = attribute(doc, find_quotes(doc), trace=trace)
print(json.dumps([[q.speaker, repr(q.speaker_confidence)] for q in quotes]))
print(json.dumps([[list(f.items()) for _, f in cands] for _, cands in trace]))
"""


def test_scores_and_traces_do_not_depend_on_the_hash_seed(tmp_path):
    """A candidate's rules are a set: taken in set order, the order its weights are added
    in (and its trace) changed from one process to another with ``PYTHONHASHSEED``."""
    seed = sorted((Path(__file__).parents[1] / "data" / "raw").glob("003_*.txt"))[0]
    outputs = set()
    for hash_seed in ("0", "1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        run = subprocess.run(
            [sys.executable, "-c", _TRACE_SCRIPT, str(seed)],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        outputs.add(run.stdout)
    assert len(outputs) == 1
