"""Business, courts and science desks: one-off events (takeovers, strikes, rulings, research findings)."""
from __future__ import annotations

import random

from . import lexicon
from .factkit import WHEN, add_person, num, other, pct, pick_quotes, words
from .grammar import EventType, SeriesKey, pool

C = lexicon.COUNTRIES


def _deal_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    country = rng.choice(C)
    buyer, sector, _ = lexicon.company(rng)
    target, target_sector, target_sites = lexicon.company(rng)
    while target.split()[0] == buyer.split()[0]:
        target, target_sector, target_sites = lexicon.company(rng)
    f = {
        "country": country.name, "dc": country.demonym, "city": lexicon.city(rng, country),
        "buyer": buyer, "target": target, "sector": sector, "target_sector": target_sector,
        "sites": target_sites, "value": f"{rng.randint(3, 180) / 10:.1f} billion {country.currency}",
        "premium": pct(rng.randint(80, 450) / 10), "per_share": f"{rng.randint(12, 240)}.{rng.randint(0, 99):02d}",
        "employees": num(rng.randint(8, 240) * 100), "n_sites": words(rng.randint(3, 12)),
        "savings": f"{rng.randint(40, 600)} million {country.currency}", "close_months": words(rng.randint(6, 18)),
        "regulator": f"the {country.demonym} Competition Authority", "event_noun": "takeover",
        "stake": pct(rng.randint(40, 220) / 10), "currency": country.currency, "when": rng.choice(WHEN),
    }
    add_person(f, 1, rng, f"chief executive of {buyer}", buyer)
    add_person(f, 2, rng, f"chair of {target}", target)
    union = f"the {target_sector} workers union"
    add_person(f, 3, rng, f"a senior organiser at {union}", union)
    pick_quotes(
        f, rng,
        ("Together we will be stronger in {target_sector} than either company could be alone",
         "This deal gives us the scale to invest and to compete abroad",
         "We have admired {target} for years, and its people are the reason we are buying it",
         "The price reflects the long-term value we see in this business"),
        ("The board concluded that this offer is in the best interests of our shareholders",
         "We looked at every alternative before recommending this deal",
         "Our customers will see the same service and more investment",
         "The premium speaks for itself"),
        ("Every takeover promises growth, and every one of them ends with job cuts",
         "Our members need written guarantees, not reassurances at a press conference",
         "We will judge this deal by what happens at the {sites}, not by the share price",
         "Workers were the last to hear about this"),
        ("the promised savings of {savings} would come mostly from job cuts",
         "the merged company would face too little competition in {target_sector}",
         "the deal loaded {target} with debt it would struggle to repay",
         "the regulator should look hard at what the deal means for prices"),
    )
    return f


ACQUISITION = EventType(
    name="acquisition", section="Business", facts=_deal_facts,
    pools={
        "headline": pool(
            "{buyer} agrees to buy {target} for {value}",
            "{buyer} to acquire {target} in {value} deal",
            "{target} accepts {value} takeover offer from {buyer}",
            "{buyer} bets on {target_sector} with {value} purchase of {target}",
            "Takeover: {target} shareholders offered a premium of {premium}",
        ),
        "lead": pool(
            "{buyer} has agreed to buy {target} for {value}, the two companies said, in a deal that would create "
            "[one of the largest|a leading] {target_sector} [groups|businesses] in {country}.",
            "{target} accepted a takeover offer worth {value} from {buyer}, [the companies announced|the companies "
            "said] {when}.",
            "In a {value} deal announced {when}, {buyer} will acquire {target}, [expanding|extending] its reach "
            "into {target_sector}.",
            "The board of {target} [recommended|backed] a {value} offer from {buyer}, [the company said|according "
            "to a statement from the company].",
            "{buyer} will pay {per_share} {currency} a share for {target}, valuing the {target_sector} "
            "company at {value}, the buyer said.",
        ),
        "details": pool(
            "The offer [represents|amounts to] a premium of {premium} to {target}'s closing share price before "
            "the announcement.",
            "{target} employs {employees} people and [runs|operates] {n_sites} {sites} in {country}, "
            "[according to its annual report|its latest report shows].",
            "The companies said the merger would produce annual savings of {savings} within three years.",
            "The deal needs the approval of {regulator}, which is expected to [examine|review] it [closely|in "
            "detail].",
            "{buyer} said it would finance the purchase with [cash and new debt|a mix of cash and shares].",
            "The [transaction|deal] is expected to [close|be completed] within {close_months} months, the "
            "companies said.",
            "Shares in {target} [jumped|rose sharply] after the announcement, [traders said|according to "
            "traders].",
            "{buyer} already [holds|owns] a stake of {stake} in {target}, [filings show|according to filings].",
            "[Advisers|Bankers] for both sides [worked on|negotiated] the terms for [several months|most of the "
            "year], [people familiar with the talks said|according to people close to the talks].",
            "The combined company would keep its headquarters in {city}, [the companies said|according to the "
            "companies].",
            "{p2} [will join|is expected to join] the board of the [combined|merged] group, [the companies said|"
            "according to the statement].",
            "[Rating agencies|Credit analysts] said they [would|might] [review|reassess] {buyer}'s [credit "
            "rating|debt] [given|because of] the [cost|size] of the purchase.",
        ),
        "background": pool(
            "{target_sector} companies in {country} have [faced|struggled with] [rising costs|weaker demand] "
            "[over the past year|in recent months].",
            "{buyer} has [grown|expanded] through [a series of|several] [acquisitions|purchases] in recent years.",
            "{target} [rejected|turned down] an earlier approach [last year|in the spring], [saying|arguing] it "
            "undervalued the company.",
            "{regulator} [blocked|challenged] a similar deal in {target_sector} [two years ago|in the past], "
            "[citing|over] concerns about competition.",
            "Consolidation in {target_sector} has [accelerated|picked up] as companies [seek|look for] scale, "
            "[analysts say|according to analysts].",
            "{target} was founded in {city} [decades ago|in the last century] and [listed|went public] on the "
            "stock exchange [later|years later].",
            "[Shareholders|Investors] in {target} have [pushed|pressed] [management|the board] [for years|for "
            "some time] to [find a buyer|sell the company] [after|following] [weak|disappointing] results.",
            "The [market|sector] for {target_sector} in {country} is [dominated|led] by [a few|a handful of] "
            "[large|big] [companies|groups], according to [figures from|data from] {regulator}.",
        ),
        "outlook": pool(
            "Shareholders of {target} will vote on the offer at a meeting [in the coming weeks|later this year].",
            "{regulator} said it would [decide|rule] whether to open an [in-depth|full] investigation [within a "
            "month|in due course].",
            "{p1} said there were no plans to close [any|the] {sites} [in the near term|for now].",
            "Unions [requested|asked for] a meeting with [management|both companies] [to discuss jobs|about job "
            "guarantees].",
            "[Analysts|Investors] said a [rival bid|counter-offer] was [unlikely|possible] [given the premium|"
            "at this price].",
        ),
    },
)


def _strike_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    country = rng.choice(C)
    workers, employer, service = rng.choice(lexicon.WORKFORCES)
    demand = rng.randint(60, 160) / 10
    days = rng.randint(1, 5)
    f = {
        "country": country.name, "dc": country.demonym, "city": lexicon.city(rng, country),
        "city2": lexicon.city(rng, country), "workers": workers, "employer": employer, "service": service,
        "strikers": num(rng.randint(2, 60) * 1000), "days": words(days),
        "days_phrase": "one day" if days == 1 else f"{words(days)} days", "demand": pct(demand),
        "offer": pct(max(1.0, demand - rng.randint(20, 60) / 10)), "cancelled": num(rng.randint(50, 2000)),
        "share": f"{rng.randint(40, 95)} percent", "inflation": pct(rng.randint(25, 80) / 10),
        "union": f"the {country.demonym} Union of {workers.title()}", "event_noun": "strike",
        "talks_rounds": words(rng.randint(3, 11)), "when": rng.choice(WHEN),
    }
    add_person(f, 1, rng, f"general secretary of {f['union']}", f["union"])
    add_person(f, 2, rng, f"a spokesperson for {employer}", employer)
    group = f"the {f['city']} Commuters Association" if service in ("trains", "bus routes", "flights") else \
        f"the {country.demonym} Consumers Council"
    add_person(f, 3, rng, f"chair of {group}", group)
    pick_quotes(
        f, rng,
        ("Our members did not want to strike, but {offer} after years of rising prices is an insult",
         "We will stay out until there is an offer we can put to a vote",
         "The public understands that {workers} cannot keep doing more for less",
         "The door to talks has always been open on our side"),
        ("We have made a fair offer that we can afford",
         "We apologise to everyone whose plans have been disrupted",
         "A {demand} rise would mean cuts elsewhere",
         "We remain ready to meet the union at any time"),
        ("People who rely on these {service} are paying the price for a dispute they did not start",
         "Both sides need to get back to the table today, not next week",
         "There has been no proper information about what will run and what will not",
         "Patience is wearing thin"),
        ("the disruption to {service} was hitting low-paid workers hardest",
         "neither side had done enough to avoid the walkout",
         "the government should appoint a mediator without delay",
         "the dispute risked dragging on for months"),
    )
    return f


STRIKE = EventType(
    name="strike", section="Business", facts=_strike_facts,
    pools={
        "headline": pool(
            "{strikers} {workers} walk out in {country} pay dispute",
            "Strike by {workers} halts {service} across {country}",
            "{cancelled} {service} cancelled as {workers} strike",
            "{dc} {workers} begin {days}-day strike over pay",
            "Pay talks fail, {workers} strike in {city}",
        ),
        "lead": pool(
            "[Thousands of|About {strikers}] {workers} in {country} walked out {when}, [disrupting|halting] "
            "{service} in {city} and other cities, [union officials said|according to union officials].",
            "A {days}-day strike by {workers} [began|started] {when}, after pay talks with {employer} [collapsed|"
            "broke down], {union} said.",
            "{service} across {country} were [cancelled|disrupted] {when} as {strikers} {workers} [went on strike|"
            "stopped work] over pay.",
            "{union} [called|launched] a strike of {strikers} {workers} {when}, saying {employer}'s offer of "
            "{offer} was [not enough|too low].",
            "Commuters and [travellers|families] in {city} faced [disruption|delays] {when} after {workers} "
            "[began|started] a strike that {union} said would last {days_phrase}.",
        ),
        "details": pool(
            "{employer} said {cancelled} {service} had been cancelled [on the first day|so far].",
            "The union is [demanding|seeking] a pay rise of {demand}, while {employer} has offered {offer}.",
            "[About|Roughly] {share} of members voted in favour of [the strike|industrial action], {union} said.",
            "Picket lines formed [outside|at] [depots|sites] in {city} and {city2} [from early morning|before "
            "dawn], [witnesses said|according to witnesses].",
            "Inflation in {country} [stands at|is running at] {inflation}, [eroding|squeezing] the [real|"
            "take-home] pay of {workers}, the union said.",
            "Talks [broke down|stalled] after {talks_rounds} rounds of negotiations, [both sides said|"
            "according to both sides].",
            "{employer} said it [was running|had arranged] a [reduced|limited] [service|timetable] with "
            "[managers|staff who did not strike].",
            "The [strike|walkout] is the [largest|biggest] by {workers} in {country} [in years|for a decade], "
            "[labour historians said|according to the union].",
            "Emergency [cover|services] [remained in place|continued], {union} said.",
            "The Labour Ministry said it was [monitoring|following] the dispute [closely|and urged talks].",
            "[Some|Several] [schools|businesses] in {city} [closed early|adjusted opening hours] [because of|"
            "due to] the [strike|walkout], [local officials said|according to local officials].",
            "The union said [members|workers] would [lose|forgo] [pay|wages] for [each|every] day of the strike, "
            "[but|and] that a [hardship|strike] fund would [help|support] [them|families].",
        ),
        "background": pool(
            "{workers} in {country} have [staged|held] [several|a series of] [strikes|walkouts] over pay and "
            "conditions [this year|in recent months].",
            "{employer} [says|argues] it faces [rising costs|a tight budget] and cannot afford the union's demand.",
            "Pay for {workers} has [fallen behind|lagged] inflation [for several years|since prices surged], "
            "according to the union.",
            "[A previous|An earlier] dispute was [settled|resolved] [last year|two years ago] after [mediation|"
            "weeks of talks].",
            "{country}'s labour laws [require|oblige] unions to [give notice|announce strikes] [two weeks|ten "
            "days] in advance.",
            "Public support for the {workers} has [remained|stayed] [high|solid], [polls suggest|according to "
            "recent polls].",
            "{employer} [has|had] [cut|reduced] [staff numbers|its workforce] [over the past decade|in recent "
            "years], [which|and] the union [says|said] [increased|raised] [workloads|pressure] on those who "
            "remain.",
            "[Strikes|Walkouts] in [other sectors|the public sector] [this year|recently] [ended|were settled] "
            "with pay rises [of around|close to] {offer}, according to [figures from|data from] the Labour Ministry.",
        ),
        "outlook": pool(
            "{union} said [further|more] strikes [would follow|were planned] if [no better offer|no deal] "
            "[was made|emerged].",
            "[Talks|Negotiations] are [due|set] to resume [later this week|in the coming days], [both sides said|"
            "according to the union].",
            "{employer} [advised|urged] [passengers|the public] to [check|confirm] [services|their plans] "
            "before [travelling|setting out].",
            "{p2} said {employer} [hoped|expected] to reach [an agreement|a settlement] [soon|before the "
            "next strike date].",
            "The government said it [would|was ready to] [appoint|name] a mediator if [talks|the dispute] "
            "[stalled|dragged on].",
        ),
    },
)


def _ruling_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    country = rng.choice(C)
    subject, defendant, plaintiff = rng.choice(lexicon.COURT_SUBJECTS)
    majority = rng.randint(4, 9)
    upheld = rng.random() < 0.5
    f = {
        "country": country.name, "dc": country.demonym, "city": country.cities[0],
        "court": f"the {country.demonym} Supreme Court", "subject": subject, "defendant": defendant,
        "plaintiff": plaintiff, "outcome": "struck down" if not upheld else "upheld",
        "outcome_now": "strikes down" if not upheld else "upholds", "result": "lost" if upheld else "won",
        "winner": plaintiff if not upheld else defendant, "loser": defendant if not upheld else plaintiff,
        "majority": words(majority), "minority": words(rng.randint(1, 3)),
        "pages": num(rng.randint(40, 320)), "months": words(rng.randint(3, 11)),
        "costs": f"{rng.randint(2, 90) * 10_000:,} {country.currency}", "event_noun": "ruling",
        "when": rng.choice(WHEN),
        "weeks": words(rng.randint(2, 12)),
    }
    add_person(f, 1, rng, "the judge who wrote the majority opinion", f["court"])
    add_person(f, 2, rng, f"a lawyer for {plaintiff}", plaintiff)
    university = f"the University of {lexicon.city(rng, country)}"
    add_person(f, 3, rng, f"a professor of constitutional law at {university}", university)
    pick_quotes(
        f, rng,
        ("The law must be clear enough for every citizen to know where they stand",
         "It is not for this court to weigh the policy, only its lawfulness",
         "The authorities exceeded the powers that parliament gave them",
         "Parliament remains free to legislate again within the limits we have set"),
        ("Today's ruling is a victory for everyone who believes rules apply to the powerful too",
         "We are studying the judgment and will decide on our next steps",
         "This case was never only about {subject}",
         "Our clients waited {months} months for this decision"),
        ("The judgment will be cited for years in disputes far beyond {subject}",
         "The court has drawn a clear line, and the government will have to respect it",
         "The dissent is worth reading closely, because it points to the next case",
         "The reasoning is narrower than the headlines suggest"),
        ("the judgment left important questions about {subject} unanswered",
         "parliament should not have needed a court to fix the problem",
         "the ruling would invite a wave of similar challenges",
         "the case showed how slowly the courts deal with urgent disputes"),
    )
    return f


COURT_RULING = EventType(
    name="court-ruling", section="Politics", facts=_ruling_facts,
    pools={
        "headline": pool(
            "Supreme Court {outcome_now} {subject} in {majority}-{minority} ruling",
            "{country}'s top court rules on {subject}",
            "Court hands {winner} victory over {subject}",
            "Top court {outcome_now} {subject} after challenge by {plaintiff}",
            "Landmark ruling on {subject} in {country}",
        ),
        "lead": pool(
            "{court} {outcome} {subject} {when}, [ruling|deciding] in favour of {winner} in a case brought by "
            "{plaintiff}.",
            "In a {majority}-to-{minority} decision, {court} {outcome} {subject}, [handing|giving] {winner} a "
            "[significant|major] victory.",
            "{country}'s highest court {outcome} {subject} after a [challenge|legal challenge] by {plaintiff}, "
            "[the court said|according to the judgment].",
            "Judges at {court} {outcome} {subject}, a decision that [could|is likely to] [reshape|affect] how "
            "{defendant} [works|operates], [lawyers said|legal experts said].",
            "{plaintiff} {result} its case over {subject} at {court}, which {outcome} the measure {when}.",
        ),
        "details": pool(
            "The judgment [runs to|is] {pages} pages and was [backed|supported] by {majority} of the judges, "
            "with {minority} [dissenting|in dissent].",
            "The court ordered {loser} to pay legal costs of {costs}, [according to the ruling|the judgment "
            "said].",
            "{defendant} [had argued|argued] that the measure was [lawful|within its powers], [a view|an argument] "
            "the majority [rejected|accepted].",
            "The case [took|lasted] {months} months from the first hearing to the [judgment|ruling], [court "
            "records show|according to court records].",
            "The dissenting judges said the majority had [gone too far|read the law too narrowly], [according to|"
            "in] their written opinion.",
            "[Dozens of|Several] supporters of {plaintiff} [gathered|waited] outside the court in {city} "
            "[as the ruling was read|for the decision].",
            "The ruling [cannot be appealed|is final], [the court said|lawyers said], because it was issued by "
            "the [highest|top] court.",
            "{defendant} said it would [study|review] the judgment [carefully|in detail] before commenting "
            "further.",
            "The court [gave|allowed] {defendant} {weeks} weeks to [comply|bring its rules into line] with the "
            "decision.",
            "[Lower courts|Two lower courts] had [reached|come to] [opposite|conflicting] conclusions in the "
            "case, [lawyers said|according to the lawyers].",
            "{p1} [wrote|said in the ruling] that [the measure|{subject}] [failed|did not meet] the [test|standard] "
            "[set by|in] the constitution, according to the [written|published] judgment.",
            "[Observers|Court watchers] said the [hearing|reading of the judgment] [lasted|took] [nearly|about] "
            "two hours, [with|and] the [public gallery|courtroom] [full|packed].",
        ),
        "background": pool(
            "The dispute over {subject} [began|started] [several years ago|after the measure took effect], "
            "when {plaintiff} [filed|brought] a [complaint|lawsuit].",
            "{subject} has been [contested|debated] in parliament [for years|repeatedly], with "
            "[critics|opponents] calling it [unfair|unworkable].",
            "{court} [rarely|seldom] [overturns|sets aside] measures of this kind, [legal experts say|according "
            "to legal experts].",
            "A [similar|related] case [is pending|is still being heard] before a regional court, [lawyers said|"
            "according to lawyers].",
            "The government had [defended|backed] {subject} as [necessary|essential] for [public order|the "
            "public interest].",
            "{plaintiff} [has|had] [campaigned|lobbied] against {subject} since [it was introduced|the start].",
            "[Judges|Members] of {court} are [appointed|chosen] by parliament for [a single|one] [twelve-year|"
            "long] term, [a system|an arrangement] meant to [protect|secure] their independence.",
            "[Similar|Comparable] [measures|rules] in [neighbouring|other] countries have [faced|drawn] "
            "[legal|court] challenges, [with|and] [mixed|varying] [results|outcomes].",
        ),
        "outlook": pool(
            "{defendant} is expected to [present|draw up] [new rules|a revised measure] [within months|in the "
            "coming months].",
            "{p2} said {plaintiff} would [watch|monitor] closely how the ruling was [applied|put into "
            "practice].",
            "[Lawmakers|Members of parliament] said they would [debate|discuss] the [implications|consequences] "
            "of the ruling [next week|soon].",
            "Legal experts [expect|predict] [further|new] challenges [based on|citing] the judgment.",
            "The government said it [would|will] [respect|comply with] the decision [and consider|while "
            "considering] [its options|next steps].",
        ),
    },
)


def _research_facts(rng: random.Random, key: SeriesKey | None, n: int) -> dict[str, str]:
    country = rng.choice(C)
    field, thing, property_ = rng.choice(lexicon.FIELDS)
    uni_city = lexicon.city(rng, country)
    f = {
        "country": country.name, "dc": country.demonym, "city": uni_city, "field": field, "thing": thing,
        "property": property_, "university": f"the University of {uni_city}",
        "university_name": f"University of {uni_city}",
        "journal": f"the Journal of {rng.choice(('Applied', 'Experimental', 'Integrative'))} {field.title()}",
        "improvement": f"{rng.randint(12, 85)} percent", "samples": num(rng.randint(40, 4000)),
        "years": words(rng.randint(2, 9)), "authors": words(rng.randint(4, 30)),
        "funding": f"{rng.randint(2, 60) / 10:.1f} million {country.currency}", "event_noun": "findings",
        "partner_city": lexicon.city(rng, other(rng, C, country)),
    }
    add_person(f, 1, rng, f"a professor of {field} at {f['university']}", f["university"])
    add_person(f, 2, rng, f"a researcher at {f['university']} and co-author of the study", f["university"])
    institute = f"the {f['partner_city']} Institute of Science"
    add_person(f, 3, rng, f"a specialist at {institute} who was not involved in the study", institute)
    pick_quotes(
        f, rng,
        ("We did not expect the {thing} to behave this way, and that is what makes it exciting",
         "This is a first step, and a lot of careful work lies ahead",
         "The result held up in every test we could think of",
         "It took {years} years to get here, mostly by ruling things out"),
        ("The hardest part was making the measurements repeatable",
         "We hope other groups will try to reproduce what we found",
         "Our students did most of the work at the bench",
         "The data are open, so anyone can check them"),
        ("It is a promising result, but laboratory conditions are forgiving",
         "I would want to see this repeated by an independent team",
         "If it holds up, this changes how people in {field} think about the problem",
         "The sample is small, so caution is warranted"),
        ("the results were promising but needed independent confirmation",
         "the study's sample of {samples} was too small to draw firm conclusions",
         "the gap between the laboratory and practical use remained wide",
         "the findings should be read alongside earlier, less positive studies"),
    )
    return f


RESEARCH = EventType(
    name="research", section="Science", facts=_research_facts,
    pools={
        "headline": pool(
            "Researchers find {thing} that {property}",
            "{university_name} team reports {thing} breakthrough",
            "New {thing} {property}, study finds",
            "Scientists in {city} describe {thing} that {property}",
            "Study in {journal} points to {thing} that {property}",
        ),
        "lead": pool(
            "Researchers at {university} have identified a {thing} that {property}, according to a study "
            "published in {journal}.",
            "A team led by {p1} at {university} [reported|described] a {thing} that {property}, [a finding|a "
            "result] that could [matter|prove important] for {field}.",
            "Scientists in {country} said they had found a {thing} that {property}, [performing|doing] "
            "{improvement} better than [previous|existing] [approaches|candidates] in [tests|trials].",
            "A {thing} that {property} has been [developed|described] by researchers at {university}, who "
            "published their [work|results] in {journal}.",
            "[In a study|In research] published in {journal}, {authors} researchers [reported|said] that a "
            "{thing} {property}.",
        ),
        "details": pool(
            "The team tested {samples} samples over {years} years, the study said.",
            "In [laboratory|controlled] tests, the {thing} [performed|did] {improvement} better than [the best|"
            "existing] [alternatives|candidates], the researchers reported.",
            "The work was [funded|paid for] by a grant of {funding} from the {dc} Research Council.",
            "The study [lists|has] {authors} authors, [including|among them] researchers from {partner_city}.",
            "The researchers made their data [openly available|available to other scientists], "
            "[the university said|according to the university].",
            "[Independent|Other] scientists [reviewed|checked] the [paper|study] before publication, [as is|which "
            "is] standard for {journal}.",
            "The team said the {thing} [worked|held up] [under a range of|in different] conditions, [including|"
            "such as] [high temperatures|long periods of use].",
            "{p2} said the [key|crucial] measurements were [repeated|checked] [several times|by two separate "
            "groups].",
            "The findings [build on|extend] [earlier work|a smaller study] by the same [group|team] [published|"
            "released] [two years ago|previously].",
            "The university said it [had filed|was filing] a patent application [covering|for] [the method|the "
            "work].",
            "[Computer models|Simulations] [run|carried out] by the team [matched|agreed with] the [laboratory|"
            "measured] results, [according to|as described in] the [paper|study].",
            "The researchers [acknowledged|noted] [several|some] limitations, [including|such as] the [small|"
            "limited] number of [samples|tests] [from outside|beyond] the laboratory.",
        ),
        "background": pool(
            "[Scientists|Researchers] in {field} have [searched|looked] for a {thing} that {property} for "
            "[decades|many years].",
            "{university} has [become|grown into] one of the [leading|main] centres for {field} in {country}.",
            "[Earlier|Previous] attempts [produced|gave] results that [other teams|independent groups] could "
            "not [reproduce|repeat].",
            "[Funding|Public funding] for {field} in {country} has [grown|increased] [in recent years|since "
            "the government made it a priority].",
            "The [problem|question] has [practical|wide] [consequences|implications], [from industry to health|"
            "for industry and health], experts say.",
            "[Similar|Related] work is under way at [several|a number of] [laboratories|universities] [abroad|in "
            "other countries].",
            "[Critics|Some scientists] have [argued|warned] that [pressure|the race] to publish [striking|"
            "dramatic] results in {field} has [led to|produced] [claims|findings] that did not [hold up|last].",
            "{journal} [is|ranks] among the [most cited|best-known] [publications|journals] in {field}, "
            "[according to|based on] [citation data|publishers' figures].",
        ),
        "outlook": pool(
            "The team plans to [test|trial] the {thing} [at a larger scale|outside the laboratory] [next year|"
            "in the coming months].",
            "{p1} said [practical applications|real-world use] [remained|were still] [years away|some way "
            "off].",
            "Other groups are expected to [attempt|try] to [reproduce|replicate] the results, [scientists said|"
            "according to scientists].",
            "The university said it was [in talks|talking] with [companies|industrial partners] about [further "
            "development|licensing the work].",
            "[Further|More] results are [expected|due] [once the next phase is complete|next year], the team said.",
        ),
    },
)
