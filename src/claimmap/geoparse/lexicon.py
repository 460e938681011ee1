"""Small closed word lists the recogniser uses to reject or propose spans.

These are general English (and common Slavic) vocabulary, written for this project;
none is tuned to an evaluation set. Everything is lower case.
"""

from __future__ import annotations

import re
from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS: Final = _words(
    "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sep sept oct nov dec"
)
WEEKDAYS: Final = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs"
    " fri sat sun"
)

# Words that, capitalised, introduce a person: "President X", "General X", "Mr. X".
PERSON_TITLES: Final = _words(
    """president general gen colonel col lieutenant lt major maj captain capt sergeant sgt
    mr mrs ms miss dr doctor prof professor sen senator rep representative gov governor
    mayor minister commander chief judge justice officer deputy detective pastor rev
    reverend father sister brother king queen prince princess sir lord lady pope bishop
    admiral marshal chancellor premier secretary spokesman spokeswoman spokesperson
    coach director chairman ceo ambassador councilman councilwoman commissioner sheriff
    vice patriarch envoy aide analyst expert correspondent sgt mrs rev gov dr
    jr sr pct inc ltd corp cpl pvt det insp supt cmdr sens reps gens
    const constable trooper patrolman patrolwoman inspector superintendent corporal
    investigator councillor alderman alderwoman selectman selectwoman prosecutor
    speaker chairwoman chairperson rabbi imam archbishop cardinal priest adm mp"""
)

# A sample of very common given names (English, Ukrainian and Russian, Arabic,
# Hebrew). A capitalised word from this list directly followed by another capitalised
# word is a person.
FIRST_NAMES: Final = _words(
    """james john robert michael william david richard joseph thomas charles christopher
    daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george
    timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry
    justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
    jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah
    jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan
    jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah
    randy roy vincent ralph eugene russell bobby mason philip louis mary patricia jennifer
    linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra
    ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie
    rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole
    helen samantha katherine christine debra rachel carolyn janet catherine maria heather
    diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
    kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle
    beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori alex
    vladimir volodymyr dmitry dmitri dmytro sergei sergey serhiy oleksandr olexander
    alexei aleksei oleksiy andrei andriy andrii mikhail mykhailo ivan igor ihor yuri yuriy
    yury viktor victor valery valeriy valerii nikolai mykola pavel pavlo petro pyotr
    boris denis denys maxim maksym anatoly anatoliy vitaly vitaliy vitali oleg oleh
    konstantin kostiantyn roman ruslan arseniy arseny evgeny yevgeny yevhen gennady
    hennadiy vasily vasyl leonid stanislav vadim vadym ramzan sergiy kyrylo kirill ilya
    illia natalia nataliya olga olha irina iryna tatiana tetiana svetlana yulia yuliia
    elena olena ekaterina kateryna anastasia oksana lyudmila liudmyla marina maryna
    galina halyna valentina hanna tatyana nataliia natalya yekaterina mariia anastasiia
    svitlana daria darya viktoriia larysa larisa valentyna nadiya nadezhda khrystyna
    sofiia veronika oleksandra alexandra ksenia kseniia ivanna solomiia yevheniia evgenia
    taras bohdan yaroslav stepan ostap artem artyom danylo fedir fyodor nazar orest
    rostyslav serhii svyatoslav valentyn yehor egor yurii zakhar arsen anatolii borys
    vitalii viacheslav vyacheslav aleksandr aleksey andrey masha sasha dasha natasha
    misha pasha kolya vanya zhenya tanya katya olya nastya dima
    liz beth kate tony steve sam nick dan chris jon andy pete jake bernie chuck nikki
    marjorie vivek mateusz andrzej ursula josep annalena kaja gabrielius petr giorgia
    pedro fumio luiz cyril ebrahim avril
    mohammed muhammad ahmed ali hassan hussein omar mahmoud
    abdullah ibrahim khalid yusuf benjamin yitzhak moshe avigdor ehud ariel shimon
    emmanuel angela olaf boris rishi keir justin recep tayyip xi narendra jens antony
    lloyd kamala nancy hillary barack joe dick mitt
    abraham isaac caleb levi eli luke liam lucas connor cody chad brent
    trent travis dustin derek shane todd craig glenn wade neil rex
    tim tom jim jimmy mike mitch dave don ron ken rick bob bill ted fred ed greg jeff jay
    kurt curtis marcus darryl darrell leroy lamar tyrone terrence dwayne reggie
    colin kristina kristin kirsten nadia hailey haley kaitlyn courtney brittany tiffany
    crystal erin erica tara tina stacy stacey wendy holly molly jill jodi kathy
    cathy peggy sally sue becky vicki misty bonnie connie carla sheila gina dana marcia
    lindsey lindsay melanie monica veronica vanessa brooke paige whitney
    chelsea jenna kara keri ellen eleanor irene rita rosa sonia yvonne matt ben katie
    julia winston ray"""
)

# Word-forming prefixes: "Tri-State", "Sub-Saharan", "Anti-Terrorist" are not names.
HYPHEN_PREFIXES: Final = _words("tri sub self non anti pro pre post inter trans pan mid co ex neo")

# Combining forms of peoples' names ("Russo-Ukrainian", "Sino-Russian", "Anglo-Saxon"):
# a hyphenated word of these and demonyms is an adjective, not a place.
COMBINING_FORMS: Final = _words(
    "russo sino anglo franco austro afro greco italo indo euro judeo turco polono ukraino"
    " germano hispano luso nippo"
)

# Nouns that end names of streets, buildings and firms ("Center Street", "Landmark
# Bank"): alone after another capitalised word they are that name's last word.
NAME_ENDINGS: Final = _words(
    "street road avenue lane drive boulevard hall bank park square bridge court tower"
    " house building plaza mall market station"
)

# Compass words: before another name they qualify it ("Northeast Georgia").
DIRECTIONS: Final = _words(
    "north south east west northeast northwest southeast southwest northern southern"
    " eastern western central upper lower greater"
)

# Abbreviated name parts written with a period ("St. Louis", "Mt. Vernon").
ABBREVIATED_PARTS: Final = _words("st ste mt ft pt")

# Words after which a capitalised name names an event or agreement, not the place.
EVENT_HEADS: Final = _words(
    """protests protest revolution uprising accords accord agreement agreements format
    protocol protocols declaration doctrine convention treaty syndrome"""
)

# Institution words after a place name ("Virginia Department of Education", "Georgia
# State Patrol"): the name before them is a place, even when it is also a given name.
INSTITUTION_HEADS: Final = _words(
    """state department board university college council assembly legislature senate
    police patrol highway commission authority agency office national general supreme
    district circuit superior county city"""
)

# Local public bodies and offices after a name ("Torrington Fire Department", "Carthage
# Police Chief", "Woodstock Mayor", "Bloomfield Town Council", "a Kettering Republican"):
# the name is the town or county they serve.
CIVIC_HEADS: Final = _words(
    """mayor police fire sheriff councilman councilwoman selectman selectmen
    township borough village town board schools volunteer public chamber
    historical parks municipal planning zoning housing republican democrat
    aldermen alderman"""
)

# Capitalised, a body's name after a name: "North Atlantic Alliance" is NATO, "the
# Defence Forces" an army (a "Ukraine-Poland-UK alliance" in lower case is made of
# places, and "Kharkiv forces" are a place's).
NAMED_BODY_HEADS: Final = _words("alliance forces")

# Makers of vehicles: the capitalised word after one is a model, often named like a town
# ("Dodge Durango", "Ford Bronco", "Jeep Cherokee", "Toyota Tacoma").
VEHICLE_MAKES: Final = _words(
    """dodge ford chevrolet chevy jeep toyota honda nissan hyundai kia gmc buick pontiac
    chrysler mercury subaru mazda volkswagen bmw audi cadillac plymouth oldsmobile
    saturn lexus acura infiniti volvo lada uaz"""
)

# Words after which a capitalised name is a person's surname, not a place.
SURNAME_CUES: Final = _words("said says told added stated noted warned argued wrote")
# Verbs after a weak single word that make it a person ("Obama believed"); not used to
# mark a word as a person everywhere in the text (countries "insist" too).
PERSON_VERBS: Final = SURNAME_CUES | _words(
    """believed believes thought insisted admitted explained recalled replied
    acknowledged tweeted"""
)

# Place-type words that follow a name and belong to the mention: "Kharkiv Oblast".
REGION_HEADS: Final = _words(
    "oblast region province krai kray raion district county parish governorate"
)

# Phrases that introduce a place name: "city of X", "near X", "liberation of X".
PLACE_INTRODUCERS: Final = (
    "city of",
    "town of",
    "village of",
    "settlement of",
    "outskirts of",
    "capture of",
    "liberation of",
    "fall of",
    "control of",
    "near",
    "towards",
    "toward",
    "outside",
    "village",
    "town",
    "city",
    "settlement",
)

# Endings typical of Slavic toponyms; an unknown capitalised word ending so is a mention.
TOPONYM_SUFFIXES: Final = (
    "sk",
    "ska",
    "ske",
    "ovka",
    "ivka",
    "evka",
    "yivka",
    "pol",
    "pil",
    "pole",
    "grad",
    "hrad",
    "gorod",
    "horod",
    "ovo",
    "ino",
    "ivske",
    "ovske",
    "yne",
    "ivtsi",
)

# Country demonyms and other adjectival forms. They name a people or a quality, not a
# place, in the output (claimmap does not place "Ukrainian forces" in Ukraine's centre).
DEMONYMS: Final = _words(
    """american americans russian russians ukrainian ukrainians british briton britons
    english french german germans italian italians spanish polish pole poles swedish swede
    swedes finnish finn finns norwegian danish dutch belgian swiss austrian hungarian
    czech slovak romanian bulgarian serbian croatian bosnian slovenian greek turkish turk
    turks georgian armenian azerbaijani azeri belarusian belarussian moldovan lithuanian
    latvian estonian chinese japanese korean indian pakistani afghan iranian iraqi syrian
    lebanese israeli israelis palestinian palestinians jordanian egyptian saudi yemeni
    emirati qatari kuwaiti libyan tunisian algerian moroccan sudanese ethiopian somali
    kenyan nigerian ghanaian canadian canadians mexican mexicans brazilian argentine
    argentinian chilean colombian venezuelan cuban australian kazakh uzbek tajik kyrgyz
    turkmen chechen dagestani crimean soviet european europeans african asian western
    eastern nato kremlin donbass arab arabs muslim muslims christian jewish latino
    hispanic"""
) - {"donbass", "kremlin", "nato"}

# Capitalised words that are also place names somewhere but are nearly always common
# words at the start of a sentence or in headlines.
COMMON_CAPITALISED: Final = _words(
    """the a an this that these those it its he she they we you i his her their our my
    there here what when where why how who which while after before during since until
    however but and or so yet also then now today yesterday tomorrow this last next
    police officials reports report according despite meanwhile although because many
    some several most all both each every other such no not one two three four five
    six seven eight nine ten first second third new old good best mission victory
    peace war army forces troops government state city town village region district
    north south east west northern southern eastern western central president general
    union liberty independence justice hope unity friendship progress harmony
    commerce industry enterprise success freedom center centre
    viking as at by for from in into of on to with without if though unless whether
    once upon over under about above across against along among around behind below
    beside between beyond despite inside near off onto outside past per than through
    toward towards via within yes none nothing everything something anything god jesus
    christmas easter downtown uptown midtown metro federal public supreme university
    college school hospital church council congress senate department ministry act law
    bill party navy olympic olympics continental republic"""
)

# Organisations, brands and political parties frequent in reporting whose names are
# also names of some town in GeoNames ("Hamas" for Hamm, "Google" for Topeka; "Mir",
# Russia's card payment system, for a Belarusian town; "Liberal", Kansas).
ORGANISATIONS: Final = _words(
    """hamas hezbollah hizbollah taliban isis daesh wagner google facebook twitter youtube
    telegram tiktok microsoft amazon apple reuters bloomberg gazprom rosatom rosneft
    naftogaz ukrenergo boeing lockheed raytheon nato duma tass interfax xinhua toyota
    honda mir marines
    democrat democrats republican republicans liberal liberals tory tories"""
)

# Weapon systems named in war reporting whose names are also towns somewhere in GeoNames
# ("Iskander": Iskandar, Uzbekistan; "Grad": a Slovenian village; "Buk": a Polish town).
# Never places as a single word; "Patriot", "Leopard" and the like are here for the same
# reason (a town or an alternate name bears each).
WEAPONS: Final = _words(
    """iskander kinzhal kalibr oniks onyx tochka smerch uragan grad tornado bayraktar
    himars javelin nlaw stinger patriot leopard abrams challenger bradley marder gepard
    nasams atacms shahed geran lancet krasnopol excalibur caesar msta buk pantsir sarmat
    zircon tsirkon harpoon neptune vilkha switchblade stryker piorun starstreak gvozdika
    akatsiya giatsint solntsepyok"""
)

# Holidays and feasts: never places, though GeoNames has towns named after some.
HOLIDAYS: Final = _words(
    """passover easter christmas ramadan hanukkah thanksgiving halloween eid diwali
    pentecost lent"""
)

# A name followed by one of these names a military unit ("Azov regiment", "Kraken
# battalion"): the unit, not where anything happened.
UNIT_HEADS: Final = _words("""regiment regiments battalion battalions brigade brigades""")

# A place name followed by one of these names a newspaper or broadcaster ("Washington
# Post", "Kyiv Independent", "New York Times"), not the place.
MEDIA_HEADS: Final = _words(
    """times post journal herald tribune gazette chronicle observer telegraph courier
    inquirer examiner independent pravda"""
)

# Names of buildings and institutions that GeoNames also lists as towns' alternate names.
NON_PLACE_PHRASES: Final = frozenset(
    {"white house", "the post", "the kremlin", "the pentagon", "red cross", "red crescent",
     "santa claus"}
) | (
    # firms whose hyphenated names join two place names ("Wal-Mart": Wal, Mart, Texas)
    _words("wal-mart coca-cola rolls-royce mercedes-benz harley-davidson hewlett-packard"
           " anheuser-busch sherwin-williams krauss-maffei")
)

# Frequent English words that are also (tiny) place names somewhere.
STOPWORDS: Final = _words(
    """a an and are be been but do does had has have he her him his i is it me my no not
    of or our she so that the their them they this to was we were what who will with you
    your can could would should may might must shall just only also very more most much
    many any some all each every other another said says say new one two three"""
)

CONNECTORS: Final = _words(
    "of de del della di da du la le les los las el al am an der den upon on sur en y"
    " the and"
)

# AP-style and postal abbreviations of US states, as written after a town's name.
US_STATE_ABBREVIATIONS: Final[dict[str, str]] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska",
    "Nebr.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington", "W.Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia", "W. Va.": "West Virginia",
}  # fmt: skip
ABBREVIATION: Final = "|".join(
    re.escape(a) for a in sorted(US_STATE_ABBREVIATIONS, key=len, reverse=True)
)
