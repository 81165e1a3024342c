"""The domain rules, as plain functions used by the public side and the staff side."""
