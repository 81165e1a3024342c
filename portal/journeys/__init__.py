"""One engine for every "one thing per page" journey: the self-referral, the review
request and the planner. A journey is an ordered list of steps; each step is a form and a
condition for whether it applies, given the answers so far."""

from .engine import Journey, Step

__all__ = ["Journey", "Step"]
