"""Who may do what on the staff side."""

TRIAGER = "triager"
REGISTER_MANAGER = "register_manager"
ADMINISTRATOR = "administrator"
# Working the queue: triagers, and register managers, who add people from it.
QUEUE = (TRIAGER, REGISTER_MANAGER)
# People on the register, their reviews, exports and feedback.
REGISTER = (REGISTER_MANAGER,)
# Staff accounts, local area settings, the public languages' checks and the audit log.
ADMIN = (ADMINISTRATOR,)
