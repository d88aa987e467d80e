"""Wrong choices of the same kind and form as the answer: from the article first, then from
pycountry and the small lists in data/, with numbers and dates shifted plausibly.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import pycountry

DATA = Path(__file__).parent / "data"


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _read_regions(name: str, column: int = 1) -> dict[str, str]:
    return {row[0]: row[column] for row in (line.split("\t") for line in _read_list(name))}


def _read_facilities(name: str) -> list[tuple[str, str, str]]:
    rows = [line.split("\t") for line in _read_list(name)]
    return [(kind, city, place) for kind, city, place in rows]


COUNTRY_REGIONS = _read_regions("countries.txt")
FACILITIES = _read_facilities("facilities.txt")
CITY_REGIONS = _read_regions("cities.txt")
CITY_COUNTRIES = _read_regions("cities.txt", column=2)
ORGANISATIONS = [
    (sector, name)
    for sector, name in (line.split("\t") for line in _read_list("organisations.txt"))
]
# Made-up people: (first name, sex, naming tradition) and (surname, tradition).
FIRST_NAMES = [tuple(line.split("\t")) for line in _read_list("first_names.txt")]
LAST_NAMES_BY = [tuple(line.split("\t")) for line in _read_list("last_names.txt")]
LAST_NAMES = [name for name, _ in LAST_NAMES_BY]
FIRST_NAME_SEX = {name.casefold(): sex for name, sex, _ in FIRST_NAMES}
_TRADITION_OF = {name.casefold(): tradition for name, _, tradition in FIRST_NAMES}
# The naming tradition made-up people follow where the answer's first name says none: the
# region of the country the article is about.
_REGION_TRADITION = {
    "north_america": "en", "europe": "en", "oceania": "en", "south_america": "es",
    "middle_east": "ar", "africa": "af",
}  # fmt: skip
# The last word of a newspaper's or magazine's name ("the Pittsburgh Post-Gazette", "The
# Sun"): who is "of" one is its reporter (verify's stand-ins, rank's trivia).
OUTLET_TAIL = r"(?:Post|Times|Gazette|News|Journal|Herald|Tribune|Press|Magazine|Sun|Star)"
NATIONALITY_COUNTRIES = _read_regions("nationalities.txt")  # "Chinese" -> "China"
NATIONALITIES = list(NATIONALITY_COUNTRIES)
EVENTS = [(kind, name) for kind, name in (line.split("\t") for line in _read_list("events.txt"))]
_EVENT_KINDS = {
    "marathon": "marathon", "open": "open", "games": "games", "olympics": "games",
    "cup": "cup", "league": "league", "tour": "tour", "summit": "summit",
    "conference": "conference", "forum": "conference", "festival": "festival",
}  # fmt: skip


def events_like(answer: str) -> list[str]:
    """Events of the answer's kind, known by its last word ("Chicago Marathon" -> marathons);
    none when the kind is unclear."""
    words = answer.split()
    kind = _EVENT_KINDS.get(words[-1].casefold()) if words else None
    return [name for k, name in EVENTS if k == kind]


US_STATES = sorted(
    s.name for s in pycountry.subdivisions.get(country_code="US") or [] if s.type == "State"
)
COUNTRY_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "russian federation": "Russia",
    "the ukraine": "Ukraine",
}


def _country_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        best = getattr(country, "common_name", None) or country.name
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                names[value.casefold()] = best
    names.update(COUNTRY_ALIASES)
    for name in COUNTRY_REGIONS:
        names[name.casefold()] = name
    return names


COUNTRIES = _country_names()

# Top-level parts of countries ("Yucatán", "Ontario", "Bavaria"), from pycountry: a state among
# states of the same country, never a city among them.
_STATE_TYPES = {
    "State", "Province", "Region", "Autonomous community", "Autonomous region", "Land",
    "Canton", "Governorate", "Prefecture", "Voivodship", "Regional state", "Union territory",
}  # fmt: skip


def bare_name(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _subdivisions() -> dict[str, tuple[str, str, str]]:
    """Folded name -> (name, country code, type) for the states and provinces of the world."""
    found: dict[str, tuple[str, str, str]] = {}
    for part in pycountry.subdivisions:
        if part.type in _STATE_TYPES and part.parent_code is None:
            found.setdefault(bare_name(part.name), (part.name, part.country_code, part.type))
    return found


SUBDIVISIONS = _subdivisions()


def subdivision_type(text: str) -> str:
    """ "province" for "Ontario", "state" for "Yucatán", "" for anything else."""
    return SUBDIVISIONS.get(bare_name(text.strip()), ("", "", ""))[2].casefold()


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
TENS_WORDS = {30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 70: "seventy", 80: "eighty"}
WORD_VALUES = {w: n for n, w in enumerate(NUMBER_WORDS)} | {w: n for n, w in TENS_WORDS.items()}


_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[\w']+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=65536)
def phrase(text: str) -> str:
    """A choice as the checker compares it: folded words, leading articles dropped."""
    words = _WORDS.findall(fold(text).replace(",", ""))
    while words and words[0] in ("a", "an", "the"):
        words = words[1:]
    return " ".join(words)


def contains(haystack: str, needle: str) -> bool:
    """`needle` stands in `haystack` as whole words (the checker's test)."""
    if not needle or needle not in haystack:
        return False
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def stable_hash(*parts: str) -> int:
    return zlib.crc32("\x1f".join(parts).encode("utf-8", "replace"))


@lru_cache(maxsize=16384)
def country_of(text: str) -> str | None:
    key = fold(re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE))
    return COUNTRIES.get(key) or COUNTRIES.get(fold(text))


REGION_WORDS = {"province", "region", "county", "district", "governorate", "prefecture", "oblast"}


@lru_cache(maxsize=4096)
def _misspelt_state(text: str) -> bool:
    return len(text) >= 6 and any(
        SequenceMatcher(None, text.casefold(), state.casefold()).ratio() >= 0.9
        for state in US_STATES
    )


@lru_cache(maxsize=4096)
def fine_type(label: str, text: str) -> str:
    """The answer type used to match distractors: GPE splits into countries, states, cities."""
    if label == "GPE":
        if country_of(text):
            return "COUNTRY"
        if text.strip() in US_STATES or _misspelt_state(text.strip()):
            return "STATE"  # "Pennslyvania", as the article spells it, is still a state
        if text.strip().isupper() and len(text.strip()) <= 4:
            return "ORG"  # "EU", "UN": unions of countries, not cities
        if fold(text.strip()) in _KNOWN_BODIES:
            return "ORG"  # "aircraft from Airbus": a maker, not a place
        if bare_name(text.strip()) in SUBDIVISIONS and text.strip() not in CITY_REGIONS:
            return "STATE"  # "Yucatan", "Campeche": states of Mexico
        if text.split() and text.split()[-1].casefold() in REGION_WORDS:
            return "REGION"  # "Anbar Province" is no city
        if len(text.split()) > 1 and text.split()[-1].casefold() in TAIL_WORDS:
            return "FAC"  # "Grant Park" is a place in a city, not one
        return "CITY"
    return label


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\w*\d)|\b("
    + "|".join(sorted(WORD_VALUES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberForm:
    prefix: str
    value: float
    decimals: int
    commas: bool
    word: bool
    capital: bool
    suffix: str

    def render(self, value: float) -> str:
        if self.word and value == int(value) and int(value) in _word_for_values():
            text = _word_for_values()[int(value)]
            if self.capital:
                text = text.capitalize()
        elif self.decimals:
            text = f"{value:,.{self.decimals}f}" if self.commas else f"{value:.{self.decimals}f}"
        else:
            # "866" -> "1,082": a number that grows past a thousand takes the comma it needs.
            commas = self.commas or (value >= 1000 and self.value < 1000)
            text = f"{int(round(value)):,}" if commas else str(int(round(value)))
        suffix = self.suffix
        ordinal = re.match(r"(?:st|nd|rd|th)\b", suffix)
        if ordinal and not self.word:
            suffix = (
                ordinal_suffix(int(round(value))) + suffix[ordinal.end() :]
            )  # "71st", not "71th"
        return self.prefix + text + suffix


def ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _word_for_values() -> dict[int, str]:
    return {n: w for w, n in WORD_VALUES.items()}


# "two-thirds", "three quarters": a fraction, whose numerator shifted alone ("four-third")
# is no number at all.
_FRACTION = re.compile(
    r"\b(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
    re.IGNORECASE,
)


_SINGULAR_AFTER = re.compile(
    r"\s+(?!(?:percent|per|million|billion|trillion|thousand|hundred|m|bn|k)\b)[a-z]+\b", re.I
)
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"


def parse_number(text: str) -> NumberForm | None:
    match = _NUMBER.search(text)
    if match is None or _FRACTION.search(text[match.end() :]):
        return None
    if match.group(1):
        digits = match.group(1)
        value = float(digits.replace(",", ""))
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        return NumberForm(
            text[: match.start()],
            value,
            decimals,
            "," in digits,
            False,
            False,
            text[match.end() :],
        )
    word = match.group(2)
    if re.match(r"[-\u2010\u2011 ](?:" + _UNITS_WORDS + r")\b", text[match.end() :], re.I):
        return None  # "Seventy-eight percent": a number in two words, shifted as one ("52-eight")
    return NumberForm(
        text[: match.start()],
        float(WORD_VALUES[word.lower()]),
        0,
        False,
        True,
        word[0].isupper(),
        text[match.end() :],
    )


def _round_like(value: float, original: float, decimals: int) -> float:
    """Round `value` to the same roundness as `original` (4,000 -> thousands)."""
    if decimals:
        return round(value, decimals)
    whole = int(round(original))
    step = 1
    # As round as the original, but fine enough to give several values near it.
    while whole and whole % (step * 10) == 0 and step * 10 <= whole // 10:
        step *= 10
    return float(max(step, int(round(value / step)) * step))


def number_values(form: NumberForm, year: bool = False) -> list[float]:
    """Plausible other values of the same magnitude and format, excluding the original; a
    year ("1889", typed so, or any 1900-2100) moves by a few years, never to 2361."""
    n = form.value
    plain = form.decimals == 0 and not form.commas and not form.suffix.strip()
    if plain and (1900 <= n <= 2100 or (year and 1000 <= n <= 2100)):
        pool = [n + d for d in (-4, -3, -2, -1, 1, 2, 3, 4)]
    elif form.decimals == 0 and re.match(r"[- ]?years?[- ]old\b", form.suffix) and n < 110:
        # An age: a person is not 105 beside a 60-year-old; near ages, as round as the key.
        step = 5 if n % 5 == 0 and n >= 20 else (3 if n >= 12 else 1)
        pool = [n + d * step for d in (-3, -2, -1, 1, 2, 3) if 0 < n + d * step < 110]
    elif form.decimals == 0 and n <= 12:
        pool = [n + d for d in (-3, -2, -1, 1, 2, 3, 4, 5) if n + d >= 1]
    else:
        # Steps that grow away from the key: four choices in even steps ("200, 250, 300,
        # 350") read as made up around one of the ends, a blind reader noted; these give
        # uneven ones wherever the key stands (200, 250, 320, 400 or 120, 160, 200, 250).
        factors = (0.25, 0.3, 0.45, 0.6, 0.8, 1.25, 1.6, 2.0, 2.5, 3.0)
        if form.decimals >= 2:
            # "$60.73", "2.252%": a figure given to the cent moves by a few per cent, not by
            # a quarter ($75.91, $91.09 beside a $55 crude price read as absurd).
            factors = (0.8, 0.85, 0.9, 0.95, 1.05, 1.1, 1.15, 1.2)
        pool = [_round_like(n * f, n, form.decimals) for f in factors]
    unit = form.suffix.split()[-1] if form.suffix.split() else ""
    plural_unit = unit.endswith("s") and not unit.endswith("ss")
    # "about one hours" reads wrong: a plural unit keeps the count above one.
    values = sorted({v for v in pool if v != n and v > 0 and not (plural_unit and v == 1)})
    if form.word:
        # "thirty" among 24, 38 and 45 stands out by its form: a number written as a word
        # takes only stand-ins that are words too ("twenty", "forty", "sixty").
        written = _word_for_values()
        tens = [n + d for d in (-20, -10, 10, 20, 30) if n >= 20 and n % 10 == 0]
        values = sorted({v for v in (*values, *tens) if v > 0 and v != n and int(v) in written})
    share = "%" in form.suffix or "cent" in form.suffix.lower() or "percent" in form.suffix.lower()
    if share and n <= 100:
        values = [v for v in values if v <= 100]  # no "122 per cent" of pupils
    return values


def pick_around(values: list[float], original: float, below: int, count: int) -> list[float]:
    """`below` values under the original and the rest over it, nearest first."""
    under = sorted((v for v in values if v < original), reverse=True)
    over = sorted(v for v in values if v > original)
    below = min(below, len(under))
    above = count - below
    if above > len(over):
        below = min(len(under), count - len(over))
        above = count - below
    return sorted(under[:below] + over[:above])


# ---------------------------------------------------------------- dates

_MONTH_RE = "|".join(MONTHS)
_WEEKDAY_RE = "|".join(WEEKDAYS)


def date_alternatives(text: str, seed: int) -> list[str] | None:
    """Other dates at the same granularity as `text`, or None if `text` is not a clear date."""
    month_year = re.fullmatch(rf"(.*?)\b({_MONTH_RE})(\s+)(\d{{4}})(.*)", text)
    if month_year and not re.search(r"\d", month_year.group(1) + month_year.group(5)):
        pre, month, space, year, post = month_year.groups()
        base = int(year) * 12 + MONTHS.index(month)
        out = []
        for shift in (-7, -4, -2, 3, 5, 8):
            m = base + shift
            out.append(f"{pre}{MONTHS[m % 12]}{space}{m // 12}{post}")
        return out
    day_month = re.search(rf"\b({_MONTH_RE})\s+(\d{{1,2}})\b", text)
    if day_month:
        day = int(day_month.group(2))
        out = []
        for shift in (-9, -5, -2, 3, 6, 10):
            other = min(28, max(1, day + shift))
            if other != day:
                start, end = day_month.span(2)
                out.append(text[:start] + str(other) + text[end:])
        return list(dict.fromkeys(out))
    weekday = re.search(rf"\b({_WEEKDAY_RE})\b", text)
    if weekday:
        index = WEEKDAYS.index(weekday.group(1))
        order = [WEEKDAYS[(index + d) % 7] for d in (1, -1, 2, -2, 3, -3)]
        start, end = weekday.span(1)
        return [text[:start] + day + text[end:] for day in order]
    month = re.search(rf"\b({_MONTH_RE})\b", text)
    if month:
        index = MONTHS.index(month.group(1))
        order = [MONTHS[(index + d) % 12] for d in (2, -2, 4, -4, 6, 5)]
        start, end = month.span(1)
        return [text[:start] + m + text[end:] for m in order]
    decade = re.search(r"\b(1[89]\d0|20[0-2]0)s\b", text)
    if decade:
        base = int(decade.group(1))
        start, end = decade.span(1)
        return [text[:start] + str(base + d) + text[end:] for d in (-30, -20, -10, 10, 20)]
    return None


def score_alternatives(text: str) -> list[str]:
    """Other plausible score lines: a set turned round, or the sets in another order."""
    sets = text.split()
    out = []
    for index in range(len(sets)):
        a, _, b = sets[index].partition("-")
        flipped = [*sets[:index], f"{b}-{a}", *sets[index + 1 :]]
        out.append(" ".join(flipped))
    out.append(" ".join(reversed(sets)))
    return [o for o in dict.fromkeys(out) if o != text]


_TIME = re.compile(r"\b(\d{1,2})([:.]\d{2})?\s*([ap]\.?m\.?)", re.IGNORECASE)


def time_alternatives(text: str) -> list[str] | None:
    match = _TIME.search(text)
    if match is None:
        return None
    hour = int(match.group(1))
    out = []
    for shift in (-3, -2, -1, 1, 2, 3):
        other = hour + shift
        if 1 <= other <= 12:
            out.append(text[: match.start(1)] + str(other) + text[match.end(1) :])
    return out


# ---------------------------------------------------------------- pools and choice


POOL_LIMIT = 60


@dataclass
class Pools:
    """Everything in one article that can stand in for an answer, by type."""

    by_type: dict[str, list[str]] = field(default_factory=dict)
    region: str | None = None  # the region of the country the article mentions most
    country: str | None = None  # that country
    sport: str | None = None  # the sport the article reports on, if plain
    sexes: dict[str, str] = field(default_factory=dict)  # surname -> "f"/"m" (Analysis.sexes)

    def add(self, kind: str, text: str) -> None:
        items = self.by_type.setdefault(kind, [])
        # A long article offers plenty; a bounded pool keeps each choice cheap.
        if len(items) < POOL_LIMIT and text not in items:
            items.append(text)


SPORT_NATIONS: dict[str, list[str]] = {}
for _sport, _country in (line.split("\t") for line in _read_list("sport_nations.txt")):
    SPORT_NATIONS.setdefault(_sport, []).append(_country)
_SPORT_WORDS = {
    "cricket": {"wicket", "wickets", "innings", "batsman", "batter", "bowler", "overs", "cricket"},
    "rugby": {"rugby", "scrum", "try-line", "fly-half", "lineout"},
}


def sport_of(words: set[str]) -> str | None:
    """The sport an article reports on, when its own words make it plain (two cues)."""
    for sport, cues in _SPORT_WORDS.items():
        if len(cues & words) >= 2:
            return sport
    return None


def _by_region(names: dict[str, str], region: str | None, seed: int) -> list[str]:
    """Names of the same region first (a stable shuffle within each group)."""
    shuffled = sorted(names, key=lambda n: stable_hash(str(seed), n))
    return [n for n in shuffled if names[n] == region] + [n for n in shuffled if names[n] != region]


def _fallback(kind: str, answer: str, pools: Pools) -> list[str]:
    seed = stable_hash(answer)
    if kind == "COUNTRY":
        if pools.sport and answer in SPORT_NATIONS.get(pools.sport, []):
            sides = SPORT_NATIONS[pools.sport]  # a cricket side among cricket sides only
            return sorted(sides, key=lambda c: stable_hash(str(seed), c))
        region = COUNTRY_REGIONS.get(country_of(answer) or "")
        if region is None:
            # A country no list places ("Kazakhstan"): the article's own countries only;
            # the neighbours of wherever the article is about (Cuba, Canada) read as noise.
            return []
        return _by_region(COUNTRY_REGIONS, region, seed)
    if kind == "CITY":
        region = CITY_REGIONS.get(answer) or pools.region
        ordered = _by_region(CITY_REGIONS, region, seed)
        country = CITY_COUNTRIES.get(answer) or pools.country
        return [c for c in ordered if CITY_COUNTRIES[c] == country] + [
            c for c in ordered if CITY_COUNTRIES[c] != country
        ]
    if kind == "STATE":
        if answer in US_STATES:
            return US_STATES
        name, country, part_type = SUBDIVISIONS.get(bare_name(answer), ("", "", ""))
        same = [n for n, c, t in SUBDIVISIONS.values() if c == country and t == part_type]
        return sorted((n for n in same if n != name), key=lambda n: stable_hash(str(seed), n))
    if kind == "NORP":
        return NATIONALITIES
    if kind == "EVENT":
        return events_like(answer)
    if kind == "PERSON":
        return invented_people(answer, pools)
    return []


def invented_people(answer: str, pools: Pools) -> list[str]:
    """Made-up names in the answer's form: surnames for a surname; for a full name, first
    names of the answer's sex (as the article says it, or its first name does) with surnames
    of the same naming tradition ("Priya Sharma", never "Rajesh White"), none when the sex
    or the tradition is unknown: a man's name offered for a woman is a free point."""
    words = answer.split()
    seed = stable_hash(answer)
    tradition = _TRADITION_OF.get(words[0].casefold()) if len(words) > 1 else None
    if not tradition:
        # An article about no one country, or about Europe or America: English names.
        tradition = _REGION_TRADITION.get(pools.region, "") if pools.region else "en"
    if len(words) == 1:
        lasts = [n for n, t in LAST_NAMES_BY if t == (tradition or "en")]
        return [lasts[(seed + 7 * n) % len(lasts)] for n in range(min(12, len(lasts)))]
    sex = person_sex(answer, pools.sexes)
    known = set(pools.sexes.values())
    if sex is None and len(pools.sexes) >= 2 and len(known) == 1:
        sex = known.pop()  # everyone the article says it of is a woman (or a man)
    firsts = [f for f, x, t in FIRST_NAMES if x == sex and t == tradition]
    lasts = [n for n, t in LAST_NAMES_BY if t == tradition]
    if not firsts or not lasts:
        return []
    names = []
    for n in range(12):
        first = firsts[(seed + 5 * n) % len(firsts)]
        last = lasts[(seed + 7 * n) % len(lasts)]
        if tradition == "ru" and sex == "f":
            last += "a"  # "Olga Ivanova"
        names.append(f"{first} {last}")
    return list(dict.fromkeys(names))


@lru_cache(maxsize=1)
def census_sexes() -> dict[str, str]:
    """First name (folded) -> "f" or "m" from the US census lists the names package ships: a
    name both sexes use goes to the one that uses it four times as often, else to neither."""
    import names  # the lists only, read once

    share: dict[str, dict[str, float]] = {}
    for sex, key in (("f", "first:female"), ("m", "first:male")):
        for line in Path(names.FILES[key]).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].casefold(), {})[sex] = float(parts[1])
    found = {}
    for name, by_sex in share.items():
        women, men = by_sex.get("f", 0.0), by_sex.get("m", 0.0)
        if women >= 4 * men or men >= 4 * women:
            found[name] = "f" if women > men else "m"
    return found


def known_first_name(word: str) -> bool:
    """Whether a name list knows `word` as a first name ("Grace", not "Marronnier")."""
    first = word.casefold()
    return first in FIRST_NAME_SEX or first in census_sexes()


def person_sex(name: str, sexes: dict[str, str]) -> str | None:
    """ "f" or "m" as the article says it of this person ("Ms", "she" after the name), or as
    a first name the name lists know says it; None when neither says."""
    words = re.findall(r"[\w'\u2019-]+", name)
    if not words:
        return None
    said = sexes.get(words[-1].casefold())
    if said:
        return said
    if len(words) < 2:
        return None
    first = words[0].casefold()
    return FIRST_NAME_SEX.get(first) or census_sexes().get(first)


TAIL_WORDS = {
    "airport", "hospital", "stadium", "park", "station", "bridge", "university", "college",
    "museum", "prison", "centre", "center", "hall", "square", "tower", "school", "arena",
    "cathedral", "palace", "port", "harbour", "harbor", "library", "theatre", "theater",
}  # fmt: skip


_FACILITY_KINDS = {
    "airport": "airport", "hospital": "hospital", "infirmary": "hospital", "clinic": "hospital",
    "university": "university", "college": "university", "stadium": "stadium",
    "arena": "stadium", "station": "station",
}  # fmt: skip


def facilities_near(answer: str, tail: str, evidence: str, region: str | None) -> list[str]:
    """Real places of the kind `tail` names ("International Airport" -> airports): those of
    the city the evidence names nearest the answer first, then of the other cities it names,
    then of their part of the world; none elsewhere, and none sharing the answer's name."""
    kind = _FACILITY_KINDS.get(tail.split()[-1].casefold())
    if kind is None:
        return []
    own = set(phrase(answer).split()) - set(phrase(tail).split()) - _LINK_WORDS
    places = [
        (city, place)
        for k, city, place in FACILITIES
        if k == kind and not own & set(phrase(place).split())
    ]
    at = fold(evidence).find(fold(answer))
    named = [city for city in dict.fromkeys(c for c, _ in places) if contains(evidence, city)]
    named.sort(key=lambda city: abs(fold(evidence).find(fold(city)) - at))
    regions = {CITY_REGIONS.get(city) for city in named} - {None}
    regions = regions or {_region_in(evidence) or region} - {None}
    by_city = [place for city in named for c, place in places if c == city]
    if regions:
        nearby = [p for c, p in places if c not in named and CITY_REGIONS.get(c) in regions]
    else:  # nowhere named: any of the kind, called as the answer is ("... Hospital")
        nearby = [p for _, p in places if p.split()[-1].casefold() == tail.split()[-1].casefold()]
    return by_city + nearby


_SECTOR_WORDS = {
    "news": {
        "times", "news", "post", "journal", "herald", "guardian", "telegraph", "press",
        "tribune", "gazette", "mail", "reuters", "bbc", "cnn", "newspaper", "magazine",
        "broadcaster", "network", "reported", "reporting", "media", "info", "radio", "tv",
    },
    "government": {
        "department", "ministry", "agency", "administration", "office", "commission",
        "service", "council", "authority", "bureau", "directorate",
    },
    "charity": {"foundation", "trust", "charity", "aid", "relief", "campaign", "rights"},
    "finance": {"bank", "reserve", "fund", "exchange", "treasury"},
    "airline": {"airways", "airlines", "air", "airline", "carrier", "flight", "flights"},
    "health": {"hospital", "infirmary", "clinic", "nhs", "health", "medical"},
    "business": {"chamber", "commerce", "industry", "federation", "confederation", "retail"},
    "labour": {"unions", "workers", "syndicate", "guild"},
    "place": {"gare", "station", "terminal", "airport", "square", "park", "stadium", "arena"},
    "education": {"university", "college", "school", "academy", "polytechnic"},
    "international": {"nations", "organization", "organisation", "union", "alliance"},
}  # fmt: skip


_KNOWN_BODIES = {fold(name) for _, name in ORGANISATIONS}


def organisation_sector(answer: str, evidence: str) -> str | None:
    """What kind of body `answer` is: known by name, by its own last word ("... Times",
    "Department of ..."), else None. Stand-ins from outside the article need a sector."""
    for sector, name in ORGANISATIONS:
        if fold(name) == fold(answer):
            return sector
    # "FlightAware was not reporting delays": a body that reports is a news source.
    reports = rf"{re.escape(answer)}\W+(?:\w+\W+){{0,3}}(?:report|publish|broadcast)\w*"
    if re.search(reports, evidence, re.IGNORECASE):
        return "news"
    if re.search(r"\.(?:com|org|net|co\.uk)$", answer.strip(), re.IGNORECASE):
        return "news"  # "PolitickerNJ.com": a site named by its address
    words = [w.casefold() for w in re.findall(r"[\w']+", answer)]
    for word in (words[-1:] + words[:1] + words[1:-1]) if words else []:
        for sector, cues in _SECTOR_WORDS.items():
            if word in cues:
                return sector
    return None


def _region_in(text: str) -> str | None:
    """The region of the first well-known city or country the text names."""
    for name, region in (*CITY_REGIONS.items(), *COUNTRY_REGIONS.items()):
        if contains(text, name):
            return region
    return None


def _generic_tail(answer: str) -> str | None:
    words = answer.split()
    if len(words) < 2 or words[-1].casefold() not in TAIL_WORDS:
        return None
    tail = [words[-1]]
    if len(words) > 2 and words[-2] in (
        "International", "General", "Royal", "National", "City", "Community", "Memorial",
        "Public", "Regional", "County", "Central",
    ):  # fmt: skip
        tail.insert(0, words[-2])
    return " ".join(tail)


_LINK_WORDS = {
    "the", "of", "and", "a", "an", "in", "for", "on", "at", "to", "by", "de", "al", "v", "vs",
}  # fmt: skip


def _shares_word(a: str, b: str) -> bool:
    """`a` and `b` are phrases (see `phrase`) with a content word in common."""
    return bool((set(a.split()) & set(b.split())) - _LINK_WORDS)


_STOP_FOR_NAMES = {"may", "will", "can", "do", "did", "has", "had", "was", "were", "is", "are"}


_NAME_PARTICLES = {
    "of", "the", "and", "for", "in", "on", "at", "de", "van", "von", "der", "den", "da", "di",
    "du", "le", "la", "dos", "bin", "ibn",
}  # fmt: skip


def looks_proper(text: str) -> bool:
    """Every word capitalised, as names are ("al-Abadi" and "Abbott v. Burke" are not)."""
    words = re.findall(r"[^\W\d_][\w'.-]*", text)
    words = [w for w in words if w.lower() not in _NAME_PARTICLES]
    return bool(words) and all(w[0].isupper() and w.lower() not in _STOP_FOR_NAMES for w in words)


def _misspelling(a: str, b: str) -> bool:
    if re.search(r"\d", a + b) or abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 5:
        return False
    # Counts, months and weekdays differ by a few letters on purpose ("two"/"three" faults).
    calendar = {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    if any(w in WORD_VALUES or w in calendar for w in (*a.split(), *b.split())):
        return False
    return SequenceMatcher(None, a, b).ratio() > 0.8


def acceptable(
    candidate: str, taken: Sequence[tuple[str, str]], evidence_phrase: str, avoid: set[str]
) -> bool:
    """`taken` holds (text, phrase) pairs, the answer first."""
    p = phrase(candidate)
    if not p or p in avoid or contains(evidence_phrase, p):
        return False
    # "the sever" beside "the server": a misspelling is no second answer.
    if taken and _misspelling(p, taken[0][1]):
        return False
    # A name among names: a lower-case word or "May" would stand out as the odd one.
    if taken and looks_proper(taken[0][0]) and not looks_proper(candidate):
        return False
    if any(aliases(candidate, text) for text, _ in taken):
        return False  # "IFF" beside "International Finance Facility" is the same body
    return not any(contains(q, p) or contains(p, q) for _, q in taken)


_INITIAL_SKIP = {"of", "the", "and", "for", "on", "in", "to", "at", "a", "an"}


def answer_initials(text: str) -> str:
    """ "International Finance Facility" -> "IFF"."""
    return _initials(text)


def _initials(text: str) -> str:
    words = re.findall(r"[^\W\d_][\w'-]*", text)
    return "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP).upper()


def aliases(a: str, b: str) -> bool:
    """One is the other's initials ("IFF", "International Finance Facility")."""
    for short, long in ((a, b), (b, a)):
        word = short.strip()
        if 2 <= len(word) <= 8 and word.isupper() and " " not in word and " " in long.strip():
            if _initials(long) == word.replace(".", ""):
                return True
    return False


def choose(
    candidates: Iterable[str],
    answer: str,
    evidence: str,
    avoid: Sequence[str],
    count: int,
    seed: int,
    keep_order: bool = False,
) -> list[str]:
    """Up to `count` candidates unlike each other, the answer and the evidence sentence."""
    evidence_phrase = " ".join(_WORDS.findall(fold(evidence).replace(",", "")))
    avoid_set = {phrase(a) for a in avoid}
    unique = list(dict.fromkeys(c.strip() for c in candidates if c and c.strip()))
    if not keep_order:
        # Similar length first (a long key should not stand out), then a stable shuffle.
        unique.sort(key=lambda c: (abs(len(c) - len(answer)) // 6, stable_hash(str(seed), c)))
    taken = [(answer, phrase(answer))]
    chosen: list[str] = []
    for candidate in unique:
        if len(chosen) == count:
            break
        if not keep_order and _shares_word(phrase(candidate), taken[0][1]):
            continue
        if acceptable(candidate, taken, evidence_phrase, avoid_set):
            chosen.append(candidate)
            taken.append((candidate, phrase(candidate)))
    return chosen


def _person_form(name: str, answer: str) -> str:
    """A name shaped like the answer: a surname alone for a surname, else the full name."""
    if len(answer.split()) == 1:
        return name.split()[-1]
    return name


def strip_article(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text)


def distractors(
    answer: str,
    answer_type: str,
    evidence: str,
    pools: Pools,
    avoid: Sequence[str] = (),
    count: int = 3,
    below: int | None = None,
) -> list[str]:
    """Wrong choices for `answer`; numbers and dates come back in no particular order."""
    seed = stable_hash(answer, evidence)
    if answer_type in ("NUMBER", "DURATION", "MONEY", "PERCENT", "QUANTITY", "YEAR"):
        form = parse_number(answer)
        if form is None:
            return []
        if form.value == 1 and not form.decimals and _SINGULAR_AFTER.match(form.suffix):
            return []  # "one day": shifted, "two day" is no English
        values = number_values(form, year=answer_type == "YEAR")
        wanted = below if below is not None else seed % (count + 1)
        chosen = pick_around(values, form.value, wanted, count + 3)
        texts = [form.render(v) for v in chosen]
        ordered = [t for v, t in sorted(zip(chosen, texts, strict=True)) if True]
        picked = choose(ordered, answer, evidence, avoid, count + 3, seed, keep_order=True)
        values_of = {t: v for v, t in zip(chosen, texts, strict=True)}
        return _balance([values_of[t] for t in picked], form, wanted, count)
    if answer_type == "SCORE":
        return choose(score_alternatives(answer), answer, evidence, avoid, count, seed, True)
    if answer_type == "CASE":
        names = [n.split()[-1] for n in pools.by_type.get("PERSON", []) if n.split()]
        names += LAST_NAMES[stable_hash(answer) % 20 :][:10]
        cases = [f"{a} v. {b}" for a, b in zip(names, names[1:] + names[:1], strict=True) if a != b]
        return choose(cases, answer, evidence, avoid, count, seed)
    if answer_type in ("DATE", "TIME"):
        alternatives = (
            time_alternatives(answer) if answer_type == "TIME" else date_alternatives(answer, seed)
        )
        if alternatives is None:
            return []
        return choose(alternatives, answer, evidence, avoid, count, seed, keep_order=True)
    kind = answer_type
    article = pools.by_type.get(kind, [])
    if kind == "COUNTRY":
        # "US" and "United States" are one country: keep one form of each, never the answer's.
        seen = {country_of(answer) or answer}
        unique = []
        for item in [*article, *_fallback(kind, answer, pools)]:
            canonical = country_of(item) or item
            if canonical not in seen:
                seen.add(canonical)
                unique.append(item)
        from_article = choose(unique[: len(article)], answer, evidence, avoid, count, seed)
        rest = [u for u in unique[len(article) :] if u not in from_article]
        return top_up(from_article, rest, answer, evidence, avoid, count, seed, keep_order=True)
    if kind == "PERSON":
        article = [_person_form(p, answer) for p in article]
    tail = _generic_tail(answer)
    if tail and kind in ("FAC", "ORG", "LOC"):
        # A hospital among hospitals: other kinds of organisation would give the key away.
        article = [a for a in article if a.split()[-1].lower() == tail.split()[-1].lower()]
    from_article = choose(article, answer, evidence, avoid, count, seed)
    if tail and kind in ("FAC", "ORG", "LOC"):
        # "Gartnavel Hospital" -> other real hospitals, of the city the sentence names first:
        # a made-up "Madrid Hospital" beside a Glasgow one would give the key away.
        known = facilities_near(answer, tail, evidence, pools.region)
        return top_up(from_article, known, answer, evidence, avoid, count, seed, keep_order=True)
    if kind == "CITY" and answer not in CITY_REGIONS:
        # A town only the article knows ("Phillipsburg"): big cities of the country the
        # article is about at most, never of somewhere else in the world.
        if pools.country is None or len(from_article) >= count:
            return from_article
        cities = sorted(
            (c for c, country in CITY_COUNTRIES.items() if country == pools.country),
            key=lambda c: stable_hash(str(seed), c),
        )
        return top_up(from_article, cities, answer, evidence, avoid, count, seed)
    if kind == "ORG":
        sector = organisation_sector(answer, evidence)
        if sector is None:
            return from_article  # "the terminal most affected is Ryanair": no guessing
        # The article's bodies of another clear sector ("British Airways" for a health body)
        # would stand out; those of no clear sector may stay.
        sectors = {a: organisation_sector(a, "") for a in article}
        from_article = choose(
            [a for a in article if sectors[a] == sector], answer, evidence, avoid, count, seed
        )
        if sector not in ("government", "charity"):
            # A government body belongs to one country: another country's would give it away.
            same = [name for s, name in ORGANISATIONS if s == sector]
            same.sort(key=lambda n: stable_hash(str(seed), n))
            from_article = top_up(from_article, same, answer, evidence, avoid, count, seed)
        unknown = [a for a in article if sectors[a] is None]
        return top_up(from_article, unknown, answer, evidence, avoid, count, seed)
    # The region order matters more; events are already of the answer's kind.
    ordered = kind in ("CITY", "COUNTRY", "EVENT")
    more = _fallback(kind, answer, pools) if len(from_article) < count else []
    return top_up(from_article, more, answer, evidence, avoid, count, seed, keep_order=ordered)


def top_up(
    chosen: list[str],
    more: Iterable[str],
    answer: str,
    evidence: str,
    avoid: Sequence[str],
    count: int,
    seed: int,
    keep_order: bool = False,
) -> list[str]:
    """`chosen` filled up to `count` from `more`, with the same rules as the first choice."""
    if len(chosen) >= count:
        return chosen
    extra = choose(more, answer, evidence, [*avoid, *chosen], count - len(chosen), seed, keep_order)
    return chosen + extra


def _balance(values: list[float], form: NumberForm, below: int, count: int) -> list[str]:
    """Keep `below` values under the answer where possible so keys spread over positions."""
    under = sorted((v for v in values if v < form.value), reverse=True)
    over = sorted(v for v in values if v > form.value)
    take_under = min(below, len(under))
    take_over = min(count - take_under, len(over))
    take_under = min(len(under), count - take_over)
    return [form.render(v) for v in sorted(under[:take_under] + over[:take_over])]
