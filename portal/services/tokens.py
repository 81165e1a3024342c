"""References people can read out, and private tokens stored only as hashes."""

import hashlib
import secrets

# No 0/O, 1/I/L or 5/S: easy to read out on the phone and to type.
ALPHABET = "ABCDEFGHJKMNPQRTUVWXYZ2346789"


def new_reference(prefix):
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{prefix}-{body[:4]}-{body[4:]}"


def normalise_reference(text):
    cleaned = "".join(ch for ch in (text or "").upper() if ch.isalnum())
    if len(cleaned) < 9:
        return None
    return f"{cleaned[:-8]}-{cleaned[-8:-4]}-{cleaned[-4:]}"


def new_token():
    return secrets.token_urlsafe(24)


def token_hash(token):
    return hashlib.sha256((token or "").encode()).hexdigest()
