import base64
import json
import secrets

import jwt

SECRET = secrets.token_bytes(32)
claims = {"sub": "user-42", "role": "viewer", "exp": 4102444800}  # year 2100
token = jwt.encode(claims, SECRET, algorithm="HS256")


def b64decode(part: str) -> dict:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


header, payload, signature = token.split(".")
print(b64decode(header))
#> {'alg': 'HS256', 'typ': 'JWT'}
print(b64decode(payload))  # anyone can read it: signed, not encrypted
#> {'sub': 'user-42', 'role': 'viewer', 'exp': 4102444800}

forged_claims = {**claims, "role": "admin"}
forged_payload = base64.urlsafe_b64encode(json.dumps(forged_claims).encode())
forged = f"{header}.{forged_payload.decode().rstrip('=')}.{signature}"
try:
    jwt.decode(forged, SECRET, algorithms=["HS256"])
except jwt.InvalidSignatureError as error:
    print(type(error).__name__, error)
    #> InvalidSignatureError Signature verification failed

print(jwt.decode(token, SECRET, algorithms=["HS256"])["role"])
#> viewer
