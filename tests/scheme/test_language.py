"""scheme.language: the language rules.yaml is written in; a wrong one, or one listed again under languages,
is reported at its line with a fix that works."""

from __future__ import annotations


import yaml

from support import FIXTURES, run_generator

ENGLISH = FIXTURES / "english"


def validate(rules_text: str, tmp_path):
    import shutil

    project = tmp_path / "p"
    shutil.copytree(ENGLISH, project)
    (project / "rules.yaml").write_text(rules_text, encoding="utf-8")
    return run_generator("validate", "--rules", str(project / "rules.yaml"))


def test_danish_is_the_default():
    from generator.scheme.model import Scheme

    assert Scheme.model_fields["language"].default == "da"


def test_an_unknown_language_names_the_ones_there_are(tmp_path):
    text = (ENGLISH / "rules.yaml").read_text(encoding="utf-8").replace("  language: en", "  language: de")
    result = validate(text, tmp_path)
    line = text.splitlines().index("  language: de") + 1
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"rules.yaml:{line}:13: scheme.language: expected one of 'da' or 'en'; got the text 'de'" in result.stderr
    fixed = validate(text.replace("  language: de", "  language: en"), tmp_path / "again")
    assert fixed.returncode == 0, fixed.stderr


def test_the_schemes_own_language_cannot_be_listed_again(tmp_path):
    rules = yaml.safe_load((ENGLISH / "rules.yaml").read_text(encoding="utf-8"))
    rules["languages"] = [{"code": "en", "name": "English"}]
    result = validate(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "languages lists 'en', the language rules.yaml is written in" in result.stderr, result.stderr
    assert "remove it from languages" in result.stderr
    rules["languages"] = [{"code": "da", "name": "Dansk"}]
    fixed = validate(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), tmp_path / "again")
    assert fixed.returncode == 0, fixed.stderr


def test_excluding_words_follow_the_schemes_language(tmp_path):
    """An English exclusion is recognised by English words; Danish ones would not do."""
    from generator.scheme.grounding import EXCLUDING_WORDS

    rules = yaml.safe_load((ENGLISH / "rules.yaml").read_text(encoding="utf-8"))
    rules["rules"][0]["kind"] = "exclusion"   # quotes "… only for homes …" and "… are not served …"
    assert validate(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), tmp_path).returncode == 0
    rules["rules"][1]["kind"] = "exclusion"   # "emptied every two weeks": no excluding word
    result = validate(yaml.safe_dump(rules, allow_unicode=True, sort_keys=False), tmp_path / "again")
    assert result.returncode == 1 and ", ".join(EXCLUDING_WORDS["en"]) in result.stderr, result.stderr
