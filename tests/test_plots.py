import io
import math
import struct
import subprocess
import sys

import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from rhetoric.comparison import compare
from rhetoric.text.tokens import tokenize
from rhetoric.viz import plots

TEXT = 'Alpha beta gamma delta. "Epsilon zeta eta," he said. Theta iota kappa lambda.'
#       S0: 4 words, Russia   S1: 5 words, 3 quoted          S2: 4 words, Russia


def find(text, piece):
    s = text.index(piece)
    return {"start": s, "end": s + len(piece), "text": piece}


def record(ident="a", title="First article"):
    doc = tokenize(TEXT)
    sents = [{"start": s, "end": e} for s, e in doc.sentences]
    for s, voice, v, share in zip(
        sents, ("commentary", "quote", "commentary"), (2.0, -1.0, 4.0), (0, 0.6, 0), strict=True
    ):
        s.update(voice=voice, valence=v, sentiment=v / math.sqrt(v * v + 15), quoted_share=share)
    return {
        "id": ident,
        "title": title,
        "text": TEXT,
        "sentences": sents,
        "quotes": [
            dict(
                find(TEXT, '"Epsilon zeta eta,"'), kind="direct", speaker="He", affiliation="russia"
            )
        ],
        "loaded": [
            dict(find(TEXT, "Alpha"), category="fear", in_quote=False),
            dict(find(TEXT, "zeta"), category="fear", in_quote=True),
            dict(find(TEXT, "kappa"), category="hyperbole", in_quote=False),
        ],
        "mentions": [
            dict(find(TEXT, "beta"), group="russia"),
            dict(find(TEXT, "iota"), group="russia"),
            dict(find(TEXT, "Epsilon"), group="china"),
        ],
        "metrics": {"flesch_reading_ease": 40.0, "flesch_kincaid_grade": 11.0, "gunning_fog": 13.0},
    }


def plain(ident="b", title="Second article"):
    rec = record(ident, title)
    rec.update(quotes=[], loaded=[], mentions=[])
    for s in rec["sentences"]:
        s.update(voice="commentary", quoted_share=0)
    rec["metrics"] = {"flesch_reading_ease": 70.0, "flesch_kincaid_grade": 7.0}
    return rec


def png_width(fig):
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    data = buf.getvalue()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", data[16:20])[0]


def bars_of(ax):
    return [p for p in ax.patches if p.get_height() != 0 or p.get_width() != 0]


ALL = ["metric_bars", "sentiment_arc", "quote_share", "loaded_by_category", "actor_framing",
       "readability_profile"]  # fmt: skip


@pytest.mark.parametrize("name", ALL)
def test_every_plot_renders_at_report_width_with_title_and_labels(name):
    fig = getattr(plots, name)([record(), plain()], title="A finding")
    assert isinstance(fig, Figure)
    assert fig._suptitle.get_text() == "A finding"
    assert png_width(fig) == 900
    labelled = [ax for ax in fig.axes if ax.get_xlabel() or ax.get_ylabel()]
    assert labelled


@pytest.mark.parametrize("name", ALL)
def test_every_plot_survives_empty_input(name):
    with pytest.warns(UserWarning):
        fig = getattr(plots, name)([])
    assert isinstance(fig, Figure) and png_width(fig) == 900


def test_metric_bars_heights_colours_and_error_bars():
    frame = compare([record(), plain()])
    fig = plots.metric_bars(frame, ["quotes"])
    ax = fig.axes[0]
    bars = ax.patches
    assert [to_hex(b.get_facecolor()) for b in bars] == [
        plots.ARTICLE_COLOURS[0].lower(),
        plots.ARTICLE_COLOURS[1].lower(),
    ]
    assert bars[0].get_height() == pytest.approx(100 * 3 / 13)
    assert bars[1].get_height() == 0
    # error bar of article a spans its interval (x100)
    seg = ax.containers[0].lines[2][0].get_segments()[0]
    assert seg[0][1] == pytest.approx(100 * frame.loc["a", "quote_share_ci_low"])
    assert seg[1][1] == pytest.approx(100 * frame.loc["a", "quote_share_ci_high"])
    assert "%" in ax.get_ylabel()


def test_metric_bars_marks_missing_values():
    fig = plots.metric_bars([plain()], ["loaded"])
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts.count("n/a") == 1  # no quoted words: no rate in quotes


def test_sentiment_arc_positions_and_voice_markers():
    fig = plots.sentiment_arc([record()])
    ax = fig.axes[0]
    commentary, quote = ax.collections[0], ax.collections[1]
    xs = sorted(commentary.get_offsets()[:, 0].tolist() + quote.get_offsets()[:, 0].tolist())
    assert xs == pytest.approx([2 / 13 * 100, 6.5 / 13 * 100, 11 / 13 * 100])
    assert quote.get_offsets()[0][1] == pytest.approx(-0.25)
    assert to_hex(quote.get_facecolors()[0]) == "#ffffff"  # quotes are open circles
    assert to_hex(commentary.get_facecolors()[0]) == plots.ARTICLE_COLOURS[0].lower()


def test_loaded_by_category_rates():
    fig = plots.loaded_by_category([record()])
    left, right = fig.axes[:2]
    # categories sorted by total count: fear (2), hyperbole (1)
    assert [t.get_text() for t in left.get_yticklabels()] == ["fear", "hyperbole"]
    widths = [p.get_width() for p in left.patches]
    assert widths == pytest.approx([10.0, 10.0])  # 1 each per 10 commentary words
    assert [p.get_width() for p in right.patches] == pytest.approx([100 / 3, 0.0])


def test_actor_table_by_hand():
    table = plots.actor_table([record()]).set_index("group")
    assert table.loc["russia", "mentions"] == 2 and table.loc["russia", "sentences"] == 2
    assert table.loc["russia", "sentiment_mean"] == pytest.approx(3 / math.sqrt(24))
    assert table.loc["russia", "loaded_per_100_words"] == pytest.approx(200 / 8)
    assert table.loc["china", "sentences"] == 1
    assert table.loc["china", "sentiment_mean"] == pytest.approx(-0.25)
    assert math.isnan(table.loc["china", "sentiment_mean_ci_low"])  # one sentence


def test_readability_profile_from_comparison_frame():
    fig = plots.readability_profile(compare([record(), plain()]))
    grade_ax, fre_ax = fig.axes[:2]
    assert [t.get_text() for t in grade_ax.get_xticklabels()] == ["Flesch-Kincaid", "Gunning fog"]
    assert [p.get_height() for p in fre_ax.patches] == [40.0, 70.0]
    assert [to_hex(p.get_facecolor()) for p in fre_ax.patches] == [
        c.lower() for c in plots.ARTICLE_COLOURS[:2]
    ]


def test_quote_share_by_affiliation():
    fig = plots.quote_share([record(), plain()])
    right = fig.axes[1]
    assert [t.get_text() for t in right.get_yticklabels()] == ["Russia"]
    # 3 quoted words of 13 for article a; article b has no quotes
    assert [p.get_width() for p in right.patches] == pytest.approx([300 / 13, 0.0])


def test_plots_do_not_touch_pyplot_and_import_lightly():
    code = (
        "import sys, rhetoric.viz.plots, rhetoric.comparison, rhetoric.viz.reading\n"
        "assert 'matplotlib' not in sys.modules, 'matplotlib at import'\n"
        "assert 'sklearn' not in sys.modules, 'sklearn at import'\n"
        "from rhetoric.viz.plots import metric_bars\n"
        "metric_bars([{'id': 'a', 'text': 'One two three. Four five six.'}])\n"
        "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot used'\n"
    )
    subprocess.run([sys.executable, "-W", "ignore", "-c", code], check=True)


# --- tables and charts for notebooks 01-03 ----------------------------------------------


def test_readability_by_voice_draws_one_row_per_formula():
    import rhetoric

    a = rhetoric.analyze('The cat sat. The dog ran far. "We win," he said. It rained all day.')
    fig = plots.readability_by_voice([a], title="T")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Flesch-Kincaid", "Gunning fog", "SMOG", "Coleman-Liau", "ARI", "Dale-Chall",
    ]  # fmt: skip
    assert fig._suptitle.get_text() == "T"


def test_group_means_one_panel_per_metric_one_row_per_group():
    import pandas as pd

    from rhetoric.comparison.groups import compare_groups

    frame = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B", "B"],
            "quote_share": [0.1, 0.2, 0.3, 0.5, 0.7],
            "sentiment_mean": [0.1, 0.0, -0.1, 0.2, 0.3],
        }
    )
    g = compare_groups(frame, metrics=["quote_share", "sentiment_mean"], n_permutations=50)
    fig = plots.group_means(g, title="T")
    visible = [ax for ax in fig.axes if ax.get_visible()]
    assert [ax.get_title() for ax in visible] == ["quote_share", "sentiment_mean"]
    assert [t.get_text() for t in visible[0].get_yticklabels()] == ["A (3)", "B (2)"]
    dots = [c.lines[0].get_xdata()[0] for c in visible[0].containers]
    assert dots == pytest.approx([0.2, 0.6])  # the group means, in group order
