"""Word lists that tell names from roles, organisations, places and
sentence openers, in English and German. Written here: no library ships
lists tuned for splitting "Velorian Foreign Minister Ilse Marovic" into role
and name; they hold general words only, never names.
"""

from __future__ import annotations

TITLE_WORDS = frozenset(
    """President Presidents Secretary Secretary-General Under-Secretary Undersecretary Minister Prime
    Foreign Defense Defence State Affairs Spokesman Spokeswoman Chancellor Senator Sen. Rep.
    Representative Gov. Governor Mayor General Gen. Dr. Mr. Mrs. Ms. Miss Prof. Professor Judge
    Justice Ambassador Chairman Chairwoman Director Chief Deputy Vice King Queen Prince Princess
    Pope Sheriff Commissioner Speaker Leader Former Energy Interior Finance Treasury Health
    Attorney Press Homeland Security Commerce Trade Economy Labor Labour Education Justice
    Agriculture Transport National Sir Lord Lady Archbishop Bishop Colonel Col. Captain Capt.
    Lieutenant Lt. Sergeant Sgt. Admiral Adm. Major Maj. Marshal Premier Envoy Special Officer
    Executive CEO Chair Kanzler Bundeskanzler Präsident Ministerpräsident Außenminister Herr Frau
    Bürgermeister Innenminister Sprecher Staatsanwalt""".split()
)
PERSON_TITLES = frozenset(
    """Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Lady Lord Sen. Senator Rep. Gov. Governor
    President Secretary Minister Chancellor Mayor Judge Justice Ambassador Chairman Chairwoman
    King Queen Prince Princess Pope General Gen. Colonel Col. Captain Lieutenant Admiral Herr Frau
    Kanzler Bundeskanzler Präsident Außenminister Sprecher Spokesman Spokeswoman""".split()
)
ORG_WORDS = frozenset(
    """House Union Service Center Centre Post Times News Council Ministry Department Office Party
    Committee Agency Association Bank Fund Organization Organisation Corp Corp. Inc Inc. Ltd
    Group University College School Institute Court Congress Senate Parliament Assembly
    Commission Army Navy Force Forces Police Guard Campaign Foundation Network Journal Press
    Reuters Tribune Herald Daily Gazette Channel TV Radio Company Airlines Kremlin Pentagon
    Administration Government Alliance League Federation Club Board Authority Bureau Church
    Coalition Movement Front Institute Society Trust Ventures Partners Holdings Media Broadcasting
    Regierung Polizei Partei Ministerium Amt Gericht Verband Bundestag Staatsanwaltschaft""".split()
)
PLACE_WORDS = frozenset(
    """City States Republic Kingdom County Province Region River Sea Ocean Island Islands
    Mountains Valley Street Avenue Road Square Bridge Bay Lake Coast Peninsula Gulf Strait
    Zone Airport Harbour Harbor Port District""".split()
)
# Words that start sentences or name times, not entities.
NOT_NAMES = frozenset(
    """The A An In On At But And However If When While After Before This That These Those It He
    She They We I Our His Her Their As For From With Without So Yet Also Even Last Next Ahead
    Between Many Some One Two Three Asked Speaking Commenting Meanwhile There Here What Why How Who
    Where Which Whether Although Though Since Until Despite During Over Under Among Instead
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Mr Mrs Ms Read More Share Today
    Yesterday Tomorrow Der Die Das Ein Eine Im Am Auch Nach Bei Mit Von Zu Es Sie Er Wir Ich
    Laut Dies Diese Dieser Doch Denn Als Wie Wenn Dass No Not Yes Let My Your Its Such Both All Any
    Each Every Most Other Others Please Thank Thanks Well Now Then Still Just Only Already Do
    Does Did Is Was Are Were Will Would Can Could Should May Might Must Have Has Had""".split()
)

LOWER_ROLE_WORDS = frozenset(
    """spokesman spokeswoman spokesperson minister secretary leader chief adviser advisor master
    director official ambassador envoy senator governor mayor president chairman chairwoman
    commander prosecutor lawyer attorney analyst economist professor correspondent editor anchor
    host coach founder researcher expert diplomat""".split()
)
