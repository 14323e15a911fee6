"""Findings of notebook 04_quotes_voice: every number its prose states, recomputed.

If a change to ``rhetoric`` breaks one of these, the written finding is now false:
rewrite the finding (and this test) with the new number, or fix the code. The seed
corpus is analysed once per session (``tests/conftest.py``).
"""

from __future__ import annotations

from findings import IDS, interval, metric, voice_rates, with_interval

from rhetoric import comparison


def test_04_quote_shares_and_ratios(by_id, frame, pairs):
    assert metric(by_id, "quote_share", 0, 100) == {"000": 38, "003": 55, "004": 38}
    assert interval(frame, "quote_share", 0, 100) == {
        "000": (22, 55),
        "003": (41, 68),
        "004": (15, 63),
    }
    assert metric(by_id, "quote_commentary_ratio", 2) == {"000": 0.61, "003": 1.24, "004": 0.62}
    assert round(pairs.loc[("quote_share", "000", "003"), "p_value"], 2) == 0.15


def test_04_who_is_quoted(corpus):
    t = comparison.speaker_table(corpus)
    t["id"] = t["id"].str[:3]
    top = t.groupby("id").head(1)
    rows = [(r.id, r.speaker, r.words, round(r.share_of_quoted * 100)) for r in top.itertuples()]
    assert rows == [
        ("000", "Alexei Maslov", 82, 37),
        ("003", "Vladimir Putin", 197, 31),
        ("004", "Xi Jinping", 76, 60),
    ]
    a = comparison.speaker_table(corpus, by="affiliation")
    a["id"] = a["id"].str[:3]
    share = {(r.id, r.affiliation): round(r.share_of_quoted * 100) for r in a.itertuples()}
    assert share[("000", "Russia")] == 53 and share[("000", "China")] == 47
    assert ("000", "(unattributed)") not in share
    assert share[("003", "China & Russia")] == 42 and share[("003", "Russia")] == 49
    assert not any(k[1] == "(unattributed)" for k in share)
    assert share[("004", "China")] == 60 and share[("004", "Russia")] == 40
    named = set(t.loc[t["speaker"] != "(unattributed)", "affiliation"])
    assert named == {"Russia", "China", "China & Russia", "International"}  # no Western voice
    intl = t[t["affiliation"] == "International"]
    assert intl[["id", "speaker", "words"]].values.tolist() == [["003", "Thomas Bach", 46]]
    assert round(intl["share_of_quoted"].iloc[0] * 100) == 7


def test_04_every_article_names_the_us_or_the_west(by_id):
    for k in IDS:
        assert any(m.group == "us_west" for m in by_id[k].mentions), k


def test_04_unattributed_and_misattributed_quotes(corpus, by_id):
    t = comparison.speaker_table(corpus)
    t["id"] = t["id"].str[:3]
    assert (t["speaker"] == "(unattributed)").sum() == 0  # threshold 0.0: every guess given
    # 003: the eight quotes of Putin's Xinhua commentary (up to "Putin stressed") are
    # his (the lead-in, six continuations, the last with its own cue), three of the
    # continuations below 0.2; "Russia", the subject of one of their
    # sentences, takes none (a government speaks only where a cue makes it speak)
    a = by_id["003"]
    cue = a.article.text.index("Xinhua published the text of his commentary")
    end = a.article.text.index("Putin stressed")
    direct = [q for q in a.quotes if q.kind == "direct" and q.depth == 0]
    opening = [q for q in direct if cue < q.start < end]
    putin = "Vladimir Putin"
    assert [q.speaker for q in opening] == [putin] * 8
    low = round(min(q.speaker_confidence for q in opening), 2)
    assert low < 0.2 and sum(round(q.speaker_confidence, 2) == low for q in opening) == 3
    assert min(q.speaker_confidence for q in opening) == min(
        q.speaker_confidence for q in a.quotes if q.speaker == putin
    )
    # "most of them from his Xinhua commentary"
    total = t[(t["id"] == "003") & (t["speaker"] == putin)]["words"].iloc[0]
    assert sum(q.n_words for q in opening) / total > 0.5
    assert not any(q.speaker == "Russia" for q in direct)
    # 003: the statement's quotes after "China and Russia urge" go to the group
    group = t[(t["id"] == "003") & (t["speaker"] == "China and Russia")]
    assert group[["quotes", "words"]].values.tolist() == [[3, 92]]
    assert all(q.speaker for q in by_id["004"].quotes if q.kind == "direct")
    # 000: the two quotes continuing Maslov's analysis are his
    m = by_id["000"]
    assert all(q.speaker for q in m.quotes if q.kind == "direct" and q.depth == 0)
    start = m.article.text.index("Strong bilateral ties")
    after = [q for q in m.quotes if q.kind == "direct" and start <= q.start < start + 300]
    assert [q.speaker for q in after] == ["Alexei Maslov"] * 2
    maslov = t[(t["id"] == "000") & (t["speaker"] == "Alexei Maslov")]
    assert round(maslov["share_of_quoted"].iloc[0] * 100) == 37
    # 000: the quote never closed names no speaker but is given to Xi Jinping
    (q000,) = [q for q in m.quotes if q.kind == "direct" and q.unclosed]
    assert q000.speaker == "Xi Jinping" and q000.n_words == 17
    xi = t[(t["id"] == "000") & (t["speaker"] == "Xi Jinping")]
    assert round(17 / xi["words"].iloc[0] * xi["share_of_quoted"].iloc[0] * 100) == 8


def test_04_scare_and_title_quotes(corpus, by_id):
    t = comparison.quote_table(corpus, kinds=["scare", "title"])
    t["id"] = t["id"].str[:3]
    got = [(r.id, r.kind, r.text.strip("“”\"'").rstrip(",")) for r in t.itertuples()]
    assert got == [
        ("000", "scare", "diversification"),
        ("003", "title", "Russia and China: A Future-Oriented Strategic Partnership"),
        ("003", "scare", "comprehensive strategic partnership"),
    ]
    assert metric(by_id, "scare_quotes_per_1000_words", 1) == {"000": 1.7, "003": 0.9, "004": 0.0}


def test_04_commentary_against_quotes(by_id, voice, valid):
    assert metric(by_id, "loaded_per_100_words_commentary", 1) == {
        "000": 3.6,
        "003": 1.2,
        "004": 4.4,
    }
    assert metric(by_id, "loaded_per_100_words_quotes", 1) == {"000": 0.9, "003": 0.5, "004": 0.8}
    assert sum(t.in_quote for t in by_id["000"].loaded.terms) == 2  # "one to three counted terms"
    assert sum(t.in_quote for t in by_id["004"].loaded.terms) == 1
    assert sum(t.in_quote for t in by_id["003"].loaded.terms) == 3
    times = {
        k: by_id[k].metrics["loaded_per_100_words_commentary"]
        / by_id[k].metrics["loaded_per_100_words_quotes"]
        for k in IDS
    }
    assert {k: round(v, 1) for k, v in times.items()} == {"000": 4.0, "003": 2.5, "004": 5.6}
    # chart title: commentary above quotes everywhere, most clearly in 000 and 004
    assert min(times["000"], times["004"]) > times["003"] > 1
    assert metric(by_id, "sentiment_mean_commentary", 2) == {"000": 0.64, "003": 0.19, "004": 0.18}
    assert metric(by_id, "sentiment_mean_quotes", 2) == {"000": 0.29, "003": 0.61, "004": -0.04}
    smallest = voice.loc[voice["p_value"].idxmin()]
    assert (smallest["id"], smallest["metric"]) == ("000", "sentiment_mean")
    assert round(smallest["p_value"], 2) == 0.08
    assert voice.at[smallest.name, "p_holm"] == voice["p_holm"].min()
    assert round(voice["p_holm"].min(), 2) == 0.5
    assert round(valid.at["loaded: token precision", "value"], 2) == 0.36
    assert round(valid.at["loaded: token F1", "value"], 2) == 0.29
    assert round(valid.at["loaded: Spearman rho of density per article", "value"], 2) == 0.74


def test_04_prose_states_the_quote_shares(frame, notebook_text):
    v = {k: with_interval(frame, k, "quote_share", 0, 100) for k in IDS}
    expected = "{}% of the body words of 000 (95% interval {} to {}%), ".format(*v["000"])
    expected += "{}% of 003 ({} to {}%) and {}% of 004 ({} to {}%)".format(*v["003"], *v["004"])
    assert expected in notebook_text("04")


def test_04_prose_states_the_speaker_figures(corpus, by_id, notebook_text):
    text = notebook_text("04")
    t = comparison.speaker_table(corpus)
    t["id"] = t["id"].str[:3]
    top = t[t["id"] == "000"].iloc[0]
    assert top["speaker"] == "Alexei Maslov"
    assert f"in 000 Alexei Maslov ({top.words} words, {top.share_of_quoted:.0%} of the" in text
    a = comparison.speaker_table(corpus, by="affiliation")
    a["id"] = a["id"].str[:3]
    share = {(r.id, r.affiliation): round(r.share_of_quoted * 100) for r in a.itertuples()}
    assert (
        f"Russian sources have {share[('000', 'Russia')]}% of the quoted words in 000 and "
        f"Chinese sources {share[('000', 'China')]}%"
    ) in text
    r = t[t["id"] == "003"].iloc[0]
    assert f"in 003 {r.speaker} ({r.words} words, {r.share_of_quoted:.0%}, most of them" in text
    r = t[(t["id"] == "003") & (t["speaker"].str.startswith("Joint statement"))].iloc[0]
    assert (
        f"{r.speaker.replace('Joint', 'the joint')} ({r.words} words, {r.share_of_quoted:.0%};"
        in text
    )
    a003 = by_id["003"]
    putin = [q.speaker_confidence for q in a003.quotes if q.speaker == "Vladimir Putin"]
    assert f"(confidence as low as {min(putin):.2f})" in text  # Putin's least sure quotes
    assert "threshold is 0.0" in text


def test_04_prose_states_the_commentary_and_quote_rates(by_id, voice, notebook_text):
    text = notebook_text("04")
    c, q = voice_rates(by_id)
    assert (
        f"at {c['000'] / q['000']:.1f} and {c['004'] / q['004']:.1f} times the rate of the words "
        f"he quotes: {c['000']:.1f} against {q['000']:.1f} per 100 words in 000, "
        f"{c['004']:.1f} against {q['004']:.1f} in 004"
    ) in text
    assert f"({c['003']:.1f} against {q['003']:.1f}, {c['003'] / q['003']:.1f} times)" in text
    named = {"loaded_per_100_words": "loaded language", "sentiment_mean": "tone"}
    first, second = (r for _, r in voice.sort_values("p_value").head(2).iterrows())
    assert (
        f"the smallest p-value is {first['p_value']:.2f} ({named[first['metric']]} in "
        f"{first['id']}) before adjustment and {first['p_holm']:.2f} after Holm adjustment, "
        f"and {named[second['metric']]} in {second['id']} comes next "
        f"({second['p_value']:.2f} before adjustment)"
    ) in text
