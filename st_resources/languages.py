"""Language codes Whisper can transcribe, so the API refuses others before any work is queued."""

WHISPER_LANGUAGES = frozenset(
    """af am ar as az ba be bg bn bo br bs ca cs cy da de el en es et eu fa fi fo fr gl gu ha haw
    he hi hr ht hu hy id is it ja jw ka kk km kn ko la lb ln lo lt lv mg mi mk ml mn mr ms mt my
    ne nl nn no oc pa pl ps pt ro ru sa sd si sk sl sn so sq sr su sv sw ta te tg th tk tl tr tt
    uk ur uz vi yi yo zh yue""".split()
)
AUTO = "auto"


def normalise_language(code: str | None) -> str | None:
    """Lower-case a code; None or "auto" means detect. Raises ValueError on unknown codes."""
    if code is None or code.strip().lower() in ("", AUTO):
        return None
    code = code.strip().lower()
    if code not in WHISPER_LANGUAGES:
        raise ValueError(
            f"unknown language code {code!r}: use an ISO 639-1 code Whisper knows "
            f"(e.g. 'fr', 'en') or 'auto' to detect it"
        )
    return code
