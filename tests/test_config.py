import pytest

from newstrace.config import load_settings
from newstrace.errors import UsageError


def test_layers_apply_in_order(tmp_path, monkeypatch) -> None:
    user_file = tmp_path / "config.toml"
    user_file.write_text('db = "from-file.db"\njobs = 3\nrepublication_days = 60\n')
    monkeypatch.setenv("NEWSTRACE_CONFIG", str(user_file))
    monkeypatch.setenv("NEWSTRACE_JOBS", "5")
    settings = load_settings(db="from-flag.db")
    assert settings.db == "from-flag.db"  # flag beats file
    assert settings.jobs == 5  # environment beats file
    assert settings.republication_days == 60  # file beats shipped default
    assert settings.html_timeout_seconds > 0  # shipped default


def test_defaults_without_user_file(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTRACE_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.delenv("NEWSTRACE_DB", raising=False)
    assert load_settings().db == "newstrace.db"


def test_bad_values_are_usage_errors(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSTRACE_CONFIG", str(tmp_path / "absent.toml"))
    monkeypatch.setenv("NEWSTRACE_JOBS", "many")
    with pytest.raises(UsageError, match="jobs"):
        load_settings()
    monkeypatch.delenv("NEWSTRACE_JOBS")
    user_file = tmp_path / "typo.toml"
    user_file.write_text("jbos = 2\n")
    monkeypatch.setenv("NEWSTRACE_CONFIG", str(user_file))
    with pytest.raises(UsageError, match="unknown setting 'jbos'"):
        load_settings()
