"""World desk: prisoner exchanges and storm seasons (recurring) and defence procurement (one-off)."""
from __future__ import annotations

import random

from . import lexicon
from .factkit import WHEN, add_person, num, ordinal, other, pick_quotes, words
from .grammar import EventType, SeriesKey, pool
from .seeds import stream

C = lexicon.COUNTRIES


def _swap_keys(rng: random.Random, count: int) -> list[SeriesKey]:
    pairs = [(a, b) for a in range(len(C)) for b in range(len(C)) if a < b]
    rng.shuffle(pairs)
    return [(f"{C[a].name}-{C[b].name}".lower(), (a, b)) for a, b in pairs[:count]]


def _swap_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    assert key is not None
    a, b = (C[i] for i in key[1])
    m = other(rng, C, a, b)
    n_a, n_b = rng.randint(3, 60), rng.randint(3, 60)
    venue_city = lexicon.city(rng, a)
    f = {
        "a": a.name, "b": b.name, "da": a.demonym, "db": b.demonym, "m": m.name, "m_city": m.cities[0],
        "a_capital": a.cities[0], "b_city": lexicon.city(rng, b), "city": venue_city, "country": a.name,
        "n_a": num(n_a), "n_b": num(n_b), "total": num(n_a + n_b), "ordinal": ordinal(n), "when": rng.choice(WHEN),
        "venue": f"a border crossing near {venue_city}", "venue_short": f"the {venue_city} crossing",
        "years": words(rng.randint(2, 9)), "talk_hours": words(rng.randint(6, 40)),
        "months_since": words(rng.randint(1, 9)), "prev_total": num(rng.randint(6, 120)),
        "cum_total": num(rng.randint(150, 2400)), "n_left": num(rng.randint(40, 900)),
        "n_sick": words(rng.randint(2, 12)), "n_remains": num(rng.randint(5, 80)),
        "dispute_years": words(rng.randint(3, 11)), "event_noun": "prisoner exchange",
        "r1_desc": rng.choice(lexicon.RELEASED_DESCRIPTIONS), "r2_desc": rng.choice(lexicon.RELEASED_DESCRIPTIONS),
    }
    f["r1"], _ = lexicon.person(rng)
    f["r2"], _ = lexicon.person(rng)
    add_person(f, 1, stream("series-official", key[0]), f"the {a.demonym} foreign minister",
               f"the {a.demonym} Foreign Ministry")
    add_person(f, 2, rng, f"a spokesperson for the {b.demonym} Foreign Ministry", f"the {b.demonym} government")
    rights_group = f"the {lexicon.city(rng, a)} Centre for Detainee Rights"
    add_person(f, 3, rng, f"director of {rights_group}", rights_group)
    pick_quotes(
        f, rng,
        ("Every citizen who comes home today is a promise kept, and we will not stop until all of them are back",
         "Today {n_b} families can finally embrace their loved ones",
         "This exchange shows that patient diplomacy can still deliver results",
         "We thank {m} for its persistence, and we remain ready for the next round",
         "Bringing our people home from {b} remains the first duty of this government"),
        ("{b} has honoured every commitment it made in these talks",
         "The release of {n_a} of our citizens is a humanitarian step that we welcome",
         "We acted in good faith and expect the same from the other side",
         "This is not a concession but a sign that dialogue is possible"),
        ("Behind every number on these lists is a family that has waited far too long",
         "Each exchange is welcome, but people should never be bargaining chips in the first place",
         "We will keep counting until the last detainee is home",
         "The process remains opaque, and too many names are missing from the lists"),
        ("the exchange did little for the {n_left} people still held on both sides",
         "such swaps risked encouraging further arbitrary detentions",
         "the selection of prisoners lacked any transparency",
         "the pace of the exchanges was far too slow for families who have waited years"),
    )
    return f


PRISONER_SWAP = EventType(
    name="prisoner-swap", section="World", facts=_swap_facts, keys=_swap_keys,
    pools={
        "headline": pool(
            "{a} and {b} complete {ordinal} prisoner swap",
            "{total} prisoners freed in {ordinal} {a}-{b} exchange",
            "{b} releases {r1} as {n_b} detainees return to {a}",
            "Prisoner exchange: {a} and {b} trade {total} detainees",
            "{a} welcomes home {n_b} citizens in swap brokered by {m}",
        ),
        "lead": pool(
            "{a} and {b} [exchanged|swapped] {total} prisoners at {venue} {when}, the {ordinal} such exchange "
            "between the two [countries|neighbours], officials said.",
            "{n_b} {da} citizens [returned home|were flown home] {when} after {b} freed them in exchange for {n_a} "
            "{db} detainees, [the {da} government said|according to the {da} government].",
            "In the {ordinal} prisoner swap between the two countries, {b} released {n_b} people and {a} freed "
            "{n_a} at {venue} {when}.",
            "A [long-awaited|carefully negotiated] exchange of {total} prisoners between {a} and {b} "
            "[took place|was completed] at {venue} {when}, [the {ordinal} such swap|marking the {ordinal} swap].",
            "{r1}, {r1_desc} held in {b} for {years} years, was among {n_b} people freed {when} as {a} and {b} "
            "carried out their {ordinal} prisoner exchange.",
        ),
        "details": pool(
            "Under the deal, {a} handed over {n_a} {db} [nationals|detainees] while {b} released {n_b} people, "
            "[the foreign ministry in {a_capital} said|officials in both capitals confirmed].",
            "The handover took place at {venue} under the supervision of [officials|observers] from {m}, which "
            "[mediated the talks|brokered the agreement].",
            "Among those freed was {r2}, {r2_desc} who had been [detained|held] since a [trip|visit] to {b_city}.",
            "{m} said the exchange followed {talk_hours} hours of talks [held|hosted] in {m_city}.",
            "Buses carrying the released prisoners left {venue_short} [shortly afterwards|within the hour], "
            "[according to witnesses|witnesses said].",
            "The freed {da} citizens were taken to a hospital in {a_capital} for medical checks, the Health "
            "Ministry said.",
            "{a} said {n_sick} of those returned needed [urgent|immediate] medical [care|treatment].",
            "Officials did not publish a full list of names, [citing|pointing to] [the safety of relatives|privacy "
            "concerns].",
            "Relatives [gathered|waited] at {venue_short} from early morning, some holding photographs of "
            "[missing family members|those still detained].",
            "The {db} detainees were driven across the line in a convoy escorted by {m} [observers|officials], "
            "[a witness said|witnesses said].",
            "The International Red Cross [interviewed|spoke to] each prisoner [privately|in private] before the "
            "handover to confirm they were leaving [voluntarily|of their own free will], {m} said.",
            "[According to|Citing] a list [seen by|shared with] reporters, [most|the majority] of those released by "
            "{b} had been [convicted|sentenced] on espionage charges that {a} [calls|called] fabricated.",
        ),
        "background": pool(
            "Relations between {a} and {b} have been [tense|strained] since a border dispute [escalated|flared] "
            "{dispute_years} years ago.",
            "The two countries have now [exchanged|swapped] more than {cum_total} prisoners [in total|since the "
            "first swap], according to [figures from|a tally kept by] {m}.",
            "Rights groups estimate that [at least|more than] {n_left} people remain [held|in detention] on both "
            "sides.",
            "Previous exchanges were [delayed|postponed] at the last minute after the two sides disputed [who "
            "would be included|the lists of names].",
            "{m} has [hosted|mediated] [every round|most rounds] of talks between the two governments since the "
            "dispute began.",
            "The {ordinal} exchange comes {months_since} months after the previous swap, which freed {prev_total} "
            "people.",
            "The first exchange between the two countries [took place|was agreed] after [secret|months of quiet] "
            "talks [brokered|arranged] by {m}, diplomats [say|said].",
            "[Both governments|The two governments] [deny|have denied] holding civilians [as leverage|for "
            "bargaining purposes], [despite|in spite of] [reports|accounts] from [former detainees|rights groups].",
        ),
        "outlook": pool(
            "[Officials|Negotiators] said further exchanges [were being prepared|are expected], [but gave no "
            "date|without giving a date].",
            "{p1} said {a} would [keep pressing|continue to press] for the release of [all|the remaining] {da} "
            "citizens held in {b}.",
            "A [further|next] round of talks [is planned|is scheduled] in {m_city}, according to {m}'s foreign "
            "ministry.",
            "[Families of those still held|Relatives of remaining detainees] said they [hoped|expected] the next "
            "list would include their [relatives|loved ones].",
            "The [agreement|deal] also [provides for|allows] the return of the remains of {n_remains} soldiers "
            "killed in the border clashes, [officials said|the two sides said].",
        ),
    },
)


def _storm_keys(rng: random.Random, count: int) -> list[SeriesKey]:
    seas = list(range(len(lexicon.SEAS)))
    rng.shuffle(seas)
    return [(lexicon.SEAS[i].removeprefix("the ").lower().replace(" ", "-"), (i,)) for i in seas[:count]]


def _storm_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    assert key is not None
    sea = lexicon.SEAS[key[1][0]]
    country = rng.choice(C)
    category = rng.randint(1, 5)
    wind = 110 + 25 * category + rng.randint(-10, 20)
    f = {
        "sea": sea, "sea_bare": sea.removeprefix("the "), "ordinal": ordinal(n),
        "storm": lexicon.STORM_NAMES[(n - 1) % len(lexicon.STORM_NAMES)],
        "country": country.name, "dc": country.demonym, "city": lexicon.city(rng, country),
        "city2": lexicon.city(rng, country), "category": words(category), "currency": country.currency,
        "wind": num(wind),
        "gusts": num(wind + rng.randint(15, 40)), "evacuated": num(rng.randint(2, 90) * 1000),
        "outages": num(rng.randint(10, 400) * 1000), "rain": num(rng.randint(80, 450)),
        "injured": words(rng.randint(0, 40)), "shelters": num(rng.randint(12, 300)), "when": rng.choice(WHEN),
        "flights": num(rng.randint(20, 400)), "season_avg": words(rng.randint(9, 14)),
        "event_noun": "storm response", "agency": f"the {country.demonym} Meteorological Service",
    }
    centre = f"the {sea.removeprefix('the ')} Storm Centre"
    add_person(f, 1, stream("series-official", key[0]), f"a senior forecaster at {centre}", centre)
    add_person(f, 2, rng, f"head of the {country.demonym} civil protection agency",
               f"the {country.demonym} civil protection agency")
    insurer = f"{rng.choice(lexicon.FIRMS)}"
    add_person(f, 3, rng, f"a risk analyst at {insurer}", insurer)
    pick_quotes(
        f, rng,
        ("{storm} intensified faster than our models suggested, and the rain is now the bigger danger",
         "Residents near the coast should stay where they are until the surge has passed",
         "This is the {ordinal} named storm of the season, and the water is still unusually warm",
         "We expect the system to weaken over land, but flooding will continue for days"),
        ("Our teams are in every district of {city}, and the shelters still have room",
         "The evacuation went as planned, and I thank everyone who left when they were asked to",
         "Restoring power to hospitals and water plants is our first priority",
         "We will not reopen the coastal roads until engineers have checked every bridge"),
        ("Losses from a storm of this size usually take weeks to become clear",
         "The insurance bill will depend on how long the flooding lasts",
         "Seasons with this many storms are becoming the norm rather than the exception",
         "Ports and farms will feel this long after the wind has dropped"),
        ("the warning system gave residents of {city2} too little time to leave",
         "repeated storms were straining emergency budgets across the region",
         "rebuilding along the same coastline only stored up losses for the next season",
         "the power grid had again proved too fragile for a storm of {storm}'s strength"),
    )
    return f


STORM = EventType(
    name="storm", section="Weather", facts=_storm_facts, keys=_storm_keys,
    pools={
        "headline": pool(
            "Storm {storm} makes landfall near {city} with winds of {wind} km/h",
            "{ordinal} named storm of the season, {storm}, batters {country}",
            "{evacuated} evacuated as Storm {storm} hits {country}",
            "Storm {storm} leaves {outages} homes without power in {country}",
            "Category {category} storm {storm} sweeps ashore near {city}",
        ),
        "lead": pool(
            "Storm {storm}, the {ordinal} named storm of the season in {sea}, made landfall near {city} {when} with "
            "sustained winds of {wind} kilometres per hour, forecasters said.",
            "[More than|Some] {evacuated} people [fled|left] their homes in {country} as Storm {storm} [came ashore|"
            "struck the coast] near {city} {when}, [officials said|according to officials].",
            "Storm {storm} [slammed into|battered] the coast of {country} {when}, cutting power to {outages} homes "
            "and [flooding streets|swamping roads] in {city}.",
            "The {ordinal} named storm of the {sea_bare} season, {storm}, reached the coast near {city} as a category "
            "{category} system {when}, {agency} said.",
            "Authorities in {country} [ordered|carried out] the evacuation of {evacuated} people before Storm {storm} "
            "made landfall near {city} {when}.",
        ),
        "details": pool(
            "Gusts of up to {gusts} kilometres per hour were [recorded|measured] in {city2}, {agency} said.",
            "[Up to|As much as] {rain} millimetres of rain fell in [parts of|some districts of] {country} within "
            "[a day|24 hours], according to {agency}.",
            "The civil protection agency said {injured} people were [injured|hurt], most of them by falling "
            "[debris|trees].",
            "About {outages} homes lost power, and [crews|engineers] expected [some outages|repairs] to last "
            "[several days|into next week].",
            "{shelters} emergency shelters were opened across the region, [officials said|the agency said].",
            "Airports in {city} and {city2} cancelled {flights} flights, [stranding|delaying] thousands of "
            "passengers.",
            "Storm surge [pushed|drove] sea water into low-lying [neighbourhoods|streets] of {city}, "
            "[residents said|witnesses said].",
            "Schools and government offices in the coastal districts [were closed|stayed shut] as a precaution.",
            "[Television images|Footage shared online] showed [uprooted trees|flooded streets] and [damaged "
            "roofs|boats torn from their moorings] in {city2}.",
            "The storm was [moving|tracking] inland at [about|roughly] 20 kilometres per hour, forecasters said.",
            "[Rescue teams|Emergency crews] [pulled|helped] [dozens of|several] people from flooded [cars|homes] "
            "in {city2} overnight, the civil protection agency said.",
            "Hospitals in {city} [switched to|ran on] backup generators after the [main grid|power network] "
            "failed, [health officials said|according to health officials].",
        ),
        "background": pool(
            "{storm} is the {ordinal} named storm of the season in {sea}, where an average season brings "
            "{season_avg} named storms.",
            "Warm sea surface temperatures have [fuelled|strengthened] several storms in {sea} this season, "
            "[scientists said|according to scientists].",
            "{country} [upgraded|overhauled] its storm warning system after [deadly|costly] floods several years ago.",
            "The coastal districts around {city} are among the most [exposed|vulnerable] in {country}, with "
            "[many|thousands of] homes built on low ground.",
            "Storms in {sea} usually [peak|reach their strongest] late in the season, [forecasters say|according "
            "to forecasters].",
            "Emergency services [had already|were already] stretched after [earlier storms|the previous storm] "
            "this season, [officials said|the agency said].",
            "Insurers [estimate|have estimated] that storms in {sea} [caused|did] [billions|several billion] "
            "{currency} in damage [last season|over the past two seasons].",
            "[Several|Many] [towns|villages] along the coast [have still not|had not yet] [finished repairs|fully "
            "recovered] from [last year's|earlier] storms, [residents say|according to residents].",
        ),
        "outlook": pool(
            "Forecasters expect {storm} to weaken [as it moves inland|over land] [but warned of|with a risk of] "
            "flash floods.",
            "{agency} kept [a red warning|its highest warning] in place for the coast [until further notice|"
            "overnight].",
            "The civil protection agency said it would [assess|survey] the damage once the winds had [eased|"
            "dropped].",
            "Officials said schools in [the worst-hit|coastal] districts would stay closed [for now|until roads "
            "were cleared].",
            "Rain is [expected|forecast] to continue [for at least another day|into the weekend], forecasters said.",
        ),
    },
)


def _defense_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    country = rng.choice(C)
    supplier = f"{rng.choice(lexicon.COMPANY_STEMS)} {rng.choice(lexicon.DEFENCE_SUFFIXES)}"
    units = rng.randint(4, 60)
    f = {
        "country": country.name, "dc": country.demonym, "city": country.cities[0],
        "ministry": f"the {country.demonym} Defense Ministry", "equipment": rng.choice(lexicon.EQUIPMENT),
        "units": words(units), "value": f"{rng.randint(2, 95) / 10:.1f} billion {country.currency}",
        "supplier": supplier, "plant_city": lexicon.city(rng, country), "jobs": num(rng.randint(3, 40) * 100),
        "first_year": words(rng.randint(2, 4)), "last_year": words(rng.randint(5, 9)),
        "budget_share": f"{rng.randint(8, 31)} percent", "bidders": words(rng.randint(2, 6)),
        "event_noun": "contract", "committee": f"the parliamentary defense committee in {country.cities[0]}",
    }
    add_person(f, 1, rng, f"the {country.demonym} defense minister", f["ministry"])
    add_person(f, 2, rng, f"chief executive of {supplier}", supplier)
    party = f"the {rng.choice(('Reform', 'Civic', 'Green', 'Labour', 'Liberty'))} Party"
    add_person(f, 3, rng, f"a defense spokesperson for {party}", party)
    pick_quotes(
        f, rng,
        ("These {equipment} will keep our forces ready for the next decade",
         "We chose the offer that gave the best value and the most work at home",
         "This contract secures both our readiness and {jobs} skilled jobs",
         "Our soldiers asked for modern equipment, and this is our answer"),
        ("We are proud to build these {equipment} in {plant_city}",
         "The first units will leave our line within {first_year} years",
         "This order lets us hire and train a new generation of engineers",
         "We will deliver on time and on budget, as we have before"),
        ("Parliament was given far too little time to examine this deal",
         "The price tag raises questions the ministry has yet to answer",
         "We support the forces, but not a contract negotiated behind closed doors",
         "Other bidders were shut out of this process too early"),
        ("the tender had not been open enough to test the price",
         "the delivery schedule was unrealistic given the supplier's record",
         "the money would have been better spent on maintaining existing equipment",
         "the contract had been rushed through before the budget debate"),
    )
    return f


DEFENSE_CONTRACT = EventType(
    name="defense-contract", section="World", facts=_defense_facts,
    pools={
        "headline": pool(
            "{country} orders {units} {equipment} from {supplier} in {value} deal",
            "Defense Ministry signs {value} contract for new {equipment}",
            "{supplier} wins {country}'s {equipment} tender",
            "{country} to buy {equipment} worth {value}",
            "{value} {equipment} deal sparks debate in {country}",
        ),
        "lead": pool(
            "{ministry} signed a contract worth {value} for {units} {equipment} [built by|from] {supplier}, the "
            "ministry said.",
            "{country} will buy {units} new {equipment} from {supplier} under a {value} agreement [signed|"
            "announced] [this week|on the day], [officials said|according to officials].",
            "{supplier} has won a {value} order to supply {units} {equipment} to the armed forces of {country}, "
            "[the company said|the company announced].",
            "The government of {country} [approved|signed off on] the purchase of {units} {equipment} worth {value} "
            "from {supplier}, the Defense Ministry said.",
            "After a [tender|competition] involving {bidders} bidders, {ministry} awarded {supplier} a {value} "
            "contract for {units} {equipment}.",
        ),
        "details": pool(
            "The first {equipment} are due [to be delivered|for delivery] within {first_year} years, with the last "
            "arriving in {last_year} years, the ministry said.",
            "{supplier} said the order would [secure|support] {jobs} jobs at its [plant|factory] in {plant_city}.",
            "The contract [includes|covers] training, spare parts and maintenance [for the first decade|for ten "
            "years], according to the ministry.",
            "The deal [accounts for|represents] about {budget_share} of this year's procurement budget, "
            "[officials said|according to budget documents].",
            "{bidders} companies [took part in|competed in] the tender, which [opened|was launched] two years "
            "ago.",
            "The {equipment} will replace [ageing|older] models that have been in service for more than "
            "[thirty|forty] years, the ministry said.",
            "[Parts of the contract|Some details] remain classified, [the ministry said|officials said], "
            "[including|among them] the exact delivery schedule.",
            "{committee} [approved|cleared] the purchase [in a closed session|after a short debate], according to "
            "[members|two members].",
            "Shares in {supplier} rose [sharply|strongly] after the announcement, [traders said|according to "
            "traders].",
            "The ministry said [local firms|domestic suppliers] would [build|provide] [a large share|much] of the "
            "components.",
            "The {equipment} will be based [at|near] {plant_city} [once|after] [testing|trials] are complete, "
            "[the ministry said|according to the ministry].",
            "The agreement [includes|contains] an option for [further|additional] units if the [first batch|"
            "initial order] meets its targets, [the supplier said|officials said].",
        ),
        "background": pool(
            "{country} has [raised|increased] defense spending [for several years|steadily] amid [regional "
            "tensions|concerns over border security].",
            "The [armed forces|military] have [long|repeatedly] complained that their {equipment} were [outdated|"
            "overdue for replacement].",
            "{supplier} [previously|has] supplied equipment to the navy and the army, according to [company "
            "records|its annual report].",
            "A previous attempt to buy {equipment} [collapsed|was abandoned] over [cost overruns|a dispute about "
            "the price].",
            "Defense procurement has been a [sensitive|contentious] issue in {country} since a [scandal|dispute] "
            "over [an earlier|a previous] tender.",
            "The opposition has [called for|demanded] more [scrutiny|oversight] of large defense contracts.",
            "[Neighbouring|Several neighbouring] countries have [announced|placed] [similar|comparable] orders "
            "[this year|in recent months], [analysts said|according to analysts].",
            "The armed forces of {country} [number|have] [about|roughly] [forty|sixty] thousand [personnel|"
            "troops], [according to|based on] government figures.",
        ),
        "outlook": pool(
            "{committee} is expected to [review|examine] the [deal|contract] again [before the first payment|"
            "later this year].",
            "{p1} said further orders [could follow|were possible] if the first deliveries went well.",
            "{supplier} said it would [begin|start] production [early next year|within months].",
            "The opposition said it would [seek|push for] a [full|public] debate on the contract in parliament.",
            "The ministry said a [decision|further announcement] on [related|additional] equipment would follow "
            "[later this year|in the coming months].",
        ),
    },
)
