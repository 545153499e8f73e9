"""Attendance registers: the key of codes a register grid of meetings uses ("P – Present",
"S – Sanctioned"), and what each code's words say of attendance."""

from __future__ import annotations

from typing import Final

from ..models import AttendanceStatus
from ._patterns import pattern

#: One code of an attendance register's key: "P – Present", "S – Sanctioned", "L – Late
#: arrival" (a school's governors record each meeting's attendance in a grid of codes).
REGISTER_KEY = pattern(
    "register.key",
    r"(?<![\w])(?P<code>[A-Z]{1,2})[ \t]*[–—=-][ \t]*(?P<word>[A-Za-z][A-Za-z ]{2,30}?)"
    r"(?=[ \t]+[A-Z]{1,2}[ \t]*[–—=-]|[ \t]*$|[ \t]*[,;\t])",
)
#: What a register key's words say of attendance (lower case).
REGISTER_KEY_WORDS: Final[dict[str, AttendanceStatus]] = {
    "present": AttendanceStatus.PRESENT,
    "attended": AttendanceStatus.PRESENT,
    "late": AttendanceStatus.PRESENT,
    "late arrival": AttendanceStatus.PRESENT,
    "absent": AttendanceStatus.ABSENT,
    "apologies": AttendanceStatus.APOLOGIES,
    "apologies received": AttendanceStatus.APOLOGIES,
    "sanctioned": AttendanceStatus.APOLOGIES,
    "sanctioned absence": AttendanceStatus.APOLOGIES,
    "authorised absence": AttendanceStatus.APOLOGIES,
    "excused": AttendanceStatus.APOLOGIES,
}
