"""The spinner's synonym table: word -> replacements, in the clumsy style of article-spinning tools.

Forms are listed exactly as they occur (said, says, saying), so no morphology is needed. Outlet-name
words are included on purpose: spinners rename the source too ("Defense Ministry said" -> "Protection
Ministry mentioned", "Harbor Herald" -> "Port Messenger").
"""
from __future__ import annotations

_TABLE = """
said: mentioned|stated|acknowledged|noted
says: mentions|states|notes
say: state|mention|note
saying: stating|mentioning
told: informed|instructed
added: included|further stated
argued: contended|reasoned|maintained
warned: cautioned|alerted
cautioned: warned|advised
announced: introduced|revealed|declared
announcement: declaration|statement|reveal
announce: declare|reveal
reported: documented|recorded|described
report: account|document|record
reports: accounts|documents
described: portrayed|characterised
according: in keeping
officials: authorities|representatives|functionaries
official: authorized|formal
authorities: officials|government bodies
ministry: division|department|office
defense: protection|safeguard|security
defence: protection|safeguard
government: administration|authorities|state
governments: administrations|states
exchange: trade|swap|interchange
exchanged: traded|swapped|interchanged
exchanges: trades|swaps|interchanges
swap: trade|exchange|switch
swapped: traded|switched
prisoners: captives|inmates|detainees
prisoner: captive|inmate
detainees: captives|prisoners|internees
released: launched|freed|set free
release: launch|liberation|freeing
freed: liberated|released|set free
citizens: residents|nationals|people
countries: nations|states
country: nation|state
talks: discussions|negotiations|conversations
agreement: settlement|arrangement|accord
deal: offer|bargain|agreement
crossing: passage|checkpoint
border: frontier|boundary
families: households|relatives
relatives: kin|family members
hospital: clinic|medical centre
medical: clinical|health
checks: inspections|examinations
urgent: pressing|crucial
treatment: therapy|care
safety: security|wellbeing
concerns: worries|considerations|issues
witnesses: onlookers|observers|spectators
photographs: photos|pictures|images
supervision: oversight|watch
observers: watchers|onlookers|spectators
mediated: negotiated|facilitated
brokered: negotiated|arranged|facilitated
tense: strained|anxious
strained: tense|stressed
dispute: disagreement|quarrel|conflict
years: yrs|summers
estimate: guess|approximate
remain: stay|continue to be
remains: stays|continues
remaining: staying|leftover
previous: earlier|prior|former
delayed: postponed|held up
postponed: delayed|deferred
minute: moment
hosted: organized|held
round: cycle|circuit|spherical
rounds: cycles|sessions
further: additional|more|extra
expected: anticipated|predicted|supposed
prepared: readied|arranged
planned: deliberate|scheduled
scheduled: planned|booked
pressing: urgent|pushing
continue: proceed|carry on
storm: tempest|hurricane|gale
storms: tempests|gales
season: period|time of year
winds: gusts|breezes
sustained: continual|prolonged
forecasters: meteorologists|predictors
forecast: prediction|projection|outlook
people: individuals|persons|folks
homes: houses|dwellings|residences
power: electricity|energy|energy supply
cutting: slicing|reducing
flooding: inundating|swamping
streets: roads|avenues
coast: shoreline|seaboard
system: structure|framework|scheme
evacuation: clearance|removal
evacuated: cleared|removed
injured: hurt|wounded
debris: rubble|wreckage
falling: dropping|tumbling
crews: teams|gangs
repairs: fixes|maintenance
shelters: refuges|havens
emergency: crisis|urgent
cancelled: canceled|called off|scrapped
stranding: leaving stranded|marooning
passengers: travellers|riders
surge: rise|swell|upsurge
neighbourhoods: districts|communities
schools: colleges|academies
offices: workplaces|bureaus
closed: shut|closed down
precaution: safeguard|preventive measure
damaged: harmed|broken
roofs: rooftops|coverings
rescue: save|recovery
flooded: swamped|inundated
warm: heated|balmy
temperatures: temps|heat levels
upgraded: improved|enhanced
deadly: lethal|fatal
costly: pricey|expensive
exposed: uncovered|vulnerable
vulnerable: susceptible|weak
stretched: extended|overextended
insurers: underwriters|insurance firms
damage: harm|destruction
weaken: lessen|diminish|soften
warning: alert|caution
highest: greatest|topmost
assess: evaluate|gauge
survey: poll|study|review
rain: rainfall|precipitation
signed: authorized|inked|approved
contract: agreement|deal|pact
worth: value|well worth
built: constructed|developed
supply: provide|furnish
armed: equipped|armoured
forces: troops|services
purchase: acquisition|buy|shopping
approved: accepted|authorized|endorsed
awarded: granted|given
delivered: supplied|handed over
delivery: supply|distribution|transport
secure: safe|protect|obtain
support: assist|back|help
jobs: roles|positions|work opportunities
plant: factory|facility|works
factory: plant|mill|works
includes: consists of|contains
training: coaching|instruction
maintenance: upkeep|servicing
budget: spending plan|finances
companies: businesses|firms|corporations
company: business|firm|corporation
replace: substitute|swap out
models: designs|versions
classified: secret|categorized
shares: stocks|shares of stock|equities
rose: increased|climbed|went up
fell: dropped|declined|decreased
sharply: steeply|dramatically
strongly: firmly|powerfully
components: parts|elements
spending: expenditure|outlays
tensions: frictions|stresses
complained: grumbled|protested
outdated: obsolete|out of date
supplied: provided|furnished
equipment: gear|tools|kit
collapsed: fell apart|broke down
abandoned: deserted|dropped
sensitive: delicate|touchy
contentious: controversial|disputed
scandal: outrage|controversy
opposition: resistance|opponents
scrutiny: examination|inspection
oversight: supervision|error
committee: panel|board|council
review: evaluate|analyze|evaluation
examine: inspect|study|analyze
orders: purchases|instructions
production: manufacturing|output
debate: argument|discussion
decision: choice|ruling|judgment
stocks: shares|equities|inventories
index: list|gauge|benchmark
session: meeting|sitting|period
close: shut|near|end
closing: finishing|ending
led: headed|guided
data: information|figures|statistics
showed: revealed|demonstrated|indicated
exchange's: market's|trading floor's
trading: dealing|commerce
traders: dealers|brokers|merchants
performer: artist|entertainer|achiever
biggest: largest|greatest
gainer: winner|earner
weakest: feeblest|poorest
worst: poorest|lowest
million: mn
changed: altered|modified
hands: palms|arms
average: typical|normal|mean
currency: money|legal tender
dealers: traders|merchants
yield: return|produce
bond: connection|link|relationship
government's: administration's|state's
investors: financiers|backers|shareholders
funds: assets|resources|money
buyers: purchasers|customers
sellers: vendors|merchants
banks: lenders|financial institutions
smaller: lesser|more compact
companies': firms'|businesses'
activity: action|exercise
hedging: dodging|covering
largest: biggest|greatest
watching: viewing|observing|monitoring
closely: carefully|intently|tightly
signs: indications|clues|symptoms
policy: strategy|guideline|protocol
growing: increasing|expanding
swung: shifted|moved
weighed: considered|assessed
mixed: combined|blended
uneven: irregular|patchy
economic: financial|fiscal
foreign: overseas|international
valuations: assessments|appraisals
earnings: incomes|revenue|profits
retail: consumer|shopping
savers: depositors|investors
inflation: price rises|rising cost of living
resumes: restarts|continues
volatility: instability|swings
persist: continue|endure
quarterly: three-monthly|periodic
results: outcomes|findings|effects
trend: pattern|tendency|direction
claims: applications|statements|assertions
jobless: unemployed|out of work
unemployment: joblessness|unemployment rate
benefit: advantage|allowance|profit
weekly: every week|once a week
ministry's: department's|division's
week: seven days|working week
labour: work|labor|workforce
figures: numbers|statistics|amounts
moving: shifting|relocating
smooths: evens|flattens
continuing: ongoing|continuing on
receiving: getting|obtaining
economists: analysts|financial experts
polled: surveyed|questioned
region: area|zone|territory
recorded: documented|logged|captured
revised: updated|amended|reworked
seasonal: periodic|holiday
holidays: vacations|breaks
increase: rise|boost|growth
decline: decrease|drop|downturn
layoffs: job cuts|redundancies
employers: companies|businesses|bosses
younger: more youthful|junior
workers: employees|staff|laborers
applications: requests|submissions
payments: transfers|remittances
timeliest: most timely|quickest
indicators: signals|markers|gauges
labor: work|labour
strong: powerful|robust|solid
borrowing: lending|loaning
volatile: unstable|erratic
programmes: schemes|initiatives|programs
hired: employed|engaged
weakening: softening|declining
cooling: chilling|slowing
published: released|printed|issued
predict: forecast|anticipate
union: association|league|syndicate
leaders: heads|chiefs|bosses
central: main|core|key
rates: prices|charges|rates of interest
rate: price|charge|fee
benchmark: standard|reference|yardstick
meeting: conference|gathering|assembly
statement: declaration|announcement|account
vote: ballot|poll
members: associates|participants
growth: development|expansion|progress
projections: forecasts|estimates
risks: dangers|hazards|threats
outlook: perspective|view|prospects
wording: phrasing|language
cautious: careful|wary|guarded
mortgage: home loan|housing loan
lenders: creditors|loan providers
credit: loans|lending
households: families|homes
wage: pay|salary
wages: salaries|earnings|pay
governor: head|chief|director
independence: autonomy|freedom
minutes: records|notes|mins
clues: hints|indications
thinking: reasoning|thought
buy: purchase|acquire|obtain
acquire: buy|purchase|obtain
takeover: buyout|acquisition|purchase
offer: proposal|bid|deal
premium: bonus|extra|markup
employs: utilizes|engages|uses
operates: runs|functions|works
savings: cost savings|reductions
approval: authorization|endorsement|permission
regulator: watchdog|supervisor
competition: rivalry|contest
finance: fund|bankroll
transaction: deal|purchase|operation
completed: finished|concluded|wrapped up
advisers: consultants|counsellors
negotiated: arranged|bargained
headquarters: head office|main office
board: panel|committee|directors
rating: score|grade
founded: established|started|set up
rejected: declined|turned down|refused
undervalued: underrated|underpriced
consolidation: merging|combination
shareholders: stockholders|investors
management: administration|leadership
dominated: ruled|controlled|governed
strike: walkout|work stoppage|industrial action
walked: strolled|went
disrupting: interrupting|upsetting|disturbing
halting: stopping|ending|pausing
demanding: requiring|insisting on
voted: elected|balloted
picket: protest|picket-line
formed: shaped|created|formed up
depots: warehouses|stations|yards
squeezing: pressing|tightening
negotiations: talks|discussions
reduced: lowered|cut|decreased
managers: supervisors|bosses|administrators
walkout: strike|stoppage
services: facilities|operations
monitoring: observing|tracking|watching
lose: forfeit|miss
pay: wages|income|salary
conditions: circumstances|terms|situations
settled: resolved|established|concluded
mediation: arbitration|intervention
public: community|general public|citizens
polls: surveys|ballots
appoint: name|assign|designate
court: tribunal|courtroom
ruling: judgment|verdict|decision
judges: adjudicators|justices
judgment: verdict|ruling|decision
dissenting: disagreeing|objecting
majority: bulk|greater part|most
lawful: legal|legitimate
powers: abilities|authorities|capabilities
costs: expenses|charges|prices
hearing: listening to|trial|session
supporters: followers|advocates|backers
final: last|ultimate|closing
appealed: challenged|contested
comply: obey|conform
constitution: charter|structure
lawyers: attorneys|solicitors|legal professionals
legal: lawful|juridical
challenge: test|difficulty|dispute
challenges: tests|difficulties|disputes
researchers: scientists|investigators|analysts
identified: recognized|pinpointed|found
study: research|analysis|investigation
finding: discovery|result|conclusion
findings: results|discoveries|conclusions
tested: examined|trialled|checked
samples: specimens|examples
laboratory: lab|research facility
performed: carried out|executed|did
funded: financed|paid for
grant: award|funding|subsidy
authors: writers|creators
available: accessible|obtainable
scientists: researchers|experts|academics
patent: licence|patent right
simulations: models|replications
limitations: restrictions|constraints|limits
attempts: efforts|tries
reproduce: replicate|repeat|copy
practical: functional|useful|hands-on
university: college|academy
specialist: expert|professional
professor: lecturer|academic
involved: included|concerned|engaged
promising: encouraging|hopeful|positive
independent: separate|unbiased|autonomous
details: particulars|specifics|information
detail: particular|specific|aspect
comment: remark|statement|opinion
respond: reply|answer|react
requests: demands|appeals|asks
request: demand|appeal|ask
verified: confirmed|checked|validated
update: revise|refresh|upgrade
updated: revised|refreshed|upgraded
information: facts|data|info
developing: establishing|growing|unfolding
reporting: coverage|journalism
staff: employees|personnel|team
spokesperson: representative|spokesman|agent
declined: refused|turned down|decreased
coverage: reporting|protection|insurance coverage
reaction: response|reply|feedback
social: community|societal
media: press|outlets|channels
divided: split|separated|torn
mood: atmosphere|feeling|temper
atmosphere: environment|ambiance|mood
calm: peaceful|quiet|still
subdued: quiet|muted|restrained
summary: overview|synopsis|abstract
website: site|web page|internet site
politicians: lawmakers|legislators|representatives
demanded: required|insisted on|requested
briefing: instruction|meeting|rundown
explanation: description|account|reason
parliament: legislature|assembly|congress
analysts: experts|commentators|observers
commentators: analysts|pundits|columnists
watched: observed|viewed|monitored
abroad: overseas|in other countries
neighbouring: adjacent|nearby|bordering
pressure: strain|stress|force
timetable: schedule|calendar|program
steps: actions|measures|stages
action: activity|step|measure
critics: detractors|reviewers|opponents
diplomats: envoys|ambassadors|emissaries
assessment: evaluation|appraisal|analysis
analysis: examination|evaluation|study
rarely: seldom|hardly ever|infrequently
unusual: uncommon|odd|strange
blunt: frank|direct|dull
direct: straight|immediate|frank
interview: conversation|meeting|questioning
conference: meeting|convention|summit
reporters: journalists|correspondents|press
view: opinion|perspective|sight
concern: worry|issue|fear
convinced: persuaded|sure|certain
persuaded: convinced|coaxed
satisfied: pleased|content|happy
separate: distinct|different|split
harbor: port|haven|harbour
herald: messenger|announcer|forerunner
courier: messenger|carrier|dispatcher
daily: everyday|day-to-day|regular
meridian: midday|noon|zenith
ledger: register|record|book
valley: vale|dale|basin
times: occasions|instances|periods
coastline: shoreline|seashore|seaboard
evening: night|dusk|twilight
dispatch: despatch|mailing|shipment
lantern: lamp|light|torch
wire: cable|line|wiring
gazette: newsletter|bulletin|journal
chronicle: record|account|annals
northgate: north gate|northern gate
more: additional|extra|further
after: following|subsequent to
percent: per cent|percentage points
over: above|in excess of|throughout
asked: requested|questioned|inquired
about: regarding|concerning|approximately
next: following|subsequent|upcoming
before: prior to|ahead of|earlier than
weeks: wks|weeks' time
later: afterwards|subsequently|down the road
coming: upcoming|approaching|forthcoming
several: numerous|various|a number of
day: date|time|daytime
year: yr|twelve months
time: period|moment|occasion
news: information|reports|tidings
within: inside|in just|in
bank: financial institution|lender|bank institution
months: mos|calendar months
could: might|may
response: reply|reaction|answer
chief: head|principal|main
story: tale|narrative|account
due: owing|expected|scheduled
first: initial|very first|earliest
step: move|action|stage
earlier: previously|before|sooner
record: file|document|history
teachers: educators|instructors|tutors
days: times|occasions
regional: local|area|provincial
supreme: top|highest|paramount
own: personal|individual
last: final|previous|latest
price: value|cost|fee
education: schooling|learning|training
senior: elderly|elder|high-ranking
work: job|labour|employment
other: different|various|additional
telecom: telecommunications|communications
shortly: soon|quickly|briefly
sea: ocean|water|marine
publish: release|print|issue
recent: current|latest|recent-day
quick: fast|speedy|rapid
authority: expert|power|specialist
market: marketplace|industry|sector
much: a lot|far|significantly
keep: maintain|preserve|retain
came: arrived|appeared|got here
chair: seat|chairperson|head
team: group|workforce|squad
case: situation|example|instance
sides: aspects|parties|facets
faces: encounters|confronts|meets
science: research|studies|scientific research
independently: separately|individually|autonomously
executive: manager|government|officer
institute: institution|organisation|establishment
full: complete|whole|entire
research: analysis|study|analysis work
centre: middle|heart|centre point
including: together with|along with|such as
afterwards: later|thereafter|subsequently
around: about|close to|all over
motors: engines|electric motors
gave: offered|provided|handed
party: celebration|event|social gathering
works: functions|operates|performs
near: close to|nearby|in the vicinity of
interest: attention|curiosity|interest charges
offered: provided|supplied|granted
likely: probably|probable|most likely
following: after|subsequent to|pursuing
local: regional|community|neighbourhood
civil: municipal|civic|polite
every: each|any
prices: costs|rates|values
job: work|employment|task
late: overdue|belated|delayed
service: assistance|solution|support
studied: researched|examined|analyzed
took: got|accepted|grabbed
rail: train|railroad|railway
similar: comparable|related|alike
month: four weeks|thirty days
lawmakers: legislators|lawgivers|politicians
law: regulation|legislation|rule
went: traveled|moved|headed
short: brief|small|quick
early: premature|first|prompt
expect: anticipate|foresee|count on
new: brand-new|recent|fresh
additional: extra|further|more
commented: remarked|stated|observed
many: numerous|lots of|plenty of
made: produced|created|made up
agency: company|firm|organisation
funding: financing|funds|resources
marine: ocean|maritime|sea
remained: stayed|continued to be|persisted
groups: teams|organisations|collections
spoke: talked|chatted|addressed
course: program|route|path
held: kept|organized|gripped
raise: boost|increase|lift
checked: examined|inspected|tested
share: portion|percentage|stake
council: board|authority|committee
nurses: health workers|caregivers|carers
economist: financial expert|analyst|economic expert
date: day|time|appointment
federation: union|confederation|alliance
still: nonetheless|yet|even now
contacted: approached|reached|called
everyone: everybody|all people|each person
note: notice|observe|point out
plans: strategies|programs|intentions
coastal: seaside|beachfront|shoreline
experts: specialists|professionals|authorities
water: liquid|H2O|fluid
latest: newest|most recent|current
national: nationwide|countrywide|state
minister: official|secretary|pastor
protection: security|defense|safety
term: duration|phrase|period
difficult: hard|tough|challenging
group: team|collection|cluster
written: composed|authored|penned
journal: publication|magazine|diary
municipal: city|civic|metropolitan
alliance: coalition|partnership|union
association: organisation|club|society
place: location|spot|area
measure: step|action|gauge
opinion: view|judgment|belief
facing: dealing with|confronting|going through
past: previous|former|earlier
comes: arrives|shows up|happens
long: lengthy|extended|prolonged
large: big|huge|massive
better: improved|superior|greater
compass: guide|direction finder|bearing
look: appear|seem|glance
number: amount|figure|quantity
residents: inhabitants|locals|citizens
spread: distributed|circulated|expanded
school: college|academy|institution
formula: system|method|recipe
consumers: customers|buyers|shoppers
director: manager|supervisor|head
judge: magistrate|arbiter|referee
chamber: room|hall|chamber hall
commerce: trade|business|commercial activity
organiser: coordinator|planner|arranger
representative: rep|agent|delegate
rights: legal rights|entitlements|freedoms
industrial: manufacturing|commercial|business
takes: requires|needs|calls for
cuts: reductions|slashes|decreases
based: established|founded|located
named: called|known as|entitled
wrote: composed|penned|authored
patrol: watch|guard|monitoring
vessels: ships|boats|craft
tender: bid|offer|proposal
open: accessible|available|free
reach: attain|access|get to
home: house|residence|household
needed: required|necessary|essential
order: purchase|request|command
constitutional: legal|statutory|basic
network: system|grid|internet
posted: uploaded|published|put up
struck: hit|knocked|stricken
afternoon: mid-day|post-noon|day
detainee: captive|prisoner|inmate
rules: guidelines|regulations|laws
updating: refreshing|revising|renewing
stock: share|inventory|supply
general: basic|overall|common
secretary: assistant|clerk|administrator
immediately: instantly|promptly|right away
meteorological: weather|climate
strikes: walkouts|stoppages|hits
researcher: scientist|analyst|investigator
author: writer|creator|originator
high: excessive|elevated|lofty
raised: elevated|increased|lifted
left: departed|exited|remaining
scale: size|level|magnitude
unions: associations|guilds|leagues
small: little|tiny|minor
railway: railroad|rail network|train line
lawyer: attorney|solicitor|legal representative
commuters: travellers|passengers|riders
partners: companions|associates|collaborators
parts: pieces|components|elements
annual: yearly|once-a-year|per year
higher: greater|larger|upper
best: finest|top|greatest
move: step|transfer|shift
given: provided|offered|granted
list: record|register|catalogue
risk: danger|threat|hazard
losses: damages|deficits|setbacks
transport: transportation|transit|shipping
western: westerly|occidental|west
investment: financial investment|funding|capital
busy: active|hectic|occupied
debt: liability|obligation|arrears
demand: need|requirement|call
combined: merged|joint|blended
possible: feasible|doable|achievable
overnight: in a single night|suddenly|nightly
existing: current|present|established
parliamentary: legislative|congressional
clarification: explanation|clarity|explication
grown: developed|increased|matured
initial: first|preliminary|starting
handover: transfer|delivery|handing over
waited: stayed|lingered|remained
roughly: about|approximately|around
hour: time|hr|sixty minutes
enough: sufficient|ample|adequate
hardest: toughest|most difficult|most challenging
increased: boosted|raised|grew
clear: obvious|evident|plain
repeatedly: frequently|many times|again and again
listed: noted|itemised|detailed
mediator: arbitrator|negotiator|go-between
monthly: month-to-month|every month|regular
noisy: loud|boisterous|rowdy
plan: strategy|scheme|program
citing: quoting|mentioning|referencing
stood: stayed|remained|rested
faced: confronted|encountered|met
favour: support|benefit|approval
despite: regardless of|in spite of|notwithstanding
bringing: carrying|delivering|bringing in
slow: sluggish|gradual|unhurried
attempt: effort|try|undertaking
across: throughout|over|all over
different: various|diverse|distinct
accounted: represented|comprised|made up
inland: interior|upcountry|internal
stay: remain|keep|continue
measures: steps|actions|procedures
looked: searched|seemed|appeared
paid: compensated|settled|salaried
"""


def _load(text: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in text.strip().splitlines():
        word, _, options = line.partition(":")
        table[word.strip()] = tuple(o.strip() for o in options.split("|"))
    return table


SYNONYMS: dict[str, tuple[str, ...]] = _load(_TABLE)
