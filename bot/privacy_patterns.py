"""The patterns behind bot/privacy.py. What each one removes, what it keeps and why is written
in that module's docstring; here are the expressions and the small helpers they need. Nothing
here imports from bot, so bot/privacy.py can import this module (and re-export its names)."""

from __future__ import annotations

import re

EMAIL_MARK, PHONE_MARK, HANDLE_MARK = "[email removed]", "[phone removed]", "[handle removed]"
SSN_MARK, DATE_MARK, ID_MARK = "[ssn removed]", "[date removed]", "[id removed]"

#: An email address (also usable with ``fullmatch`` to check an address is well formed). The
#: lookbehind makes a match start only at the start of a run of local-part characters, so a
#: long run without an ``@`` is scanned once, not once per character.
EMAIL = re.compile(r"(?<![\w.+\-\]])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # "]": see "Order, marks..." in privacy.py

# --- written out: "jane dot doe at gmail dot com", "jane(at)gmail(dot)com" ---------------------
_AT_SIGN = r"[ \t]{0,2}(?:@|[(\[{<][ \t]?at[ \t]?[)\]}>])[ \t]{0,2}"  # "@" with spaces, "(at)", "[at]"
_DOT = r"(?:[ \t]{0,2}(?:\.|[(\[{<][ \t]?dot[ \t]?[)\]}>])[ \t]{0,2}|[ \t]{1,2}dot[ \t]{1,2})"
_LABEL = r"[^\W_][\w-]{0,62}"
_TLD = r"(?:com|net|org|edu|gov|mil|us|io|co|uk|ca|me|info|biz|app|dev|ai|tv|au|de|fr|es|mx|nz|ie)"
#: Mail services: "jane at gmail.com" is an address, "more at bls.gov" is not (see obfuscated_email).
MAIL_SERVICES = frozenset(
    "gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol protonmail proton gmx zoho "
    "mail comcast att verizon sbcglobal".split()
)
OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+\-\]'\u2019])(?P<local>[\w+-]{{1,64}}(?:{_DOT}[\w+-]{{1,64}}){{0,3}})"
    rf"(?P<at>{_AT_SIGN}|[ \t]{{1,2}}at[ \t]{{1,2}})"
    # not "the dot on the gauge" ("at a dot com company" neither)
    rf"(?!(?:the|a|an|my|your|our|this|that|his|her|their)\b)"
    rf"(?P<domain>{_LABEL}(?:{_DOT}{_LABEL}){{0,3}}{_DOT}{_TLD}|gmail|hotmail|icloud|ymail|protonmail)"
    # the name ends here (a digit after a dot may start a phone number: looked at later)
    r"(?![\w-]|\.[^\W\d])",
    re.IGNORECASE,
)
#: What a text needs for OBFUSCATED_EMAIL to find anything: an "@", " at ", "(at)"...
AT_WORD = re.compile(r"[@ \t(\[{<](?:(?<=@)|[Aa][Tt][ \t)\]}>])")
_WORD_ONLY = re.compile(r"[^\W\d_]+")
_SAID_DOT = re.compile(r"(?<!\w)dot(?!\w)", re.IGNORECASE)
_FIRST_LABEL = re.compile(r"[\w-]*")


def obfuscated_email(match: "re.Match[str]") -> str:
    """EMAIL_MARK for a written-out address: "@" or "(at)", or "at" with an address-like name
    ("jane.doe", "jdoe22"), a spoken "dot" or a mail service ("jane at gmail.com"); else the
    text as it is ("more at bls.gov", "i'm at school.com")."""
    domain = match["domain"]
    if (
        match["at"].strip().lower() != "at"
        or not _WORD_ONLY.fullmatch(match["local"])
        or _SAID_DOT.search(domain)
        or _FIRST_LABEL.match(domain)[0].lower() in MAIL_SERVICES  # type: ignore[index]
    ):
        return EMAIL_MARK
    return match.group()


# --- social media handles: "@jane_doe", "my insta is jane_doe", "snap: jdoe22" ---------------
# letters, digits, "_" and inner dots, not only digits ("youtube: 49,500 a year" has no handle)
_HANDLE = r"(?=[\w.]{0,50}[^\W\d])[A-Za-z0-9_](?:\w|\.(?=\w)){0,49}(?:#\d{4})?(?![\w@])"
#: @name on its own (email addresses are removed before). Starts with the "@" (then looks
#: behind it), so a text is scanned for "@" at full speed.
AT_HANDLE = re.compile(r"@(?<![\w.+\-@\]]@)" + _HANDLE)
#: Site names a handle may follow (lowercase; each as it starts in SITE_HANDLE).
SITES = (
    "insta ig snap tik twitter discord telegram kik facebook fb youtube yt twitch reddit github roblox steam "
    "xbox psn gamertag threads bluesky bsky pinterest tumblr vsco user"
).split()
# Words that follow a site's name but are no handle: "my insta is private", "snap: streaks".
_NOT_HANDLE = (
    r"(?:is|a|an|the|and|or|but|so|to|of|in|on|at|for|from|with|my|your|me|it|its|i|im|not|no|yes|"
    r"private|public|down|broken|dead|gone|new|old|locked|banned|hacked|deleted|blocked|cool|fun|"
    r"too|also|just|really|very|please|pls|lol|account|page|profile|story|stories|post|posts|dms?|"
    r"app|score|streaks?|filters?|map|every|all|now|today|later|same|here|there|name|handle)(?!\w|\.\w)"
)
#: A handle after the site's name: with "is", ":" or "=" any word but _NOT_HANDLE; after just a
#: space, only one with a digit, "_" or "." in it, or an "@" ("youtube videos" is no handle).
SITE_HANDLE = re.compile(
    r"(?P<pre>\b(?:insta(?:gram)?|ig|snap(?:chat)?|tik[ \t]?tok|twitter|discord|telegram|kik|facebook|fb|"
    r"youtube|yt|twitch|reddit|github|roblox|steam|xbox|psn|gamertag|threads|bluesky|bsky|pinterest|tumblr|"
    r"vsco|user[ \t]?name)(?:[ \t]{1,2}(?:handle|user[ \t]?name|name|id|account|acct|tag))?"
    r"(?:(?:[ \t]{0,2}[:=][ \t]{0,2}|[ \t]{1,2}(?:is|=)[ \t]{1,2})(?!" + _NOT_HANDLE + r")"
    r"|[ \t]{1,2}(?=@|[^\W\d_]{0,50}(?:[\d_]|\.\w))))@?" + _HANDLE,
    re.IGNORECASE,
)

# --- phone numbers ------------------------------------------------------------------------------
_SEP = "[ .\\-\u00a0\u2009\u202f\u2010-\u2015\u2212]"  # one separator: space, dot, hyphens, dashes
_SP = "[ \\t\u00a0\u2009\u202f]"  # a space or a tab
# A separator in a 10-digit North American number: up to 3 spaces or tabs, or a dot or dash with
# up to 3 on either side ("555 -  123 - 4567", "555\t123\t4567").
_WIDE = f"(?:{_SP}{{0,3}}[.\\-\u2010-\u2015\u2212]{_SP}{{0,3}}|{_SP}{{1,3}})"
_HARD = "[.,\\-/:\u2010-\u2015\u2212]"  # punctuation that joins a number to the next digits
_INTL_SEP = f"(?:{_SEP}?\\(|\\){_SEP}?|{_SEP})"  # as _SEP, or around a parenthesised group
# A North American number that may come right after another one and a "/" or ",":
# "555-123-4567/555-987-6543" (both ends of the join check it, so redacting twice changes nothing).
_NEXT = rf"(?=(?:1{_WIDE}?)?(?:\(\d{{3}}\){_WIDE}?|\d{{3}}{_WIDE}?)?\d{{3}}{_WIDE}?\d{{4}}(?![\w%]))"
# A detail ends here: no letter, digit or "%" after it, and if it ends in a digit, no punctuation
# and a digit (as a phone number ends: one may follow after "/" or ",", see _NEXT).
_ENDS = rf"(?![\w%])(?:(?<!\d)|(?!{_HARD}\d)|(?<=\d{{4}})(?=[/,]{_NEXT}))"
PHONE = re.compile(
    r"(?:"
    # Shapes starting with "+" or "(": not glued to a letter, "+" or currency sign before them,
    # but they may follow a digit ("555-123-4567(555) 987-6543": one number right after another).
    r"(?<![^\W\d]|[+$\u00a3\u20ac\u00a5#])(?:"
    # + and 8-15 digits, grouped any way
    rf"\+\(?\d(?:{_INTL_SEP}?\d){{7,14}}"
    # North American 3-3-4 with the area code in parentheses
    rf"|\(\d{{3}}\){_WIDE}?\d{{3}}{_WIDE}?\d{{4}}"
    # The other shapes begin with a digit: not glued to a letter, digit, "+" or currency sign, nor
    # to a digit and punctuation, except a number and "/" or "," (two numbers joined, see _NEXT).
    r")|(?<![\w+$\u00a3\u20ac\u00a5#])(?:(?<!\d" + _HARD + r")|(?<=\d{4}[/,])" + _NEXT + r")(?:"
    # 0, another digit, and 8-9 more: 10-11 digits
    rf"0\d(?:{_SEP}?\d){{8,9}}"
    # North American 3-3-4 or all together, maybe with a leading 1
    rf"|1{_WIDE}?(?:\(\d{{3}}\){_WIDE}?|\d{{3}}{_WIDE}?)\d{{3}}{_WIDE}?\d{{4}}"
    rf"|\d{{3}}{_WIDE}?\d{{3}}{_WIDE}?\d{{4}}"
    # every digit spaced out: 10, or 11 with a leading 1
    rf"|(?:1{_SEP})?\d(?:{_SEP}\d){{9}}"
    # 7 digits as 3+4
    rf"|\d{{3}}{_SEP}\d{{4}}"
    r"))"
    # an extension: "x12", " ext 12", " ext. 12", " extension 12"
    r"(?P<ext>[ \t]{0,2}(?i:x|ext\.?|extension)[ \t]{0,2}\d{1,6})?"
    # not glued to what comes after, except a second number after "/" or "," (see _NEXT)
    rf"(?![\w%])(?:(?!{_HARD}\d)|(?<=\d{{4}})(?=[/,]{_NEXT}))"
)
# Digits running on right after a number we removed (spaced-out numbers back to back): removed too,
# when they end as a phone number does.
RUN_ON = re.compile(r"\[phone removed\](?: \d){7,}(?! \d)" + _ENDS)
_DIGITS = re.compile(r"\d+")
#: North American toll-free area codes: "800-600-7000" is a phone number, not round amounts.
TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


def phone(match: "re.Match[str]") -> str:
    found = match.group()
    number = found[: match.start("ext") - match.start()] if match.group("ext") else found
    groups = _DIGITS.findall(number)
    if number[0] != "+" and all(g.endswith("00") for g in groups):
        if groups[0] == "1":
            groups = groups[1:]
        if len(groups) == 1 and len(groups[0]) == 11 and groups[0][0] == "1":
            groups[0] = groups[0][1:]
        # toll-free: the area code is a group of its own ("800-600-7000") or all is together
        if not (groups[0] in TOLL_FREE or (len(groups) == 1 and len(groups[0]) == 10 and groups[0][:3] in TOLL_FREE)):
            return found  # round amounts: "300 400 5000", "1800 100 1000"
    return PHONE_MARK


# --- numbers that identify: social security numbers, dates of birth, student ids ---------------
_DASH = "[\\-\u2010-\u2015\u2212]"
#: 3-2-4 digits with the same dash or space between (123-45-6789, 123 45 6789), standing apart
#: like a phone number. Starts with a digit (then looks behind it): digits are found at full speed.
SSN = re.compile(
    rf"\d(?<![\w+$\u00a3\u20ac\u00a5#\]]\d)(?<!\d{_HARD}\d)\d\d(?P<sep>{_DASH}| )\d\d(?P=sep)\d{{4}}{_ENDS}"
)
#: Nine digits after "ssn" or "social (security) (number)": 123456789, 123.45.6789.
SSN_SAID = re.compile(
    r"(?P<pre>\b(?:ssn|ss#|social(?:[ \t]{1,2}security)?(?:[ \t]{1,2}(?:number|num|no\.?|#))?)"
    r"(?:[ \t]{0,2}[:#=\-][ \t]{0,2}|[ \t]{1,2}(?:is|was)[ \t]{1,2}|[ \t]{1,2}){1,2})"
    rf"\d{{3}}[ .\-]?\d{{2}}[ .\-]?\d{{4}}{_ENDS}",
    re.IGNORECASE,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# Between the word and the detail: ":", "-", "is", "was", "on", "the"... ("my birthday is on the")
_FILL = r"(?:[ \t]{0,2}[:=#\-,][ \t]{0,2}|[ \t]{1,2})(?:(?:is|was|on|in|the|of|it's|its|=)[ \t]{1,2}){0,3}"
#: A date after "born", "birthday", "bday", "dob", "date of birth" (a year alone stays).
DATE_OF_BIRTH = re.compile(
    r"(?P<pre>\b(?:born|birthday|bday|b-day|dob|d\.o\.b\.?|date[ \t]of[ \t]birth|birth[ \t]?date)" + _FILL + ")"
    r"(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}[-/.]\d{1,2}(?:[-/.](?:\d{4}|\d{2}))?"
    rf"|{_MONTH}\.?[ \t]{{1,2}}{_DAY}(?:,?[ \t]{{1,2}}\d{{4}})?"
    rf"|{_DAY}(?:[ \t]{{1,2}}of)?[ \t]{{1,2}}{_MONTH}(?:\.?,?[ \t]{{1,2}}\d{{4}})?"
    rf"|{_MONTH}\.?,?[ \t]{{1,2}}\d{{4}}){_ENDS}",
    re.IGNORECASE,
)
#: A number (maybe with up to 3 letters before it) after "student id", "student number",
#: "school id", "my id", "id#", "id no", "id number": 20231234, S1234567, 445-566.
STUDENT_ID = re.compile(
    r"(?P<pre>\b(?:(?:student|pupil)[ \t]{0,2}(?:id|i\.d\.?|number|num|no\.?|#)"
    r"|(?:school|lunch|library|my)[ \t]{0,2}(?:id|i\.d\.?)"
    r"|id[ \t]{0,2}(?:#|no\.?|num(?:ber)?))(?:[ \t]{0,2}(?:number|num|no\.?|#|card))?"
    r"(?:[ \t]{0,2}[:#=\-][ \t]{0,2}|[ \t]{1,2}(?:is|was)[ \t]{1,2}|[ \t]{1,2}){0,2})"
    rf"#?[a-z]{{0,3}}\d[\d\-]{{1,14}}\d{_ENDS}",
    re.IGNORECASE,
)

# --- street addresses: "1234 Oak Street, Springfield IL 62704", "123 n main st apt 4" ----------
ADDRESS_MARK = "[address removed]"
_STREET = (
    r"street|st|avenue|ave|av|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|circle|cir|place|pl|terrace|"
    r"ter|parkway|pkwy|highway|hwy|trail|trl|expressway|expy|freeway|fwy|turnpike|tpke|square|sq"
)
# Street words that are everyday words too ("pay way more"): only capitalised, "Maple Way".
_STREET_CAPITALISED = "|".join(
    w
    for word in "Way Loop Run Path Row Point Plaza Alley Pike Crossing Cove Ridge Heights".split()
    for w in (word, word.upper())
)
_DIRECTION = r"(?:north|south|east|west|northeast|northwest|southeast|southwest|ne|nw|se|sw|n|s|e|w)"
# Words that are no part of a street's or a city's name: "3 years on Main Street", "a 30 minute drive".
_NOT_A_NAME = (
    r"(?:a|an|the|and|or|but|of|to|in|on|at|for|from|by|with|near|off|into|over|under|my|your|our|their|his|"
    r"her|its|this|that|is|are|was|were|be|i|im|it|jobs?|years?|yrs|hours?|hrs?|minutes?|mins?|miles?|mi|km|"
    r"days?|weeks?|months?|dollars?|bucks|percent|people|students?|kids|times?|grades?|classes|class|credits?|"
    r"points|zip|apt|unit|suite)(?![\w'\u2019])"
)
_NAME_WORD = rf"(?:(?=[a-z])(?!{_NOT_A_NAME})[a-z][a-z'\u2019]{{0,20}}|\d{{1,3}}(?:st|nd|rd|th))"
_UNIT = (
    r"(?:apt|apartment|unit|suite|ste|room|rm|fl|floor|bldg|building|lot|#)\.?[ \t]{0,2}#?[ \t]{0,2}"
    r"(?:\d{1,5}[a-z]?|[a-z]\d{0,4})(?![\w'\u2019])"
)
_CITY_WORD = rf"(?=[a-z])(?!{_NOT_A_NAME})[a-z][a-z.'\u2019\-]{{0,24}}"
# the town and a ZIP code, or the town and a state's capitals: ", Springfield IL 62704"
_PLACE = (
    rf"(?:(?:{_CITY_WORD},?[ \t]{{1,2}}){{0,3}}(?:[a-z]{{2}}[ \t]{{1,2}})?\d{{5}}(?:-\d{{4}})?{_ENDS}"
    rf"|{_CITY_WORD}(?:[ \t]{{1,2}}{_CITY_WORD}){{0,2}},?[ \t]{{1,2}}(?-i:[A-Z]{{2}})(?![\w'\u2019]))"
)
#: What ADDRESS needs besides a digit: the start of a street word (lowercase).
STREET_WORDS = tuple(
    "st av rd road blvd boulevard ln lane dr ct court cir pl ter pkwy parkway hwy highway trail trl expy "
    "expressway fwy freeway tpke turnpike sq way loop run path row point plaza alley pike crossing cove ridge "
    "heights".split()
)
#: A house number, a street's name (1-4 words, maybe after a direction) and a street word; then
#: maybe a direction, a unit and the town. Starts with a digit (then looks behind it).
ADDRESS = re.compile(
    r"\d(?<![\w$\u00a3\u20ac\u00a5#.,\]/:+\-]\d)\d{0,5}[a-z]?[ \t]{1,2}"
    rf"(?:{_DIRECTION}\.?[ \t]{{1,2}})?(?:{_NAME_WORD}[ \t]{{1,2}}){{1,4}}"
    rf"(?:{_STREET}|(?-i:{_STREET_CAPITALISED}))(?![\w'\u2019])"
    rf"(?:\.?[ \t]{{1,2}}{_DIRECTION}(?![\w'\u2019]))?"
    rf"(?:\.?,?[ \t]{{1,2}}{_UNIT})?"
    rf"(?:\.?,?[ \t]{{1,2}}{_PLACE})?",
    re.IGNORECASE,
)
#: "PO Box 123", "P.O. Box #45".
PO_BOX = re.compile(r"\bp\.?[ \t]?o\.?[ \t]{0,2}box[ \t]{0,2}#?[ \t]{0,2}\d{1,6}(?![\w'\u2019])", re.IGNORECASE)

# --- names in self-introductions: "my name is Jane Doe", "call me Ana", "this is maria garcia" ---
NAME_MARK = "[name removed]"
#: Common first names (lowercase), for "i'm jose" and "this is maria": not ones that are everyday
#: words too ("i'm frank", "it's may", "this is hope", "i'm hunter" stay).
FIRST_NAMES = frozenset(
    """
    aaliyah aaron abigail adam addison adeline adrian adriana ahmed aiden aisha alejandra alejandro alex
    alexander alexis ali alice alicia allison alyssa amanda amelia amina amir amy ana andre andrea andres
    andrew angela angelica anjali anna anthony antonio anya ariana aria arjun asher ashley audrey aurora
    austin ava avery axel ayden bella ben benjamin bennett bianca brandon brayden brian brianna brittany
    brooke bryan bryson caleb camila cameron carlos carmen caroline carson carter casey catalina cesar
    charles charlie charlotte chen chloe chris christian christopher claire clara cody colton connor
    cooper daniel daniela danny darnell david deja deshawn destiny devin diana diego dominic dylan easton
    eduardo elena eli elias elijah elizabeth ella ellie emilia emilio emily emma eric erik ethan evan
    evelyn ezekiel ezra fatima fernanda fernando francisco gabriel gabriela gael gianna giovanni grayson
    greyson guadalupe hailey hannah harper hassan hector henry ian ibrahim imani isaac isabella isaiah
    isla ivan jace jack jackson jacob jada jake jalen jamal james jamie jasmine jason javier jaxon jayden
    jennifer jeremiah jesse jessica jesus jin joel john jonah jonathan jordan jorge jose joseph josh joshua
    josiah juan julia julian justin kai kaitlyn kayla kaylee keisha kennedy kevin kiara kimberly kyle
    landon lauren layla leah leila leo leonardo levi liam lily lincoln logan lucas lucia lucy luis luka
    luna lupe mackenzie madelyn madison makayla malik manuel marco marcus maria mariah mariana mario
    marisol mateo matthew maya megan mei mia micah michael miguel mila milo mohammed morgan muhammad
    nadia naomi natalia natalie nathan nathaniel nevaeh nicholas nicole noah noor nora olivia omar oscar
    owen pablo paisley parker pedro penelope peyton priya quinn rafael ramon raul riley roberto rohan
    rowan ryan ryder samantha samuel santiago sara sarah savannah scarlett sebastian sergio shane sofia
    sophia sophie stella tanisha taylor thomas tiana travis trey tyler valentina valeria vanessa victor
    victoria vikram violet wei wesley weston william wyatt ximena xavier yasmin yusuf zachary zainab zoe
    zoey
    """.split()
)
# Words never taken for a name, and where one ends: "call me back", "i'm a junior", "this is my
# friend", "my name is jane and i..." (a word that starts a name phrase is one of them, so no
# phrase is passed over).
_NOT_NAME = (
    r"(?:a|an|the|and|or|but|nor|so|to|of|in|on|at|for|from|with|by|as|if|than|then|is|am|are|was|were|be|"
    r"been|not|no|yes|yeah|yep|nope|ok|okay|please|pls|plz|thanks|thank|thx|ty|lol|lmao|idk|haha|hi|hey|"
    r"hello|yo|this|that|these|those|it|its|it's|i|i'm|im|i'd|i'll|i've|me|my|mine|myself|we|us|our|you|"
    r"your|u|ur|he|she|they|them|their|his|her|him|who|what|when|where|why|how|which|there|here|back|"
    r"later|tomorrow|today|tonight|now|soon|again|anytime|maybe|sometime|asap|too|also|just|really|very|"
    r"still|even|only|already|ever|never|always|want|wanna|need|like|love|hate|live|go|gonna|got|get|have|"
    r"has|had|do|does|did|can|could|will|would|should|might|must|think|know|see|say|said|tell|ask|call|"
    r"called|calls|name|names|named|nickname|btw|fyi|tbh|omg|bro|bruh|dude|everyone|everybody|people|"
    r"friends|soy|mi|llamo|nombre|es|y|tengo|sure|ready|done|good|fine|great|cool|nice|new|home|school|"
    r"student|freshman|sophomore|junior|senior|grade|years|year|old|kid|teen|guy|girl|boy|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|secret|private|whatever|something|anything|nothing)"
    r"(?![\w'\u2019\-])"
)
_NAME = r"[^\W\d_]{1,40}(?:['\u2019\-][^\W\d_]{1,40}){0,2}(?![^\W\d_])(?!['\u2019\-][^\W\d_])"
_I_AM = r"(?:i'?m|i\u2019m|im|i[ \t]{1,2}am)"
#: A name phrase and up to three words after it (see name() for which are taken).
NAME = re.compile(
    # always a name: "my name is", "i'm called", "they call me", "i go by", "name:"...
    r"(?:(?P<strong>\b(?:my[ \t]{1,2}(?:(?:full|first|last|real|given|middle|nick)[ \t]?)?name"
    r"(?:[ \t]{1,2}is|'s|\u2019s|s)"
    rf"|{_I_AM}[ \t]{{1,2}}(?:called|named)"
    r"|(?:they|people|everyone|everybody|friends|you[ \t]{1,2}can|u[ \t]{1,2}can|just)[ \t]{1,2}calls?[ \t]{1,2}me"
    r"|i[ \t]{1,2}go[ \t]{1,2}by|name[ \t]{0,2}[:=]|me[ \t]{1,2}llamo|mi[ \t]{1,2}nombre[ \t]{1,2}es))"
    # a capitalised word or a first name: "call me Ana"; "this is Maria" starting a sentence
    r"|(?P<call>\bcall[ \t]{1,2}me)"
    r"|(?P<start>(?:(?<![^.!?\n])[ \t]{0,3}|\b(?:hi|hey|hello|hiya|heya|yo|howdy)[ \t,!.:\-]{1,4})"
    r"(?:this[ \t]{1,2}is|it'?s|it\u2019s|it[ \t]{1,2}is))"
    # a first name only: "i'm jose" ("i'm interested", "i'm a welder" stay)
    rf"|(?P<first>\b(?:{_I_AM}|soy)))"
    rf"(?:(?<=[:=])[ \t]{{0,3}}|[ \t]{{1,3}})"
    rf"(?P<s>(?!{_NOT_NAME}){_NAME}(?:[ \t]{{1,2}}(?!{_NOT_NAME}){_NAME}){{0,2}})",
    re.IGNORECASE,
)
#: What NAME needs: a word (lowercase) one of which each name phrase has.
NAME_PHRASE_WORDS = ("name", "call", "this", "it", "i'm", "i\u2019m", "im", "am", "go", "llamo", "nombre", "soy")
_NAME_WORDS = re.compile(_NAME)


def _name_like(word: str) -> bool:
    """A first name, or a capitalised word that is no "-ing" / "-ed" / plural word ("This is Welding")."""
    if word.lower() in FIRST_NAMES:
        return True
    return word[0].isupper() and not (len(word) > 1 and word.isupper()) and not word.endswith(("ing", "ed", "s"))


def _ends_a_name(word: str) -> bool:
    """A lowercase "-ing" / "-ed" word: "i'm maria looking for work", "jose interested in" (not "Manning")."""
    return word.islower() and word.endswith(("ing", "ed"))


def name(match: "re.Match[str]") -> str:
    """The match with its name words replaced by NAME_MARK: after a "strong" phrase the words as
    they come; after "call me" or a sentence's "this is" a name-like first word; after "i'm" a
    first name. Lowercase "-ing" / "-ed" words end a name ("i'm maria looking for work")."""
    words = list(_NAME_WORDS.finditer(match["s"]))
    first = words[0][0]
    if match["first"] is not None and first.lower() not in FIRST_NAMES:
        return match.group()
    if match["strong"] is None and match["first"] is None and not _name_like(first):
        return match.group()
    taken = 1
    while taken < len(words) and not _ends_a_name(words[taken][0]):
        taken += 1
    start, end = match.start("s") - match.start(), match.start("s") - match.start() + words[taken - 1].end()
    return match.group()[:start] + NAME_MARK + match.group()[end:]
