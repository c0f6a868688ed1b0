"""`python -m generator translations` never loses a translator's work: comments stay, a write that fails half-way
leaves the old catalogue whole; a damaged catalogue is reported at its line, never as a traceback."""

from __future__ import annotations

import re

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator import i18n
from generator.i18n import catalogs
from generator.scheme.problems import InputError

from projects import copy_of_repo_scheme, small_project
from support import FIXTURES, REPO

ENGLISH = "languages:\n  - code: en\n    name: English\n"


@pytest.fixture
def project(tmp_path) -> Path:
    """The minimal scheme with English, and its catalogue filled in once."""
    root = small_project(tmp_path / "p", (FIXTURES / "minimal.yaml").read_text(encoding="utf-8") + ENGLISH)
    catalogs.update(root / "rules.yaml", root / "content")
    return root


def entry_block(po: str, msgid: str) -> str:
    """The lines of the entry for `msgid`, comments included."""
    blocks = po.split("\n\n")
    return next(b for b in blocks if f'msgid "{msgid}"' in b)


def test_translator_comments_survive_an_update(project):
    po = project / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    block = entry_block(text, "Kilder")
    commented = "# Husk: 'Sources' er vedtaget af redaktionen.\n# Anden linje.\n" + block.replace(
        'msgstr ""', 'msgstr "Sources"')
    po.write_text(text.replace(block, commented), encoding="utf-8")
    catalogs.update(project / "rules.yaml", project / "content")
    after = entry_block(po.read_text(encoding="utf-8"), "Kilder")
    assert after.startswith("# Husk: 'Sources' er vedtaget af redaktionen.\n# Anden linje.\n"), after
    assert 'msgstr "Sources"' in after


def test_the_translators_header_survives_an_update(project):
    """Found by the hostile-input probe: the header comment, Last-Translator and Language-Team were reset."""
    po = project / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    text = "# Oversat af redaktionen.\n" + re.sub(r'"Last-Translator: [^"]*"', r'"Last-Translator: Jane Doe <jane@example.dk>\\n"', text)
    text = re.sub(r'"Language-Team: [^"]*"', r'"Language-Team: Redaktionen <red@example.dk>\\n"', text)
    po.write_text(text, encoding="utf-8")
    catalogs.update(project / "rules.yaml", project / "content")
    after = po.read_text(encoding="utf-8")
    assert after.startswith("# Oversat af redaktionen.\n"), after[:200]
    assert "Last-Translator: Jane Doe <jane@example.dk>" in after
    assert "Language-Team: Redaktionen <red@example.dk>" in after


def test_a_write_that_fails_half_way_leaves_the_old_catalogue_whole(tmp_path):
    """The real catalogue is larger than 20 KB; under `ulimit -f 20` the write fails, and en.po is as before."""
    root = copy_of_repo_scheme(tmp_path / "p")
    po = root / "translations" / "en.po"
    (root / "translations" / "ar.po").unlink()  # one language is enough, and Arabic comes second
    before = po.read_bytes()
    assert len(before) > 20 * 1024
    text = (root / "rules.yaml").read_text(encoding="utf-8")
    (root / "rules.yaml").write_text(text.replace("  summary: ", "  summary: Ny tekst. ", 1), encoding="utf-8")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, 20 * 1024))

    result = subprocess.run([sys.executable, "-m", "generator", "translations"], cwd=root, capture_output=True,
                            text=True, timeout=300, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "File too large" in result.stderr and "ulimit -f" in result.stderr and "Traceback" not in result.stderr
    assert po.read_bytes() == before, "en.po is whole and unchanged"
    assert sorted(p.name for p in (root / "translations").iterdir()) == ["en.po"], "no temporary file left"


def test_an_updated_catalogue_keeps_the_files_permissions(project):
    po = project / "translations" / "en.po"
    os.chmod(po, 0o664)
    catalogs.update(project / "rules.yaml", project / "content")
    assert po.stat().st_mode & 0o777 == 0o664


def damaged(project: Path, old: str, new: str) -> InputError:
    po = project / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    assert old in text
    po.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        i18n.read_catalog(project / "translations", "en")
    return caught.value


def line_of(project: Path, needle: str) -> int:
    lines = (project / "translations" / "en.po").read_text(encoding="utf-8").split("\n")
    return next(n for n, line in enumerate(lines, 1) if needle in line)


@pytest.mark.parametrize("msgstr, words", [
    ('"Source: %(titel)s"', ["uses %(titel)s, which the Danish text does not have", "%(source)s"]),
    ('"100% %(source)s"', ["a % that is not a placeholder", "write %%"]),
    ('"Source: %s"', ["a % that is not a placeholder"]),
    ('"Source: %(source)"', ["a % that is not a placeholder"]),
    # Found by the hostile-input probe: these passed the check and then crashed the build.
    ('"Source: %(source)d"', ["writes the placeholder %(source)d", "%(name)s"]),
    ('"Source: %(source)99999999999999999999s"', ["writes the placeholder %(source)99999999999999999999s"]),
    ('"Source:\x00 %(source)s"', ["the character U+0000"]),
    ('"Source:\x1b[31m %(source)s"', ["the character U+001B"]),
    ('"Source: \u202e%(source)s"', ["the character U+202E"]),
])
def test_a_translation_with_placeholders_that_cannot_be_filled_is_refused_at_its_line(project, msgstr, words):
    needle = 'msgid "Kilde: %(source)s"'
    block = entry_block((project / "translations" / "en.po").read_text(encoding="utf-8"), "Kilde: %(source)s")
    error = damaged(project, block, block.replace('msgstr ""', f"msgstr {msgstr}"))
    message = str(error)
    assert all(w in message for w in words), message
    assert error.problems[0].line == line_of(project, needle)
    assert "fix:" in message


@pytest.mark.parametrize("old, new, words", [
    ('msgid "Kilder"\nmsgstr ""', 'msgid "Kilder"\nmsgstr "Sources', ["a text in quotes is not closed"]),
    ('msgid "Kilder"', 'msgid "Kilder', ["a text in quotes is not closed"]),
    ('msgid "Kilder"', 'msgid Kilder', ["not closed"]),
    ('msgid "Kilder"', 'msgid "Kilder" "more"', ["not a PO line"]),
])
def test_an_unterminated_or_damaged_line_is_refused_at_its_line_not_misread(project, old, new, words):
    line = line_of(project, 'msgid "Kilder"') + old.count("\n")
    error = damaged(project, old, new)
    assert all(w in str(error) for w in words), str(error)
    assert error.problems[0].line == line


def test_an_unknown_charset_is_refused_at_its_header_line(project):
    error = damaged(project, "charset=utf-8", "charset=bogus")
    assert "encoding Python does not know" in str(error) and "charset=UTF-8" in str(error)
    assert error.problems[0].line == line_of(project, "charset=bogus")


def test_a_catalogue_that_would_be_misread_is_refused_before_anything_is_written(project):
    """Found by the hostile-input probe: `translations` read a file with old Mac line ends as empty and one whose
    header says latin-1 as garbled, and wrote them back with the translations lost."""
    po = project / "translations" / "en.po"
    good = po.read_text(encoding="utf-8")
    for text, words in ((good.replace("\n", "\r"), "carriage return alone"),
                        (good.replace("charset=utf-8", "charset=latin-1"), "the header says the file is in latin-1"),
                        (good + '\nmsgid "Forside"\nmsgid_plural "Forsider"\nmsgstr[0] "Home"\nmsgstr[1] "Homes"\n',
                         "plural forms")):
        po.write_text(text, encoding="utf-8", newline="")
        with pytest.raises(InputError) as caught:
            i18n.read_catalog(project / "translations", "en")
        assert words in str(caught.value) and caught.value.problems[0].line, str(caught.value)
    po.write_bytes(b"\xef\xbb\xbf" + good.encode("utf-8"))
    assert i18n.read_catalog(project / "translations", "en") is not None, "a byte-order mark (Notepad) is fine"


def test_a_catalogue_that_is_a_folder_is_refused(project):
    po = project / "translations" / "en.po"
    po.unlink()
    po.mkdir()
    with pytest.raises(InputError) as caught:
        i18n.read_catalog(project / "translations", "en")
    assert "is a folder, not a translation file" in str(caught.value)


def test_a_damaged_catalogue_stops_the_build_with_its_line_and_no_traceback(project):
    block = entry_block((project / "translations" / "en.po").read_text(encoding="utf-8"), "Kilde: %(source)s")
    damaged(project, block, block.replace('msgstr ""', 'msgstr "Source: %(titel)s"'))
    for command in (["build"], ["translations"], ["check"]):
        result = subprocess.run([sys.executable, "-m", "generator", *command], cwd=project, capture_output=True,
                                text=True, timeout=300, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr, (command, result.stderr)
        assert "en.po:" in result.stderr and "%(titel)s" in result.stderr, (command, result.stderr)
