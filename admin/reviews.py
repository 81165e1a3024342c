"""Reviews: placeholder until built."""
