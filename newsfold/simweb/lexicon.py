"""Invented names, places and organisations that fill the grammar's slots.

Everything here is made up so the simulated web names no real publisher, person or country; the lists
are long enough that two unrelated articles rarely share a name.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

FIRST_NAMES = (
    "Ana", "Li", "Tomas", "Mira", "Jonas", "Priya", "Kofi", "Elena", "Rafael", "Ingrid", "Yusuf", "Hana",
    "Mateo", "Sofia", "Dmitri", "Amara", "Lucas", "Noor", "Henrik", "Carmen", "Tariq", "Leila", "Oskar",
    "Chiara", "Samir", "Freya", "Diego", "Aiko", "Marek", "Zara", "Emil", "Nadia", "Kenji", "Lucia",
    "Bram", "Ines", "Farid", "Greta", "Pablo", "Yara", "Anton", "Selma", "Idris", "Julia", "Viktor",
    "Maya", "Arjun", "Elif", "Nikolai", "Rosa", "Ravi", "Petra", "Omar", "Clara", "Sven", "Dalia",
    "Hugo", "Amina", "Lars", "Teresa", "Kwame", "Ilse", "Bruno", "Soraya", "Felix", "Mei", "Caleb",
    "Alma", "Tobias", "Layla", "Ruben", "Esme", "Adrian", "Nia", "Stefan", "Lina", "Marco", "Ayla",
)

LAST_NAMES = (
    "Ortiz", "Wei", "Novak", "Haddad", "Lindqvist", "Okafor", "Varga", "Moreau", "Tanaka", "Brennan",
    "Kowalski", "Rahman", "Silva", "Petrov", "Achebe", "Halvorsen", "Castillo", "Nakamura", "Dunmore",
    "Farouk", "Jensen", "Marchetti", "Osei", "Quinlan", "Romero", "Sato", "Torvald", "Ulrich", "Vasquez",
    "Whitlock", "Yilmaz", "Zeller", "Abbott", "Bakker", "Costa", "Delacroix", "Eriksen", "Fontaine",
    "Gallo", "Holm", "Ibarra", "Jovanovic", "Kaur", "Laine", "Mensah", "Nilsen", "Oyelaran", "Pereira",
    "Rasku", "Sandoval", "Thorne", "Urquhart", "Vidal", "Wong", "Aalto", "Brandt", "Cerny", "Dossou",
    "Esposito", "Fischer", "Grieve", "Hassan", "Ivanova", "Kader", "Lund", "Mbeki", "Navarro", "Okoye",
    "Pace", "Rinaldi", "Soderberg", "Tamura", "Valdez", "Wexford", "Adeyemi", "Bianchi", "Chandra",
    "Dahl", "Engel", "Ferraro", "Gunnarsson", "Horvath", "Iqbal", "Kimura", "Lorenz", "Mahler",
)


@dataclass(frozen=True)
class Country:
    name: str
    demonym: str
    currency: str
    cities: tuple[str, ...]


COUNTRIES = (
    Country("Arvenia", "Arvenian", "crowns", ("Halden", "Port Verin", "Kessby", "Morrow Bay")),
    Country("Belmora", "Belmoran", "marks", ("Saravel", "Ostrin", "Dunmere", "Velka")),
    Country("Corvand", "Corvandi", "florins", ("Tessaly", "Braemont", "Ilvar", "Castelmar")),
    Country("Estova", "Estovan", "lira", ("Novagrad", "Pellis", "Ardent Falls", "Sorvik")),
    Country("Feralia", "Feralian", "dinars", ("Quaymouth", "Redhollow", "Linz Harbor", "Amberley")),
    Country("Galdoria", "Galdorian", "talers", ("Weskeep", "Orlan", "Mirefield", "Tarrowgate")),
    Country("Hestria", "Hestrian", "shillings", ("Calloway", "Nivelle", "Brightwater", "Essmoor")),
    Country("Isvania", "Isvanian", "rubels", ("Kirova", "Lenmar", "Stavros Point", "Yelva")),
    Country("Lurovia", "Lurovian", "pesos", ("San Aurel", "Mantova Bay", "Cresta", "Olvera")),
    Country("Marvella", "Marvellan", "francs", ("Belcourt", "Rivemont", "Sainte Lys", "Parlan")),
    Country("Norvost", "Norvosti", "kroner", ("Fjellby", "Skarholm", "Vindmark", "Oster Haven")),
    Country("Pellonia", "Pellonian", "zlotas", ("Gorzyn", "Wistra", "Lubelsk", "Tarnowa")),
    Country("Quendara", "Quendaran", "rands", ("Umbeza", "Kiraso", "Ndola Falls", "Sefaro")),
    Country("Tavrosia", "Tavrosian", "drams", ("Arkhel", "Zorvan", "Kelidos", "Mestara")),
    Country("Ulmeria", "Ulmerian", "guilders", ("Dorsten", "Havelock", "Ulmstad", "Greyport")),
    Country("Zerania", "Zeranian", "rials", ("Qadira", "Sahrun", "Tel Mazar", "Farosa")),
)

SEAS = ("the Verin Sea", "the Gulf of Ostrin", "the Amber Coast", "the Southern Reach", "the Tessaly Basin",
        "the Coral Narrows", "the Sorvik Strait", "the Western Shelf")

STORM_NAMES = (
    "Adela", "Bram", "Celia", "Dorin", "Elsa", "Fenn", "Gilda", "Haskel", "Ione", "Jorah", "Keira", "Linus",
    "Marisol", "Nestor", "Orla", "Piet", "Quilla", "Rowan", "Sabine", "Tiber", "Ursa", "Vale", "Wren",
)

COMPANY_STEMS = (
    "Northwind", "Bluefield", "Ironbridge", "Silverline", "Redwater", "Stonegate", "Clearpoint", "Highmoor",
    "Greenhollow", "Brightwave", "Oakridge", "Westhaven", "Copperleaf", "Fairmont", "Blackthorn", "Larkspur",
    "Eastmere", "Goldcrest", "Riverstone", "Summitview", "Ashgrove", "Kingsfold", "Moonbay", "Pinecroft",
)

SECTORS = (
    ("Logistics", "logistics", "warehouses"), ("Biotech", "biotechnology", "laboratories"),
    ("Energy", "energy", "power plants"), ("Foods", "food processing", "factories"),
    ("Systems", "software", "data centres"), ("Motors", "carmaking", "assembly plants"),
    ("Telecom", "telecommunications", "network sites"), ("Shipping", "shipping", "container terminals"),
    ("Pharma", "pharmaceuticals", "production sites"), ("Robotics", "industrial automation", "workshops"),
    ("Minerals", "mining", "mines"), ("Retail", "retail", "stores"),
)

DEFENCE_SUFFIXES = ("Defence Systems", "Dynamics", "Aerospace", "Shipyards", "Industries", "Marine Works")

FIRMS = ("Castle Rock Advisers", "Meridian Hill Capital", "Greyfield Securities", "Harrowgate Partners",
         "Tidewater Research", "Bellweather Economics", "Northlight Asset Management", "Quarry Lane Analytics")

FIELDS = (
    ("materials science", "battery electrode", "stores energy"),
    ("marine biology", "coral species", "survives warmer water"),
    ("chemistry", "enzyme", "breaks down plastic waste"),
    ("neuroscience", "brain circuit", "controls sleep timing"),
    ("agronomy", "wheat variety", "tolerates drought"),
    ("soil science", "soil treatment", "locks carbon into farmland"),
    ("epidemiology", "screening method", "detects infections earlier"),
    ("physics", "superconducting film", "carries current without loss"),
)

EQUIPMENT = ("patrol vessels", "air defence radars", "transport helicopters", "armoured vehicles",
             "coastal surveillance drones", "training aircraft", "field hospitals", "secure radio sets")

RELEASED_DESCRIPTIONS = ("a journalist", "an aid worker", "a former soldier", "a university lecturer",
                         "a businessman", "a fisherman", "a human rights lawyer", "a truck driver")

COURT_SUBJECTS = (
    ("the data retention law", "the Interior Ministry", "the Civil Liberties Coalition"),
    ("the coastal development plan", "the regional planning board", "the Bayfront Residents Association"),
    ("the ban on night flights", "the national aviation authority", "the Regional Carriers Group"),
    ("the water pricing scheme", "the state water utility", "the Independent Farmers Union"),
    ("the school funding formula", "the Education Ministry", "the Municipal Schools Alliance"),
    ("the offshore drilling licence", "the Energy Ministry", "the Coastal Heritage Trust"),
)

WORKFORCES = (
    ("rail workers", "the national railway", "trains"), ("port workers", "the port authority", "ships"),
    ("nurses", "the public hospital network", "appointments"), ("teachers", "the Education Ministry", "classes"),
    ("airport ground staff", "the airport operator", "flights"), ("bus drivers", "the city transit company",
                                                                   "bus routes"),
)


def person(rng: random.Random) -> tuple[str, str]:
    """A made-up full name and surname."""
    last = rng.choice(LAST_NAMES)
    return f"{rng.choice(FIRST_NAMES)} {last}", last


def city(rng: random.Random, country: Country) -> str:
    return rng.choice(country.cities)


def company(rng: random.Random) -> tuple[str, str, str]:
    """Name, sector and what the company runs, e.g. ("Northwind Logistics", "logistics", "warehouses")."""
    suffix, sector, sites = rng.choice(SECTORS)
    return f"{rng.choice(COMPANY_STEMS)} {suffix}", sector, sites
