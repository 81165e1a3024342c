from flask_babel import lazy_gettext as _l

from ..request_flow import RequestFlow
from . import bp
from .journey import JOURNEY, consent_route, themselves


class ReferralFlow(RequestFlow):
    templates = "referral"


flow = ReferralFlow(
    JOURNEY,
    bp,
    _l("Ask to go on the Dynamic Support Register"),
    kind="register",
    route_of=consent_route,
    themselves=themselves,
)
