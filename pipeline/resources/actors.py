"""Entities and actors: NER labels, organisation and place words, variants, capitals."""
from __future__ import annotations

import re  # noqa: F401

from .text import *  # noqa: F401,F403 - earlier lists this one builds on
from .common import *  # noqa: F401,F403 - earlier lists this one builds on

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
