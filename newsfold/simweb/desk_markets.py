"""Markets desk: daily market closes, weekly jobless claims and central-bank rate decisions, all recurring.

These are the look-alike cases that matter most: one outlet words every close or every decision the same
way and only the figures, names and quotes change.
"""
from __future__ import annotations

import random

from . import lexicon
from .factkit import add_person, num, ordinal, other, pct, pick_quotes, words
from .grammar import EventType, SeriesKey, pool
from .seeds import stream

C = lexicon.COUNTRIES


def _country_keys(rng: random.Random, count: int) -> list[SeriesKey]:
    order = list(range(len(C)))
    rng.shuffle(order)
    return [(C[i].name.lower(), (i,)) for i in order[:count]]


def _market_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    assert key is not None
    country = C[key[1][0]]
    up = rng.random() < 0.55
    level = rng.randint(2800, 9800) + rng.randint(0, 99) / 100
    change = rng.randint(5, 260) / 100
    gainer, gainer_sector, _ = lexicon.company(rng)
    loser, _, _ = lexicon.company(rng)
    advancers, decliners = rng.randint(40, 160), rng.randint(40, 160)
    f = {
        "country": country.name, "dc": country.demonym, "city": country.cities[0],
        "index": f"the {country.cities[0]} Composite", "index_short": f"{country.cities[0]} Composite",
        "moved": "rose" if up else "fell", "gained": "gained" if up else "lost",
        "moving_word": "adding" if up else "shedding", "moves_now": "rises" if up else "falls",
        "moves_now_plural": "rise" if up else "fall", "rising": "rising" if up else "falling",
        "streak_word": words(rng.randint(2, 4)),
        "direction": "higher" if up else "lower", "mood": "gains" if up else "losses",
        "pct": pct(change), "points": f"{level * change / 100:.2f}", "level": f"{level:,.2f}",
        "streak": ordinal(rng.randint(2, 6)), "gainer": gainer, "gainer_pct": pct(rng.randint(20, 140) / 10),
        "loser": loser, "loser_pct": pct(rng.randint(15, 110) / 10), "sector": gainer_sector,
        "volume": num(rng.randint(180, 990)), "advancers": num(advancers), "decliners": num(decliners),
        "breadth": "outnumbered" if advancers > decliners else "were outnumbered by", "currency": country.currency,
        "fx_move": pct(rng.randint(1, 9) / 10), "bond_yield": f"{rng.randint(150, 560) / 100:.2f} percent",
        "event_noun": "session", "exchange": f"the {country.cities[0]} Stock Exchange",
    }
    firm = rng.choice(lexicon.FIRMS)
    add_person(f, 1, stream("series-official", key[0]), f"chief market strategist at {firm}", firm)
    broker = other(rng, lexicon.FIRMS, firm)
    add_person(f, 2, rng, f"a trader at {broker}", broker)
    add_person(f, 3, rng, f"an economist at the {country.demonym} Institute for Economic Research",
               f"the {country.demonym} Institute for Economic Research")
    pick_quotes(
        f, rng,
        ("Investors are reading every data point for a signal on rates, and today they liked what they saw",
         "The move in {sector} stocks did most of the work today",
         "It was a quiet session until the final hour, when buyers stepped in",
         "Nobody wants to take a big position before the central bank speaks"),
        ("Volumes were thin, so I would not read too much into one day",
         "We saw steady selling from funds rebalancing ahead of the month end",
         "The move in {gainer} caught a lot of people on the wrong side",
         "Traders are nervous, and it shows in how quickly prices turn"),
        ("Markets are running ahead of the real economy again",
         "Corporate earnings will have to catch up with these prices",
         "Daily swings like this say more about sentiment than about fundamentals",
         "The currency matters more for exporters than the index does"),
        ("the rally rested on a handful of large companies",
         "thin trading volumes exaggerated the day's move",
         "investors were underestimating the risk of higher borrowing costs",
         "smaller companies were being left behind by the market"),
    )
    return f


MARKET_CLOSE = EventType(
    name="market-close", section="Markets", facts=_market_facts, keys=_country_keys,
    pools={
        "headline": pool(
            "{index_short} {moves_now} {pct} as {sector} stocks lead",
            "Stocks close {direction} in {city}; {gainer} jumps {gainer_pct}",
            "{index_short} ends at {level}, {moving_word} {points} points",
            "Markets: {city} shares {moves_now_plural} for {streak} straight session",
            "{gainer} and {sector} shares push {index_short} {direction}",
        ),
        "lead": pool(
            "{index} {moved} {pct} to close at {level} [on the day|in the session], led by {sector} stocks, "
            "[exchange data showed|according to exchange data].",
            "Shares in {city} closed {direction}, with {index} {moving_word} {points} points, or {pct}, to "
            "{level}.",
            "Stocks in {country} [ended|finished] {direction} for the {streak} [straight|consecutive] session, "
            "as {index} {gained} {pct} to {level}.",
            "{index} [closed|settled] at {level}, {rising} {pct} in a session [dominated|driven] by [moves|trading] "
            "in {sector} companies, traders said.",
            "A [late|strong] move in {gainer} helped {index} [close|finish] {direction} at {level}, a change of "
            "{pct} on the previous close.",
        ),
        "details": pool(
            "{gainer} was the [best performer|biggest gainer], rising {gainer_pct}, while {loser} fell "
            "{loser_pct}.",
            "About {volume} million shares changed hands on {exchange}, [in line with|slightly below] the "
            "[recent|monthly] average.",
            "Advancing stocks {breadth} declining ones, with {advancers} rising and {decliners} falling, "
            "[exchange figures showed|according to exchange figures].",
            "The {dc} currency [moved|shifted] {fx_move} against [major currencies|the basket of major currencies], "
            "[dealers said|according to dealers].",
            "The yield on the ten-year government bond [stood at|settled at] {bond_yield}, [traders said|"
            "according to traders].",
            "{loser} was the [weakest|worst] performer after [a broker cut its rating|a profit warning], "
            "losing {loser_pct}.",
            "{sector} stocks [accounted for|made up] most of the day's move, [analysts said|according to "
            "analysts].",
            "Trading was [subdued|calm] for most of the day before a [burst|wave] of orders in the final hour.",
            "The index has now [moved|swung] {direction} in {streak_word} of the last five sessions, "
            "[data showed|exchange data showed].",
            "[Dealers|Brokers] said [foreign funds|institutional investors] were [net buyers|net sellers] for the "
            "[day|session].",
            "Shares of [large|the largest] banks [moved|traded] [broadly|roughly] in line with the index, while "
            "[smaller|mid-sized] companies [lagged|trailed], [traders said|according to traders].",
            "[Options|Futures] [trading|activity] [picked up|increased] [late in the day|towards the close], "
            "[suggesting|a sign] that investors were [hedging|protecting] [positions|portfolios], dealers said.",
        ),
        "background": pool(
            "{index} is made up of the largest companies listed on {exchange}.",
            "Investors [have been watching|are watching] [the central bank|interest rates] closely [for signs|"
            "amid speculation] of a change in policy.",
            "{sector} companies make up [a large|a growing] share of the index [by value|by market value].",
            "The index has [swung|moved] [sharply|widely] this month as investors [weighed|digested] [mixed|"
            "uneven] economic data.",
            "Foreign investors hold [about|roughly] a third of the shares listed on {exchange}, [according to|"
            "figures from] the exchange.",
            "[Analysts|Strategists] have [repeatedly|often] [warned|noted] that [valuations|prices] on {exchange} "
            "look [stretched|high] [by regional standards|against earnings].",
            "The government [owns|holds] [stakes|minority stakes] in [several|a number of] [index companies|listed "
            "companies], [which|a fact that] [critics say|some investors say] [weighs on|dampens] prices.",
            "[Retail investors|Private savers] have [poured|put] [record|large] sums into [shares|the market] "
            "[over the past year|in recent years], according to [figures from|data from] the [exchange|regulator].",
        ),
        "outlook": pool(
            "Investors will [look to|watch] [inflation figures|the next economic data] for [direction|clues] "
            "[later this week|in the coming days].",
            "Trading [resumes|opens again] on {exchange} at the usual time [on the next business day|next "
            "session].",
            "[Analysts|Strategists] expect [volatility|swings] to [persist|continue] until the central bank's next "
            "[decision|meeting].",
            "{gainer} is due to [report|publish] [quarterly results|its results] [next week|in the coming days].",
            "{p1} said [the trend|the direction] would depend on [company earnings|the next batch of "
            "economic figures].",
        ),
    },
)



def _claims_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    assert key is not None
    country = C[key[1][0]]
    claims = rng.randint(160, 340) * 1000 + rng.randint(0, 9) * 100
    change = rng.randint(1, 28) * 1000
    up = rng.random() < 0.5
    f = {
        "country": country.name, "dc": country.demonym, "city": country.cities[0],
        "ministry": f"the {country.demonym} Labour Ministry", "claims": num(claims),
        "change": num(change), "moved": "rose" if up else "fell", "trend": "increase" if up else "decline",
        "previous": num(claims - change if up else claims + change),
        "forecast": num(claims + rng.randint(-9, 9) * 1000),
        "average": num(claims + rng.randint(-12, 12) * 1000),
        "continuing": f"{rng.randint(110, 290) / 100:.2f} million", "region": lexicon.city(rng, country),
        "region_change": num(rng.randint(2, 9) * 1000), "week_no": ordinal(n), "sector": rng.choice(
            ("construction", "manufacturing", "hospitality", "retail", "transport", "technology")),
        "unemployment": pct(rng.randint(32, 94) / 10), "event_noun": "jobless figures",
    }
    add_person(f, 1, stream("series-official", key[0]), f"a senior official at {f['ministry']}", f["ministry"])
    firm = rng.choice(lexicon.FIRMS)
    add_person(f, 2, rng, f"chief economist at {firm}", firm)
    union = f"the {country.demonym} Federation of Labour"
    add_person(f, 3, rng, f"research director at {union}", union)
    pick_quotes(
        f, rng,
        ("The labour market remains resilient, even if {sector} is cooling",
         "One week does not make a trend, and the four-week picture is steady",
         "We are watching {region} closely after the latest {trend} there",
         "Most people who lose a job are finding new work within weeks"),
        ("The {trend} in claims fits a labour market that is slowly losing momentum",
         "These numbers will not change the central bank's thinking on their own",
         "Layoffs in {sector} are the part of the data that worries me",
         "Claims are noisy from week to week, but the direction is clear"),
        ("Behind each of these claims is a household that has lost its income",
         "Workers in {sector} are bearing the brunt of the slowdown",
         "The official figures understate how many people are struggling",
         "Employers are cutting hours long before they cut jobs"),
        ("the weekly figures masked a steady rise in long-term unemployment",
         "benefit levels had not kept pace with prices",
         "the government was too slow to help workers in {sector} retrain",
         "job losses in {region} deserved a targeted response"),
    )
    return f


JOBLESS_CLAIMS = EventType(
    name="jobless-claims", section="Economy", facts=_claims_facts, keys=_country_keys,
    pools={
        "headline": pool(
            "{country} jobless claims {moved} to {claims}",
            "Weekly unemployment claims in {country} {moved} by {change}",
            "{dc} jobless claims {moved} in latest week",
            "Initial claims for unemployment benefit {moved} to {claims} in {country}",
            "{country}: {change} {trend} in weekly jobless claims",
        ),
        "lead": pool(
            "Initial claims for unemployment benefit in {country} {moved} by {change} to {claims} in the latest "
            "week, {ministry} said.",
            "The number of people in {country} filing new claims for jobless benefit {moved} to {claims} [last "
            "week|in the week], according to figures from {ministry}.",
            "{dc} jobless claims {moved} [to {claims}|by {change}] in the week, [compared with|against] a "
            "forecast of {forecast}, [official data showed|government data showed].",
            "Weekly claims for unemployment benefit {moved} to {claims}, {ministry} said, [the {week_no} weekly "
            "report this year|in its {week_no} weekly report of the year].",
            "{ministry} reported an {trend} of {change} in initial jobless claims, which [stood at|reached] "
            "{claims} in the week.",
        ),
        "details": pool(
            "The [four-week moving average|four-week average], which [smooths|evens out] weekly swings, "
            "[stood at|was] {average}, the ministry said.",
            "[Continuing claims|The number of people receiving benefit] [stood at|was] {continuing}, [according "
            "to the data|the figures showed].",
            "Economists [polled|surveyed] [beforehand|before the release] had [expected|forecast] {forecast} "
            "claims.",
            "The region around {region} [recorded|saw] the largest [change|shift], with {region_change} more "
            "claims than [a week earlier|the week before].",
            "Claims from workers in {sector} [accounted for|made up] much of the {trend}, the ministry said.",
            "The previous week's figure was [revised|adjusted] to {previous}, [the ministry said|according to "
            "the ministry].",
            "The unemployment rate [stands at|is] {unemployment}, according to the [latest|most recent] monthly "
            "survey.",
            "[Officials|The ministry] said [seasonal factors|public holidays] [may have|could have] [affected|"
            "distorted] the [weekly|latest] count.",
            "The {trend} [came after|followed] [several|a run of] weeks of [little change|small moves], "
            "[the data showed|figures showed].",
            "Claims in {region} [rose|changed] [most sharply|the most] after [job cuts|layoffs] at [a large {sector} "
            "employer|several {sector} employers], local officials said.",
            "[Younger workers|Workers under thirty] [made up|accounted for] [a larger|a growing] share of new "
            "claims than [a year earlier|last year], [the data showed|according to the figures].",
            "The ministry [processed|handled] [most|nearly all] [applications|claims] [online|digitally], [it "
            "said|officials said], [cutting|reducing] waiting times for [payments|first payments].",
        ),
        "background": pool(
            "Weekly claims are [seen as|considered] one of the [timeliest|earliest] [indicators|signals] of "
            "[layoffs|conditions in the labour market].",
            "The central bank has [said|signalled] it [watches|is watching] the labour market closely [as it "
            "weighs|before deciding] [its next move|the path of interest rates].",
            "{sector} employers have [announced|reported] [job cuts|hiring freezes] in recent months, [citing|"
            "blaming] [weaker demand|higher costs].",
            "The labour market in {country} has [held up|remained strong] [better than expected|despite "
            "higher borrowing costs], economists say.",
            "[Claims|The weekly figures] tend to be [volatile|noisy] around [holidays|the turn of the month].",
            "The government [extended|expanded] [benefit|retraining] programmes [earlier this year|last year], "
            "[adding|bringing] [some|many] [workers|applicants] into the [system|figures].",
            "[Employers|Companies] in {sector} [had|have] [hired|added staff] [strongly|rapidly] [after the "
            "pandemic|in the recovery], [leaving|and now face] [some|many] with [too many|surplus] workers.",
            "Economists [consider|regard] claims [above|over] [300,000|a certain level] a [warning sign|signal] "
            "of [a weakening|a cooling] labour market.",
        ),
        "outlook": pool(
            "The [next|following] weekly report is due [in seven days|next week], {ministry} said.",
            "Monthly [employment|payroll] figures [will be published|are due] [later this month|in the coming "
            "weeks].",
            "Economists [expect|predict] claims to [drift higher|remain volatile] [in the coming months|over the "
            "coming weeks].",
            "{p2} said the central bank [would|was likely to] [look through|take note of] [the weekly "
            "figures|a single week of data].",
            "Union leaders [plan|said they planned] to raise the figures with [ministers|the government] "
            "[at talks this month|in coming talks].",
        ),
    },
)


def _rate_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    assert key is not None
    country = C[key[1][0]]
    before = rng.randint(75, 650) / 100
    step = rng.choice((-0.5, -0.25, 0.0, 0.0, 0.25, 0.5))
    majority = rng.randint(5, 9)
    f = {
        "country": country.name, "dc": country.demonym, "city": country.cities[0],
        "bank": f"the {country.demonym} Central Bank", "rate": f"{before + step:.2f} percent",
        "before": f"{before:.2f} percent", "bps": num(round(abs(step) * 100)),
        "decision": "cut" if step < 0 else "raised" if step > 0 else "held",
        "decision_noun": "cut" if step < 0 else "increase" if step > 0 else "pause",
        "decision_now": "cuts" if step < 0 else "raises" if step > 0 else "holds",
        "rate_phrase": f"{'to' if step else 'at'} {before + step:.2f} percent",
        "bank_name": f"{country.demonym} Central Bank",
        "votes_for": words(majority), "votes_against": words(rng.randint(0, 9 - majority) or 1),
        "inflation": pct(rng.randint(23, 79) / 10), "target": "2 percent", "meeting": ordinal(n),
        "growth": pct(rng.randint(-8, 34) / 10), "currency": country.currency, "fx_move": pct(rng.randint(1, 12) / 10),
        "event_noun": "rate decision", "wages": pct(rng.randint(20, 68) / 10),
    }
    f["change"] = (f"{f['decision']} its benchmark rate by {f['bps']} basis points to {f['rate']}" if step
                   else f"held its benchmark rate at {f['rate']}")
    add_person(f, 1, stream("series-official", key[0]), f"governor of {f['bank']}", f["bank"])
    firm = rng.choice(lexicon.FIRMS)
    add_person(f, 2, rng, f"chief economist at {firm}", firm)
    chamber = f"the {country.cities[0]} Chamber of Commerce"
    add_person(f, 3, rng, f"president of {chamber}", chamber)
    pick_quotes(
        f, rng,
        ("Inflation is moving in the right direction, but the job is not finished",
         "We will do what is needed to bring inflation back to {target}",
         "The committee judged that this decision was the prudent choice for now",
         "Our decisions will follow the data, meeting by meeting"),
        ("The statement leaves the door open to another move before the end of the year",
         "The vote split tells you the committee is more divided than it looks",
         "Markets had priced this in, so the guidance matters more than the decision",
         "With inflation at {inflation}, the bank had little room to surprise"),
        ("Small firms are still paying far more to borrow than they were two years ago",
         "Businesses need predictability more than they need any single decision",
         "Every month of high rates delays investment that the economy needs",
         "Our members will welcome clarity, whatever the direction"),
        ("borrowing costs were choking investment by smaller companies",
         "the bank had been too slow to respond to weaker growth",
         "households with variable-rate loans were paying the price for earlier mistakes",
         "the decision did little to help exporters facing a strong currency"),
    )
    return f


RATE_DECISION = EventType(
    name="rate-decision", section="Economy", facts=_rate_facts, keys=_country_keys,
    pools={
        "headline": pool(
            "{bank_name} {decision_now} rates {rate_phrase}",
            "{dc} central bank {decision_now} key rate in {votes_for}-{votes_against} vote",
            "Rate decision: {bank_name} keeps eye on {inflation} inflation",
            "{country} interest rates: bank opts for {decision_noun}",
            "Central bank in {city} {decision_now} benchmark rate",
        ),
        "lead": pool(
            "{bank} {change}, [the bank said in a statement|it said in a statement].",
            "[Policymakers|Rate-setters] at {bank} {change} at their {meeting} meeting, as inflation [stood at|"
            "ran at] {inflation}.",
            "Announcing its {meeting} decision under {p1}, {bank} {change} and said inflation [remained|was still] "
            "{inflation}.",
            "In a {votes_for}-to-{votes_against} vote, the monetary policy committee of {bank} {change}, "
            "[the bank announced|according to the bank].",
            "The central bank of {country} {change}, [a move|a decision] [widely expected|anticipated] by "
            "[economists|markets].",
        ),
        "details": pool(
            "{votes_for} members of the committee [voted for|backed] the decision, while {votes_against} "
            "[preferred|argued for] a different [course|move], the minutes showed.",
            "Inflation [stood at|was] {inflation} in the latest reading, [well|still] above the bank's target of "
            "{target}.",
            "The bank [now expects|forecast] economic growth of {growth} this year, according to its [updated|"
            "new] projections.",
            "The {dc} currency [moved|swung] {fx_move} against [major currencies|the basket] after the "
            "announcement, [dealers said|according to dealers].",
            "Before the decision, the benchmark rate [stood at|was] {before}, [the bank said|according to the "
            "bank].",
            "[In its statement|The statement said] the committee [remained|was] [concerned|watchful] about "
            "[wage growth|services prices], which [is running at|stands at] {wages}.",
            "The bank said [risks|the risks] to the outlook [were|remained] [balanced|tilted to the upside].",
            "[Analysts|Economists] said the [wording|tone] of the statement [was|appeared] [more cautious|less "
            "firm] than at the previous meeting.",
            "The decision [came|was announced] at the committee's {meeting} meeting [under {p1}|chaired by {p1}].",
            "Mortgage lenders said they would [review|look at] their rates [after the decision|in the coming "
            "days].",
            "The bank [said|noted] that [credit|lending] to [households|companies] [had slowed|was growing "
            "slowly], [a sign|evidence] that [earlier|past] [increases|decisions] were [working|feeding through].",
            "[Government bond|Bond] yields [moved|edged] [lower|higher] [after|following] the [statement|"
            "announcement], [traders said|according to traders].",
        ),
        "background": pool(
            "{bank} raised rates [repeatedly|several times] over the past two years to [fight|tackle] [high|"
            "rising] inflation.",
            "Inflation in {country} [peaked|reached its high] [more than a year ago|last year] and has [eased|"
            "fallen] since, [official data show|according to official data].",
            "The bank's mandate is to keep inflation at {target} [over the medium term|on average].",
            "[Businesses|Employers] in {country} have [complained|warned] that [borrowing costs|high rates] are "
            "[holding back|weighing on] investment.",
            "Wage growth of {wages} has [kept|left] [some|several] committee members [wary|cautious] about "
            "[moving too early|cutting too soon].",
            "The government has [said|stressed] that it [respects|supports] the bank's independence on rates.",
            "{p1} [took office|became governor] [several years ago|after a career at the Finance Ministry], "
            "[promising|pledging] to [restore|protect] price stability.",
            "Other central banks in the region have [moved|acted] [in different directions|at different speeds] "
            "[this year|in recent months], [economists note|according to economists].",
        ),
        "outlook": pool(
            "The committee's next [meeting|decision] is [due|scheduled] in six weeks, [the bank said|according to "
            "the bank].",
            "{p1} said future decisions would [depend|rely] on [incoming data|the data].",
            "[Markets|Traders] [expect|are betting on] [at least one more move|further changes] [before the end "
            "of the year|in the coming months].",
            "The bank will publish its [next|updated] [inflation report|forecasts] [alongside the next decision|"
            "next quarter].",
            "Economists [said|expect] the [minutes|minutes of the meeting] would [offer|give] more [clues|"
            "detail] on the committee's [thinking|views].",
        ),
    },
)
