"""The registry of event types the simulated web reports on, by desk."""
from __future__ import annotations

from .desk_business import ACQUISITION, COURT_RULING, RESEARCH, STRIKE
from .desk_markets import JOBLESS_CLAIMS, MARKET_CLOSE, RATE_DECISION
from .desk_world import DEFENSE_CONTRACT, PRISONER_SWAP, STORM
from .grammar import EventType

RECURRING: tuple[EventType, ...] = (PRISONER_SWAP, STORM, MARKET_CLOSE, JOBLESS_CLAIMS, RATE_DECISION)
ONE_OFF: tuple[EventType, ...] = (DEFENSE_CONTRACT, ACQUISITION, STRIKE, COURT_RULING, RESEARCH)
BY_NAME: dict[str, EventType] = {t.name: t for t in RECURRING + ONE_OFF}
