"""Numbers as a reader takes them in, by the rule of the library's tables (Numbers.forReading):
four significant digits, and never fewer than the digits before the point."""

import math
from decimal import ROUND_HALF_UP, Context, Decimal


def readable(value):
    """e.g. 17.280187074829932 -> '17.28', 0.8209999799728394 -> '0.821', 123456.7 -> '123457'.

    Integers, text, booleans and non-finite numbers are written as they are; None as ''."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, float) or not math.isfinite(value):
        return str(value)
    digits = max(4, len(str(int(abs(value)))))
    rounded = Context(prec=digits, rounding=ROUND_HALF_UP).create_decimal(Decimal(value)).normalize()
    return format(rounded, "f")
