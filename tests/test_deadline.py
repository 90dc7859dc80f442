import signal
import time

import pytest

from newstrace.deadline import time_limit
from newstrace.errors import InputError


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_past_its_limit_is_given_up_with_its_message() -> None:
    with pytest.raises(InputError, match="too slow"), time_limit(0.05, "too slow"):
        _spin(2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_nested_limits_each_keep_their_own_deadline() -> None:
    # the inner one passes first
    with time_limit(5, "page"):
        with pytest.raises(InputError, match="extraction"), time_limit(0.05, "extraction"):
            _spin(2)
        _spin(0.1)  # the outer limit still stands, and has not fired
    # the outer one passes while the inner block runs: the outer message, raised once
    with pytest.raises(InputError, match="page"), time_limit(0.05, "page"):
        with time_limit(5, "extraction"):
            _spin(2)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_previous_handler_is_restored_and_no_limit_means_none() -> None:
    before = signal.getsignal(signal.SIGALRM)
    with time_limit(1, "x"):
        assert signal.getsignal(signal.SIGALRM) is not before
    assert signal.getsignal(signal.SIGALRM) is before
    with time_limit(0, "never"):
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
