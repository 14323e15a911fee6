"""Bad input through load, analyze and the CLI: a clear error or warning, never a crash."""

from __future__ import annotations

import codecs
import json
import math
import warnings
from pathlib import Path

import pytest

import rhetoric
from rhetoric.cli import main
from rhetoric.text.decode import DEFAULT_MAX_BYTES

PAGES = Path(__file__).parent / "fixtures" / "pages"
ARTICLE = (
    "Harbour Plan Divides the Town Council\n\n"
    "The town council voted six to five on Tuesday to approve the harbour plan.\n\n"
    "“This is the most important decision this council will make,” said the mayor.\n\n"
    "© 2021 Harbour Watch\n"
)
BODY_WORDS = 27


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def body_words(analysis: rhetoric.Analysis) -> list[str]:
    return [analysis.doc.word_text(i) for i in range(len(analysis.doc.words))]


# --- load -----------------------------------------------------------------------------


def test_good_article_loads(tmp_path):
    article = rhetoric.load(write(tmp_path, "good.txt", ARTICLE))
    assert article.warnings == ()
    assert list(article.lines["label"]) == [
        "title",
        "title",
        "body",
        "body",
        "body",
        "body",
        "boilerplate",
        "boilerplate",
    ]
    assert len(rhetoric.analyze(article).doc.words) == BODY_WORDS


@pytest.mark.parametrize("content", ["", "   \n\t\n  \n"], ids=["empty", "whitespace"])
def test_empty_and_whitespace_files_warn_and_give_nan(tmp_path, content):
    path = write(tmp_path, "empty.txt", content)
    article = rhetoric.load(path)
    assert article.warnings == (f"{path}: empty (no text to analyse)",)
    with pytest.warns(UserWarning, match="no words in the body"):
        analysis = rhetoric.analyze(article)
    assert analysis.metrics["words"] == 0
    assert math.isnan(analysis.metrics["flesch_reading_ease"])
    record = analysis.to_dict()
    assert record["metrics"]["flesch_reading_ease"] is None
    json.dumps(record, allow_nan=False)


def test_binary_file_is_refused(tmp_path):
    path = write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(rhetoric.InputError, match="looks binary"):
        rhetoric.load(path)


def test_utf16_with_bom_loads_like_utf8(tmp_path):
    path = write(tmp_path, "wide.txt", codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"))
    article = rhetoric.load(path)
    assert article.text == ARTICLE
    assert article.warnings == ()


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    article = rhetoric.load(write(tmp_path, "bom.txt", codecs.BOM_UTF8 + ARTICLE.encode()))
    assert article.text == ARTICLE
    assert article.title == "Harbour Plan Divides the Town Council"


def test_cp1252_file_decodes_with_a_warning_naming_the_encoding(tmp_path):
    path = write(tmp_path, "old.txt", ARTICLE.replace("©", "(c)").encode("cp1252"))
    article = rhetoric.load(path)
    assert article.text == ARTICLE.replace("©", "(c)")
    assert article.encoding == "cp1252"
    assert article.warnings == (f"{path}: not valid UTF-8; decoded as cp1252 (detected)",)
    analysis = rhetoric.analyze(article)
    assert "“This" in article.text and analysis.to_dict()["encoding"] == "cp1252"
    assert any("cp1252" in w for w in analysis.to_dict()["warnings"])


def test_latin1_accents_decode(tmp_path):
    text = "Le café de Montréal\n\nLa façade du café est très belle, dit le maire.\n"
    article = rhetoric.load(write(tmp_path, "fr.txt", text.encode("latin-1")))
    assert article.text == text
    assert "decoded as cp1252" in article.warnings[0]


def test_50_mb_file_is_refused_unless_the_limit_is_raised(tmp_path):
    paragraph = ("The council met on Tuesday and voted to approve the budget. " * 800) + "\n\n"
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as fh:
        for _ in range(50_000_000 // len(paragraph) + 1):
            fh.write(paragraph)
    assert path.stat().st_size > 50_000_000
    assert DEFAULT_MAX_BYTES == 20_000_000
    with pytest.raises(rhetoric.InputError, match=r"50\.0 MB is larger than the 20 MB limit"):
        rhetoric.load(path)
    article = rhetoric.load(path, max_bytes=60_000_000)
    assert [s.label for s in article.segments] == ["body"]


def test_directory_is_refused(tmp_path):
    with pytest.raises(rhetoric.InputError, match="is a directory"):
        rhetoric.load(tmp_path)


def test_missing_path_is_refused(tmp_path):
    with pytest.raises(rhetoric.InputError, match="no such file"):
        rhetoric.load(tmp_path / "nope.txt")


def test_file_without_line_breaks_is_all_body_with_a_warning(tmp_path):
    text = "The council voted on Tuesday to approve the plan. " * 60
    path = write(tmp_path, "one-line.txt", text)
    article = rhetoric.load(path)
    assert [s.label for s in article.segments] == ["body"]
    assert article.warnings == (
        f"{path}: no line breaks; page chrome cannot be told apart from the body",
    )
    assert rhetoric.analyze(article).metrics["sentences"] == 60


def test_crlf_file_has_the_same_labels_and_body_words_as_lf(tmp_path):
    lf = rhetoric.analyze(write(tmp_path, "lf.txt", ARTICLE))
    crlf = rhetoric.analyze(write(tmp_path, "crlf.txt", ARTICLE.replace("\n", "\r\n")))
    assert list(crlf.article.lines["label"]) == list(lf.article.lines["label"])
    assert list(crlf.article.lines["text"]) == list(lf.article.lines["text"])
    assert body_words(crlf) == body_words(lf)
    text = crlf.article.text
    assert text.count("\r\n") == ARTICLE.count("\n")
    for start, end in crlf.doc.sentences:
        assert "\r" not in text[start:end]
    assert [text[s:e] for s, e in crlf.doc.words] == body_words(lf)


def test_unbalanced_quotation_marks_do_not_crash(tmp_path):
    text = (
        "Title of the Quoted Piece Here\n\n"
        "He said “we will win. Critics said nothing.\n\nShe replied ”no.\n"
    )
    analysis = rhetoric.analyze(write(tmp_path, "quotes.txt", text))
    assert analysis.metrics["sentences"] == 3
    json.dumps(analysis.to_dict(), allow_nan=False)


def test_script_text_never_reaches_the_body():
    for name in ("wordpress_page.html", "news_page.html"):
        analysis = rhetoric.analyze(PAGES / name)
        assert analysis.article.format == "html"
        body = analysis.article.body
        for script in ("Tracking", "console", "dataLayer", "loadAd", "analytics", "NewsArticle"):
            assert script not in body
            assert script not in analysis.article.text
        assert len(analysis.doc.words) > 50


def test_analyze_refuses_other_types():
    with pytest.raises(TypeError, match="takes an Article"):
        rhetoric.analyze(42)


def test_analyze_of_a_str_is_text_not_a_path(tmp_path):
    path = write(tmp_path, "good.txt", ARTICLE)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analysis = rhetoric.analyze(str(path))
    assert analysis.article.path is None
    assert analysis.article.text == str(path)


# --- CLI ------------------------------------------------------------------------------


def test_cli_batch_with_bad_files_analyses_the_others(tmp_path, capsys):
    good = write(tmp_path, "good.txt", ARTICLE)
    binary = write(tmp_path, "bin.txt", b"\x00\x01\x02binary\x00")
    missing = tmp_path / "missing.txt"
    code = main(
        ["analyze", str(good), str(binary), str(missing), str(tmp_path), "--format", "jsonl"]
    )
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [r["id"] for r in records] == ["good", "bin", "missing", tmp_path.name]
    assert "error" not in records[0] and records[0]["metrics"]["words"] == BODY_WORDS
    assert "looks binary" in records[1]["error"]
    assert "no such file" in records[2]["error"]
    assert "is a directory" in records[3]["error"]
    assert all(r["metrics"] == {} for r in records[1:])
    assert err.count("rhetoric: error:") == 3
    assert "1 analysed, 3 could not be read" in err
    assert "Traceback" not in err


def test_cli_exit_code_is_non_zero_only_when_nothing_could_be_analysed(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 1
    _, err = capsys.readouterr()
    assert "0 analysed, 2 could not be read" in err


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_cli_formats_carry_error_records(tmp_path, capsys, fmt):
    good = write(tmp_path, "good.txt", ARTICLE)
    code = main(["analyze", str(good), str(tmp_path / "gone.txt"), "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 0
    assert "no such file" in out and "no such file" in err
    if fmt == "json":
        records = json.loads(out)
        assert [("error" in r) for r in records] == [False, True]


def test_cli_warns_about_empty_and_legacy_encoded_files(tmp_path, capsys):
    empty = write(tmp_path, "empty.txt", "")
    old = write(tmp_path, "old.txt", ARTICLE.replace("©", "(c)").encode("cp1252"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = main(["analyze", str(empty), str(old), "--format", "jsonl"])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert "error" not in records[0] and "error" not in records[1]
    assert "rhetoric: warning:" in err and "empty (no text to analyse)" in err
    assert "decoded as cp1252" in err


def test_cli_max_mb_raises_the_limit(tmp_path, capsys):
    path = write(tmp_path, "big.txt", ARTICLE + (" " * 99 + "\n") * 11_000)  # 1.1 MB, padding
    assert main(["analyze", str(path), "--max-mb", "1", "--format", "jsonl"]) == 1
    assert "larger than the 1 MB limit" in capsys.readouterr().err
    assert main(["analyze", str(path), "--max-mb", "2", "--format", "jsonl"]) == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("blank.html", "<html><body><script>x()</script></body></html>", "found no article text"),
        ("links.md", "![x](http://y.png)\n\n---\n\n<http://z.org>\n", "no body text found"),
        ("chrome.txt", "Leave a Reply\n\nCopyright 2020 Someone\n", "no body text found"),
    ],
)
def test_pages_without_body_text_warn_and_give_nan(tmp_path, name, content, message):
    article = rhetoric.load(write(tmp_path, name, content))
    assert message in article.warnings[0]
    with pytest.warns(UserWarning, match="no words in the body"):
        analysis = rhetoric.analyze(article)
    assert analysis.metrics["words"] == 0
    assert math.isnan(analysis.metrics["sentiment_mean"])


def test_lone_surrogate_in_a_str_is_analysed_and_recorded():
    """A str holding a lone surrogate (from a broken decode upstream) never crashes the
    id, a warning, to_dict, strict JSON or the reading view."""
    import json

    import rhetoric

    text = 'Title\n\nThe mayor said \ud800 things.\n\n"An unclosed quote runs on and on'
    with pytest.warns(UserWarning):
        result = rhetoric.analyze(text)
    assert result.id.startswith("text-")
    assert any("never closed" in w for w in result.warnings)
    record = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    assert record["metrics"]["words"] == result.metrics["words"] > 0
    assert "said" in result._repr_html_()
