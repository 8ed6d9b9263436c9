"""Word lists and patterns used by the stages. Data, not logic: edit here, not in the stages.

Each stage owns one section. Keep entries lower-case unless the comment says otherwise.
"""
from __future__ import annotations

import re

# ---------------------------------------------------------------- ingest / clean
# Whole lines that are site furniture, not article text (matched case-insensitively, full line).
BOILERPLATE_LINES = [
    r"posted by",
    r"spread the love",
    r"click here to display content from .*",
    r"learn more in .*privacy policy\.?",
    r"also read:.*",
    r"read more:.*",
    r"translate\s*>>",
    r"verified by monsterinsights",
    r"tt",
    r"[\s,.;:|\-–—]*",            # lines of punctuation only (", ,")
    r"share( this)?( article)?:?",
    r"advertisement",
    r"subscribe.*newsletter.*",
    r"(photo|image|file photo)\s*:.*",
]
BOILERPLATE_RE = re.compile(r"^\s*(?:" + "|".join(BOILERPLATE_LINES) + r")\s*$", re.I)

# A caption: a line ending in a parenthesised credit, "(File photo/Office of …)", "(Reuters)".
CAPTION_RE = re.compile(
    r"\((?:[^()]*\b(?:photo|file|image|afp|reuters|ap|getty|government|office|courtesy|handout|epa)\b[^()]*)\)\s*$",
    re.I,
)

# "date 2024-07-31 NYT: Headline" (scraper header)
HEADER_RE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+(?P<outlet>[^:\n]{1,40}):\s*(?P<title>.*)$", re.I)

# "Tehran, 5 November 2023 (WAI): …", "Tehran: …", "WASHINGTON (Reuters) - …",
# "ANCHORAGE, Alaska, Feb 26 - …" at the start of the first body paragraph: a place of one to three
# capitalised words, an optional region, an optional date (the year may be missing), an optional
# agency, then a colon or a dash.
_CAP_WORDS = r"[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,2}"
DATELINE_RE = re.compile(
    rf"(?P<place>{_CAP_WORDS})"
    rf"(?:,\s*(?P<region>{_CAP_WORDS})(?=,))?"
    r"(?:,\s*(?P<date>(?:\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+\.?\s+\d{1,2})(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[A-Za-z .&]{1,24})\))?\s*(?::|\s[-\u2013\u2014])\s"
)

# A line that is only a publication date, above the article body: "March 4, 2024",
# "Published: 4 March 2024, 10:32 GMT", "Updated Monday, March 4, 2024 at 9:15 a.m. ET".
DATE_LINE_PREFIXES = ("published on", "published", "first published", "posted on", "posted", "date",
                      "dated", "updated on", "updated", "last updated", "last modified", "modified")
UPDATED_PREFIXES = ("updated on", "updated", "last updated", "last modified", "modified")
DATE_LINE_PREFIX_RE = re.compile(
    r"^(?P<prefix>" + "|".join(sorted(map(re.escape, DATE_LINE_PREFIXES), key=len, reverse=True)) + r")\b\s*[:\-–—]?\s*",
    re.I)
DATE_LINE_TIME_RE = re.compile(
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+\-]\d{1,2}(?::?\d{2})?)?)?)\s*$",
    re.I)
DATE_LINE_MAX_CHARS = 60

# "By Jane Doe", "By Jane Doe and John Roe, Reuters"
BYLINE_RE = re.compile(r"^(?:By|BY)\s+[A-Z][\w.'\-]+(?:\s+[A-Z][\w.'\-]+){0,3}(?:\s*(?:,|and)\s*[^.!?]{0,60})?$")

# ---------------------------------------------------------------- shared by several stages
# (one list per concept, whichever stages use it: names and titles for the entities, actors and
# quotes stages, reporting verbs for the quotes and dates stages, stop words for quote groups and
# similar dates)
# Titles and roles: stripped from names by `pipeline.names` (mentions keep them as their `role`,
# quote speakers lose them) and, in the quotes stage, the head nouns that name a person
# ("the minister said") and the words of a pull-quote credit (single words, lower-case, no trailing
# dot: "Gen." is "gen"). A span that is nothing but these words is dropped. Qualifiers
# ("Foreign", "Former") are not titles on their own: see TITLE_QUALIFIERS.
TITLES = frozenset("""
ayatollah hojatoleslam imam sheikh shaikh sayyed sayyid seyyed seyed
mr mrs ms miss dr prof professor sir dame lord lady
president vice-president premier pm fm mp chancellor minister secretary secretary-general
spokesman spokeswoman spokesperson leader head chief chairman chairwoman chairperson chair speaker
deputy vice director coordinator commander commander-in-chief general gen lt lieutenant colonel col
major maj brigadier brig admiral adm captain capt sergeant sgt marshal
ambassador envoy representative rep senator sen congressman congresswoman member governor gov mayor
judge justice attorney counsel adviser advisor aide
king queen prince princess emir sultan crown pope cardinal archbishop bishop rabbi reverend rev
analyst activist official officer founder ceo
""".split())
# Title abbreviations, written with a full stop ("Sen. Ted Cruz": that full stop ends no sentence),
# and the titles each stands for ("the senator" can be "Sen. Ted Cruz").
TITLE_ABBREVIATIONS = {
    "gen": ("general",), "lt": ("lieutenant",), "col": ("colonel",), "maj": ("major",),
    "brig": ("brigadier",), "adm": ("admiral",), "capt": ("captain",), "sgt": ("sergeant",),
    "gov": ("governor",), "sen": ("senator",), "rep": ("representative", "congressman", "congresswoman"),
    "pres": ("president",), "sec": ("secretary",), "rev": ("reverend",), "prof": ("professor",),
    "dr": ("doctor",), "mr": (), "mrs": (), "ms": (),
}
# Title words that are also surnames (John Major, Larry King, Erik Prince): never stripped from
# the end of a name, nor inside one ("Martin Luther King Jr", "Khalid Sheikh Mohammed").
TITLE_SURNAMES = frozenset({"king", "major", "bishop", "judge", "marshal", "prince", "lord", "pope", "cardinal",
                            "chancellor", "mayor", "speaker", "chair", "head", "general", "captain", "governor",
                            "justice", "sheikh", "dame", "queen", "miss", "chief", "rice"})
# Words that qualify a title ("Supreme Leader", "Foreign Minister", "Secretary of Defense").
# Stripped only next to a title word or when what remains is a person's name.
TITLE_QUALIFIERS = frozenset({
    "supreme", "prime", "foreign", "defense", "defence", "interior", "finance", "economy",
    "health", "justice", "intelligence", "security", "national", "state", "former", "acting",
    "senior", "top", "grand", "permanent", "first", "deputy", "vice", "assistant", "executive",
    "political", "military", "spiritual", "religious", "strategic", "communications", "of",
    "for", "the", "to", "and", "un", "us", "white", "house", "army", "navy", "revolutionary",
})
# Particles inside names (lower-case): kept lower-case in display names and inside a speaker's name
# ("Khalil al-Hayya", "Charles de Gaulle", "Faf du Plessis"), ignored when comparing surnames.
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "abd", "ul", "ad", "as", "ash", "ar",
                            "van", "von", "de", "da", "di", "du", "la", "le", "der", "den"})
# Lemmas of reporting verbs, which introduce speech or a stated position ("X said ...", "..., he
# warned", "the council issued a statement calling ..."): the cues of quotes, and the verbs whose full
# date anchors the publication date ("said on 5 May 2024"). Not "release": "the footage released
# Friday" is no source's statement.
REPORTING_VERBS = frozenset("""
say tell add warn state declare accuse blame deny claim insist note explain argue write tweet post
announce confirm stress emphasize emphasise underscore urge ask reply respond answer continue recall
acknowledge admit suggest report describe threaten vow pledge promise predict complain testify
assert maintain observe remark comment reiterate concede charge contend quote cite joke quip shout
yell chant scream recount boast brag praise criticize criticise condemn caution agree disagree
estimate read call speak mention reveal disclose allege demand assure advise inform reassure
counter retort conclude highlight point lament hail slam blast decry denounce dismiss reject
welcome thank tout question wonder muse signal indicate specify order appeal plead beg
characterize characterise label brand dub protest elaborate proclaim pronounce mock ridicule defend voice
publish issue
""".split())
# Stop words: words that say nothing about which text a text is, dropped before comparing the words
# of two quotes ("also reported by", speakers' names included) or of two sentences (similar dates):
# English function words, and the attribution words that every report of a statement repeats
# ("said", "told", "state TV", "news agency"). Not "same", "during", "between", "now": they tell
# short statements apart ("but the situation remains the same", "to be shipped between now and June").
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below
both but by can could did do does doing down each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just me may might more most my
myself no nor not of off on once one only or other our ours ourselves out over own she should so
some such than that the their theirs them themselves then there these they this those through to too two
under until up very was we were what when where which while who whom why will with would you your yours
yourself
said says say told news agency state tv television run
""".split())

# ---------------------------------------------------------------- entities / actors
# (section owned by the actors stage)
# NER labels that can be actors. LOC ("Middle East", "Golan Heights") and FAC are places, not
# actors; DATE, CARDINAL, EVENT, LAW, WORK_OF_ART … are never actors.
ACTOR_LABELS = {"PERSON", "ORG", "GPE", "NORP"}

# Last words that make a span an organisation, whatever NER said ("Coordination Framework").
ORG_HEAD_WORDS = {
    "council", "framework", "ministry", "party", "movement", "front", "corps", "guards", "army",
    "agency", "authority", "committee", "commission", "union", "league", "organization",
    "organisation", "forces", "brigades", "news", "times", "post", "tv", "television", "radio",
    "press", "group", "bank", "company", "corporation", "inc", "ltd", "office", "department",
    "parliament", "assembly", "court", "government", "administration", "association",
    "institute", "university", "foundation", "alliance", "coalition", "network", "service",
}
# Words right after a mention that make it an organisation ("Mehr news agency") or a place
# ("the Sinjar province"); FAC places are not kept as actors ("mosque, Jamharan").
ORG_CUE_NEXT = {"news", "agency", "newspaper", "tv", "television", "channel", "broadcaster", "daily"}
GPE_CUE_NEXT = {"province", "city", "district", "governorate", "region", "county", "town", "village"}
FAC_NOUNS = {"mosque", "shrine", "church", "synagogue", "temple", "airport", "hospital", "school",
             "stadium", "square", "bridge", "prison", "base", "port", "palace", "tower"}
# Spans starting with these words are events or operations, not actors.
EVENT_FIRST_WORDS = {"operation", "battle", "war", "conference", "summit"}

# Media, agencies and platforms: always ORG. normalised variant -> canonical display name.
MEDIA_NAMES = {
    "tasnim": "Tasnim", "tasnim news": "Tasnim", "tasnim news agency": "Tasnim",
    "isna": "ISNA", "iranian students news agency": "ISNA",
    "irna": "IRNA", "islamic republic news agency": "IRNA",
    "mehr": "Mehr", "mehr news": "Mehr", "mehr news agency": "Mehr",
    "fars": "Fars", "fars news": "Fars", "fars news agency": "Fars",
    "press tv": "Press TV", "presstv": "Press TV", "irib": "IRIB", "wana": "WANA",
    "al-arabiya": "Al Arabiya", "al arabiya": "Al Arabiya", "al-arabiya news": "Al Arabiya",
    "al arabiya news": "Al Arabiya", "alarabiya": "Al Arabiya",
    "al-jazeera": "Al Jazeera", "al jazeera": "Al Jazeera", "aljazeera": "Al Jazeera",
    "al-mayadeen": "Al Mayadeen", "al mayadeen": "Al Mayadeen", "al-manar": "Al Manar",
    "al manar": "Al Manar", "asharq al-awsat": "Asharq Al-Awsat", "asharq al awsat": "Asharq Al-Awsat",
    "nyt": "New York Times", "new york times": "New York Times", "the new york times": "New York Times",
    "washington post": "Washington Post", "wall street journal": "Wall Street Journal", "wsj": "Wall Street Journal",
    "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "ap": "Associated Press",
    "associated press": "Associated Press", "bbc": "BBC", "cnn": "CNN", "axios": "Axios",
    "times of israel": "Times of Israel", "haaretz": "Haaretz", "jerusalem post": "Jerusalem Post",
    "ynet": "Ynet", "kan": "Kan", "channel 12": "Channel 12", "dpa": "dpa", "xinhua": "Xinhua",
    "tass": "TASS", "ria novosti": "RIA Novosti", "sana": "SANA", "wafa": "WAFA", "anadolu": "Anadolu",
    "twitter": "Twitter", "x": "X", "facebook": "Facebook", "telegram": "Telegram",
    "instagram": "Instagram", "youtube": "YouTube", "tiktok": "TikTok", "whatsapp": "WhatsApp",
    "monsterinsights": "MonsterInsights",
}
# Country and bloc name variants: normalised variant -> canonical display name (type GPE).
COUNTRY_VARIANTS = {
    "us": "United States", "u.s": "United States", "u.s.": "United States", "usa": "United States",
    "u.s.a": "United States", "u.s.a.": "United States", "united states": "United States",
    "united states of america": "United States", "america": "United States",
    "uk": "United Kingdom", "u.k.": "United Kingdom", "britain": "United Kingdom",
    "great britain": "United Kingdom", "united kingdom": "United Kingdom",
    "islamic republic of iran": "Iran", "islamic republic": "Iran", "iran": "Iran", "persia": "Iran",
    "russian federation": "Russia", "prc": "China", "people's republic of china": "China",
    "uae": "United Arab Emirates", "u.a.e.": "United Arab Emirates", "ksa": "Saudi Arabia",
    "kingdom of saudi arabia": "Saudi Arabia", "state of israel": "Israel",
    "gaza strip": "Gaza", "the gaza strip": "Gaza", "dprk": "North Korea",
    "republic of iraq": "Iraq", "syrian arab republic": "Syria", "turkiye": "Turkey", "türkiye": "Turkey",
    "ussr": "Soviet Union", "u.s.s.r": "Soviet Union", "u.s.s.r.": "Soviet Union", "soviet union": "Soviet Union",
    "frg": "West Germany", "federal republic of germany": "West Germany", "gdr": "East Germany",
    "german democratic republic": "East Germany", "holland": "Netherlands", "netherlands": "Netherlands",
    "republic of korea": "South Korea", "rok": "South Korea", "philippines": "Philippines",
}
# Demonyms that stand for their country: "Iranian officials said" counts for Iran (the actor is
# the country, type GPE; the mention keeps its text and NER label). Singular, lower-case; the
# plural ("Iranians", "Soviets") is folded automatically. Peoples, religions and regions that are
# not one state stay NORP actors and are deliberately absent: Palestinian, Kurdish, Arab, Jewish,
# Zionist, Shiite, Sunni, Muslim, Christian, European, Latin American, African, Asian, Western,
# Persian, Korean (two states), Serb/Croat (ethnic), Armenian, Basque.
DEMONYMS = {
    "american": "United States", "british": "United Kingdom", "briton": "United Kingdom",
    "soviet": "Soviet Union", "russian": "Russia", "ukrainian": "Ukraine", "belarusian": "Belarus",
    "german": "Germany", "west german": "West Germany", "east german": "East Germany",
    "french": "France", "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal",
    "dutch": "Netherlands", "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria",
    "swedish": "Sweden", "swede": "Sweden", "norwegian": "Norway", "danish": "Denmark", "dane": "Denmark",
    "finnish": "Finland", "irish": "Ireland", "greek": "Greece", "cypriot": "Cyprus", "turkish": "Turkey",
    "polish": "Poland", "hungarian": "Hungary", "czechoslovak": "Czechoslovakia", "czech": "Czech Republic",
    "romanian": "Romania", "bulgarian": "Bulgaria", "yugoslav": "Yugoslavia", "serbian": "Serbia",
    "croatian": "Croatia", "israeli": "Israel", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "jordanian": "Jordan", "egyptian": "Egypt", "saudi": "Saudi Arabia",
    "saudi arabian": "Saudi Arabia", "kuwaiti": "Kuwait", "qatari": "Qatar", "bahraini": "Bahrain",
    "emirati": "United Arab Emirates", "omani": "Oman", "yemeni": "Yemen", "libyan": "Libya",
    "algerian": "Algeria", "moroccan": "Morocco", "tunisian": "Tunisia", "sudanese": "Sudan",
    "ethiopian": "Ethiopia", "kenyan": "Kenya", "nigerian": "Nigeria", "ghanaian": "Ghana",
    "south african": "South Africa", "zimbabwean": "Zimbabwe", "zambian": "Zambia", "angolan": "Angola",
    "mozambican": "Mozambique", "chadian": "Chad", "zairean": "Zaire", "somali": "Somalia",
    "afghan": "Afghanistan", "pakistani": "Pakistan", "indian": "India", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "chinese": "China", "taiwanese": "Taiwan", "japanese": "Japan",
    "south korean": "South Korea", "north korean": "North Korea", "vietnamese": "Vietnam",
    "thai": "Thailand", "malaysian": "Malaysia", "indonesian": "Indonesia", "philippine": "Philippines",
    "filipino": "Philippines", "singaporean": "Singapore", "australian": "Australia",
    "new zealander": "New Zealand", "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile", "peruvian": "Peru",
    "colombian": "Colombia", "venezuelan": "Venezuela", "ecuadorean": "Ecuador", "ecuadorian": "Ecuador",
    "bolivian": "Bolivia", "uruguayan": "Uruguay", "paraguayan": "Paraguay", "cuban": "Cuba",
    "nicaraguan": "Nicaragua", "salvadoran": "El Salvador", "honduran": "Honduras",
    "guatemalan": "Guatemala", "panamanian": "Panama", "haitian": "Haiti", "jamaican": "Jamaica",
}
# Countries (canonical display names, type GPE): the canonical names above plus states that have
# no variant or demonym listed. A country's name is never a person's surname, never an
# organisation on its own ("Japan" labelled ORG is metonymy) and, in a name with a company legal
# form ("Japan Inc.", "France SA"), never the country. Home nations count: their teams are places.
COUNTRY_NAMES = frozenset(set(COUNTRY_VARIANTS.values()) | set(DEMONYMS.values()) | {
    "England", "Scotland", "Wales", "Northern Ireland", "Luxembourg", "Liechtenstein", "Monaco", "Iceland",
    "Malta", "Albania", "Estonia", "Latvia", "Lithuania", "Slovakia", "Slovenia", "Bosnia", "Macedonia",
    "Moldova", "Georgia", "Armenia", "Azerbaijan", "Kazakhstan", "Uzbekistan", "Mongolia", "Nepal",
    "Burma", "Myanmar", "Cambodia", "Laos", "Brunei", "Costa Rica", "Dominican Republic", "Trinidad",
    "Barbados", "Bahamas", "Puerto Rico", "Senegal", "Ivory Coast", "Cameroon", "Uganda", "Tanzania",
    "Rwanda", "Burundi", "Congo", "Gabon", "Mali", "Niger", "Liberia", "Sierra Leone", "Guinea", "Togo",
    "Benin", "Namibia", "Botswana", "Madagascar", "Mauritius", "Malawi", "Fiji", "Papua New Guinea",
    "Hong Kong", "Palestine", "Vatican", "Germany", "Korea", "Singapore", "Mauritania", "Burkina Faso",
    "Eritrea", "Djibouti", "Tajikistan", "Turkmenistan", "Kyrgyzstan", "Bhutan", "Maldives", "Suriname",
    "Guyana", "Belize", "Grenada", "Taiwan",
})
# Other organisations with several common names: normalised variant -> canonical display name.
ORG_VARIANTS = {
    "un": "United Nations", "u.n.": "United Nations", "united nations": "United Nations",
    "un security council": "UN Security Council", "united nations security council": "UN Security Council",
    "unsc": "UN Security Council", "eu": "European Union", "european union": "European Union",
    "irgc": "Islamic Revolutionary Guard Corps", "revolutionary guards": "Islamic Revolutionary Guard Corps",
    "revolutionary guard": "Islamic Revolutionary Guard Corps",
    "revolutionary guards corps": "Islamic Revolutionary Guard Corps",
    "iranian revolutionary guards corps": "Islamic Revolutionary Guard Corps",
    "iranian revolutionary guard corps": "Islamic Revolutionary Guard Corps",
    "islamic revolutionary guard corps": "Islamic Revolutionary Guard Corps",
    "islamic revolutionary guards corps": "Islamic Revolutionary Guard Corps",
    "idf": "Israel Defense Forces", "israel defense forces": "Israel Defense Forces",
    "israeli defense forces": "Israel Defense Forces", "nato": "NATO",
    "pentagon": "Pentagon", "the pentagon": "Pentagon", "white house": "White House",
    "imf": "International Monetary Fund", "international monetary fund": "International Monetary Fund",
    "opec": "OPEC", "organisation of petroleum exporting countries": "OPEC",
    "organization of petroleum exporting countries": "OPEC",
    "ec": "European Community", "eec": "European Community", "european community": "European Community",
    "european economic community": "European Community",
    "fed": "Federal Reserve", "federal reserve": "Federal Reserve", "federal reserve board": "Federal Reserve",
    "u.s. federal reserve": "Federal Reserve", "u.s. federal reserve board": "Federal Reserve",
    "g-7": "Group of Seven", "g7": "Group of Seven", "group of seven": "Group of Seven",
    "g-5": "Group of Five", "g5": "Group of Five", "group of five": "Group of Five",
    "usda": "U.S. Agriculture Department", "u.s. agriculture department": "U.S. Agriculture Department",
    "u.s. department of agriculture": "U.S. Agriculture Department",
    "gatt": "GATT", "general agreement on tariffs and trade": "GATT",
    "oecd": "OECD", "organization for economic cooperation and development": "OECD",
    "organisation for economic cooperation and development": "OECD",
    "organization for economic co-operation and development": "OECD",
    "organisation for economic co-operation and development": "OECD",
}
# Legal-form suffixes of company names, ignored when comparing names ("Deutsche Bank AG" is
# "Deutsche Bank", "San Miguel Corp" is "San Miguel"); the display name stays the most frequent form.
COMPANY_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "co", "ltd", "limited", "plc", "ag",
                    "sa", "nv", "bv", "gmbh", "spa", "llc", "kk", "bhd", "pty", "cos", "na", "n.a"}
# International wire services: the reporter of a story, not an actor of it ("told Reuters",
# "a Reuter survey", "in an interview with Reuters"). A mention is kept only when the service is
# itself a source: the subject of a clause ("Reuters reported …") or "according to Reuters".
WIRE_SERVICES = {"reuters", "reuter", "associated press", "ap", "afp", "agence france-presse",
                 "agence france presse", "upi", "united press international", "dpa"}
# Lone words that name an organisation only through context ("the Bank", "the Community", "the
# Commission"): when in-document linking did not tie them to a full name, they are not actors.
GENERIC_ORG_WORDS = {"bank", "commission", "community", "fund", "council", "committee", "ministry",
                     "department", "agency", "company", "group", "government", "administration",
                     "court", "union", "office", "board", "corporation", "corp", "organisation",
                     "organization", "authority", "party", "federation", "association", "institute"}
# Portfolio words: spans made only of these ("Agriculture" in "Agriculture Secretary Richard
# Lyng") are a department's field, not an actor.
PORTFOLIO_WORDS = {"agriculture", "finance", "defense", "defence", "interior", "foreign", "trade",
                   "commerce", "energy", "health", "justice", "labor", "labour", "economy", "oil",
                   "education", "transport", "transportation", "industry", "housing", "environment",
                   "and", "affairs", "home", "economic"}
# Words right after a name that make it an agreement, not an actor ("the Louvre accord", "the
# Plaza agreement"); country and organisation variants are never dropped ("the Iran agreement").
NOT_ACTOR_NEXT = {"accord", "accords", "agreement", "pact", "treaty"}
# Last words that make a span a currency, not an actor ("U.S. Dollar").
CURRENCY_WORDS = {"dollar", "dollars", "yen", "mark", "marks", "sterling", "franc", "francs", "pound",
                  "pounds", "lira", "peso", "pesos", "rupee", "riyal", "rial", "yuan", "rouble", "ruble"}
# Capitals used for their government ("Washington did not know"). When such a mention is the
# subject, the agent of a passive, the owner ("Tehran's stance") or after "with"/"against", it is
# the country actor; after "in", "at", "from", "to" … it stays the city.
CAPITAL_METONYMS = {
    "washington": "United States", "tehran": "Iran", "moscow": "Russia", "beijing": "China",
    "baghdad": "Iraq", "damascus": "Syria", "beirut": "Lebanon", "ankara": "Turkey",
    "riyadh": "Saudi Arabia", "cairo": "Egypt", "doha": "Qatar", "amman": "Jordan",
    "london": "United Kingdom", "paris": "France", "berlin": "Germany", "kyiv": "Ukraine",
    "kiev": "Ukraine", "pyongyang": "North Korea", "seoul": "South Korea", "tokyo": "Japan",
    "new delhi": "India", "islamabad": "Pakistan", "kabul": "Afghanistan", "abu dhabi": "United Arab Emirates",
    "peking": "China", "bonn": "West Germany", "manila": "Philippines", "canberra": "Australia",
    "ottawa": "Canada", "brasilia": "Brazil", "madrid": "Spain", "rome": "Italy", "brussels": "Belgium",
    "vienna": "Austria", "stockholm": "Sweden", "oslo": "Norway", "copenhagen": "Denmark",
    "helsinki": "Finland", "athens": "Greece", "lisbon": "Portugal", "warsaw": "Poland", "prague":
    "Czechoslovakia", "budapest": "Hungary", "bucharest": "Romania", "belgrade": "Yugoslavia",
    "dublin": "Ireland", "bern": "Switzerland", "jakarta": "Indonesia", "bangkok": "Thailand",
    "kuala lumpur": "Malaysia", "hanoi": "Vietnam", "taipei": "Taiwan", "buenos aires": "Argentina",
    "bogota": "Colombia", "caracas": "Venezuela", "mexico city": "Mexico", "havana": "Cuba",
    "managua": "Nicaragua", "lima": "Peru", "santiago": "Chile", "nairobi": "Kenya", "lagos": "Nigeria",
    "pretoria": "South Africa", "tripoli": "Libya", "algiers": "Algeria", "tunis": "Tunisia",
    "rabat": "Morocco", "khartoum": "Sudan", "east berlin": "East Germany", "wellington": "New Zealand",
}
# A capital whose state changed: the country it stands for when the document names that state
# ("Moscow" is the Soviet Union in a 1987 story that mentions the Soviets).
CAPITAL_ALT = {"moscow": ["Soviet Union"]}
# A capital's own mentions ("talks in Washington") stay a city actor; when its name is also a
# form of a country actor, the city's display name gets this suffix: "Washington (city)".
CITY_SUFFIX = " (city)"
# Sports clubs named after their city ("Liverpool beat Everton 2-1") are organisations, kept apart
# from the city by this display suffix: "Liverpool (club)". A mention is a club when the document
# reads as a sports report (at least SPORTS_MIN_WORDS distinct SPORTS_WORDS) and the city is the
# subject or object of a SPORTS_VERBS verb, or stands in a results line ("Leeds 1 Aston Villa 0").
# Countries stay places (national teams are the country).
CLUB_SUFFIX = " (club)"
SPORTS_WORDS = {"soccer", "football", "league", "goals", "striker", "midfielder", "goalkeeper", "coach",
                "innings", "wicket", "wickets", "batsman", "bowler", "pitcher", "homer", "baseball",
                "basketball", "hockey", "rugby", "cricket", "tennis", "golf", "quarterback", "touchdown",
                "playoff", "playoffs", "semifinal", "semi-final", "semifinals", "halftime", "stadium",
                "tournament", "championship", "olympic", "nhl", "nba", "nfl", "uefa", "fifa"}
SPORTS_MIN_WORDS = 2
SPORTS_VERBS = {"beat", "defeat", "draw", "lose", "win", "host", "play", "tie", "edge", "thrash", "rout",
                "trounce", "overcome", "outscore", "sign", "field", "face", "blank", "down", "top", "hammer",
                "crush", "lead", "score", "concede", "clinch", "eliminate", "knock", "upset", "whip"}
METONYM_DEPS = {"nsubj", "nsubjpass", "poss"}
METONYM_PREPS = {"by", "with", "against", "between"}
MOTION_VERBS = {"visit", "arrive", "travel", "leave", "reach", "enter", "return", "fly", "move", "attack", "strike", "bomb", "hit"}

# Spans that are never actors (normalised). Single title words are dropped separately.
STOP_NAMES = {
    "tt", "response", "media", "supreme", "interior", "zionist entity", "west",
    "east", "north", "south", "international", "citizens", "god", "allah", "breaking", "update",
    "live", "exclusive", "opinion", "analysis", "editorial", "photo", "video",
    "gmt", "utc", "est", "edt", "group of",
}
# Inflected words that mark a title-case span as a headline fragment ("Khamenei Ordered Strike",
# "Haniyeh Briefs Khamenei"), on top of spaCy's verb tags and its verb lemma tables.
HEADLINE_VERBS = {
    "says", "said", "warns", "vows", "urges", "slams", "meets", "briefs", "orders", "ordered",
    "calls", "claims", "denies", "blames", "threatens", "killed", "kills", "dies", "visits",
    "holds", "rejects", "accuses", "hails", "condemns", "backs", "raised", "raises", "preoccupied",
}
# Name tokens that look like English verbs but are names: never read as headline verbs.
NAME_NOT_VERB = {"said", "sayed", "hamed", "rashed", "majed", "zayed", "rose", "will", "mark",
                 "bill", "grant", "hope", "chase", "rush", "rice", "banks", "gates", "brooks",
                 "armed", "united", "allied", "associated", "unified", "combined", "organized",
                 "organised", "reformed", "revised", "advanced"}
# Spelling variants of common (mostly Arabic and Persian) first names: one group per name.
FIRST_NAME_VARIANTS = [
    ["mohammed", "mohammad", "muhammad", "mohamed", "muhammed", "mohamad", "mohd", "muhamad"],
    ["saeed", "said", "saeid", "saied", "sayed", "saiid"], ["mahmoud", "mahmud", "mahmood"],
    ["ismail", "ismael", "esmail", "ismaeel", "esmaeil"], ["hussein", "hossein", "husain", "hussain", "hosein", "husayn"],
    ["hassan", "hasan"], ["ahmad", "ahmed"], ["abdullah", "abdallah", "abdollah"], ["yahya", "yahia"],
    ["yousef", "yusuf", "youssef", "yousif", "yosef"], ["omar", "umar"], ["osama", "usama"],
    ["hamid", "hamed"], ["mohsen", "muhsin", "mohsin"], ["mustafa", "mostafa", "moustafa"],
    ["reza", "rida", "ridha"], ["javad", "jawad"], ["abbas"], ["kazem", "kadhim", "kazim"],
    ["jafar", "jaafar", "ja'far"], ["mohammadreza", "mohammad-reza", "mohamadreza"],
    ["naim", "naeem"], ["khalil", "halil"], ["nasser", "naser", "nasir"], ["qassem", "qasem", "kassem", "ghasem"],
]

# ---------------------------------------------------------------- dates
# (section owned by the dates stage)
# Month names and abbreviations (matched capitalised: "may"/"march" as common words are ignored).
MONTHS = {
    "January": 1, "Jan": 1, "February": 2, "Feb": 2, "March": 3, "Mar": 3, "April": 4, "Apr": 4,
    "May": 5, "June": 6, "Jun": 6, "July": 7, "Jul": 7, "August": 8, "Aug": 8,
    "September": 9, "Sept": 9, "Sep": 9, "October": 10, "Oct": 10, "November": 11, "Nov": 11,
    "December": 12, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
DAY_PARTS = ["morning", "afternoon", "evening", "night", "overnight"]
# Number words for "two weeks ago" (vague counts such as "a few", "several" are not resolved).
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50,
}
# Spelled-out years (broadcast transcripts): "nineteen ninety-one", "the year two thousand".
YEAR_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
             "eighty": 80, "ninety": 90}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
         "year": "year", "years": "year"}
# Words before a bare month or bare year that make it a date ("in March", "since 1987").
DATE_PREPS = ["in", "since", "by", "until", "till", "through", "during", "from", "to", "of", "before",
              "after", "early", "late", "mid", "mid-", "fiscal", "around", "between", "and", "for", "last",
              "next", "this", "the end of", "the beginning of", "the middle of", "beginning", "end"]
# Relative-phrase modifiers and their offset (in units), "earlier this month" is this month.
REL_MODIFIERS = {"last": -1, "this": 0, "next": 1, "the coming": 1, "coming": 1, "this coming": 1,
                 "this past": -1}
EDGE_WORDS = ["earlier", "later", "early", "late", "mid", "mid-", "the end of", "the beginning of",
              "the middle of", "the start of"]
# Day words: offset from the publication date.
DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "last night": -1}
# Vague spans before or after the publication date: phrase -> (days back, days forward), granularity range.
RANGE_PHRASES = {
    r"(?:the|these)\s+past\s+(?:few\s+|several\s+)?days": (7, 0),
    r"(?:the\s+)?(?:last|past)\s+(?:few|several)\s+days": (7, 0),
    r"recent\s+days": (7, 0),
    r"(?:the\s+)?(?:coming|next)\s+(?:few\s+)?days": (0, 7),
    r"(?:the\s+|this\s+)?(?:last|past)\s+weekend|(?:this|the)\s+weekend|over\s+the\s+weekend": None,  # Sat-Sun
}
# Holidays with a calendar rule (name regex -> rule): ("fixed", month, day), ("nth", month,
# weekday, n) with n = -1 for the last one, ("easter", days from Easter Sunday), ("election",)
# = the Tuesday after the first Monday of November. Bare "Christmas" is a season: not listed.
HOLIDAYS = {
    r"Christmas\s+Day": ("fixed", 12, 25), r"Christmas\s+Eve": ("fixed", 12, 24),
    r"New\s+Year['’]s\s+Day": ("fixed", 1, 1), r"New\s+Year['’]s\s+Eve": ("fixed", 12, 31),
    r"Independence\s+Day": ("fixed", 7, 4), r"Halloween": ("fixed", 10, 31),
    r"Valentine['’]s\s+Day": ("fixed", 2, 14), r"Boxing\s+Day": ("fixed", 12, 26),
    r"Thanksgiving(?:\s+Day)?": ("nth", 11, 3, 4), r"Labor\s+Day": ("nth", 9, 0, 1),
    r"Memorial\s+Day": ("nth", 5, 0, -1), r"Easter(?:\s+Sunday)?": ("easter", 0),
    r"Good\s+Friday": ("easter", -2), r"Easter\s+Monday": ("easter", 1), r"Election\s+Day": ("election",),
}
# Kinds that are found (so no shorter pattern reuses their words) but not emitted: weekends are
# "YYYY-Www-WE" in TimeML, never a calendar date, and not asked for. Vague ranges ("the past
# days", "the coming days") ARE emitted, as `range` events, because analysts asked for them,
# although TimeML calls them durations (TBAQ union 0.866 -> 0.864 on --direct).
UNEMITTED_KINDS = {"weekend"}
# A year or "this year"/"a year ago" inside a quarter or half is that quarter, not the year:
# "the third quarter of 2005", "the first half of next year", "the 1988 second quarter",
# "this year's third quarter", "the 1989 period".
PART_OF_YEAR_BEFORE = (r"\b(?:quarters?|half|halves|winter|summer|spring|autumn|fall)\s+of\s+(?:the\s+)?"
                       r"(?:fiscal\s+)?$")       # seasons too: "the summer of 2019" is 2019-SU
PART_OF_YEAR_AFTER = (r"^(?:['’]s)?\s+(?:(?:first|second|third|fourth|final|last|fiscal|latest)\s+)?"
                      r"(?:quarters?|half|period)\b")
# A clock time just before a weekday/day word/date makes the whole a TIME ("10 p.m. Wednesday",
# "noon Thursday", "12:00 UTC Monday", "5 p.m. EST, Nov. 6"): not a calendar date.
CLOCK_BEFORE = (r"(?:\b\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d\d|\bnoon|\bmidnight)"
                r"(?:\s+(?:[A-Z]{2,4}|local\s+time))?\s*,?\s*(?:on\s+)?$")
# In a sentence about a reporting period, "a year ago"/"last year" is the year-ago period
# (TimeML: the quarter, "1988-Q3"), not the calendar year.
PERIOD_REPORT_WORDS = (r"\bquarter\b|\b(?:the|same|corresponding|comparable|year-earlier|year-ago|reporting"
                       r"|six-month|nine-month|\d{4})\s+period\b")     # not "a period of unrest"
# "today's" + one of these is the present in general (PRESENT_REF), not the publication day.
GENERIC_AFTER_TODAYS = {"world", "youth", "society", "generation", "children", "kids", "economy",
                        "standards", "terms", "dollars", "technology", "environment", "age", "culture",
                        "personal", "modern", "young", "global", "consumers", "families", "workers"}
# Tense cues for the verb a weekday or year-less date hangs on.
FUTURE_AUX = ["will", "shall", "'ll", "wo", "would", "going"]
FUTURE_VERBS = ["plan", "schedule", "expect", "set", "due", "begin", "start", "hold", "meet", "vote", "open"]
FUTURE_ADJ = ["payable", "effective", "due", "scheduled", "expected", "upcoming"]
OPEN_END_PREPS = ["until", "till", "through", "to"]   # a date after these is often ahead of the verb
# "until"/"till" + date is ahead of the publication unless the verb is past ("lasted until May"),
# and even then after these (a deadline given in the past: "gave them until March 6").
DEADLINE_VERBS = ["give", "extend", "grant", "allow", "delay", "postpone", "defer", "adjourn", "suspend"]
# Days a year-less date (month: its first day) may lie after publication when the tense is not
# past: announced events ("the summit on Nov. 20"). Tuned on TBAQ: 14 -> 0.809, 45 -> 0.817, 90 -> 0.818.
NEAR_FUTURE_DAYS = 45
# A four-digit number followed by one of these is a clock time or an address, not a year.
NOT_AFTER_YEAR = {"gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "hrs", "hours", "local",
                  "avenue", "ave", "street", "st", "road", "rd", "boulevard", "blvd", "lane", "drive", "way",
                  "square", "place", "building"}
# Corpus step (pipeline/corpus/similar.py): near-duplicate = Jaccard of word 5-gram sets; `similar` date =
# the dated article sharing most sentences (>= MIN_SHARED content words covering >= MIN_OVERLAP of
# the shorter sentence), when it shares at least MIN_SENTENCES of them.
NEAR_DUP_JACCARD = 0.8
SIMILAR_MIN_SHARED = 8
SIMILAR_MIN_OVERLAP = 0.5
SIMILAR_MIN_SENTENCES = 2

# ---------------------------------------------------------------- quotes
# (section owned by the quotes stage)
# Verbs that make any noun phrase a source ("the board said"); other verbs need a name or a
# known speaker noun as subject ("that fact speaks volumes" is no attribution).
QUOTE_CORE_VERBS = frozenset("""
say tell add state declare write tweet announce claim insist explain argue note warn reply respond
answer recall acknowledge admit report testify assert remark comment reiterate concede contend quip
joke read conclude
""".split())
# Phrasal reporting verbs: "lemma particle".
QUOTE_PHRASAL_VERBS = frozenset(["go on", "cut in", "chime in", "shoot back", "fire back", "hit back",
                                 "point out", "weigh in", "lash out", "spell out", "sum up", "butt in"])
# Verbs that take an object complement ("called it a disgrace"): never an attribution after a quote.
QUOTE_OBJECT_VERBS = frozenset("call order label ask question brand dub characterize characterise".split())
# Verbs that attribute only right after a quote: `"…?" Hannity pressed`, `"…," she began`.
QUOTE_AFTER_VERBS = frozenset("""
press exclaim interject scoff sigh laugh interrupt begin start finish conclude continue chuckle
shrug smile gush marvel muse recount
""".split())
# Verbs that only report speech when their complement is a quote or a clause, never on their own.
QUOTE_WEAK_VERBS = frozenset("call read continue order point ask question label".split())
# "…," according to X / X's statement: prepositions and nouns that carry a source.
QUOTE_ACCORDING = ("according to", "as per", "citing", "quoting")
QUOTE_STATEMENT_NOUNS = frozenset(
    "statement communique communiqué release interview post tweet message letter speech address "
    "remarks report broadcast".split())
# Pronouns that can be a speaker, and the actor types each can stand for.
QUOTE_PRONOUNS = {
    "he": ("PERSON",), "him": ("PERSON",), "she": ("PERSON",), "her": ("PERSON",),
    "it": ("ORG", "GPE", "MEDIA"), "they": ("ORG", "NORP", "GPE", "MEDIA", "GROUP"),
    "them": ("ORG", "NORP", "GPE", "MEDIA", "GROUP"),
}
# First/second person: a speaker we cannot name (the author, an interviewer).
QUOTE_UNNAMED_PRONOUNS = frozenset("i we you me us".split())
# Nouns for media and institutions as speakers ("Iran's state TV", "the ministry").
QUOTE_MEDIA_NOUNS = frozenset("""
agency tv television radio broadcaster newspaper paper daily outlet channel media network website
magazine press wire
""".split())
# Words after a source's name that do not change who it is: "Tasnim news agency" is Tasnim.
SPEAKER_TRAILING_WORDS = QUOTE_MEDIA_NOUNS | {"news", "agency's", "official", "officials"}
QUOTE_ORG_NOUNS = frozenset("""
ministry office government department council committee court board agency party campaign army
military police embassy spokesperson administration commission authority authorities bureau
organization organisation group movement union foundation company firm suit lawsuit statement
leadership cabinet parliament senate house presidency palace kremlin regime
""".split())
# "The company said": nouns that stand for the organisation named just before.
QUOTE_ANAPHORIC_ORG_NOUNS = frozenset("""
company firm bank corporation carrier airline utility insurer retailer automaker brokerage group
""".split())
# Common nouns that name people, groups and documents as speakers ("said the woman", "protesters
# chanted", "the report said").
QUOTE_PERSON_NOUNS = frozenset("""
source official spokesman spokeswoman lawmaker aide man woman witness diplomat strategist analyst
expert activist voter resident candidate nominee senator congressman lawyer attorney economist
adviser advisor consultant organizer organiser supporter critic reporter correspondent
""".split())
QUOTE_GROUP_NOUNS = frozenset("""
officials sources demonstrators protesters protestors supporters critics voters residents lawmakers
analysts experts activists reporters aides advisers people crowd delegates democrats republicans
""".split())
QUOTE_DOCUMENT_NOUNS = frozenset("""
report account transcript study poll survey memo document filing complaint lawsuit suit ruling
statement letter ad advertisement video website
""".split())
# Head nouns of an epithet that stands for a person named before ("the Texas senator said", "the former
# secretary of state", "the New York businessman"). Words that introduce someone new (spokesman,
# official, source, aide, analyst) are deliberately absent.
QUOTE_EPITHET_NOUNS = frozenset("""
president senator governor candidate nominee frontrunner front-runner businessman businesswoman
billionaire magnate mogul tycoon socialist congressman congresswoman secretary lady mayor speaker
chairman chairwoman chancellor minister premier monarch king queen pontiff pope hopeful contender
rival challenger incumbent populist
""".split())

# ---------------------------------------------------------------- quotes: small word lists of the rules
# (section owned by the quotes stage; moved out of pipeline/document/quotes/ logic, one list per concept)
# Small words that may stay lower-case in a quoted title ("A Time for Truth"): not a quote.
QUOTE_TITLE_SMALL_WORDS = frozenset("a an the of for and in on to at with or".split())
# Articles dropped from the front of a speaker's display name (lower-case and capitalised).
QUOTE_ARTICLES = ("the", "a", "an")
# Relative pronouns that stand for the noun they modify ("Lynch, who told Congress").
QUOTE_RELATIVE_PRONOUNS = frozenset("who which that".split())
# Quantifiers heading a group speaker: "one of those advisers", "some of the protesters".
QUOTE_QUANTIFIERS = frozenset("one some many several few most two three four five".split())
# Generic speaker heads whose modifiers belong to the speaker ("a source close to the framework").
QUOTE_GENERIC_HEADS = frozenset("source sources official officials spokesman spokeswoman spokesperson representative "
                                "member members head chief leader leaders".split())
# Words between "the" and a role noun that make it someone new, not an epithet ("the other senator").
QUOTE_NOT_EPITHET_WORDS = frozenset("other same new next".split())
# Pronouns that stand for one person ("he said"), and for people, one or several.
QUOTE_PERSON_PRONOUNS = frozenset("he she".split())
QUOTE_PEOPLE_PRONOUNS = frozenset("he she they".split())
# "said in/through a statement from/by/of X": prepositions before the statement noun, and before its source.
QUOTE_STATEMENT_PREPS = frozenset("in through".split())
QUOTE_STATEMENT_SOURCE_PREPS = frozenset("from by of".split())
# Tokens right before a bare name credited with a colon ("- Carl Bialik:", "more from Reuters:").
QUOTE_CREDIT_INTRODUCERS = frozenset(["-", "\u2014", "\u2013", "from", "by"])
# Verbs whose direct object is the addressee, not the content ("…," he told reporters / asked him):
# after a quote they still attribute it.
QUOTE_ADDRESSEE_VERBS = frozenset("tell ask".split())
# Reporting verbs that, even with a complement ("He told reporters."), lead into the next quote.
QUOTE_LEAD_IN_OBJECT_VERBS = frozenset(["tell"])


# ---------------------------------------------------------------- input files
# Leading bytes of file types that are not articles (the type is sniffed, not taken from the name).
BINARY_SIGNATURES = {
    b"%PDF": "a PDF document", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"PK\x03\x04": "a zip archive", b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive", b"7z\xbc\xaf": "a 7-zip archive", b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "a program", b"MZ": "a Windows program", b"SQLite format 3": "an SQLite database",
    b"ID3": "an MP3 file", b"OggS": "an Ogg file", b"RIFF": "a RIFF (WAV/AVI/WebP) file",
    b"\x00\x00\x00\x18ftyp": "an MP4 file", b"\x00\x00\x00\x20ftyp": "an MP4 file",
}
# Characters with no visible form: zero-width marks and bidi controls (Trojan-Source tricks).
INVISIBLE_CHARS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff\u00ad"


# ---------------------------------------------------------------- entities / actors / dates: small word lists
# (block owned by the entities, actors and dates stages; moved out of their logic, one list per concept)
# Words dropped before a title that leads a name ("the", "of" in "the US Secretary of Defense").
ROLE_LEAD_WORDS = frozenset({"the", "of", "for", "to", "and"})
# Prepositions after a title that make it someone else's when another title or the name follows: "an
# aide to President Obama" (Obama's role is "President"), "a senior adviser to the Clinton campaign"
# (no role for the campaign); "Secretary for Defense" is one title.
ROLE_OWNER_PREPS = frozenset({"to", "for"})
# Transliteration rewrites for a spelling-insensitive key (Haniyeh/Hanieh), applied in this order.
TRANSLIT_REWRITES = (("ou", "u"), ("oo", "u"), ("ee", "i"), ("iy", "i"), ("q", "k"))
# Name prefixes that are not name+title glue: "McDonald", "DeGaulle", "MacArthur" stay one name.
GLUE_PREFIXES = frozenset({"Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O", "Al", "El"})
# Prepositions between a title and the place or organisation it is of ("Ambassador to Russia").
TITLE_LINK_PREPS = ("to", "of")
# Words joining two surnames into one firm's name ("Duffour et Igon", "Marks & Spencer").
NAME_JOINERS = ("et", "&", "und")
# Words left before a dropped company legal form ("Smith & Co" -> "smith").
COMPANY_NAME_JOINERS = ("&", "and")
# Values of the aliases.csv "hidden" column that mean yes.
ALIAS_TRUE_WORDS = ("1", "true", "yes", "y", "t", "x", "hidden")
# Prepositions before a month that make it a date ("in June", "between March …"); regex order.
MONTH_CUE_PREPS = ["in", "since", "by", "until", "till", "through", "during", "from", "of", "before", "after",
                   "around", "for", "to", "and", "between"]
# "June last year": the word before "year" and the year's offset from the publication's.
YEAR_REL_OFFSETS = {"this": 0, "last": -1, "next": 1}
# Modifiers before a weekday ("last Friday", "this coming Monday"); regex order.
WEEKDAY_MODIFIERS = ["last", "next", "this", "this coming", "this past"]
# Edge words before a weekday or day word ("early Friday", "late yesterday"); regex order.
DAY_EDGE_WORDS = ["early", "late", "earlier", "later"]
# Prepositions before "year-end" ("by year-end", "at year's end"); regex order.
YEAR_END_PREPS = ["by", "at", "before", "until", "till", "around", "since", "after"]
# Nouns after a holiday name that make it a period, not the day ("Christmas holidays"); regex alternatives.
HOLIDAY_NOT_BEFORE = ["week", "weekend", "holidays?", "season", "break", "period", "sales", "shopping", "rush"]
# Verbs of a market closing the trading day ("ended the day"); regex order.
TRADEDAY_VERBS = ["end", "ends", "ended", "ending", "finish", "finishes", "finished", "finishing", "close",
                  "closed", "closing"]
# Month names that are also verbs: a year-less "may 5" must read as a proper noun.
MONTH_VERB_WORDS = ("may", "march")
# Text right before an expression that makes it future ("as early as Tuesday", "as soon as Friday").
FUTURE_CUE_BEFORE = r"\bas (?:early|soon) as\s*$"
# Prepositions of an open-ended period ("remain closed until Friday").
UNTIL_PREPS = ("until", "till")
# Auxiliaries of a past-tense verb phrase; with "have"/"has" (the perfect) they also make a verb past.
PAST_AUXES = frozenset({"had", "was", "were", "did"})
PAST_OR_PERFECT_AUXES = PAST_AUXES | {"have", "has"}
