/*
 * Recognition and resolution rules, one sentence each, against the full default gazetteer (built
 * by the gazetteer_build test): the rules only mean something where the real ambiguities are.
 * Every sentence is written for this test.
 *
 * Each row names a mention by its text (and which occurrence) and what must hold for it:
 *   "-"            not reported at all
 *   "cc=UA"        country code          "a1=US.IL"   admin-1 code
 *   "fc=ADM1"      feature code          "prec=admin2" precision
 *   "gn=6255146"   GeoNames id
 *   "demonym"      reported as a demonym "conf>0.8" / "conf<0.5"  reported confidence
 * Conditions are separated by ';' and all must hold.
 */
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "mentions.h"

static gm_gazetteer *g;

typedef struct rule_case {
    const char *rule; /* what the row checks, for the failure message */
    const char *text;
    const char *mention;
    int nth;
    const char *expect;
} rule_case;

static const rule_case CASES[] = {
    /* transliterations */
    {"a city's other spelling is its name ('Mykolaiv' for Mykolayiv, not a town of Lviv Oblast)",
     "The mayor of Mykolaiv said the city had no power.", "Mykolaiv", 0, "a1=UA.16;fc=PPLA"},
    {"... but a village's misspelt alternate name is no spelling of a state (Minneota, among its neighbours)",
     "Hail fell on Marshall, Canby, Ghent and Minnesota on Friday.", "Minnesota", 0, "a1=US.MN;prec=admin1"},
    {"a place written ', in' its country right after its name",
     "Clashes erupted in Tripoli, in northern Lebanon, overnight.", "Tripoli", 0, "cc=LB"},
    {"a bare city name is no small region's short name (Jamaica's Portland Parish)",
     "Protests continued in Portland for a third night.", "Portland", 0, "a1=US.OR"},
    /* people named like places */
    {"given name before a surname", "Mayor Lincoln Chafee said the budget was tight.", "Lincoln", 0, "-"},
    {"speech verb after a name", "The budget is tight, Walsh said on Monday.", "Walsh", 0, "-"},
    {"a town before 'said' after 'in'", "Police in Latta said the suspect fled.", "Latta", 0, "a1=US.SC"},
    {"later mentions follow the first mention with a region written next to it",
     "Arlington is a city in Gilliam County, Oregon. Settlers named it after Arlington, Virginia, the home of a "
     "general. In 1963 Arlington was moved to higher ground.",
     "Arlington", 2, "a1=US.OR"},
    {"a town is said to lie in the second region written when the gazetteer lacks the first",
     "Goshen is an unincorporated community within Middle Township, in Cape May County, New Jersey.", "Goshen", 0,
     "a1=US.NJ"},
    {"a county its written state does not hold is no guide to the town in it",
     "Stamford is a city in Fairfield County, Connecticut, on the coast.", "Stamford", 0, "a1=US.CT;prec=place"},
    {"... and is put at that state", "Stamford is a city in Fairfield County, Connecticut, on the coast.",
     "Fairfield County", 0, "a1=US.CT;prec=admin1"},
    {"a country followed by a phrase that ends in 'city' is not called a town",
     "In Lebanon, a drone strike on a car in the southern city of Nabatieh killed two men.", "Lebanon", 0,
     "cc=LB;fc=PCLI"},
    {"a namesake put at a later mention's region does not take the mentions an earlier region decided",
     "Norwood is a town in Norfolk County, Massachusetts. It was named after Norwood, England. Norwood lies on the "
     "Neponset River.",
     "Norwood", 2, "a1=US.MA;prec=place"},
    {"a name the text calls a town is no county of that name without 'County', in any mention",
     "Ida is a village in Monroe County, Michigan. Ida has a post office.", "Ida", 1, "a1=US.MI"},
    {"speech verb before a name", "The budget is tight, said Kinney.", "Kinney", 0, "-"},
    {"age after a name", "Clark, 45, was arrested in Dayton, Ohio.", "Clark", 0, "-"},
    {"age after a name: the town still counts", "Clark, 45, was arrested in Dayton, Ohio.", "Dayton", 0, "a1=US.OH"},
    {"a sentence ending in a title's word does not make the next word a name",
     "Four people were shot, said a police spokeswoman. A Chicago officer was among them.", "Chicago", 0, "a1=US.IL"},
    {"a day after a town called like a given name is a date, not a surname",
     "A teenager was wounded in a shooting in west Charlotte Sunday afternoon, police in Charlotte said.", "Charlotte",
     0, "a1=US.NC"},
    {"... and the town before the day is the town",
     "A teenager was wounded in a shooting in west Charlotte Sunday afternoon, police in Charlotte said.", "Charlotte",
     1, "a1=US.NC"},
    {"a capitalised little word after a given name makes no person of a state",
     "Schools await the Virginia On-Time Graduation Rate report. Virginia officials said so.", "Virginia", 0,
     "a1=US.VA"},
    {"an age before a town and a calling makes no person of the town",
     "A 28-year-old Dayton Marine was honoured on Friday. Dayton officials attended.", "Dayton", 1, "a1=US.OH"},
    {"a country after a title is no person's name",
     "The award is run by its founder France Football magazine. Fans in France cheered the result. France won.",
     "France", 2, "cc=FR"},
    {"a headline's capitalised little words after a title make no person ('Ambassador For Chile')",
     "Actor Named Ambassador For Chile. He flies to Chile next month.", "Chile", 0, "cc=CL"},
    {"... nor of the place for the rest of the text",
     "Actor Named Ambassador For Chile. He flies to Chile next month.", "Chile", 1, "cc=CL"},
    {"... nor a kinship word's capitalised 'In' before a place ('Cousin In North Dayton')",
     "Boy Shot By Cousin In North Dayton. Police in Dayton said the boy would live.", "Dayton", 1, "a1=US.OH"},
    {"a country after a kinship word is a person's name",
     "She shot her husband Israel Alvarez at their home in Rice, Texas. Israel Alvarez died.", "Israel", 0, "-"},
    {"a state at the head of a law's name is the state",
     "The records were released under a Virginia Freedom of Information Act request.", "Virginia", 0, "a1=US.VA"},
    {"... and makes no person of the state for the rest of the text",
     "The records were released under a Virginia Freedom of Information Act request. Virginia officials agreed.",
     "Virginia", 1, "a1=US.VA"},
    {"a person once named stays a person", "Clark, 45, was arrested in Dayton. Police said Clark fled.", "Clark", 1, "-"},
    {"every word of a full name", "Officers said Rodney Eric Smith ran. Smith was caught.", "Smith", 1, "-"},
    {"a full name after a given name", "Jose Joaquin Rojas was named coach.", "Rojas", 0, "-"},
    {"two capitalised words are a person", "The winner was Quispe Rojas of Lima.", "Rojas", 0, "-"},
    {"two capitalised words are a person", "The winner was Quispe Rojas of Lima.", "Lima", 0, "cc=PE"},
    {"a town named like a person's first names", "His co-defendant Robert Lee Adams robbed them.", "Robert Lee", 0,
     "-"},
    {"the town itself", "He grew up in Robert Lee, Texas.", "Robert Lee", 0, "a1=US.TX"},
    {"a county named after a person", "The Edgar County sheriff spoke on Monday.", "Edgar County", 0, "a1=US.IL"},
    {"a title before a name", "Gov. Jackson signed the bill in Nashville.", "Jackson", 0, "-"},
    {"a given name and a surname before an age", "Police said Maurice Carter, 25, was charged.", "Maurice", 0, "-"},
    {"a given name and a surname before an age", "Police said Maurice Carter, 25, was charged.", "Carter", 0, "-"},
    {"a hyphenated surname after a given name", "Mercedes Sanchez-Hernandez laid flowers at the house.", "Hernandez",
     0, "-"},
    {"a name after an age", "Prosecutors charged 25-year-old Maurice Carter with assault.", "Maurice", 0, "-"},
    {"a hyphenated name after an age", "The 26-year-old Detroit Davis-Riley was also charged.", "Detroit", 0, "-"},
    {"a hyphenated name after an age", "The 26-year-old Detroit Davis-Riley was also charged.", "Riley", 0, "-"},
    {"a town before a person noun after an age", "A 25-year-old New York man was shot on Friday.", "New York", 0,
     "a1=US.NY"},
    {"a middle initial makes a person", "The photographs were taken by Zorah K. Ewing on Monday.", "Ewing", 0, "-"},
    {"a common given name that is also a city's old name", "Sophia Lane spoke about her new film on Tuesday.",
     "Sophia", 0, "-"},
    {"a common word in capitals, named like a region in another language",
     "Police are investigating a shooting in Dayton.\nMORE VIDEO 1 dead in overnight lounge shooting", "MORE", 0, "-"},
    {"a social-media handle", "Updates were posted by @Ewing_Alerts overnight.", "Ewing", 0, "-"},
    {"an e-mail address", "Send your tips to Ewing@example.org by Friday.", "Ewing", 0, "-"},
    {"the town itself, beside a handle", "Updates from @Ewing_Alerts said the fire in Ewing, New Jersey, was out.",
     "Ewing", 0, "a1=US.NJ"},
    {"an American address convention votes for the United States",
     "A teenager was shot in the hand in Toledo late Tuesday. It happened in the 1200 block of Buckingham Street.",
     "Toledo", 0, "cc=US"},
    {"without it the bigger namesake stands", "A teenager was shot in the hand in Toledo late Tuesday.", "Toledo", 0,
     "cc=ES"},
    {"'the Sheriff's Office' votes for the United States too",
     "Deputies of the Sheriff's Office said a man was wounded near York on Friday.", "York", 0, "cc=US"},
    {"a given name before an acronym is no person", "Dallas police are asking for help. Call Dallas PD's homicide unit.",
     "Dallas", 0, "a1=US.TX"},
    {"the possessive of an abbreviation", "It damaged the US's image abroad.", "US", 0, "cc=US"},
    {"a name ending in a street word is a street", "Police responded to a shooting on Fifth Street on Monday.",
     "Fifth Street", 0, "-"},
    {"unless its state follows", "He grew up in Fifth Street, Texas, a small town.", "Fifth Street", 0, "a1=US.TX"},
    {"a neighbourhood after a city's possessive does not vote for its namesake's state",
     "A gunman opened fire in Miami's Liberty City neighborhood on Tuesday.", "Miami", 0, "a1=US.FL"},
    {"two names of towns before 'who' are a person", "Reporters spoke to Carson Ellis who saw the fight "
     "outside the motel in Little Rock.", "Ellis", 0, "-"},
    {"a small county seat does not outrank a town sixty times its size",
     "Police are searching for a suspect in a shooting in Woonsocket on Sunday.", "Woonsocket", 0, "a1=US.RI"},
    {"names before 'were both pronounced dead' are people", "Police in Louisville said Monroe Clayton and Reggie "
     "Jefferson were both pronounced dead at the scene.", "Clayton", 0, "-"},
    {"and so is a surname before 'was shot'", "Officers in Louisville said Compton was shot twice.", "Compton", 0, "-"},
    {"but a town before 'was hit' is a town", "Compton was hit by a storm on Sunday, officials in California said.",
     "Compton", 0, "a1=US.CA"},
    {"a country's possessive is the country, not a hamlet spelt like it", "France's economy grew last year.", "France",
     0, "cc=FR"},
    {"and so inside an agency's name", "Canada's Food Inspection Agency has confirmed a second case.", "Canada", 0,
     "cc=CA"},
    {"an island the news names (supplement), not the Georgian village of its name",
     "A tsunami struck the Indonesian island of Java on Monday.", "Java", 0, "cc=ID"},
    {"a breakaway region the news names (supplement)", "Russian troops entered South Ossetia on Friday.",
     "South Ossetia", 0, "cc=GE"},
    /* Arabic names of people */
    {"a name after a kunya is a person's", "Abu Nabil, a senior commander, was killed near Sirte.", "Nabil", 0, "-"},
    {"a place named with Abu is matched whole", "Fighters reached Abu Kamal on Monday.", "Abu Kamal", 0, "cc=SY"},
    {"a name after 'bin' is a person's", "A letter from Hamza bin Tunis was read out in Sirte.", "Tunis", 0, "-"},
    /* the Arabic article */
    {"the article belongs to the name", "Airstrikes hit al-Bab and Al-Raqqa on Monday.", "al-Bab", 0, "cc=SY"},
    {"a name the gazetteer lacks with its article is found without it",
     "Airstrikes hit al-Bab and Al-Raqqa on Monday.", "Al-Raqqa", 0, "cc=SY"},
    {"a capitalised word before the article makes it part of a longer name",
     "Fighters of Jabhat Al-Nusra attacked positions near Aleppo.", "Nusra", 0, "-"},
    /* a namesake far from everything else the text names */
    {"a lone foreign town nothing in the text supports is a namesake",
     "The actor talked about the rubber suit on a show taped in Los Angeles. \"When Batman has to turn his head, "
     "the whole cape turns,\" he told the host, who flew in from New York. The studio in Burbank, California, will "
     "show the film in March.", "Batman", 0, "-"},
    {"unless the text puts someone in it",
     "The actor talked about the rubber suit on a show taped in Los Angeles. His cousin, who lives in Batman, flew in "
     "from New York to see it. The studio in Burbank, California, will show the film in March.", "Batman", 0, "cc=TR"},
    {"or it lies beside another place the text names",
     "Rockets were fired from Gaza City on Friday and sirens sounded across Israel. Officials in Washington and "
     "New York called for calm.", "Gaza City", 0, "cc=PS"},
    /* ordinary words */
    {"an ordinary word", "Commerce officials met on Tuesday.", "Commerce", 0, "-"},
    {"an ordinary word opening a sentence", "Hope remains for the missing hikers.", "Hope", 0, "-"},
    {"an ordinary word with its state after it", "He was born in Commerce, Texas, in 1950.", "Commerce", 0, "a1=US.TX"},
    {"an ordinary word with its state after it", "The storm moved toward Superior, Wisconsin.", "Superior", 0, "a1=US.WI"},
    {"a month", "The vote is in May.", "May", 0, "-"},
    {"a time zone", "The game starts at 5 p.m. Eastern Time.", "Eastern", 0, "-"},
    {"a time zone abbreviation after a time", "Updated 3:45 PM EST on Sunday, in Tulsa.", "EST", 0, "-"},
    {"a bare-apostrophe possessive of a surname", "Jones' shop sold out. The sale was in Ohio.", "Jones", 0, "conf<0.3"},
    /* abbreviations and acronyms */
    {"AP state abbreviation after a town", "A fire broke out in Peoria, Ill., on Sunday.", "Peoria", 0, "a1=US.IL"},
    {"AP state abbreviation is the state", "A fire broke out in Peoria, Ill., on Sunday.", "Ill.", 0, "fc=ADM1;a1=US.IL"},
    {"postal code after a town", "He lives in Austin, TX, with his family.", "Austin", 0, "a1=US.TX"},
    {"postal code alone is not a place", "The PA system failed in the gym.", "PA", 0, "-"},
    {"a news agency", "AP reported the news first.", "AP", 0, "-"},
    {"an organisation's acronym", "The UN and the US condemned it, as did the UK.", "UN", 0, "-"},
    {"a country's acronym", "The UN and the US condemned it, as did the UK.", "US", 0, "cc=US;fc=PCLI"},
    {"a country's acronym", "The UN and the US condemned it, as did the UK.", "UK", 0, "cc=GB"},
    {"a war report's republic is the oblast it claims", "Shelling killed two civilians in the DPR, officials said.",
     "DPR", 0, "fc=ADM1;a1=UA.05"},
    {"Mo. after Springfield", "Police in Springfield, Mo., said the road was closed.", "Springfield", 0, "a1=US.MO"},
    /* organisations */
    {"a place inside a council's name", "The Kyiv City Council voted on Friday.", "Kyiv", 0, "cc=UA"},
    /* "Philadelphia" is also an old name of Amman, a capital of about the same size */
    {"a city's own name before another's old name", "Two men were wounded in a shooting in Philadelphia.",
     "Philadelphia", 0, "a1=US.PA"},
    {"a country's foreign name that is a city's own name", "Four people were shot at a veterans' hall in Columbia.",
     "Columbia", 0, "cc=US"},
    {"an old name of a city a hundred times as big", "The ship sailed from Canton with tea.", "Canton", 0, "cc=CN"},
    {"a state's department", "The Florida Department of Law Enforcement opened an inquiry.", "Florida", 0, "cc=US"},
    /* "West Charlotte" is also an alternate name of a village in Vermont */
    {"a point of the compass before a city's name", "Two men were shot in a West Charlotte apartment, Charlotte police said.", "Charlotte", 0,
     "a1=US.NC"},
    {"a point of the compass that is part of the name", "Floods hit West Bengal on Monday.", "West Bengal", 0,
     "fc=ADM1;cc=IN"},
    {"a party named after a country", "Lawmakers from United Russia voted for the bill.", "Russia", 0, "-"},
    {"an airline named after a country", "Air France flew the team to Paris.", "France", 0, "-"},
    {"a town before a police department", "Decatur Police said the driver fled.", "Decatur", 0, "cc=US"},
    /* demonyms */
    {"a demonym of a country", "Georgian troops crossed the border.", "Georgian", 0, "demonym;cc=GE;conf<0.7"},
    {"a demonym of a state", "Texan ranchers lost cattle.", "Texan", 0, "demonym;a1=US.TX"},
    /* names and transliterations */
    {"all-capitals dateline", "KYIV, Ukraine (AP) - Sirens sounded overnight.", "KYIV", 0, "cc=UA;fc=PPLC;conf>0.8"},
    {"a dateline with the agency in brackets", "MIAMI (AP) — Flooding closed roads on Monday.", "MIAMI", 0,
     "a1=US.FL;conf>0.7"},
    {"a dateline's city outweighs a village's namesakes", "MIAMI (AP) — Two women died in a Liberty City shooting early Sunday.",
     "MIAMI", 0, "a1=US.FL"},
    {"older transliteration", "Shelling hit Kharkov and Zaporozhye overnight.", "Kharkov", 0, "a1=UA.07;prec=place"},
    {"older transliteration", "Shelling hit Kharkov and Zaporozhye overnight.", "Zaporozhye", 0, "a1=UA.26;prec=place"},
    {"St. with a state after it", "She moved to St. Petersburg, Florida, last year.", "St. Petersburg", 0, "a1=US.FL"},
    /* regions and cities of the same name */
    {"the city of X", "Shelling hit the city of Kharkiv and the Kharkiv region.", "Kharkiv", 0, "prec=place;conf>0.8"},
    {"the X region", "Shelling hit the city of Kharkiv and the Kharkiv region.", "Kharkiv", 1, "fc=ADM1;prec=admin1"},
    {"a bare name is the city", "Kharkiv came under fire again.", "Kharkiv", 0, "prec=place"},
    {"two bare names are cities", "Shelling hit Kharkiv and Odesa overnight, Ukraine's air force said.", "Odesa", 0, "prec=place"},
    {"X and Y regions", "Strikes hit the Kharkiv and Odesa regions.", "Kharkiv", 0, "prec=admin1"},
    {"X Oblast", "Officials in Dnipropetrovsk Oblast reported damage.", "Dnipropetrovsk Oblast", 0, "fc=ADM1;a1=UA.04"},
    /* counties */
    {"X Parish", "Deputies in Rapides Parish arrested two men.", "Rapides Parish", 0, "prec=admin2;a1=US.LA"},
    {"X County", "Harris County officials urged calm.", "Harris County", 0, "fc=ADM2;a1=US.TX"},
    {"a bare surname is not a county", "Smith told reporters the plan had failed.", "Smith", 0, "-"},
    /* known ambiguities and the document as context */
    {"Georgia near Atlanta", "Georgia's governor spoke in Atlanta.", "Georgia", 0, "a1=US.GA;fc=ADM1"},
    {"Georgia near Tbilisi", "Georgia's president spoke in Tbilisi.", "Georgia", 0, "cc=GE;fc=PCLI"},
    {"a container decides every mention", "Flooding closed roads in Athens, Georgia. Later Athens reopened them.",
     "Athens", 1, "a1=US.GA"},
    {"a town near another named place", "The crash happened near Peoria. Washington police said the road was icy.",
     "Washington", 0, "a1=US.IL"},
    {"Washington, D.C.", "Officials in Washington, D.C., said so.", "Washington", 0, "a1=US.DC"},
    /* a place name at the head of an institution's */
    {"'State' belongs to the state police", "Officers of the Kentucky State Police searched the farm.", "Kentucky", 0,
     "a1=US.KY"},
    {"'City' belongs to the council when both name one town", "Members of the Dublin City Council voted.", "Dublin", 0,
     "cc=IE"},
    {"'State' belongs to the state patrol", "The Minnesota State Patrol closed the road.", "Minnesota", 0, "a1=US.MN"},
    {"a county's jail is the county's", "He was taken to the Walker County Jail in Georgia.", "Walker County", 0,
     "prec=admin2;a1=US.GA"},
    /* a city's full name elsewhere in the text */
    {"'Mexico' beside 'Mexico City' is the country",
     "The outbreak began in Mexico City. Since then, doctors across Mexico have seen new cases.", "Mexico", 0,
     "fc=PCLI"},
    {"'Mexico City' itself stays the city",
     "The outbreak began in Mexico City. Since then, doctors across Mexico have seen new cases.", "Mexico City", 0,
     "fc=PPLC"},
    {"... and so is a possessive 'Mexico's' near places the city is close to",
     "Troops were sent to Acapulco, 300 km from Mexico City. Mexico's president, Ana Ruiz, visited Acapulco.",
     "Mexico", 0, "fc=PCLI"},
    /* a country's old English name that a big city bears as its own */
    {"'the Gold Coast' is the Australian city, not Ghana under its colonial name",
     "A nurse from the Gold Coast was stopped at the airport in Bali.", "Gold Coast", 0, "cc=AU"},
    {"... but the old name still goes to its country when the text is about it",
     "Fishing fleets from Taiwan and Japan met off Formosa, officials in Taipei said.", "Formosa", 0, "cc=TW"},
    /* a sea or a region written with its article */
    {"'the Pacific' is the ocean, not a town of a state the text names",
     "Geese from Missouri and Virginia winter along the Pacific coast, biologists in Missouri said.", "Pacific", 0,
     "fc=OCN"},
    {"'the Atlantic' at a sentence's start is the ocean",
     "Hunters in Virginia and Iowa watched the flocks. The Atlantic route carries birds from Europe.", "Atlantic", 0,
     "fc=OCN"},
    {"a town written without the article keeps its reading",
     "Hunters in Virginia and Iowa watched the flocks. A farm near Atlantic, Iowa, lost its hens.", "Atlantic", 0,
     "a1=US.IA"},
    {"a name with no sea or region among its entries is not moved by the article",
     "Officials said the Kyiv authorities had been warned.", "Kyiv", 0, "fc=PPLC"},
    {"'Kansas' beside 'Kansas City' is the state",
     "Fans in Kansas City cheered. Farmers across Kansas hoped for rain.", "Kansas", 0, "fc=ADM1;a1=US.KS"},
    {"a preposition before a theatre's name does not make its namesake a place",
     "The touring play opened in London on Friday after runs in Manchester, Leeds and Bristol. In spring it moves to "
     "Hampstead Theatre for a month.",
     "Hampstead", 0, "-"},
    {"a street named after a place is no sure place", "Officers were called to a banquet hall on Falcon Street.",
     "Falcon Street", 0, "conf<0.5"},
    {"a street's abbreviation keeps its full stop", "The crash closed Memphis St. for an hour.", "Memphis St.", 0,
     "conf<0.5"},
    {"a street's name ends a sentence without its full stop", "The crash happened near Wichita Drive.",
     "Wichita Drive", 0, "conf<0.5"},
    /* a state or country written after a town that it does not hold */
    {"a town whose written state holds no town of ours so named is placed at the state",
     "A driver was stopped on the highway near Stroud, Ontario, on Sunday.", "Stroud", 0, "prec=admin1;a1=CA.08"},
    {"a town said to lie in a county: its namesake there wins", "Croydon is a town in Sullivan County, New Hampshire.",
     "Croydon", 0, "a1=US.NH;fc=PPL"},
    {"a town said to lie in a county the gazetteer has no town of: placed at the county",
     "Glendale is a town in Kane County, Utah. The population of Glendale was 355.", "Glendale", 0,
     "prec=admin2;a1=US.UT"},
    {"... and so are its other mentions",
     "Glendale is a town in Kane County, Utah. The population of Glendale was 355.", "Glendale", 1,
     "prec=admin2;a1=US.UT"},
    {"a parenthesis between the noun and 'in' ('a census-designated place (CDP) in')",
     "Lowell is a census-designated place (CDP) in Summers County, West Virginia.", "Lowell", 0,
     "prec=admin2;a1=US.WV"},
    {"two nouns and a word of where ('a village and former parish in rural ... County')",
     "Lowell is a small village and former parish in rural Summers County, West Virginia.", "Lowell", 0,
     "prec=admin2;a1=US.WV"},
    {"a county before a county is a list, not a town in it", "Storms hit Becker, Clay and Douglas counties.", "Becker",
     0, "prec=admin2;a1=US.MN"},
    {"a town inside the state written after it stays sure", "Crews went to Paris, Texas, on Monday.", "Paris", 0,
     "conf>0.8;a1=US.TX"},
    {"the next town of a list is no container", "Trucks left Tampa, Orlando and Miami at dawn.", "Tampa", 0,
     "conf>0.8"},
    /* a small town in a country the text does not otherwise name */
    {"a small town abroad that only the gazetteer knows is no sure place",
     "Fog closed airports around London on Saturday. Flights at Heathrow were cancelled and trains from "
     "Manchester ran late.",
     "Heathrow", 0, "conf<0.5"},
    {"... unless its state is written next to it",
     "Fog closed airports around London on Saturday. Flights at Heathrow, Florida, were not affected.", "Heathrow",
     0, "conf>0.8"},
    {"a village of a country the text names beside another stays sure",
     "Shelling hit Kharkiv overnight, Moscow said. Officials in Moscow and St Petersburg denied it. Two people died "
     "in the village of Yarova.",
     "Yarova", 0, "conf>0.8;cc=UA"},
    /* a compass word opening a region's name */
    {"a compass word belongs to a continent's name", "The virus spread across West Africa in the spring.",
     "West Africa", 0, "prec=region"},
    {"a compass word belongs to a state's name", "Storms moved over North Texas overnight.", "North Texas", 0,
     "a1=US.TX"},
    {"a compass word before D.C. is no region of Cameroon", "Two men were shot in Southwest D.C. on Monday.",
     "Southwest D.C.", 0, "a1=US.DC"},
    /* a place just across the border of the countries the text names */
    {"a town beside the countries named is their neighbour's",
     "Doctors are travelling to Gaza this week. They asked Israel and Egypt to open the crossings into Gaza.", "Gaza",
     0, "cc=PS"},
    /* an ampersand */
    {"a name joined by '&' to a word that is no place is a firm's", "The architects Stevens & Marlowe asked for more time.",
     "Stevens", 0, "-"},
    {"two places joined by '&' stay places, both states", "Storms hit Texas & Oklahoma on Monday.", "Oklahoma", 0,
     "fc=ADM1;a1=US.OK"},
    /* countries' long names */
    {"a possessive inside a longer name", "Envoys of the People's Republic of China arrived.", "People's Republic of China",
     0, "cc=CN"},
    {"a long name without its 'the'", "Aid reached the Democratic Republic of Congo on Monday.",
     "Democratic Republic of Congo", 0, "cc=CD"},
    {"an elided article inside a country's name", "Cases were reported in Côte d'Ivoire last week.", "Côte d'Ivoire", 0,
     "cc=CI"},
    {"a country in a list is no town of the next country",
     "Officials in Mexico, China, Japan, Ukraine and Brazil reported cases.", "China", 0, "cc=CN"},
    {"a state's demonym and 'WA' in an Australian story", "Western Australian officials said the WA Department of "
     "Agriculture is testing dead birds found near Esperance.", "Esperance", 0, "cc=AU"},
    {"'WA' after an American town is Washington", "Rain fell in Tacoma, WA on Monday.", "WA", 0, "a1=US.WA"},
    {"a state in a list of states is the state, not the town in the next",
     "Officials are investigating cases in Washington, Pennsylvania and California.", "Washington", 0, "a1=US.WA"},
    {"a state in a list after states is the state", "Cases came from Kentucky, Utah, Washington, Pennsylvania and Ohio.",
     "Washington", 0, "a1=US.WA"},
    {"a town and its state alone are still a town", "The rally was held in Washington, Pennsylvania, on Friday.",
     "Washington", 0, "a1=US.PA"},
    /* letters with full stops */
    {"a degree after a name is no state", "Ellen K. Varga, M.D., will open the clinic in May.", "M.D.", 0, "-"},
    {"initials before a surname are no state", "His cousin, D.E. Harlow, became the new pastor.", "D.E.", 0, "-"},
    {"'O.K.' is a word", "The inspector said the wiring was O.K. after all.", "O.K.", 0, "-"},
    {"an era after a year is no province", "The wall was raised in 120 B.C. by the farmers.", "B.C.", 0, "-"},
    {"an era before a year is no country", "The town was buried in A.D. 79 under ash.", "A.D.", 0, "-"},
    {"B.C. after a town is the province", "She moved to Kelowna, B.C. last spring.", "B.C.", 0, "a1=CA.02"},
    {"N.S.W. is New South Wales, not N.S.", "He grew up in Dubbo, N.S.W. and then moved.", "N.S.W.", 0, "a1=AU.02"},
    {"dotted letters of a country", "Troops from the U.K. arrived on Monday.", "U.K.", 0, "cc=GB"},
    {"a country name is confident", "Talks between Poland and Germany resumed.", "Germany", 0, "cc=DE;conf>0.8"},
    {"a compass word joins a region's own name ('Eastern Mediterranean')",
     "Ships crossed the Eastern Mediterranean on Friday.", "Eastern Mediterranean", 0, "fc=SEA"},
    {"the capital of a country the text names",
     "Officials in Washington said the U.S. would send envoys to London, Britain and Wales next week.", "Washington",
     0, "cc=US;fc=PPLC"},
    {"... even in a story from a town near a namesake of the capital",
     "GEORGETOWN, Ky. - A doctor from Lexington is in France on a family trip. She saw police close a boulevard in "
     "Paris on Thursday.",
     "Paris", 0, "cc=FR"},
    {"... but in a list of states, the state",
     "The U.S. agency said cases were found in Washington, Oregon and Idaho.", "Washington", 0, "fc=ADM1;a1=US.WA"},
    /* region-level places are their GeoNames rows where there is one */
    {"a continent is its GeoNames row", "Aid groups warned that the drought in Africa would spread.", "Africa", 0,
     "fc=CONT;gn=6255146"},
    {"... and so is Europe, not a town", "Ministers from across Europe met in Brussels.", "Europe", 0,
     "fc=CONT;gn=6255148"},
};

/* Given spans (resolve mode): the span is the row's mention, the rest as above. */
static const rule_case GIVEN_CASES[] = {
    {"a county written 'in' its state right after its name",
     "Westport is a town in Fairfield County in southwestern Connecticut.", "Fairfield County", 0, "a1=US.CT"},
    {"a given span's first words under a county's bare name are no county",
     "Tourists walked from Cherry Hinton into Cambridge.", "Cherry Hinton", 0, "prec=near;cc=GB"},
    {"... nor under a lake's first word", "The boat sank in Lake Robinson near Hartsville, South Carolina.",
     "Lake Robinson", 0, "prec=near;a1=US.SC"},
    {"... nor under a foreign or alternate name of a town ('St.' is no Sete)",
     "Pilgrims gathered at St. Takla Church in Alexandria, Egypt.", "St. Takla Church", 0, "prec=near;cc=EG"},
    {"a compass word joins no region's foreign name ('Island' is Danish for Iceland)",
     "She toured the North Island of New Zealand last spring.", "North Island", 0, "-"},
    {"a village in a country the text never names, far from its places, is a stray namesake",
     "The hamlet of Fala lies in the hills south of Edinburgh and Dalkeith in Scotland.", "Fala", 0,
     "prec=near;cc=GB"},
    {"... but a larger town that is the name's only entry stays",
     "Survivors returned to Auschwitz as ceremonies in Washington and New York were broadcast.", "Auschwitz", 0,
     "cc=PL;prec=place"},
    {"... and so is a small namesake far from every place of the text in the same country",
     "Mission is a neighbourhood of Calgary, Alberta, near Edmonton Trail and the Elbow River.", "Mission", 0,
     "prec=near;cc=CA"},
    {"... but not a town whose region the text names",
     "He moved from Dayton, Ohio, to Houston and then to Austin last year.", "Dayton", 0, "a1=US.OH;prec=place"},
    {"the town at the head of an institution's name is the town", "Officials of the Kyiv City Council met on Friday.",
     "Kyiv City Council", 0, "cc=UA"},
    {"a town put at the province written with it is estimated at the text's towns in that province",
     "Alameda is a village in Saskatchewan, east of Estevan.", "Alameda", 0, "prec=near;a1=CA.11"},
    {"... and stays at the province when the text names none of its towns",
     "Alameda is a village in Saskatchewan.", "Alameda", 0, "prec=admin1;a1=CA.11"},
    {"a name the text calls a town is no county of that name without 'County'",
     "Ida is a village in Monroe County, Michigan, near Toledo.", "Ida", 0, "a1=US.MI"},
    {"... nor are its other mentions", "Ida is a village in Monroe County, Michigan. Ida has a post office.", "Ida", 1,
     "a1=US.MI"},
    {"... but a span that leaves out the 'County' after it is the county", "Farms in Ida County, Iowa, flooded.",
     "Ida", 0, "fc=ADM2;a1=US.IA"},
    {"every mention of a name the gazetteer lacks is placed by the container written with one of them",
     "Zorbury is a suburb of Dayton, Ohio. Its founders came from Boston and Providence. Zorbury grew after the war.",
     "Zorbury", 1, "prec=near;a1=US.OH"},
    {"a stray namesake's estimate lies where the text's other towns are, not at the namesake",
     "Charlestown is a village and port on the coast near St Austell and Fowey. Charlestown has a harbour.",
     "Charlestown", 1, "prec=near;cc=GB"},
    {"'a city in and the county seat of' a county: the county is the town's region",
     "Newton is a city in and the county seat of Harvey County, Kansas. It was named after Newton, Massachusetts. "
     "Newton grew as a cattle town.",
     "Newton", 2, "a1=US.KS"},
    {"... and by one written with a possessive mention of it",
     "Zorbury is a hamlet in Summers County, West Virginia. Its founders came from Boston and Providence. Zorbury's "
     "mill closed.",
     "Zorbury", 1, "prec=near;a1=US.WV"},
    {"with no town in the text, an estimate lies among the counties it names",
     "Zorbury is a hamlet between Summers County and Monroe County, West Virginia.", "Zorbury", 0,
     "prec=near;a1=US.WV"},
    {"a pronunciation between a town and 'is a city in' does not hide the region",
     "Moscow /mos-ko/ is a city in Stevens County, Kansas, United States.", "Moscow", 0, "a1=US.KS"},
    {"'located in inner southeast Portland': compass and 'inner' words before the region",
     "Woodstock is a neighborhood located in inner southeast Portland, Oregon.", "Woodstock", 0,
     "prec=near;a1=US.OR"},
    {"a place said to lie in a town is estimated near the town, not at a namesake far away",
     "Davenport is a district of Stockport, Greater Manchester, in England.", "Davenport", 0, "prec=near;cc=GB"},
    {"... and so are the name's other mentions",
     "Davenport is a district of Stockport, Greater Manchester, in England. Davenport has a railway station.",
     "Davenport", 1, "prec=near;cc=GB"},
    {"a name the text calls a town is no country, and a county its state does not hold is no container",
     "China is an unincorporated community in Jefferson County, Indiana.", "China", 0, "prec=admin2;a1=US.IN"},
    {"'in Foxley Township, Summers County': the next region written where the gazetteer lacks the first",
     "Zorbury is a hamlet in Foxley Township, Summers County, West Virginia. Its founders came from Boston and "
     "Providence.",
     "Zorbury", 0, "prec=near;a1=US.WV"},
    {"said to lie in a region written after other words ('situated on the Loddon River, ..., in Victoria')",
     "Guildford is a small settlement situated on the Loddon River, 130 kilometres north-west of Melbourne, in "
     "Victoria, Australia.",
     "Guildford", 0, "prec=near;a1=AU.07"},
    {"'in the district of Stroud': the town a hamlet is said to lie in, after 'the district of'",
     "Cambridge is a hamlet in the district of Stroud, in the county of Gloucestershire, England.", "Cambridge", 0,
     "prec=near;a1=GB.ENG"},
    {"'in Bethlehem Township, Clark County': a name before 'Township' is no town container",
     "Bethlehem is an unincorporated community in Bethlehem Township, Clark County, Indiana.", "Bethlehem", 0,
     "a1=US.IN"},
    {"'located in the southwest of Hampshire': the region after a compass word's 'of'",
     "Ashley is a village located in the southwest of Hampshire, England.", "Ashley", 0, "prec=admin2;a1=GB.ENG"},
    {"a name the gazetteer lacks is placed by its written container",
     "The fire began in Zorkwell Hollow, Dayton, on Friday, and spread to Xenia.", "Zorkwell Hollow", 0,
     "prec=near;a1=US.OH"},
};

/* One condition of a row; a message describing the failure, or NULL. */
static const char *check_condition(const gm_mention *m, const char *cond, char *msg, size_t cap)
{
    const gm_place *p = &m->place;
    if (strcmp(cond, "demonym") == 0) {
        if (m->kind != GM_MENTION_DEMONYM)
            return "not a demonym";
        return NULL;
    }
    if (strncmp(cond, "conf", 4) == 0) {
        double v = atof(cond + 5);
        bool ok = cond[4] == '>' ? m->confidence > v : m->confidence < v;
        if (!ok) {
            snprintf(msg, cap, "confidence %.3f", m->confidence);
            return msg;
        }
        return NULL;
    }
    const char *eq = strchr(cond, '=');
    if (!eq)
        return "bad condition";
    size_t klen = (size_t)(eq - cond);
    const char *want = eq + 1, *have = NULL;
    char gid[24];
    if (klen == 2 && strncmp(cond, "cc", 2) == 0)
        have = p->country_code;
    else if (klen == 2 && strncmp(cond, "a1", 2) == 0)
        have = p->admin1_code;
    else if (klen == 2 && strncmp(cond, "fc", 2) == 0)
        have = p->feature_code;
    else if (klen == 4 && strncmp(cond, "prec", 4) == 0)
        have = gm_precision_name(p->precision);
    else if (klen == 2 && strncmp(cond, "gn", 2) == 0) {
        snprintf(gid, sizeof gid, "%lu", (unsigned long)p->geonameid);
        have = gid;
    }
    else
        return "bad condition";
    if (!m->resolved || !have || strcmp(have, want) != 0) {
        snprintf(msg, cap, "%.*s is %s (%s, %s)", (int)klen, cond, have ? have : "(none)", p->name ? p->name : "?",
                 p->country_code ? p->country_code : "?");
        return msg;
    }
    return NULL;
}

static void run_case(const rule_case *c, bool given)
{
    gm_options opt;
    gm_options_init(&opt);
    gm_doc *d = NULL;
    gm_error err;
    /* given spans: the mention's first occurrence, or with nth > 0 every occurrence (the nth checked) */
    gm_span spans[8];
    size_t nspans = 0;
    for (const char *at = strstr(c->text, c->mention); at && nspans < (c->nth > 0 ? 8u : 1u);
         at = strstr(at + 1, c->mention))
        spans[nspans++] = (gm_span){(size_t)(at - c->text), (size_t)(at - c->text) + strlen(c->mention)};
    if (nspans == 0)
        spans[nspans++] = (gm_span){0, 0};
    size_t want = given && c->nth > 0 ? (size_t)c->nth : 0;
    if (given && want >= nspans) {
        CHECK_MSG(false, "%s: \"%s\" (#%d) not found in \"%s\"", c->rule, c->mention, c->nth, c->text);
        return;
    }
    if (given ? gm_resolve_spans(g, c->text, strlen(c->text), spans, nspans, &opt, &d, &err) != GM_OK
              : gm_extract(g, c->text, strlen(c->text), &opt, &d, &err) != GM_OK) {
        CHECK_MSG(false, "%s: %s failed: %s", c->rule, given ? "resolve" : "extract", err.message);
        return;
    }
    bool none = strcmp(c->expect, "-") == 0;
    const gm_mention *m = given ? (gm_doc_mention(d, want)->resolved || !none ? gm_doc_mention(d, want) : NULL)
                          : none ? test_mention_over(d, c->mention, c->nth) : test_mention(d, c->mention, c->nth);
    if (none) {
        CHECK_MSG(m == NULL, "%s: \"%s\" (#%d) reported as %s, %s in \"%s\"", c->rule, c->mention, c->nth,
                  m ? m->place.name : "", m && m->place.country_code ? m->place.country_code : "", c->text);
    } else if (!m) {
        CHECK_MSG(false, "%s: \"%s\" (#%d) not found in \"%s\"", c->rule, c->mention, c->nth, c->text);
    } else {
        char conds[128];
        snprintf(conds, sizeof conds, "%s", c->expect);
        for (char *save = NULL, *cond = strtok_r(conds, ";", &save); cond; cond = strtok_r(NULL, ";", &save)) {
            char msg[256];
            const char *why = check_condition(m, cond, msg, sizeof msg);
            CHECK_MSG(why == NULL, "%s: \"%s\" in \"%s\": wanted %s, %s", c->rule, c->mention, c->text, cond,
                      why ? why : "");
        }
    }
    gm_doc_free(d);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_rules GAZETTEER.sqlite\n");
        return 2;
    }
    gm_error err;
    if (gm_gazetteer_open(argv[1], &g, &err) != GM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], err.message);
        return 1;
    }
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        run_case(&CASES[i], false);
    for (size_t i = 0; i < sizeof GIVEN_CASES / sizeof GIVEN_CASES[0]; i++)
        run_case(&GIVEN_CASES[i], true);

    /* the document's focus */
    const char *text = "Shelling hit Kharkiv and Odesa overnight, and a drone fell near Sumy.";
    gm_doc *d = NULL;
    CHECK_INT(gm_extract(g, text, strlen(text), NULL, &d, &err), GM_OK);
    const char *cc = NULL, *a1 = NULL;
    CHECK(d && gm_doc_focus(d, &cc, &a1) && cc && strcmp(cc, "UA") == 0);
    gm_doc_free(d);

    gm_gazetteer_free(g);
    return check_done("test_rules");
}
