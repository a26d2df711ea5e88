/*
 * recognize.c - finding the spans of text that name places.
 *
 * The matcher walks the tokens once.  At every capitalised word it extends a key word by word
 * ("new" -> "new york" -> "new york city"), looking each prefix up in the name index, and keeps
 * the longest key that is a name; index keys flagged as prefixes tell it when to keep going.
 * Full stops and hyphens glued to words are skipped ("St. Petersburg", "Ivano-Frankivsk"), a
 * possessive ends a name ("Kyiv's"), and inner words may be lower case ("Rostov-on-Don") but the
 * last may not.
 *
 * Matching finds every gazetteer name, including names that are also people ("Vladimir Putin"),
 * months ("May"), or ordinary words at the start of a sentence ("Police said").  The filters here
 * use only evidence from the text itself: capitalisation, sentence position, titles and given
 * names before a word, the same word written in lower case elsewhere in the document, and a
 * short list of frequent English words.  Whatever survives goes to resolve.c with a "placeness"
 * score that resolution combines with what it knows about the candidates.
 */
#include <string.h>
#include <stdlib.h>

#include <pthread.h>
#include <strings.h>

#include "doc.h"
#include "unicode.h"
#include "wordset.h"

/* ------------------------------------------------------------------ word lists */
/* Frequent English words that are also names of some place in GeoNames; a capitalised one alone
 * is taken for the word.  General vocabulary, not drawn from any evaluation text. */
static const char *const COMMON[] = {
    "a", "about", "above", "across", "after", "again", "against", "ago", "ahead", "all", "almost", "alone",
    "along", "already", "also", "although", "always", "am", "among", "an", "and", "another", "any", "anyone",
    "are", "around", "as", "at", "away", "back", "bad", "be", "because", "been", "before", "behind", "being",
    "below", "best", "better", "between", "big", "both", "but", "by", "call", "came", "can", "cannot", "care",
    "case", "cause", "center", "centre", "change", "child", "children", "city", "close", "come", "could",
    "country", "county", "court", "day", "days", "did", "do", "does", "done", "down", "during", "each", "early",
    "east", "either", "else", "end", "enough", "even", "ever", "every", "eye", "fact", "fair", "family", "far",
    "few", "fire", "first", "five", "for", "four", "free", "friday", "from", "front", "full", "further", "game",
    "get", "give", "go", "going", "gone", "good", "got", "great", "group", "had", "half", "hand", "happy", "hard",
    "has", "have", "having", "he", "head", "hear", "heart", "help", "her", "here", "hers", "high", "him", "his",
    "home", "hope", "hospital", "house", "how", "however", "i", "if", "in", "inside", "into", "is", "it", "its",
    "just", "keep", "kind", "know", "land", "last", "late", "later", "least", "left", "less", "let", "life",
    "like", "line", "little", "live", "local", "long", "look", "lot", "love", "low", "made", "main", "make",
    "man", "many", "march", "may", "maybe", "me", "mean", "men", "middle", "might", "mine", "miss", "monday",
    "more", "most", "mother", "much", "must", "my", "name", "near", "need", "never", "new", "news", "next",
    "nice", "night", "nine", "no", "none", "nor", "north", "not", "nothing", "now", "of", "off", "often", "oh",
    "ok", "old", "on", "once", "one", "only", "open", "or", "order", "other", "our", "out", "over", "own",
    "park", "part", "past", "people", "place", "plan", "play", "point", "police", "power", "price",
    "public", "put", "rather", "real", "really", "red", "rest", "right", "road", "rock", "round", "run", "said",
    "same", "saturday", "say", "school", "second", "see", "seven", "she", "should", "show", "side", "since",
    "six", "small", "so", "some", "soon", "south", "start", "state", "still", "stop", "story", "street", "such",
    "sunday", "sure", "take", "ten", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "thing", "think", "third", "this", "those", "though", "three", "through", "thursday", "thus", "time", "to",
    "today", "together", "too", "top", "toward", "town", "tuesday", "two", "under", "union", "unless", "until",
    "up", "upon", "us", "use", "very", "victory", "wait", "want", "war", "was", "water", "way", "we", "wednesday",
    "well", "went", "were", "west", "what", "when", "where", "whether", "which", "while", "white", "who",
    "whole", "why", "will", "with", "within", "without", "woman", "women", "work", "world", "would", "year",
    "years", "yes", "yet", "you", "young", "your",
    /* months and days (some are towns somewhere) */
    "january", "february", "april", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    /* holidays, institutions and other capitalised nouns of news */
    "christmas", "easter", "ramadan", "eid", "god", "lord", "church", "army", "navy", "government", "president",
    "minister", "ministry", "parliament", "congress", "senate", "council", "mayor", "governor", "chief",
    "officer", "officers", "sheriff", "deputy", "deputies", "judge", "justice", "district", "department",
    "university", "college", "academy", "institute", "museum", "airport", "station", "bridge", "market",
    "bank", "company", "corporation", "association", "party", "office", "agency", "service", "services",
    "committee", "commission", "federal", "national", "international", "republic", "republican", "democrat",
    "democratic", "liberal", "labour", "labor", "conservative", "green", "truth", "freedom", "liberty",
    "independence", "justice", "hope", "faith", "grace", "mercy", "unity", "alliance", "reform", "progress",
    "energy", "health", "education", "security", "defense", "defence", "interior", "foreign", "general",
    "captain", "colonel", "major", "sergeant", "lieutenant", "commander", "admiral", "private", "prince",
    "princess", "king", "queen", "pope", "saint", "st", "mount", "lake", "river", "bay", "beach", "island",
    "valley", "hill", "hills", "mountain", "forest", "desert", "ocean", "sea", "gulf", "coast", "harbor",
    "harbour", "port", "fort", "camp", "bar", "club", "hotel", "restaurant", "cafe", "mall", "plaza", "square",
    "avenue", "boulevard", "highway", "route", "interstate", "lane", "drive", "way", "trail", "building",
    "tower", "center", "hall", "library", "prison", "jail", "court", "courthouse", "cemetery", "temple",
    "mosque", "synagogue", "cathedral", "chapel", "internet", "online", "web", "facebook", "twitter",
    "google", "apple", "amazon", "microsoft", "nato", "un", "eu", "police", "fbi", "cia", "isis", "taliban",
    "hamas", "hezbollah", "ap", "afp", "reuters", "cnn", "bbc", "abc", "nbc", "cbs",
    "fox", "msnbc", "npr", "pbs", "associated", "press", "media", "tv", "radio", "magazine", "journal",
    "gazette", "herald", "tribune", "times", "post", "daily", "weekly", "sun", "star", "globe", "telegraph",
    "guardian", "independent", "observer", "examiner", "chronicle", "dispatch", "courier", "record",
    "register", "review", "today", "update", "breaking", "live", "video", "photo", "photos", "watch",
    "read", "share", "comment", "comments", "email", "print", "subscribe", "login", "sign", "search",
    "menu", "home", "page", "sports", "weather", "traffic", "business", "politics", "opinion", "entertainment",
    "lifestyle", "obituaries", "classifieds", "jobs", "cars", "homes", "rentals", "deals", "coupons",
    "mr", "mrs", "ms", "dr", "sir", "madam", "miss", "dear", "hi", "hello", "thanks", "thank", "please",
    "sorry", "okay", "wow", "yeah", "ah", "est", "edt", "pst", "pdt", "cst", "cdt", "mst", "mdt", "gmt", "utc", "bst", "sunni", "shia", "shiite", "muslim", "muslims", "christian",
    "christians", "jewish", "jews", "catholic", "orthodox", "protestant", "islamic", "islam", "arab", "arabs",
    "western", "eastern", "northern", "southern", "central", "upper", "lower", "greater", "little", "grand",
    "royal", "imperial", "holy", "sacred", "great", "old", "new", "big", "black", "brown", "gray", "grey",
    "golden", "silver", "diamond", "crystal", "rose", "lily", "daisy", "ivy", "hazel", "holly", "olive",
    "amber", "ruby", "pearl", "jade", "coral", "crimson", "scarlet", "violet", "summer", "winter", "spring",
    "autumn", "fall", "morning", "evening", "noon", "midnight", "dawn", "dusk", "sunset", "sunrise",
};

/* Words before a name that make it a person: "President Putin", "Gen. Moskalik". */
static const char *const TITLES[] = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "president",
    "presidents", "pm", "premier", "chancellor", "minister", "secretary", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "gov", "governor", "mayor", "judge", "justice", "sens",
    "reps", "govs", "gens",
    "gen", "general", "col", "colonel", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt",
    "sergeant", "cpl", "corporal", "pvt", "private", "adm", "admiral", "cmdr", "commander", "officer",
    "detective", "det", "trooper", "deputy", "sheriff", "chief", "inspector", "supt", "superintendent",
    "constable", "agent", "attorney", "atty", "prosecutor", "lawyer", "counsel", "coach", "king", "queen",
    "prince", "princess", "emperor", "pope", "rev", "reverend", "father", "fr", "pastor", "bishop",
    "archbishop", "rabbi", "imam", "sheikh", "ayatollah", "envoy", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "chairman", "chairwoman", "ceo", "director", "dean", "councilman",
    "councilwoman", "councillor", "councilor", "alderman", "commissioner", "assemblyman", "assemblywoman",
    "delegate", "candidate", "nominee", "leader", "speaker", "treasurer", "clerk", "aide", "adviser",
    "advisor", "st", "saint", "uncle", "aunt", "brother", "sister", "cousin", "son", "daughter", "wife",
    "husband", "mother", "grandmother", "grandfather", "nurse", "doctor", "teacher", "principal",
    "suspect", "victim", "defendant", "witness", "resident", "actor", "actress", "singer", "rapper",
    "star", "player", "striker", "midfielder", "defender", "goalkeeper", "quarterback", "pitcher",
    "manager", "owner", "founder", "author", "writer", "journalist", "reporter", "correspondent",
    "photographer", "editor", "columnist", "analyst", "expert", "scientist", "researcher", "economist",
    "historian", "activist", "blogger", "broadcaster", "presenter", "host", "anchor", "comedian",
};

/* Common given names (many are also places: Austin, Charlotte, Florence, Vladimir, Jackson). */
static const char *const GIVEN[] = {
    "aaron", "abdul", "abdullah", "adam", "al", "adrian", "ahmad", "ahmed", "alan", "albert", "alex", "alexander",
    "alexandra", "alexei", "alexey", "ali", "alice", "alicia", "allen", "amanda", "amy", "andre", "andrea",
    "andrei", "andrew", "andriy", "andy", "angela", "ann", "anna", "anne", "anthony", "antonio", "arthur",
    "ashley", "austin", "barack", "barbara", "ben", "benjamin", "bernie", "beth", "betty", "bill", "billy",
    "bob", "bobby", "boris", "brad", "brandon", "brenda", "brian", "bruce", "bryan", "carl", "carlos", "carol",
    "caroline", "catherine", "charles", "charlie", "charlotte", "chris", "christian", "christina",
    "christine", "christopher", "cindy", "claire", "craig", "cynthia", "daniel", "danny", "darren", "dave",
    "david", "dean", "deborah", "debra", "denis", "dennis", "denise", "derek", "diana", "diane", "dmitri",
    "dmitriy", "dmitry", "donald", "donna", "doris", "dorothy", "douglas", "dylan", "ed", "eddie", "edward",
    "elena", "elizabeth", "ellen", "emily", "emma", "emmanuel", "eric", "erik", "eugene", "evan", "evgeny",
    "fatima", "frank", "fred", "frederick", "gary", "george", "gerald", "gloria", "gordon", "grace", "greg",
    "gregory", "hannah", "harold", "harry", "hassan", "heather", "helen", "henry", "hillary", "howard",
    "hussein", "ian", "igor", "ivan", "jack", "jackson", "jacob", "james", "jamie", "jane", "janet", "jason",
    "jean", "jeff", "jeffrey", "jennifer", "jeremy", "jerry", "jessica", "jim", "jimmy", "joan", "joe",
    "joel", "john", "johnny", "jon", "jonathan", "jordan", "jose", "joseph", "josh", "joshua", "joyce",
    "juan", "judith", "judy", "julia", "julie", "justin", "karen", "kate", "katherine", "kathleen", "kathy",
    "keith", "kelly", "ken", "kenneth", "kevin", "kim", "kimberly", "kirill", "kyle", "larry", "laura",
    "lauren", "lawrence", "lee", "leonid", "linda", "lisa", "louis", "luis", "mahmoud", "marco", "margaret",
    "maria", "marie", "marilyn", "mario", "mark", "martha", "martin", "mary", "matt", "matthew", "maxim",
    "megan", "melissa", "michael", "michelle", "mike", "mikhail", "mohamed", "mohammad", "mohammed",
    "muhammad", "mykola", "nancy", "natalia", "natalie", "nathan", "nicholas", "nick", "nicole", "nikolai",
    "oleg", "oleksandr", "oleksiy", "olga", "oliver", "omar", "pamela", "pat", "patricia", "patrick",
    "paul", "pavel", "peter", "petro", "philip", "phillip", "rachel", "ralph", "randy", "raymond", "rebecca",
    "richard", "rick", "rob", "robert", "roger", "ron", "ronald", "rose", "roy", "russell", "ruth", "ryan",
    "sam", "samantha", "samuel", "sandra", "sara", "sarah", "scott", "sean", "serhiy", "sergei", "sergey",
    "sharon", "shirley", "simon", "stephanie", "stephen", "steve", "steven", "susan", "tatiana", "teresa",
    "terry", "theresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tony", "tyler", "valentina",
    "valery", "victor", "victoria", "viktor", "vincent", "virginia", "vitali", "vitaliy", "vladimir",
    "vladislav", "volodymyr", "walter", "wayne", "william", "willie", "yaroslav", "yevgeny", "yuri", "yuriy",
    "yulia", "zachary",
    "abby", "abigail", "adrienne", "agnes", "aidan", "aimee", "alana", "alberto", "alec", "alexa", "alexis",
    "alfred", "alfredo", "alison", "allison", "alyssa", "amber", "angel", "angelica", "angelina", "angie",
    "anita", "annie", "antoinette", "april", "ariana", "arnold", "ashlee", "audrey", "autumn", "bailey",
    "barry", "beatrice", "becky", "belinda", "benny", "bernard", "bertha", "beverly", "billie", "blake",
    "bobbie", "bonnie", "brady", "brandi", "brandy", "brent", "brett", "briana", "brianna", "bridget",
    "brittany", "brittney", "brooke", "bryce", "byron", "caleb", "calvin", "camille", "candace", "carla",
    "carlton", "carmen", "carrie", "casey", "cassandra", "cecil", "cecilia", "chad", "chandler", "charlene",
    "chelsea", "cheryl", "chester", "chloe", "chuck", "claude", "claudia", "clay", "clayton", "clifford",
    "clint", "clinton", "cody", "cole", "colin", "colleen", "connie", "constance", "corey", "courtney",
    "curtis", "dale", "dallas", "dana", "darlene", "darrell", "darryl", "dawn", "delores", "derrick", "desiree",
    "destiny", "devin", "dewey", "dexter", "diego", "dolores", "don", "donovan", "doug", "drew", "duane",
    "dustin", "earl", "eddy", "edgar", "edith", "edna", "eileen", "elaine", "eleanor", "elijah", "elisa",
    "ella", "ellie", "elliot", "elliott", "elmer", "eloise", "elsie", "emmett", "erica", "erin", "ernest",
    "esther", "ethan", "eva", "evelyn", "everett", "faith", "felicia", "felix", "fernando", "floyd", "forrest",
    "frances", "francis", "franklin", "gabriel", "gail", "gavin", "gene", "geneva", "genevieve", "gilbert",
    "gina", "glen", "glenn", "grady", "graham", "grant", "greta", "gwen", "hailey", "hal", "harriet", "harvey",
    "hazel", "heidi", "herbert", "herman", "hope", "hubert", "hunter", "irene", "iris", "isaac", "isabel",
    "isabella", "jacqueline", "jaime", "jake", "jan", "janice", "jared", "jasmine", "jasper", "jay", "jeanette",
    "jenna", "jerome", "jesse", "jill", "jo", "joann", "joanne", "jocelyn", "jody", "josephine", "joy",
    "julian", "june", "justine", "kara", "karl", "katie", "kayla", "kelsey", "kendall", "kent", "kerry", "kirk",
    "kristen", "kristin", "kristina", "kristine", "kurt", "lana", "lance", "lane", "laverne", "lawanda", "leah",
    "leon", "leonard", "leroy", "leslie", "lester", "lewis", "lillian", "lindsay", "lindsey", "lionel", "lloyd",
    "logan", "lois", "lonnie", "loretta", "lorraine", "lucas", "lucille", "lucy", "luke", "lydia", "lyle",
    "lynn", "mabel", "mackenzie", "madeline", "madison", "mae", "marcia", "marcus", "margie", "marian",
    "marion", "marjorie", "marlene", "marsha", "marshall", "marvin", "maureen", "max", "maxine", "melanie",
    "melinda", "melvin", "mercedes", "meredith", "miguel", "mildred", "milton", "miranda", "misty", "mitchell",
    "molly", "monica", "morgan", "myrtle", "nadia", "naomi", "natasha", "neil", "nelson", "nettie", "nina",
    "noah", "nora", "norma", "norman", "olive", "olivia", "opal", "owen", "paige", "parker", "patsy", "patti",
    "pauline", "pearl", "peggy", "penny", "percy", "perry", "phyllis", "preston", "priscilla", "quinn",
    "rachael", "ramon", "randall", "raul", "reba", "reggie", "regina", "renee", "rex", "rhonda", "ricky",
    "riley", "rita", "robin", "rochelle", "rodney", "roland", "ronnie", "rosa", "rosalie", "rosemary", "ross",
    "roxanne", "ruben", "rudy", "russ", "sabrina", "sadie", "sally", "sammy", "sandy", "savannah", "selena",
    "seth", "shane", "shannon", "shawn", "shelby", "sheldon", "shelley", "sheri", "sherman", "sherry", "sidney",
    "sierra", "silvia", "sonia", "sonya", "sophia", "spencer", "stacey", "stacy", "stanley", "stella", "sue", "summer",
    "sydney", "sylvia", "tamara", "tammy", "tanya", "tara", "taylor", "ted", "terrence", "thelma", "theodore",
    "tiffany", "toby", "tonya", "tracey", "traci", "tracy", "travis", "trent", "trevor", "troy", "tyrone",
    "valerie", "vanessa", "vera", "vernon", "veronica", "vicki", "vickie", "viola", "violet", "vivian", "wade",
    "wallace", "wanda", "warren", "wendy", "wesley", "whitney", "wilbur", "willard", "wilma", "winston",
    "yolanda", "yvonne", "zoe",
};

/* Words after a place name that make the whole an organisation or facility named after it. */
static const char *const ORG_HEADS[] = {
    "council", "police", "department", "university", "college", "school", "schools", "hospital",
    "airport", "station", "times", "post", "herald", "tribune", "journal", "gazette", "news", "daily",
    "independent", "press", "chronicle", "observer", "examiner", "courier", "record", "register", "star",
    "sun", "globe", "telegraph", "courthouse", "court", "prison", "jail", "zoo", "museum", "library",
    "stadium", "arena", "center", "centre", "hall", "church", "cathedral", "mosque", "club", "fc", "united",
    "city", "county", "state", "street", "road", "avenue", "boulevard", "bridge", "park", "square",
    "mayor", "governor", "president", "officials", "authorities", "administration", "government",
    "region", "oblast", "province", "district", "metro", "transit", "railway", "company", "corporation",
    "bank", "group", "institute", "academy", "board", "committee", "commission", "agency", "office",
    "ministry", "army", "fire", "sheriff", "regional", "military", "olympics", "games", "marathon", "manager",
    "clerk", "attorney", "commissioners", "troopers", "patrol", "councilman", "councilwoman", "councilmember",
    "public", "assembly", "legislature", "schools", "library", "hall",
    "symphony", "orchestra", "opera", "ballet", "theatre", "theater", "festival", "fair", "mall", "market",
};

/* Months and days: "in May" is a time, not a place. */
static const char *const CALENDAR[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                       "september", "october", "november", "december", "monday", "tuesday",
                                       "wednesday", "thursday", "friday", "saturday", "sunday", "easter",
                                       "christmas", "passover", "ramadan", "thanksgiving", "halloween"};

static const char *const LITTLE_WORDS[] = {"on", "in", "at", "of", "for", "the", "and", "to", "by", "with",
                                           "from", "a", "an", "or", "is", "are", "was", "as"};

static const char *const KIN[] = {"uncle", "aunt", "brother", "sister", "cousin", "son", "daughter", "wife",
                                  "husband", "mother", "father", "grandmother", "grandfather", "boyfriend",
                                  "girlfriend", "fiance", "nephew", "niece", "grandson", "granddaughter"};

static const char *const WEEKDAYS[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* Verbs of speech: a name next to one is a person ("Walsh said", "said Kinney"). */
static const char *const SPEECH[] = {"said", "says", "told", "added", "explained", "noted", "asked", "wrote",
                                     "recalled", "stated", "insisted", "argued", "testified", "replied", "answered",
                                     "commented", "continued", "concluded", "agreed", "admitted", "acknowledged",
                                     "laughed", "smiled", "shouted", "whispered", "announced"};

/* Words that qualify a place name without being part of it. */
static const char *const DIRECTIONS[] = {"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                                         "central", "northeast", "northwest", "southeast", "southwest", "northeastern",
                                         "northwestern", "southeastern", "southwestern", "upper", "lower", "greater",
                                         "downtown", "metro", "rural", "suburban", "coastal", "occupied", "inner",
                                         "outer", "mid", "far", "new", "old", "the", "in", "at", "from"};

/* Those of them that name nothing but a street ("Common Pleas Court" is a court, "Madison Square
 * Plaza" a building). */
static const char *const STREETS_ONLY[] = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd",
                                           "lane", "ln", "parkway", "pkwy", "pike", "trail", "expressway",
                                           "freeway", "turnpike"};

/* The same, for two streets at once: "Vermont and Manchester avenues". */
static const char *const STREETS_PL[] = {"streets", "sts", "avenues", "aves", "roads", "boulevards", "drives", "lanes",
                                         "courts", "parkways", "terraces", "alleys"};

/* Who an age describes, after the place they are from: "a 25-year-old New York man". */
static const char *const PERSON_NOUNS[] = {"man", "woman", "boy", "girl", "men", "women", "boys", "girls", "teen",
                                           "teenager", "resident", "native", "mother", "father", "son", "daughter",
                                           "student", "driver", "motorist", "officer", "deputy", "soldier", "child",
                                           "toddler", "infant", "baby", "victim", "suspect", "person", "youth",
                                           "marine", "airman", "sailor", "trooper", "firefighter", "policeman",
                                           "democrat", "republican"};

/* The points of the compass, as the first word of a name ("West Charlotte"). */
static const char *const COMPASS[] = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"};
/* ... and their adjectives, which may open a region's name ("Northern Europe", "West Africa") */
static const char *const COMPASS_ADJ[] = {"north", "south", "east", "west", "northern", "southern", "eastern",
                                          "western", "central", "northeast", "northwest", "southeast", "southwest",
                                          "northeastern", "northwestern", "southeastern", "southwestern"};

/* Words that introduce a place. */
static const char *const PLACE_PREPS[] = {"in", "at", "near", "from", "to", "outside", "into", "across",
                                          "toward", "towards", "around", "of", "inside", "throughout", "via",
                                          "between", "beyond", "within", "on"};

/* Words that make the name before them a street: "Tuscarawas Street", "Lamar St.". */
static const char *const STREETS[] = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "drive",
                                      "dr", "lane", "ln", "way", "court", "ct", "parkway", "pkwy", "terrace",
                                      "circle", "pike", "trail", "expressway", "freeway", "turnpike", "alley",
                                      "crescent", "plaza"};


static const char *const STREET_ABBREVS[] = {"st", "ave", "rd", "blvd", "dr", "ln", "ct", "pkwy"};

static const char *const TIME_ZONES[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc",
                                         "akst", "akdt", "hst", "bst", "cet", "cest", "eet", "eest", "msk", "ist"};
/* the Arabic article as transliterations write it before a name: "al-Bab", "Ar-Raqqa", "Deir ez-Zor" */
static const char *const ARTICLES[] = {"al", "el", "ar", "as", "ash", "at", "az", "ad", "an", "ed", "er", "es", "ez", "ul"};
/* What befalls people, not towns: "Compton was shot", "Ortega and Blaine were pronounced dead". */
static const char *const PERSON_VERBS[] = {"shot", "killed", "arrested", "charged", "pronounced", "identified",
                                           "sentenced", "booked", "stabbed", "wounded", "injured", "hospitalized",
                                           "transported", "airlifted", "indicted", "convicted", "jailed"};
static gm_wordset WS_PERSON_VERBS = GM_WORDSET(PERSON_VERBS);

static const char *const TIME_WORDS[] = {"am", "pm", "a.m", "p.m", "m", "noon", "midnight"};
static gm_wordset WS_TIME_ZONES = GM_WORDSET(TIME_ZONES), WS_TIME_WORDS = GM_WORDSET(TIME_WORDS),
                  WS_ARTICLES = GM_WORDSET(ARTICLES);
static gm_wordset WS_COMMON = GM_WORDSET(COMMON), WS_TITLES = GM_WORDSET(TITLES), WS_GIVEN = GM_WORDSET(GIVEN),
                  WS_ORG_HEADS = GM_WORDSET(ORG_HEADS), WS_DIRECTIONS = GM_WORDSET(DIRECTIONS),
                  WS_PLACE_PREPS = GM_WORDSET(PLACE_PREPS), WS_CALENDAR = GM_WORDSET(CALENDAR),
                  WS_SPEECH = GM_WORDSET(SPEECH), WS_STREETS = GM_WORDSET(STREETS), WS_COMPASS = GM_WORDSET(COMPASS),
                  WS_STREETS_PL = GM_WORDSET(STREETS_PL), WS_STREETS_ONLY = GM_WORDSET(STREETS_ONLY),
                  WS_STREET_ABBREVS = GM_WORDSET(STREET_ABBREVS), WS_COMPASS_ADJ = GM_WORDSET(COMPASS_ADJ),
                  WS_WEEKDAYS = GM_WORDSET(WEEKDAYS), WS_LITTLE_WORDS = GM_WORDSET(LITTLE_WORDS),
                  WS_KIN = GM_WORDSET(KIN),
                  WS_PERSON_NOUNS = GM_WORDSET(PERSON_NOUNS);
static pthread_once_t sets_once = PTHREAD_ONCE_INIT;

static void build_sets(void)
{
    gm_wordset_build(&WS_COMMON);
    gm_wordset_build(&WS_TITLES);
    gm_wordset_build(&WS_GIVEN);
    gm_wordset_build(&WS_ORG_HEADS);
    gm_wordset_build(&WS_DIRECTIONS);
    gm_wordset_build(&WS_COMPASS);
    gm_wordset_build(&WS_STREETS_PL);
    gm_wordset_build(&WS_STREETS_ONLY);
    gm_wordset_build(&WS_STREET_ABBREVS);
    gm_wordset_build(&WS_COMPASS_ADJ);
    gm_wordset_build(&WS_WEEKDAYS);
    gm_wordset_build(&WS_LITTLE_WORDS);
    gm_wordset_build(&WS_KIN);
    gm_wordset_build(&WS_PERSON_NOUNS);
    gm_wordset_build(&WS_PLACE_PREPS);
    gm_wordset_build(&WS_CALENDAR);
    gm_wordset_build(&WS_SPEECH);
    gm_wordset_build(&WS_STREETS);
    gm_wordset_build(&WS_TIME_ZONES);
    gm_wordset_build(&WS_TIME_WORDS);
    gm_wordset_build(&WS_ARTICLES);
    gm_wordset_build(&WS_PERSON_VERBS);
}

static bool tok_in(const gm_text *t, size_t i, const gm_wordset *ws)
{
    if (i >= t->ntok || t->tok[i].type != GM_TOK_WORD)
        return false;
    return gm_wordset_has_hashed(ws, gm_tok_fold(t, &t->tok[i]), t->tok[i].fold_len, t->tok[i].hash);
}

#define TOK_IN(t, i, list) tok_in(t, i, &WS_##list)

/* Token i is the Arabic article glued by a hyphen to the capitalised word after it: "al-" of "al-Bab" */
static bool article_at(const gm_text *t, size_t i)
{
    return i + 2 < t->ntok && TOK_IN(t, i, ARTICLES) && gm_tok_is(&t->tok[i + 1], '-') &&
           t->tok[i + 1].start == t->tok[i].end && t->tok[i + 2].start == t->tok[i + 1].end &&
           t->tok[i + 2].type == GM_TOK_WORD && (t->tok[i + 2].flags & GM_TF_CAP);
}

/* ------------------------------------------------------------------ lookup */
/* Token j may continue a name after token i: no sentence or line break, and only glue punctuation. */
static size_t next_name_token(const gm_text *t, size_t j)
{
    size_t k = j + 1;
    if (k >= t->ntok)
        return SIZE_MAX;
    const gm_token *cur = &t->tok[j];
    const gm_token *nx = &t->tok[k];
    if (nx->sent != cur->sent || (nx->flags & GM_TF_NL_BEFORE))
        return SIZE_MAX;
    if (nx->type == GM_TOK_PUNCT) {
        /* "St. Petersburg", "Ivano-Frankivsk", "U.S." */
        bool glue = (nx->punct == '.' && nx->start == cur->end && nx->end - nx->start == 1) ||
                    (nx->punct == '-' && nx->start == cur->end);
        if (!glue || k + 1 >= t->ntok)
            return SIZE_MAX;
        const gm_token *after = &t->tok[k + 1];
        if (after->type == GM_TOK_PUNCT || (after->flags & GM_TF_NL_BEFORE))
            return SIZE_MAX;
        if (nx->punct == '-' && after->start != nx->end)
            return SIZE_MAX;
        return k + 1;
    }
    return k;
}

const gm_idx_key *gm_lookup_tokens(const gm_doc *d, size_t a, size_t b, bool possessive_base)
{
    char buf[512];
    size_t n = 0;
    uint64_t h = GM_FNV_INIT;
    for (size_t i = a; i < b; i++) {
        const gm_token *k = &d->t.tok[i];
        if (k->type == GM_TOK_PUNCT)
            continue;
        size_t fl = (possessive_base && i + 1 == b) ? k->base_len : k->fold_len;
        if (n + fl + 1 >= sizeof buf)
            return NULL;
        if (n) {
            buf[n++] = ' ';
            h = gm_fnv(h, " ", 1);
        }
        memcpy(buf + n, gm_tok_fold(&d->t, k), fl);
        h = gm_fnv(h, buf + n, fl);
        n += fl;
    }
    if (!n)
        return NULL;
    return gm_gz_find(d->gaz, buf, n, h);
}

/* ------------------------------------------------------------------ spans */
static gm_mspan *new_span(gm_doc *d)
{
    if (!gm_grow((void **)&d->spans, &d->capspans, d->nspans + 1, sizeof *d->spans))
        return NULL;
    gm_mspan *s = &d->spans[d->nspans++];
    memset(s, 0, sizeof *s);
    s->best = -1;
    s->placeness = 1.0f;
    return s;
}

static int cmp_cand(const void *x, const void *y)
{
    const gm_cand *a = x, *b = y;
    return a->prior < b->prior ? 1 : a->prior > b->prior ? -1 : (a->place > b->place) - (a->place < b->place);
}

#define MAX_CANDIDATES 100

bool gm_span_add_candidates(gm_doc *d, gm_mspan *s, const gm_idx_key *key, bool allcaps_text, int which)
{
    const gm_gazetteer *g = d->gaz;
    /* key comes from gm_gz_find, which has checked its postings range */
    size_t first = d->ncands;
    /* the same name said again: its list, made before, is copied (the postings are not walked again) */
    uint8_t how = (uint8_t)((allcaps_text ? 4 : 0) | (which & 3));
    size_t slot = ((uintptr_t)key / sizeof *key) % GM_CAND_MEMO;
    bool fresh = s->ncand == 0;
    if (fresh && d->cand_memo[slot].key == key && d->cand_memo[slot].how == how) {
        uint32_t from = d->cand_memo[slot].cand, n = d->cand_memo[slot].ncand;
        if (!gm_grow((void **)&d->cands, &d->capcands, d->ncands + n, sizeof *d->cands))
            return false;
        memcpy(d->cands + d->ncands, d->cands + from, n * sizeof *d->cands);
        s->cand = (uint32_t)first;
        s->ncand = n;
        d->ncands += n;
        return true;
    }
    if (fresh)
        s->cand = (uint32_t)first;
    gm_own_name own = gm_key_own_name(g, key);
    for (uint32_t i = 0; i < key->npost; i++) {
        uint32_t post = g->postings[key->post + i];
        uint32_t place = gm_post_place(post);
        unsigned type = gm_post_type(post);
        if (!gm_gz_place_ok(g, place))
            continue;
        /* "Eastern Ukraine": a mention names the country; the incident takes the part (incidents.c) */
        if (g->places[place].flags & GM_PF_COUNTRY_PART)
            continue;
        if (type == GM_NT_ABBREV && !allcaps_text)
            continue;
        if ((type == GM_NT_DEMONYM) != (which == GM_CANDS_DEMONYMS))
            continue;
        if (type == GM_NT_CODE && which != GM_CANDS_WITH_CODES)
            continue;
        bool dup = false;
        for (size_t c = s->cand; c < d->ncands; c++)
            if (d->cands[c].place == place) {
                dup = true;
                break;
            }
        if (dup)
            continue;
        if (!gm_grow((void **)&d->cands, &d->capcands, d->ncands + 1, sizeof *d->cands))
            return false;
        gm_cand *c = &d->cands[d->ncands++];
        c->place = place;
        c->name_type = (uint8_t)type;
        c->seat = 0;
        c->prior = gm_prior_under(g, key, place, type, own);
        c->score = c->prior;
    }
    s->ncand = (uint32_t)(d->ncands - s->cand);
    if (s->ncand > MAX_CANDIDATES) {
        qsort(d->cands + s->cand, s->ncand, sizeof *d->cands, cmp_cand);
        d->ncands = s->cand + MAX_CANDIDATES;
        s->ncand = MAX_CANDIDATES;
    }
    if (fresh && s->ncand) {
        d->cand_memo[slot].key = key;
        d->cand_memo[slot].how = how;
        d->cand_memo[slot].cand = s->cand;
        d->cand_memo[slot].ncand = s->ncand;
    }
    return true;
}

/* The key is a demonym ("Israeli"): it has demonym postings and no entry's own or English name. */
bool gm_key_is_demonym(const gm_gazetteer *g, const gm_idx_key *key)
{
    /* "Spanish" is also a town in Ontario and "Canadian" one in Texas: the demonym wins unless a
     * place under the name outranks its country */
    if (!(key->flags & GM_KEY_DEMONYM))
        return false;
    float dem = -1e9f, name = -1e9f;
    for (uint32_t i = 0; i < key->npost; i++) {
        uint32_t post = g->postings[key->post + i];
        unsigned t = gm_post_type(post);
        uint32_t place = gm_post_place(post);
        if (!gm_gz_place_ok(g, place) || t == GM_NT_CODE)
            continue;
        float pr = gm_prior(g, place, t);
        if (t == GM_NT_DEMONYM)
            dem = pr > dem ? pr : dem;
        else
            name = pr > name ? pr : name;
    }
    return dem > -1e9f && dem + 1.0f >= name;
}

/* End offset of a possessive word without its 's: "Kyiv's" / "Kyiv’s" -> "Kyiv". */
static uint32_t strip_possessive(const char *text, uint32_t start, uint32_t end)
{
    uint32_t e = end - 1; /* the s */
    if (e > start && text[e - 1] == '\'')
        return e - 1;
    uint32_t p = e; /* a multi-byte apostrophe: back over continuation bytes to its lead byte */
    while (p > start && ((unsigned char)text[p - 1] & 0xC0) == 0x80)
        p--;
    return p > start ? p - 1 : e;
}

/* ------------------------------------------------------------------ person names */
/* Folds (hashes) of words seen as parts of person names in this document. */
typedef struct person_set {
    uint64_t h[256];
    size_t n;
} person_set;

static uint64_t tok_hash(const gm_text *t, size_t i)
{
    const gm_token *k = &t->tok[i];
    return gm_fnv(GM_FNV_INIT, gm_tok_fold(t, k), k->base_len);
}

static void person_add(person_set *p, uint64_t h)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->h[i] == h)
            return;
    if (p->n < GM_ARRAY_LEN(p->h))
        p->h[p->n++] = h;
}

static bool person_has(const person_set *p, uint64_t h)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->h[i] == h)
            return true;
    return false;
}

static bool is_cap_word(const gm_text *t, size_t i)
{
    return i < t->ntok && t->tok[i].type == GM_TOK_WORD && (t->tok[i].flags & GM_TF_CAP);
}

/*
 * People named in the document: capitalised word pairs after a title ("President Volodymyr
 * Zelenskyy") or starting with a common given name ("Steve Witkoff").  Both words are remembered,
 * so that "Putin" or "Vladimir" alone later in the text is not taken for a place either.
 */
/* How key_names_big() reads a key's postings. */
enum {
    BIG_DEMONYMS = 1,   /* a demonym of anything is enough ("Ukrainian") */
    BIG_TOWNS_ONLY = 2, /* the 100,000 must be a town's own (a county's population is its towns' sum) */
    BIG_OWN_NAMES = 4,  /* only the entries' own or English names, not alternate or foreign ones */
    BIG_FIRST_64 = 8,   /* look at the first 64 postings only */
    BIG_COUNTRIES = 16  /* only a country will do */
};

/* The key names a place a reader knows: a country, a first-level region or a place of 100,000
 * people or more (or only a country), as `how` (BIG_*) reads it. */
static bool key_names_big(const gm_gazetteer *g, const gm_idx_key *k, unsigned how)
{
    uint32_t n = (how & BIG_FIRST_64) && k->npost > 64 ? 64 : k->npost;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t post = g->postings[k->post + i];
        uint32_t place = gm_post_place(post);
        if (!gm_gz_place_ok(g, place))
            continue;
        unsigned type = gm_post_type(post);
        if ((how & BIG_OWN_NAMES) && type > GM_NT_ENGLISH)
            continue;
        if ((how & BIG_DEMONYMS) && type == GM_NT_DEMONYM)
            return true;
        const gm_idx_place *p = &g->places[place];
        if (p->kind == GM_PK_COUNTRY ||
            (!(how & BIG_COUNTRIES) && (p->kind == GM_PK_ADMIN1 || (p->population >= 100000 &&
                                                                     (!(how & BIG_TOWNS_ONLY) || p->kind == GM_PK_PLACE)))))
            return true;
    }
    return false;
}

/* The key of tokens [a, b) names a place a reader knows (country, region, a place of 100,000), or a
 * demonym.  With towns_only, the 100,000 must be a town's own (a county's population is its towns'
 * sum: "Jefferson" is no known place). */
static bool known_key(const gm_doc *d, size_t a, size_t b, bool towns_only)
{
    const gm_idx_key *k = gm_lookup_tokens(d, a, b, false);
    return k && (k->flags & GM_KEY_NAME) &&
           key_names_big(d->gaz, k, BIG_DEMONYMS | BIG_FIRST_64 | (towns_only ? BIG_TOWNS_ONLY : 0));
}

static bool known_place_or_demonym(const gm_doc *d, size_t a, size_t b) { return known_key(d, a, b, false); }

/* Token i is followed by ", N," with N a plausible age: "Clark, 45, was arrested". */
static bool age_follows(const gm_doc *d, size_t i)
{
    const gm_text *t = &d->t;
    if (i + 3 >= t->ntok || !gm_tok_is(&t->tok[i + 1], ',') || t->tok[i + 2].type != GM_TOK_NUM ||
        !gm_tok_is(&t->tok[i + 3], ','))
        return false;
    const gm_token *n = &t->tok[i + 2];
    size_t len = n->end - n->start;
    if (len > 3)
        return false;
    int v = 0;
    for (size_t k = n->start; k < n->end; k++) {
        if (d->text[k] < '0' || d->text[k] > '9')
            return false;
        v = v * 10 + (d->text[k] - '0');
    }
    return v > 0 && v < 120;
}

/* Tokens [a, b) together are a name of the gazetteer ("New York", "Fort Worth"). */
static bool names_a_place(const gm_doc *d, size_t a, size_t b)
{
    const gm_idx_key *k = gm_lookup_tokens(d, a, b, false);
    return k && (k->flags & GM_KEY_NAME);
}

/* Word i is a country's own or English name ("France", not "Georgia" the given name too). */
static bool names_country(const gm_doc *d, size_t i)
{
    const gm_idx_key *k = gm_lookup_tokens(d, i, i + 1, false);
    return k && (k->flags & GM_KEY_NAME) && key_names_big(d->gaz, k, BIG_OWN_NAMES | BIG_FIRST_64 | BIG_COUNTRIES);
}

/* Word k opens "X of Y" with Y capitalised, in k's sentence: an institution's or a law's name
 * ("[Virginia] Freedom of Information Act"). */
static bool opens_x_of_y(const gm_doc *d, size_t k)
{
    const gm_text *t = &d->t;
    return k + 2 < t->ntok && gm_doc_tok_is(d, k + 1, "of") && is_cap_word(t, k + 2) && t->tok[k + 2].sent == t->tok[k].sent;
}

static void find_people(const gm_doc *d, person_set *p)
{
    const gm_text *t = &d->t;
    for (size_t i = 0; i < t->ntok; i++) {
        if (!is_cap_word(t, i) || (t->tok[i].flags & GM_TF_ALLCAPS))
            continue;
        /* "25-year-old Maurice Carter", "26-year-old Detroit Davis-Riley": after an age, two or more
         * capitalised words (hyphenated surnames too) are a person, whatever towns they are called
         * like; but not "a 25-year-old New York man" */
        if (i >= 3 && gm_doc_tok_is(d, i - 1, "old") && gm_tok_is(&t->tok[i - 2], '-') &&
            gm_doc_tok_is(d, i - 3, "year") && !(t->tok[i].flags & GM_TF_ALLCAPS)) {
            size_t e = i, words = 0;
            while (e < t->ntok && words < 4 && t->tok[e].sent == t->tok[i].sent) {
                if (is_cap_word(t, e) && !(t->tok[e].flags & GM_TF_ALLCAPS))
                    words++;
                else if (!(gm_tok_is(&t->tok[e], '-') && e > i && is_cap_word(t, e + 1) &&
                           t->tok[e].start == t->tok[e - 1].end && t->tok[e + 1].start == t->tok[e].end))
                    break;
                e++;
            }
            /* ("a 28-year-old Manchester Marine": a town and a calling) */
            if (words >= 2 && !names_a_place(d, i, e) && !TOK_IN(t, e, ORG_HEADS) && !TOK_IN(t, e, PERSON_NOUNS) &&
                !TOK_IN(t, e - 1, PERSON_NOUNS)) {
                for (size_t k = i; k < e; k++)
                    if (t->tok[k].type == GM_TOK_WORD)
                        person_add(p, tok_hash(t, k));
                i = e - 1;
                continue;
            }
        }
        bool titled = i > 0 && TOK_IN(t, i - 1, TITLES) && t->tok[i - 1].sent == t->tok[i].sent;
        /* "Gen. Lee" (but not "... a police spokeswoman. A Chicago officer": the stop ends a sentence) */
        if (i > 1 && gm_tok_is(&t->tok[i - 1], '.') && TOK_IN(t, i - 2, TITLES) && (t->tok[i - 2].flags & GM_TF_ABBREV))
            titled = true;
        bool given = TOK_IN(t, i, GIVEN);
        /* a country after a title is not a person's name: "its founder France Football magazine"
         * (but after a kinship word it is: "her husband Israel Alvarez") */
        if (titled && !given && names_country(d, i) && !TOK_IN(t, i - 1, KIN))
            titled = false;
        size_t j = i + 1;
        /* an initial in the middle: "John F. Kennedy" */
        if (j + 1 < t->ntok && t->tok[j].type == GM_TOK_WORD && t->tok[j].end - t->tok[j].start == 1 &&
            gm_tok_is(&t->tok[j + 1], '.'))
            j += 2;
        /* (an acronym, possessive too, is no surname: "Dallas PD's" - the tokenizer marks "PD's" all
         * capitals) */
        bool next_cap = is_cap_word(t, j) && t->tok[j].sent == t->tok[i].sent && !(t->tok[j].flags & GM_TF_ALLCAPS) &&
                        !TOK_IN(t, j, ORG_HEADS);
        /* (a day after a town called like a given name is a date: "in west Charlotte Sunday"; a
         * capitalised little word is a title's: "the Virginia On-Time Graduation Rate") */
        /* ... nor "X Y of Z", an institution's or a law's name: "the Virginia Freedom of Information Act" */
        /* (in a headline's capitals a title is followed by little words: "Named Ambassador At Large
         * For Haiti" names no person At Large or For Haiti) */
        if ((given || titled) && next_cap && !(given && !titled && TOK_IN(t, j, WEEKDAYS)) &&
            !TOK_IN(t, i, LITTLE_WORDS) && !TOK_IN(t, j, LITTLE_WORDS) && !(given && !titled && opens_x_of_y(d, j))) {
            /* "Rodney Eric Smith": every capitalised word of the name */
            person_add(p, tok_hash(t, i));
            person_add(p, tok_hash(t, j));
            /* "Mercedes Sanchez-Hernandez": and a hyphenated surname's second part */
            if (j + 2 < t->ntok && gm_tok_is(&t->tok[j + 1], '-') && t->tok[j + 1].start == t->tok[j].end &&
                t->tok[j + 2].start == t->tok[j + 1].end && is_cap_word(t, j + 2) &&
                !(t->tok[j + 2].flags & GM_TF_ALLCAPS)) {
                j += 2;
                person_add(p, tok_hash(t, j));
            }
            for (size_t n = 0; n < 2 && is_cap_word(t, j + 1) && t->tok[j + 1].sent == t->tok[j].sent &&
                               t->tok[j + 1].start == t->tok[j].end + 1 && !TOK_IN(t, j + 1, ORG_HEADS) &&
                               !TOK_IN(t, j + 1, LITTLE_WORDS) && !(t->tok[j + 1].flags & GM_TF_ALLCAPS);
                 n++)
                person_add(p, tok_hash(t, ++j));
            i = j;
        } else if (next_cap && j == i + 3 && (t->tok[i + 1].flags & GM_TF_CAP) && t->tok[j].end - t->tok[j].start >= 2 &&
                   !TOK_IN(t, i, DIRECTIONS) && !TOK_IN(t, i, COMMON) && !TOK_IN(t, i, CALENDAR)) {
            /* "Tia A. Ewing": a middle initial between two capitalised words makes a person, even
             * with a given name the list lacks */
            person_add(p, tok_hash(t, i));
            person_add(p, tok_hash(t, j));
            i = j;
        } else if (next_cap && j == i + 1 && age_follows(d, j) && t->tok[j].start == t->tok[i].end + 1 &&
                   !TOK_IN(t, i, DIRECTIONS) && !TOK_IN(t, i, COMMON) && !TOK_IN(t, i, CALENDAR) &&
                   !(t->tok[j].flags & GM_TF_POSSESSIVE) && !names_a_place(d, i, j + 1)) {
            /* "Maurice Carter, 25, was charged": a given name and a surname with an age after them */
            person_add(p, tok_hash(t, i));
            person_add(p, tok_hash(t, j));
            i = j;
        } else if (age_follows(d, i) && !known_place_or_demonym(d, i, i + 1)) {
            /* "Desmond Clark, 22, pleaded": a name with an age after it */
            person_add(p, tok_hash(t, i));
        } else if (titled && !(t->tok[i].flags & GM_TF_SENT_START) && !TOK_IN(t, i, COMMON)) {
            /* "President Putin": a title before a single name */
            person_add(p, tok_hash(t, i));
        } else if (next_cap && j == i + 1 && !TOK_IN(t, i, DIRECTIONS) && !TOK_IN(t, i, CALENDAR) &&
                   !TOK_IN(t, i, COMMON) && !TOK_IN(t, j, COMMON) && !TOK_IN(t, j, CALENDAR) &&
                   t->tok[j].start == t->tok[i].end + 1 && !(t->tok[j].flags & GM_TF_POSSESSIVE)) {
            /* "Trent Polk", "Provi Underwood": two capitalised words that are not a known place name
             * are most often a person; remember the surname, so that "Underwood" alone later is
             * not taken for the town of that name */
            const gm_idx_key *pair = gm_lookup_tokens(d, i, j + 1, false);
            bool place_pair = pair && (pair->flags & (GM_KEY_NAME | GM_KEY_PREFIX));
            /* "Carson Ellis who saw it": two names of towns, but a town is no "who" */
            bool who = gm_doc_tok_is(d, j + 1, "who") ||
                       (j + 2 < t->ntok && gm_tok_is(&t->tok[j + 1], ',') && gm_doc_tok_is(d, j + 2, "who"));
            if (!place_pair && who) {
                person_add(p, tok_hash(t, i));
                person_add(p, tok_hash(t, j));
            } else if (!place_pair && !known_place_or_demonym(d, i, i + 1) && !known_place_or_demonym(d, j, j + 1) &&
                       !(j + 1 < t->ntok && is_cap_word(t, j + 1) && t->tok[j + 1].sent == t->tok[j].sent))
                person_add(p, tok_hash(t, j));
        }
    }
}

/* Token i may be part of a person's name: a capitalised word, not a country, region, big city or
 * demonym. */
static bool name_word(const gm_doc *d, size_t i)
{
    const gm_text *t = &d->t;
    return i < t->ntok && is_cap_word(t, i) && !(t->tok[i].flags & GM_TF_ALLCAPS) && !TOK_IN(t, i, COMMON) &&
           !TOK_IN(t, i, CALENDAR) && !TOK_IN(t, i, TITLES) && !known_key(d, i, i + 1, true);
}

/* The names before "was shot", "were pronounced dead" are people, and so are names joined to them by
 * "and" ("Monroe Clayton and Reggie Jefferson were pronounced dead"): what the sentence says befell
 * them befalls no town. */
static void subject_people(const gm_doc *d, person_set *p)
{
    const gm_text *t = &d->t;
    for (size_t v = 2; v + 1 < t->ntok; v++) {
        if (!(gm_doc_tok_is(d, v, "was") || gm_doc_tok_is(d, v, "were")))
            continue;
        size_t w = v + 1; /* "were both pronounced", "was fatally shot" */
        if (w + 1 < t->ntok && (gm_doc_tok_is(d, w, "both") || gm_doc_tok_is(d, w, "all") || gm_doc_tok_is(d, w, "later") ||
                                gm_doc_tok_is(d, w, "also") || gm_doc_tok_is(d, w, "fatally") ||
                                gm_doc_tok_is(d, w, "critically") || gm_doc_tok_is(d, w, "seriously")))
            w++;
        if (!TOK_IN(t, w, PERSON_VERBS))
            continue;
        size_t e = v; /* the name ends before e */
        for (int names = 0; names < 3 && e > 0 && name_word(d, e - 1) && t->tok[e - 1].sent == t->tok[v].sent; names++) {
            size_t b = e - 1;
            if (b > 0 && name_word(d, b - 1) && t->tok[b - 1].sent == t->tok[b].sent &&
                t->tok[b - 1].end + 1 == t->tok[b].start)
                b--; /* "Monroe Clayton": the given name too */
            /* a sentence's first word alone is too often a town: "Compton was hit by ..." needs more */
            if (b == e - 1 && (t->tok[b].flags & GM_TF_SENT_START))
                break;
            for (size_t k = b; k < e; k++)
                person_add(p, tok_hash(t, k));
            if (b < 2 || !gm_doc_tok_is(d, b - 1, "and"))
                break;
            e = b - 1;
        }
    }
}

/* Word i is part of a social-media handle or an e-mail address: glued to an '@' or '_' before it,
 * or to an '_', '@' or '.' and a letter after it. */
static bool in_handle(const gm_text *t, size_t i)
{
    const gm_token *k = &t->tok[i];
    if (i > 0 && t->tok[i - 1].end == k->start && (gm_tok_is(&t->tok[i - 1], '@') || gm_tok_is(&t->tok[i - 1], '_')))
        return true;
    if (i + 1 < t->ntok && t->tok[i + 1].start == k->end) {
        const gm_token *n = &t->tok[i + 1];
        if (gm_tok_is(n, '@') || gm_tok_is(n, '_'))
            return true;
        if (gm_tok_is(n, '.') && i + 2 < t->ntok && t->tok[i + 2].start == n->end && t->tok[i + 2].type == GM_TOK_WORD &&
            (t->tok[i + 2].flags & GM_TF_LOWER))
            return true;
    }
    return false;
}

/* Every name under the key is an abbreviation or a code ("USS", "UKS"). */
static bool only_abbreviation_key(const gm_gazetteer *g, const gm_idx_key *k)
{
    for (uint32_t i = 0; i < k->npost; i++) {
        unsigned type = gm_post_type(g->postings[k->post + i]);
        if (type != GM_NT_ABBREV && type != GM_NT_CODE)
            return false;
    }
    return true;
}

/* Every entry of the key is an admin-1 or admin-2 region. */
static bool only_regions(const gm_gazetteer *g, const gm_idx_key *k)
{
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t place = gm_post_place(g->postings[k->post + i]);
        if (gm_gz_place_ok(g, place) && g->places[place].kind != GM_PK_ADMIN1 && g->places[place].kind != GM_PK_ADMIN2)
            return false;
    }
    return k->npost > 0;
}

/* Every entry has the key only as an alternate name, an abbreviation, a name in another language or
 * a code: none is called so in its own right. */
static bool only_alternate_names(const gm_gazetteer *g, const gm_idx_key *k)
{
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t post = g->postings[k->post + i];
        if (gm_post_type(post) < GM_NT_ALT && gm_gz_place_ok(g, gm_post_place(post)))
            return false;
    }
    return true;
}

/* Tokens [a, b) (capitalised words) come again elsewhere in the text, not after the capitalised word
 * before a ("Charlotte", "west Charlotte" after "West Charlotte"). */
static bool said_alone(const gm_doc *d, size_t a, size_t b)
{
    const gm_text *t = &d->t;
    size_t n = b - a;
    for (size_t p = 0; p + n <= t->ntok; p++) {
        if (p == a || (p > 0 && t->tok[p - 1].hash == t->tok[a - 1].hash && (t->tok[p - 1].flags & GM_TF_CAP)))
            continue;
        size_t x = 0;
        while (x < n && t->tok[p + x].type == GM_TOK_WORD && (t->tok[p + x].flags & (GM_TF_CAP | GM_TF_ALLCAPS)) &&
               t->tok[p + x].hash == t->tok[a + x].hash && t->tok[p + x].fold_len == t->tok[a + x].fold_len &&
               memcmp(gm_tok_fold(t, &t->tok[p + x]), gm_tok_fold(t, &t->tok[a + x]), t->tok[a + x].fold_len) == 0)
            x++;
        if (x == n && (p + n == t->ntok || !is_cap_word(t, p + n) || t->tok[p + n].sent != t->tok[p].sent))
            return true;
    }
    return false;
}

/* The key has a populated place among its entries. */
static bool has_town(const gm_gazetteer *g, const gm_idx_key *k)
{
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t place = gm_post_place(g->postings[k->post + i]);
        if (gm_gz_place_ok(g, place) && g->places[place].kind == GM_PK_PLACE)
            return true;
    }
    return false;
}

/* Every entry of key k (at most the first 64) is also an entry of key of: "Dublin City" names the
 * Dublin that "Dublin" names. */
static bool places_within(const gm_gazetteer *g, const gm_idx_key *k, const gm_idx_key *of)
{
    if (k->npost == 0 || k->npost > 64)
        return false;
    for (uint32_t i = 0; i < k->npost; i++) {
        uint32_t place = gm_post_place(g->postings[k->post + i]);
        bool found = false;
        for (uint32_t j = 0; j < of->npost && j < 4096 && !found; j++)
            found = gm_post_place(g->postings[of->post + j]) == place;
        if (!found)
            return false;
    }
    return true;
}

/* "I'll", "We've", "Don't": an apostrophe followed by a contraction ending. */
static bool is_contraction(const gm_doc *d, const gm_token *k)
{
    const char *s = d->text + k->start;
    size_t n = k->end - k->start;
    for (size_t i = 1; i + 1 < n; i++) {
        bool apos = s[i] == '\'' || (i + 3 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                                      (unsigned char)s[i + 2] == 0x99);
        if (!apos)
            continue;
        size_t j = s[i] == '\'' ? i + 1 : i + 3;
        size_t rest = n - j;
        const char *r = s + j;
        if ((rest == 2 && (strncasecmp(r, "ll", 2) == 0 || strncasecmp(r, "ve", 2) == 0 || strncasecmp(r, "re", 2) == 0)) ||
            (rest == 1 && (*r == 'd' || *r == 'D' || *r == 'm' || *r == 'M' || *r == 't' || *r == 'T')))
            return true;
    }
    return false;
}

/* ------------------------------------------------------------------ the matcher */
/* The word occurs in lower case somewhere in the document: evidence that it is an ordinary word. */
/* The lower-case words of a document in a hash table of token indices (each distinct word once),
 * made when first needed: "seen in lower case?" asked for every capitalised word opening a
 * sentence would otherwise scan the whole text each time. */
typedef struct lower_set {
    uint32_t *keys; /* token index + 1, 0 = empty; mask + 1 slots */
    size_t mask;
    bool made, failed;
} lower_set;

/* Is word i (without a possessive 's) also written in lower case somewhere in the text?  (No when
 * memory runs out: the word is then judged by the rest.) */
static bool seen_lowercase(const gm_text *t, size_t i, lower_set *ls)
{
    if (!ls->made) {
        ls->made = true;
        size_t n = 0;
        for (size_t j = 0; j < t->ntok; j++)
            n += (t->tok[j].flags & GM_TF_LOWER) != 0;
        size_t cap = 16;
        while (cap < 2 * n + 1)
            cap *= 2;
        ls->keys = gm_calloc(cap, sizeof *ls->keys);
        if (!ls->keys) {
            ls->failed = true;
            return false;
        }
        ls->mask = cap - 1;
        for (size_t j = 0; j < t->ntok; j++) {
            const gm_token *o = &t->tok[j];
            if (!(o->flags & GM_TF_LOWER))
                continue;
            size_t slot = o->hash & ls->mask;
            const char *f = gm_tok_fold(t, o);
            while (ls->keys[slot] && !gm_tok_fold_is(t, &t->tok[ls->keys[slot] - 1], f, o->fold_len))
                slot = (slot + 1) & ls->mask;
            if (!ls->keys[slot])
                ls->keys[slot] = (uint32_t)j + 1;
        }
    }
    if (ls->failed)
        return false;
    const gm_token *k = &t->tok[i];
    const char *f = gm_tok_fold(t, k);
    uint32_t h = gm_tok_base_hash(t, k);
    for (size_t slot = h & ls->mask; ls->keys[slot]; slot = (slot + 1) & ls->mask) {
        size_t j = ls->keys[slot] - 1;
        if (gm_tok_fold_is(t, &t->tok[j], f, k->base_len))
            return j != i;
    }
    return false;
}

/* Token i belongs to a span already found (a place or a demonym). */
static bool covered_by_span(const gm_doc *d, size_t i)
{
    for (size_t k = d->nspans; k-- > 0;) {
        const gm_mspan *s = &d->spans[k];
        if (s->tok_end <= i)
            return false;
        if (s->tok_start <= i && i < s->tok_end)
            return true;
    }
    return false;
}

/* The span matched an abbreviation of a country or region ("US", "UK", "DRC"). */
static bool abbrev_of_region(const gm_doc *d, const gm_mspan *s)
{
    /* a short name ("US", "UAE") or one listed as an abbreviation - not "MORE" for Møre */
    bool shortname = s->tok_end == s->tok_start + 1 && d->t.tok[s->tok_start].fold_len <= 3;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        uint8_t kind = d->gaz->places[d->cands[c].place].kind;
        if ((d->cands[c].name_type == GM_NT_ABBREV || (shortname && d->cands[c].name_type < GM_NT_ABBREV)) &&
            (kind == GM_PK_COUNTRY || kind == GM_PK_ADMIN1))
            return true;
    }
    return false;
}

/* Every candidate was matched through an alternate name (or worse), none through its own name. */
static bool only_weak_names(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
        if (d->cands[c].name_type < GM_NT_ALT)
            return false;
    return s->ncand > 0;
}

/* Every candidate was matched through an abbreviation or a code, and none is a country ("US", "UK"
 * stay countries). */
static bool only_abbreviations(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        unsigned t = d->cands[c].name_type;
        if ((t != GM_NT_ABBREV && t != GM_NT_CODE && t != GM_NT_ALT) ||
            d->gaz->places[d->cands[c].place].kind == GM_PK_COUNTRY)
            return false;
    }
    return s->ncand > 0;
}

/* Token a comes right after "Town, ": the region position. */
static bool after_town(const gm_doc *d, size_t a)
{
    return a >= 2 && gm_tok_is(&d->t.tok[a - 1], ',') && d->nspans >= 2 && d->spans[d->nspans - 2].tok_end == a - 1;
}

/* A country or first-level region under its own name ("Turkey", "Georgia", "Jersey"). */
/* "County", "Springs", "Beach": a word that ends place names, not people's. */
static bool generic_place_word(const gm_doc *d, size_t k)
{
    static const char *const W[] = {"county", "parish", "city", "township", "borough", "town", "village", "district",
                                    "beach", "springs", "falls", "heights", "hills", "lake", "river", "park",
                                    "island", "valley", "creek", "bay", "point", "port", "harbor", "harbour",
                                    "junction", "station", "center", "centre", "oaks", "grove", "ridge", "forest"};
    for (size_t i = 0; i < GM_ARRAY_LEN(W); i++)
        if (gm_doc_tok_is(d, k, W[i]))
            return true;
    return false;
}

/* Does a region among b's candidates contain one of a's town candidates? */
static bool in_region_after(const gm_doc *d, const gm_mspan *a, const gm_mspan *b)
{
    for (uint32_t j = b->cand; j < b->cand + b->ncand; j++) {
        uint8_t kind = d->gaz->places[d->cands[j].place].kind;
        if (kind != GM_PK_COUNTRY && kind != GM_PK_ADMIN1 && kind != GM_PK_ADMIN2)
            continue;
        for (uint32_t i = a->cand; i < a->cand + a->ncand; i++)
            if (d->gaz->places[d->cands[i].place].kind == GM_PK_PLACE &&
                gm_gz_contains(d->gaz, d->cands[j].place, d->cands[i].place))
                return true;
    }
    return false;
}

static bool names_a_region(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        uint8_t kind = d->gaz->places[d->cands[c].place].kind;
        if ((kind == GM_PK_COUNTRY || kind == GM_PK_ADMIN1) && d->cands[c].name_type <= GM_NT_VARIANT)
            return true;
    }
    return false;
}

/* A candidate a reader would know without help: a country, a region, a city of 100,000, a curated
 * entry.  Small towns named like people and ordinary words need the text to point at them. */
static bool has_big_candidate(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        const gm_idx_place *p = &d->gaz->places[d->cands[c].place];
        /* "Smith" for Smith County is the county only when the text says "County" */
        if (p->kind == GM_PK_ADMIN2 && d->cands[c].name_type == GM_NT_VARIANT)
            continue;
        if (p->kind == GM_PK_COUNTRY || p->kind == GM_PK_ADMIN1 || p->kind == GM_PK_REGION ||
            p->population >= 100000 || (p->flags & GM_PF_SUPPLEMENT))
            return true;
    }
    return false;
}

/* The kind of the span's likeliest entry (by prior), or GM_PK_PLACE when it has none. */
static uint8_t likeliest_kind(const gm_doc *d, const gm_mspan *s)
{
    const gm_cand *best = NULL;
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
        if (!best || d->cands[c].prior > best->prior)
            best = &d->cands[c];
    return best ? d->gaz->places[best->place].kind : GM_PK_PLACE;
}

/* The span's likeliest entry is a continent, a country or a first-level region. */
static bool region_span(const gm_doc *d, const gm_mspan *s)
{
    uint8_t kind = likeliest_kind(d, s);
    return kind == GM_PK_COUNTRY || kind == GM_PK_ADMIN1 || kind == GM_PK_REGION;
}

static bool country_span(const gm_doc *d, const gm_mspan *s) { return likeliest_kind(d, s) == GM_PK_COUNTRY; }

/* Some region candidate of the span (a country, an admin-1 region, a larger region) is matched by
 * a name in English or of its own (or its demonym, "North American"), not one in another language:
 * "Texas" in "North Texas", "Mediterranean" in "Eastern Mediterranean", not the Danish "Island"
 * for Iceland in "North Island". */
static bool region_own_name(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        uint8_t kind = d->gaz->places[d->cands[c].place].kind;
        if ((kind == GM_PK_COUNTRY || kind == GM_PK_ADMIN1 || kind == GM_PK_REGION) &&
            (d->cands[c].name_type < GM_NT_OTHERLANG || d->cands[c].name_type == GM_NT_DEMONYM))
            return true;
    }
    return false;
}

/* Some candidate of the span is of this kind. */
static bool has_kind(const gm_doc *d, const gm_mspan *s, uint8_t kind)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++)
        if (d->gaz->places[d->cands[c].place].kind == kind)
            return true;
    return false;
}

/*
 * Span x, followed by a comma and span x + 1, is an item of a list of states, not a town in the
 * next name: "Utah, Washington, Pennsylvania" (a state before it), "cases in Washington,
 * Pennsylvania and California" (states after it) - not the town of Washington in Pennsylvania.
 */
static bool in_state_list(const gm_doc *d, size_t x)
{
    const gm_text *t = &d->t;
    const gm_mspan *a = &d->spans[x], *b = &d->spans[x + 1];
    if (!has_kind(d, a, GM_PK_ADMIN1))
        return false;
    if (x > 0 && d->spans[x - 1].tok_end + 1 == a->tok_start && gm_tok_is(&t->tok[a->tok_start - 1], ',') &&
        likeliest_kind(d, &d->spans[x - 1]) == GM_PK_ADMIN1)
        return true;
    if (x + 2 >= d->nspans)
        return false;
    const gm_mspan *c = &d->spans[x + 2];
    return c->tok_start == b->tok_end + 1 && (gm_doc_tok_is(d, b->tok_end, "and") || gm_tok_is(&t->tok[b->tok_end], ',')) &&
           likeliest_kind(d, b) == GM_PK_ADMIN1 && likeliest_kind(d, c) == GM_PK_ADMIN1;
}

/* One of the span's candidates is a country, a first-level region or a town of 100,000: the other
 * side of "Texas & Oklahoma" */
static bool big_place_span(const gm_doc *d, const gm_mspan *s)
{
    for (uint32_t c = s->cand; c < s->cand + s->ncand; c++) {
        const gm_idx_place *p = &d->gaz->places[d->cands[c].place];
        if (p->kind == GM_PK_COUNTRY || p->kind == GM_PK_ADMIN1 || (p->kind == GM_PK_PLACE && p->population >= 100000))
            return true;
    }
    return false;
}

/* "d'Ivoire", "l'Est": a word of a name after its first that starts with an elided article and a
 * capital ("Côte d'Ivoire") */
static bool elided_cap(const gm_doc *d, const gm_token *w)
{
    const char *p = d->text + w->start;
    size_t n = w->end - w->start;
    if (n < 3 || (p[0] != 'd' && p[0] != 'l'))
        return false;
    size_t k = 1;
    if (p[k] == '\'')
        k++;
    else if (n >= 5 && (unsigned char)p[k] == 0xE2 && (unsigned char)p[k + 1] == 0x80 && (unsigned char)p[k + 2] == 0x99)
        k += 3; /* a typographic apostrophe */
    else
        return false;
    return k < n && p[k] >= 'A' && p[k] <= 'Z';
}

/* Tokens [a, b) are single letters, each but the last followed by its full stop: "U . K" */
static bool letters_with_stops(const gm_text *t, size_t a, size_t b)
{
    if (b < a + 3)
        return false;
    for (size_t k = a; k < b; k++) {
        const gm_token *w = &t->tok[k];
        bool letter_turn = (k - a) % 2 == 0;
        if (letter_turn ? (w->type != GM_TOK_WORD || w->end - w->start != 1) : !gm_tok_is(w, '.'))
            return false;
        if (k > a && w->start != t->tok[k - 1].end)
            return false;
    }
    return (b - a) % 2 == 1;
}

/* The span is written "B.C.", "A.D." or "B.C.E." (letters and full stops, as eras are) */
static bool era_marker(const gm_doc *d, const gm_mspan *s)
{
    static const char *const ERAS[] = {"B.C.", "A.D.", "B.C.E.", "C.E.", "BC", "AD", "BCE"};
    size_t n = s->end - s->start;
    for (size_t k = 0; k < GM_ARRAY_LEN(ERAS); k++)
        if (strlen(ERAS[k]) == n && memcmp(d->text + s->start, ERAS[k], n) == 0)
            return true;
    return false;
}

/* Words of a span that decide how it is treated. */
static void classify(gm_doc *d, gm_mspan *s, const person_set *people, lower_set *lower)
{
    const gm_text *t = &d->t;
    size_t a = s->tok_start, b = s->tok_end; /* [a, b) */
    const gm_token *first = &t->tok[a];
    const gm_token *last = &t->tok[b - 1];
    size_t words = 0;
    for (size_t i = a; i < b; i++)
        words += t->tok[i].type != GM_TOK_PUNCT;
    bool single = words == 1;
    const char *f = gm_tok_fold(t, first);
    size_t flen = first->base_len;
    bool allcaps = (first->flags & GM_TF_ALLCAPS) != 0;
    bool prev_prep = a > 0 && TOK_IN(t, a - 1, PLACE_PREPS) && t->tok[a - 1].sent == first->sent;
    bool prev_the_prep = a > 1 && gm_doc_tok_is(d, a - 1, "the") && TOK_IN(t, a - 2, PLACE_PREPS);

    /* a dateline: an all-capitals name at the start of a paragraph followed by a comma or dash, or
     * by the agency in brackets and a dash: "MIAMI (AP) -", "CHICAGO (WLS) --" */
    bool line_start = allcaps && (first->flags & (GM_TF_PARA_START | GM_TF_NL_BEFORE | GM_TF_SENT_START));
    if (line_start && b < t->ntok &&
        (gm_tok_is(&t->tok[b], ',') || t->tok[b].punct == GM_P_DASH || gm_tok_is(&t->tok[b], '-')))
        s->flags |= GM_SF_DATELINE;
    if (line_start && b + 2 < t->ntok && gm_tok_is(&t->tok[b], '(')) {
        for (size_t k = b + 1; k < t->ntok && k <= b + 6; k++)
            if (gm_tok_is(&t->tok[k], ')')) {
                if (k + 1 < t->ntok && (t->tok[k + 1].punct == GM_P_DASH || gm_tok_is(&t->tok[k + 1], '-')))
                    s->flags |= GM_SF_DATELINE;
                break;
            }
    }

    /* surrounding words */
    if (b < t->ntok && t->tok[b].sent == last->sent) {
        if (gm_doc_tok_is(d, b, "region") || gm_doc_tok_is(d, b, "oblast") || gm_doc_tok_is(d, b, "province") ||
            gm_doc_tok_is(d, b, "governorate") || gm_doc_tok_is(d, b, "state") || gm_doc_tok_is(d, b, "krai") ||
            gm_doc_tok_is(d, b, "prefecture") || gm_doc_tok_is(d, b, "regions"))
            s->flags |= GM_SF_REGION_WORD;
        if (gm_doc_tok_is(d, b, "county") || gm_doc_tok_is(d, b, "parish") || gm_doc_tok_is(d, b, "raion") ||
            gm_doc_tok_is(d, b, "district") || gm_doc_tok_is(d, b, "borough") || gm_doc_tok_is(d, b, "township"))
            s->flags |= GM_SF_COUNTY_WORD;
        if ((gm_doc_tok_is(d, b, "city") || gm_doc_tok_is(d, b, "town") || gm_doc_tok_is(d, b, "village")) &&
            !(t->tok[b].flags & GM_TF_CAP))
            s->flags |= GM_SF_CITY_WORD;
        if (gm_doc_called_town(d, a, b)) /* "X is a small town in ..." */
            s->flags |= GM_SF_CALLED_TOWN;
    }
    if (a >= 2 && gm_doc_tok_is(d, a - 1, "of") &&
        (gm_doc_tok_is(d, a - 2, "city") || gm_doc_tok_is(d, a - 2, "town") || gm_doc_tok_is(d, a - 2, "village") ||
         gm_doc_tok_is(d, a - 2, "settlement") || gm_doc_tok_is(d, a - 2, "suburb") ||
         gm_doc_tok_is(d, a - 2, "outskirts") || gm_doc_tok_is(d, a - 2, "hamlet") ||
         gm_doc_tok_is(d, a - 2, "capital") || gm_doc_tok_is(d, a - 2, "port")))
        s->flags |= GM_SF_CITY_WORD;
    if (a >= 2 && gm_doc_tok_is(d, a - 1, "of") &&
        (gm_doc_tok_is(d, a - 2, "region") || gm_doc_tok_is(d, a - 2, "province") ||
         gm_doc_tok_is(d, a - 2, "state") || gm_doc_tok_is(d, a - 2, "oblast") ||
         gm_doc_tok_is(d, a - 2, "governorate")))
        s->flags |= GM_SF_REGION_WORD;
    if (last->flags & GM_TF_POSSESSIVE)
        s->flags |= GM_SF_POSSESSIVE;
    /* a list of names ending in "counties" or "regions": each is a county, or a region */
    for (size_t k = b, hops = 0; k < t->ntok && hops < 24 && t->tok[k].sent == last->sent; k++, hops++) {
        if (gm_doc_tok_is(d, k, "counties") || gm_doc_tok_is(d, k, "parishes") || gm_doc_tok_is(d, k, "districts")) {
            s->flags |= GM_SF_COUNTY_WORD;
            break;
        }
        if (k > b && (gm_doc_tok_is(d, k, "regions") || gm_doc_tok_is(d, k, "oblasts") ||
                      gm_doc_tok_is(d, k, "provinces") || gm_doc_tok_is(d, k, "governorates"))) {
            s->flags |= GM_SF_REGION_WORD;
            break;
        }
        const gm_token *x = &t->tok[k];
        bool listy = gm_tok_is(x, ',') || gm_doc_tok_is(d, k, "and") || gm_doc_tok_is(d, k, "or") ||
                     (x->flags & GM_TF_CAP) || gm_tok_is(x, '.') || gm_tok_is(x, '-');
        if (!listy)
            break;
    }

    float pl = 0.9f;
    if (single) {
        /* "US" in capitals is the country, "us" the pronoun */
        bool common = gm_wordset_has(&WS_COMMON, f, flen) && !(allcaps && abbrev_of_region(d, s));
        if (common && !(s->flags & (GM_SF_DATELINE | GM_SF_REGION_WORD | GM_SF_CITY_WORD)))
            pl = prev_prep && !(first->flags & GM_TF_SENT_START) ? 0.35f : 0.05f;
        bool strong_prep = a > 0 && (gm_doc_tok_is(d, a - 1, "in") || gm_doc_tok_is(d, a - 1, "at") ||
                                     gm_doc_tok_is(d, a - 1, "near") || gm_doc_tok_is(d, a - 1, "outside") ||
                                     gm_doc_tok_is(d, a - 1, "from"));
        if (person_has(people, tok_hash(t, a)) && !strong_prep && !prev_the_prep)
            pl = 0.05f;
        if (a > 0 && TOK_IN(t, a - 1, TITLES) && t->tok[a - 1].sent == first->sent &&
            !(t->tok[a - 1].flags & GM_TF_LOWER) && !(s->flags & GM_SF_POSSESSIVE))
            pl = 0.05f; /* "President Kennedy", "Gen. Lee" */
        if ((first->flags & GM_TF_SENT_START) && !allcaps && seen_lowercase(t, a, lower))
            pl *= 0.3f;
        /* "Abu Nabil", "Umm Ahmad", "bin Laden": a name after a kunya or a patronymic particle is a
         * person's (a place named so, "Abu Kamal", is matched whole) */
        if (a > 0 && t->tok[a - 1].sent == first->sent && t->tok[a - 1].end + 1 >= first->start &&
            (gm_doc_tok_is(d, a - 1, "abu") || gm_doc_tok_is(d, a - 1, "abou") || gm_doc_tok_is(d, a - 1, "umm") ||
             gm_doc_tok_is(d, a - 1, "ibn") || gm_doc_tok_is(d, a - 1, "bin") || gm_doc_tok_is(d, a - 1, "bint")) &&
            !(s->flags & GM_SF_DATELINE))
            pl = 0.05f;
        /* "3:45 PM EST": a time zone after a time, not Estonia */
        if (a > 0 && TOK_IN(t, a, TIME_ZONES) &&
            (TOK_IN(t, a - 1, TIME_WORDS) || t->tok[a - 1].type == GM_TOK_NUM ||
             (gm_tok_is(&t->tok[a - 1], '.') && a > 1 && TOK_IN(t, a - 2, TIME_WORDS))))
            pl = 0.02f;
        /* "Palestinian Red Crescent": a capitalised word before, inside a sentence, makes the match part
         * of a longer proper name, unless it is a direction ("Southern California") or a title */
        if (a > 0 && !allcaps && is_cap_word(t, a - 1) && !(t->tok[a - 1].flags & GM_TF_SENT_START) &&
            t->tok[a - 1].sent == first->sent && t->tok[a - 1].end + 1 >= first->start &&
            !TOK_IN(t, a - 1, DIRECTIONS) && !TOK_IN(t, a - 1, TITLES) && !(t->tok[a - 1].flags & GM_TF_ALLCAPS) &&
            !covered_by_span(d, a - 1))
            pl *= 0.4f;
        /* "Vladimir Putin": a name followed by a capitalised word that is not an organisation head */
        size_t nx = b;
        if (nx + 1 < t->ntok && gm_tok_is(&t->tok[nx], '-') && t->tok[nx].start == last->end &&
            t->tok[nx + 1].start == t->tok[nx].end)
            nx++; /* "Wal-Mart": the word after the hyphen */
        bool cap_next = !allcaps && is_cap_word(t, nx) && t->tok[nx].sent == first->sent &&
                        !(t->tok[nx].flags & GM_TF_ALLCAPS) && t->tok[nx].start <= t->tok[nx - 1].end + 1;
        if (cap_next && !TOK_IN(t, nx, ORG_HEADS) && !TOK_IN(t, nx, WEEKDAYS) && !(s->flags & GM_SF_POSSESSIVE) &&
            TOK_IN(t, a, GIVEN) && !opens_x_of_y(d, nx)) /* (but "Virginia Freedom of ...") */
            pl = 0.05f;
        bool big = has_big_candidate(d, s);
        /* "Jones' underwear": a possessive written with a bare apostrophe */
        if (nx < t->ntok && gm_tok_is(&t->tok[nx], '\'') && t->tok[nx].start == last->end &&
            flen > 1 && f[flen - 1] == 's')
            s->flags |= GM_SF_POSSESSIVE;
        /* "Jose Joaquin Rojas", "Abdel-Hamid": a capitalised word (or hyphenated part) before a small
         * town's name makes it part of a person's or organisation's name */
        if (!big && !allcaps && a > 0) {
            size_t pv = a - 1;
            if (gm_tok_is(&t->tok[pv], '-') && t->tok[pv].end == first->start && pv > 0 &&
                t->tok[pv - 1].end == t->tok[pv].start)
                pv--;
            /* "Jabhat Al-Nusra" is a name, "in Al-Shadadi" a town: the word before the article decides */
            if (article_at(t, pv) && pv + 2 == a && pv > 0)
                pv--;
            if (is_cap_word(t, pv) && !(t->tok[pv].flags & GM_TF_SENT_START) && t->tok[pv].sent == first->sent &&
                !TOK_IN(t, pv, DIRECTIONS) && !TOK_IN(t, pv, TITLES) && !covered_by_span(d, pv) &&
                t->tok[pv].end + 1 >= t->tok[pv + 1].start)
                pl *= 0.3f;
        }
        if (s->common_word && allcaps && !big && !(s->flags & GM_SF_DATELINE))
            pl *= 0.2f; /* "DATE:", "LAW" */
        /* "Bid to overturn ...": an ordinary word opening a sentence or headline is the word, unless it
         * is the name of a country or first-level region */
        if (s->common_word && (first->flags & GM_TF_SENT_START) && !allcaps && !names_a_region(d, s))
            pl *= 0.2f;
        if (!big && !allcaps && !(s->flags & (GM_SF_CITY_WORD | GM_SF_REGION_WORD | GM_SF_COUNTY_WORD))) {
            /* a small town's name inside a longer proper name: "Allison Gehovak", "Naomi Campbell",
             * "Section 2AA" - unless the word after is an institution ("Decatur Police") */
            if (cap_next && !TOK_IN(t, nx, ORG_HEADS) && !covered_by_span(d, nx))
                pl *= 0.15f;
            /* a person: "Walsh said", "said Kinney", "Clark, 45," */
            if ((nx < t->ntok && TOK_IN(t, nx, SPEECH) && !strong_prep) || /* but "police in Latta said" */
                (nx + 1 < t->ntok && gm_tok_is(&t->tok[nx], ',') && TOK_IN(t, nx + 1, SPEECH)) ||
                (a > 0 && TOK_IN(t, a - 1, SPEECH) && !(t->tok[a - 1].flags & GM_TF_CAP)))
                pl *= 0.1f;
            /* "Stewart's": a small town in the possessive is more often a person */
            if (s->flags & GM_SF_POSSESSIVE)
                pl *= 0.5f;
            /* "Commerce", "Superior", "Section": an ordinary word unless the text says place */
            if (s->common_word && !strong_prep)
                pl *= 0.2f;
        }
        /* "Clark, 45, was arrested": a name with an age after it is a person, however big the
         * places called so */
        if (nx + 2 < t->ntok && gm_tok_is(&t->tok[nx], ',') && t->tok[nx + 1].type == GM_TOK_NUM &&
            gm_tok_is(&t->tok[nx + 2], ',') && !names_a_region(d, s) && !(s->flags & GM_SF_DATELINE))
            pl *= 0.1f;
        /* "Sen.", "Gen.": an abbreviation with its full stop is a title, unless indexed as such */
        if ((first->flags & GM_TF_ABBREV) && !s->common_word && s->tok_end == a + 1 && TOK_IN(t, a, TITLES))
            pl = 0.02f;
        /* "Northeast Georgia", "Northwest 13th Street": a direction before a name qualifies it */
        if (TOK_IN(t, a, DIRECTIONS) && !(s->flags & (GM_SF_REGION_WORD | GM_SF_CITY_WORD | GM_SF_DATELINE)) &&
            !strong_prep)
            pl *= 0.2f;
        /* an ordinary word that is only an alternate name of a place ("Drug", "Region", "Creek") */
        if (s->common_word && only_weak_names(d, s))
            pl *= 0.1f;
        /* all capitals, matched only as an abbreviation of a region or through a code ("PA officials",
         * "OK sign", "LST-325"): a place only as the region after a town */
        if (allcaps && only_abbreviations(d, s) && !(s->flags & GM_SF_DATELINE) && !after_town(d, a))
            pl *= 0.1f;
        /* "in May", "on Easter": times */
        if (TOK_IN(t, a, CALENDAR) && !(s->flags & (GM_SF_DATELINE | GM_SF_REGION_WORD | GM_SF_CITY_WORD)))
            pl = 0.02f;
    }
    /* "Robert Lee Adams": a town whose name starts with a given name, followed by a surname */
    if (!single && !allcaps && TOK_IN(t, a, GIVEN) && !generic_place_word(d, b - 1) && is_cap_word(t, b) &&
        t->tok[b].sent == last->sent &&
        t->tok[b].start == last->end + 1 && !TOK_IN(t, b, ORG_HEADS) && !TOK_IN(t, b, STREETS) &&
        !covered_by_span(d, b) && !has_big_candidate(d, s) &&
        !(s->flags & (GM_SF_CITY_WORD | GM_SF_REGION_WORD | GM_SF_COUNTY_WORD | GM_SF_DATELINE)))
        pl = 0.05f;
    /* streets and addresses: "Tuscarawas Street", "16411 Saybrook", "the 700 block of Tennessee" */
    if (!(s->flags & GM_SF_DATELINE)) {
        bool street = b < t->ntok && (t->tok[b].flags & GM_TF_CAP) && TOK_IN(t, b, STREETS) &&
                      t->tok[b].sent == last->sent;
        bool named_street = street && t->tok[b].start == last->end + 1;
        /* "Fifth Street", "Airport Road": a name that itself ends in a street word (GeoNames holds
         * a few such census places) is a street, unless its state follows ("Fifth Street, Texas") */
        bool own_street = !single && TOK_IN(t, b - 1, STREETS_ONLY) && !(b < t->ntok && gm_tok_is(&t->tok[b], ','));
        if (own_street) {
            street = true;
            pl *= 0.1f;
        }
        /* "South Orange Blossom Trail", "Ocean View Park Drive": a name inside a street's */
        for (size_t z = b; !street && z < b + 2 && is_cap_word(t, z) && t->tok[z].start == t->tok[z - 1].end + 1 &&
                           !TOK_IN(t, z, STREETS) && !covered_by_span(d, z);
             z++)
            if (z + 1 < t->ntok && (t->tok[z + 1].flags & GM_TF_CAP) && TOK_IN(t, z + 1, STREETS_ONLY) &&
                t->tok[z + 1].start == t->tok[z].end + 1)
                street = true;
        if (a > 0 && t->tok[a - 1].type == GM_TOK_NUM && t->tok[a - 1].end - t->tok[a - 1].start >= 3 &&
            t->tok[a - 1].end + 1 >= first->start)
            street = true;
        if (a >= 2 && gm_doc_tok_is(d, a - 1, "of") && gm_doc_tok_is(d, a - 2, "block"))
            street = true;
        /* "Vermont and Manchester avenues", "at Lakeview and Harrison streets": both names are streets */
        if (TOK_IN(t, b, STREETS_PL) && t->tok[b].sent == last->sent)
            street = true;
        if (gm_doc_tok_is(d, b, "and") && t->tok[b].sent == last->sent) {
            size_t z = b + 1;
            while (z < t->ntok && z < b + 4 && is_cap_word(t, z))
                z++;
            if (z > b + 1 && TOK_IN(t, z, STREETS_PL) && t->tok[z].sent == last->sent)
                street = true;
        }
        /* "the 2800 block of South Central Park", "block of N. Broadway" */
        size_t q = a;
        if (q >= 1 && gm_tok_is(&t->tok[q - 1], '.'))
            q--;
        if (q >= 3 && q < a + 1 && (TOK_IN(t, q - 1, DIRECTIONS) || t->tok[q - 1].end - t->tok[q - 1].start == 1) &&
            gm_doc_tok_is(d, q - 2, "of") && gm_doc_tok_is(d, q - 3, "block"))
            street = true;
        if (street)
            s->flags |= GM_SF_STREET;
        /* the mention is the street's whole name ("Wichita Drive", "Memphis St."), what it names */
        if (named_street && !s->given) {
            s->tok_end = (uint32_t)b + 1;
            s->end = t->tok[b].end;
            if (b + 1 < t->ntok && gm_tok_is(&t->tok[b + 1], '.') && t->tok[b + 1].start == t->tok[b].end &&
                TOK_IN(t, b, STREET_ABBREVS)) {
                s->tok_end++;
                s->end++;
            }
        }
    }
    /* "United Russia", "Air France", "Radio Free Europe": a country's name made into a party's,
     * an airline's or a broadcaster's */
    if (a > 0 && (t->tok[a - 1].flags & GM_TF_CAP) && t->tok[a - 1].end + 1 >= first->start &&
        (gm_doc_tok_is(d, a - 1, "united") || gm_doc_tok_is(d, a - 1, "air") || gm_doc_tok_is(d, a - 1, "radio") ||
         gm_doc_tok_is(d, a - 1, "free") || gm_doc_tok_is(d, a - 1, "team") || gm_doc_tok_is(d, a - 1, "miss")))
        pl *= 0.1f;
    /* "Kyiv City Council": the place inside an organisation's name still counts as a mention */
    if (b < t->ntok && TOK_IN(t, b, ORG_HEADS) && (t->tok[b].flags & GM_TF_CAP) && t->tok[b].sent == last->sent)
        s->flags |= GM_SF_IN_ORG;
    if (allcaps && !(s->flags & GM_SF_DATELINE) && single && flen <= 3 && !abbrev_of_region(d, s))
        pl *= 0.5f; /* acronyms: "AP", "UN" (but "US", "UK", "UAE" name their countries) */
    /* "Miami's Liberty City neighborhood": a part of the city before it, which the gazetteer rarely
     * holds; its namesake elsewhere (in Texas) must not vote the city there too */
    if (a > 0 && (t->tok[a - 1].flags & GM_TF_POSSESSIVE) && (t->tok[a - 1].flags & GM_TF_CAP) && b < t->ntok &&
        (gm_doc_tok_is(d, b, "neighborhood") || gm_doc_tok_is(d, b, "neighbourhood") || gm_doc_tok_is(d, b, "district") ||
         gm_doc_tok_is(d, b, "section") || gm_doc_tok_is(d, b, "area")))
        pl *= 0.2f;
    /* "West Africa", "Northern Europe", "North Texas": a capitalised compass word before the name of
     * a continent, a country or a state is part of the name (the point stays the whole's) */
    if (!s->given && a > 0 && is_cap_word(t, a - 1) && TOK_IN(t, a - 1, COMPASS_ADJ) &&
        t->tok[a - 1].end + 1 == first->start && t->tok[a - 1].sent == first->sent && region_span(d, s) &&
        region_own_name(d, s) &&
        (!covered_by_span(d, a - 1) || (d->nspans >= 2 && d->spans[d->nspans - 2].tok_start == a - 1 &&
                                        d->spans[d->nspans - 2].tok_end == a))) {
        s->tok_start = (uint32_t)(a - 1);
        s->start = t->tok[a - 1].start;
    }
    /* "in 250 B.C.", "A.D. 79": an era beside a year, not British Columbia or Andorra */
    if (era_marker(d, s) && ((a > 0 && t->tok[a - 1].type == GM_TOK_NUM) || (b < t->ntok && t->tok[b].type == GM_TOK_NUM)))
        pl = 0.02f;
    s->placeness = pl;
}

#define ALONE_MEMO 64

gm_status gm_recognize(gm_doc *d)
{
    pthread_once(&sets_once, build_sets);
    const gm_text *t = &d->t;
    person_set people;
    people.n = 0;
    find_people(d, &people);
    subject_people(d, &people);
    lower_set lower = {NULL, 0, false, false};
    const gm_idx_key *alone_keys[ALONE_MEMO];
    bool alone_vals[ALONE_MEMO];
    size_t nalone = 0;
    for (size_t i = 0; i < t->ntok; i++) {
        const gm_token *k = &t->tok[i];
        if (k->type != GM_TOK_WORD || !(k->flags & GM_TF_CAP))
            continue;
        if (k->end - k->start < 2 && !(i + 1 < t->ntok && gm_tok_is(&t->tok[i + 1], '.')))
            continue; /* "A", "I": a lone letter is no place (but "U.S." starts with one) */
        if (is_contraction(d, k))
            continue; /* "I'll", "We'd" */
        if (in_handle(t, i))
            continue; /* "@TIA_EWING", "bob.denver@example.com": an account, not a place */
        /* walk forward, keeping the longest key that is a name */
        size_t best_end = 0, prev_end = 0;
        bool best_poss = false;
        const gm_idx_key *best = NULL, *prev = NULL;
        char buf[512];
        size_t n = 0;
        uint64_t h = GM_FNV_INIT;
        size_t j = i;
        while (j != SIZE_MAX) {
            const gm_token *w = &t->tok[j];
            if (w->type == GM_TOK_PUNCT)
                break;
            if (n + w->fold_len + 2 >= sizeof buf)
                break;
            bool cap_ok = (w->flags & (GM_TF_CAP | GM_TF_ALLCAPS)) != 0 || (j > i && elided_cap(d, w));
            uint64_t hb = h;
            size_t nb = n;
            if (n) {
                buf[n++] = ' ';
                h = gm_fnv(h, " ", 1);
                hb = h;
                nb = n;
            }
            /* possessive: try the word without 's first, and stop there ("Kyiv's") */
            if ((w->flags & GM_TF_POSSESSIVE) && cap_ok) {
                memcpy(buf + n, gm_tok_fold(t, w), w->base_len);
                const gm_idx_key *e = gm_gz_find(d->gaz, buf, n + w->base_len, gm_fnv(hb, buf + nb, w->base_len));
                if (e && (e->flags & GM_KEY_NAME)) {
                    best = e;
                    best_end = j + 1;
                    best_poss = true;
                }
            }
            memcpy(buf + n, gm_tok_fold(t, w), w->fold_len);
            h = gm_fnv(h, buf + n, w->fold_len);
            n += w->fold_len;
            const gm_idx_key *e = gm_gz_find(d->gaz, buf, n, h);
            if (!e)
                break;
            /* "US's": the possessive of "US", not the abbreviation "USS"; "France's", "Canada's": the
             * country's possessive, not the hamlets called Frances or Canadas (but "St. John's" is
             * the city, not "St. John" in the possessive) */
            if ((e->flags & GM_KEY_NAME) && cap_ok &&
                !(best_poss && best_end == j + 1 &&
                  (only_abbreviation_key(d->gaz, e) || (key_names_big(d->gaz, best, BIG_OWN_NAMES | BIG_TOWNS_ONLY) &&
                   !key_names_big(d->gaz, e, BIG_OWN_NAMES | BIG_TOWNS_ONLY))))) {
                if (best && !best_poss) {
                    prev = best;
                    prev_end = best_end;
                }
                best = e;
                best_end = j + 1;
                best_poss = false;
            }
            /* "Calif.", "N.Y.": abbreviations are indexed with their full stop */
            if (cap_ok && j + 1 < t->ntok && gm_tok_is(&t->tok[j + 1], '.') && t->tok[j + 1].start == w->end &&
                n + 1 < sizeof buf) {
                buf[n] = '.';
                const gm_idx_key *ed = gm_gz_find(d->gaz, buf, n + 1, gm_fnv(h, ".", 1));
                if (ed && (ed->flags & GM_KEY_NAME)) {
                    best = ed;
                    best_end = j + 2;
                    best_poss = false;
                }
            }
            /* a possessive ends the name unless a longer one goes on through it ("People's
             * Republic of China", "Martha's Vineyard") */
            if (!(e->flags & GM_KEY_PREFIX))
                break;
            j = next_name_token(t, j);
        }
        /* "Al-Shadadi": a name the gazetteer lacks with its article is looked up without it (the
         * next word starts the match, and the span takes the article back) */
        if (article_at(t, i) && (!best || best_end == i + 1))
            continue;
        if (!best)
            continue;
        /* "West Charlotte", "East Germantown": a point of the compass before a town's name that the
         * text also uses on its own, where the two words are only an alternate name of some other,
         * small place, is the part of the town it names: the name starts at the next word */
        if (best_end > i + 1 && !best_poss && TOK_IN(t, i, COMPASS) && only_alternate_names(d->gaz, best)) {
            /* the answer is the key's, wherever it stands: asked once per key (a text repeating "West
             * Charlotte" would otherwise be scanned whole at each) */
            int alone = -1;
            for (size_t m = 0; m < nalone; m++)
                if (alone_keys[m] == best)
                    alone = alone_vals[m];
            if (alone < 0 && nalone < ALONE_MEMO) {
                alone = said_alone(d, i + 1, best_end);
                alone_keys[nalone] = best;
                alone_vals[nalone++] = (bool)alone;
            }
            /* past ALONE_MEMO such names in one text the rest stay whole: the time stays linear */
            if (alone > 0)
                continue;
        }
        /* "Kyiv City Council", "Dublin City Manager", "Kentucky State Police": "City" or "State"
         * belongs to the institution when the longer name is only a region ("Kyiv City", the
         * city-region) and the shorter a town, or names no entry the shorter does not ("Dublin City",
         * "Kentucky State").  "Walker County Jail" stays the county's. */
        if (prev && best_end < t->ntok && (gm_doc_tok_is(d, best_end - 1, "city") || gm_doc_tok_is(d, best_end - 1, "state")) &&
            (t->tok[best_end].flags & GM_TF_CAP) && TOK_IN(t, best_end, ORG_HEADS) &&
            ((only_regions(d->gaz, best) && has_town(d->gaz, prev)) || places_within(d->gaz, best, prev))) {
            best = prev;
            best_end = prev_end;
        }
        /* "Florida Department of Law Enforcement", "Ohio Department of Health": a state's ministry,
         * not the department of Uruguay or Colombia called so; the place is the state */
        if (prev && best_end < t->ntok && gm_doc_tok_is(d, best_end - 1, "department") &&
            gm_doc_tok_is(d, best_end, "of")) {
            best = prev;
            best_end = prev_end;
        }
        /* "U.K.": the full stop after the last letter belongs to the name */
        if (!best_poss && best_end < t->ntok && gm_tok_is(&t->tok[best_end], '.') &&
            t->tok[best_end].start == t->tok[best_end - 1].end && letters_with_stops(t, i, best_end))
            best_end++;
        gm_mspan *s = new_span(d);
        if (!s) {
            gm__free(lower.keys);
            return GM_E_NOMEM;
        }
        s->tok_start = (uint32_t)i;
        s->tok_end = (uint32_t)best_end;
        s->start = i >= 2 && article_at(t, i - 2) ? t->tok[i - 2].start : k->start; /* "al-Bab" */
        const gm_token *last = &t->tok[best_end - 1];
        s->end = best_poss ? strip_possessive(d->text, last->start, last->end) : last->end;
        s->kind = gm_key_is_demonym(d->gaz, best) ? GM_MENTION_DEMONYM : GM_MENTION_NAME;
        s->common_word = (best->flags & GM_KEY_COMMON) != 0;
        bool allcaps = true;
        for (size_t x = i; x < best_end; x++)
            if (t->tok[x].type == GM_TOK_WORD && !(t->tok[x].flags & GM_TF_ALLCAPS) &&
                !(t->tok[x].end - t->tok[x].start == 1 && (t->tok[x].flags & GM_TF_CAP)))
                allcaps = false;
        /* a postal code ("TX") counts only as the region of the town before it: "Paris, TX" */
        bool container_pos = i >= 2 && gm_tok_is(&t->tok[i - 1], ',') && d->nspans >= 2 &&
                             d->spans[d->nspans - 2].tok_end == i - 1;
        if (!gm_span_add_candidates(d, s, best, allcaps,
                                    s->kind == GM_MENTION_DEMONYM ? GM_CANDS_DEMONYMS
                                    : container_pos             ? GM_CANDS_WITH_CODES
                                                                : GM_CANDS_NAMES)) {
            gm__free(lower.keys);
            return GM_E_NOMEM;
        }
        if (s->ncand == 0) {
            d->nspans--;
            continue;
        }
        classify(d, s, &people, &lower);
        /* "West Africa": the compass word taken into a region's name had been found alone ("West"):
         * that span gives way */
        if (d->nspans >= 2 && s->tok_start < d->spans[d->nspans - 2].tok_end) {
            d->spans[d->nspans - 2] = *s;
            d->nspans--;
            s = &d->spans[d->nspans - 1];
        }
        if (s->kind == GM_MENTION_DEMONYM && !d->opt.demonyms)
            s->dropped = true;
        i = s->tok_end - 1; /* (classify may have taken in a street word) */
    }
    /* "Stevens & Wilkinson", "Batman & Robin": a name joined by an ampersand to a capitalised word
     * that is no big place is a firm's, a title's or a pair of people's ("Texas & Oklahoma" stand) */
    for (size_t x = 0; x < d->nspans; x++) {
        gm_mspan *a = &d->spans[x];
        size_t u = a->tok_start, v = a->tok_end;
        bool after = v + 1 < t->ntok && gm_tok_is(&t->tok[v], '&') && is_cap_word(t, v + 1) &&
                     !(x + 1 < d->nspans && d->spans[x + 1].tok_start == v + 1 && big_place_span(d, &d->spans[x + 1]));
        bool before = u >= 2 && gm_tok_is(&t->tok[u - 1], '&') && is_cap_word(t, u - 2) &&
                      !(x > 0 && d->spans[x - 1].tok_end == u - 1 && big_place_span(d, &d->spans[x - 1]));
        if (after || before)
            a->placeness *= 0.2f;
    }
    /* containers: "Balashikha, Moscow Oblast", "Paris, Texas" */
    for (size_t x = 0; x + 1 < d->nspans; x++) {
        gm_mspan *a = &d->spans[x], *b = &d->spans[x + 1];
        if (a->kind != GM_MENTION_NAME || b->kind != GM_MENTION_NAME)
            continue;
        /* ("Mexico, China, Japan": a country's name before a comma is a list's item, not a town in
         * the next - though Kagoshima has a village called China) */
        size_t in = gm_doc_written_in(d, x); /* or "Fairfield County in southwestern Connecticut" */
        if (in && d->spans[in - 1].kind == GM_MENTION_NAME) {
            a->container = (uint32_t)in; /* "Lowell is an unincorporated community in Summers County" */
            continue;
        }
        if (gm_doc_comma_next(d, x) && t->tok[a->tok_end].sent == t->tok[a->tok_start].sent && !country_span(d, a) &&
            !in_state_list(d, x)) {
            a->container = (uint32_t)(x + 2);
            /* "Superior, Wisconsin", "Commerce, Texas": a region around one of its places says
             * that an ordinary word is the town */
            if (a->placeness < 0.8f && in_region_after(d, a, b))
                a->placeness = 0.8f;
        }
    }
    gm__free(lower.keys);
    return GM_OK;
}
