/*
 * Incident patterns, one sentence (or a few) each, against the full default gazetteer (built by
 * the gazetteer_build test).  Every text is written for this test.
 *
 * A row gives the number of incidents the text must yield and, for the first of them (or the one
 * `nth` names), killed and injured (NONE: the text gives no number; ANY: not checked), the place's
 * name (NULL: not checked) and further conditions separated by ';':
 *   "low=12" "high=15"   killed_low / killed_high      "qual=at least"  qualifier
 *   "date=2025-04-24"    date ("-" for none)            "prec=2"         geo_precision
 *   "dprec=2"            date_precision
 *   "lat>50.1" "lat<50"  latitude of the point          "type=shooting"  event_type
 *   "evlen<100"          the evidence (end - start) shorter (or with '>' longer) than this many bytes
 */
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "geomention.h"

#define NONE GM_COUNT_NONE
#define ANY (-99L)

typedef struct incident_case {
    const char *rule;
    const char *text;
    const char *date; /* the document's date, or NULL */
    int count;        /* incidents expected */
    int nth;          /* the incident the rest checks */
    long killed, injured;
    const char *place;
    const char *expect;
} incident_case;

static const char *const D = "2025-04-25"; /* a Friday */

static const incident_case CASES[] = {
    /* numbers */
    {"digits after an active verb", "A missile strike on Kharkiv killed 3 people on Monday.", D, 1, 0, 3, NONE,
     "Kharkiv", "type=missile strike;date=2025-04-21;prec=1"},
    {"a number word", "A missile strike on Kharkiv killed three people on Monday.", D, 1, 0, 3, NONE, "Kharkiv", ""},
    {"twelve", "Shelling killed twelve civilians in Kherson.", D, 1, 0, 12, NONE, "Kherson", "type=shelling"},
    {"'along with' adds its people to the count",
     "Three of her children were shot dead in Wilkinsburg on Monday, along with her niece and a family friend.", D, 1,
     0, 5, NONE, "Wilkinsburg", ""},
    {"'fatally shot' two named people", "In Beech Grove a guard fatally shot Earl Sneed and Sam Easley on Saturday.", D, 1,
     0, 2, NONE, "Beech Grove", ""},
    {"... and one", "In Beech Grove a guard fatally shot Earl Sneed on Saturday.", D, 1, 0, 1, NONE, "Beech Grove", ""},
    {"... to the wounded too", "Two men were wounded in a shooting in Dayton, along with a police officer.", D, 1, 0,
     NONE, 3, "Dayton", ""},
    {"... but not an animal", "Two men were shot dead in Dayton, along with their dog.", D, 1, 0, 2, NONE, "Dayton", ""},
    {"... nor those named before the casualties",
     "Police in Dayton, along with two deputies, said a man was shot dead on Friday.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"a dozen", "A dozen people were wounded when a drone hit an apartment block in Odesa.", D, 1, 0, NONE, 12,
     "Odesa", "type=drone strike"},
    {"at least", "At least 12 people were killed in an air strike on Sumy.", D, 1, 0, 12, NONE, "Sumy",
     "low=12;qual=at least"},
    {"a range", "Between 12 and 15 people were killed in the attack on Kramatorsk.", D, 1, 0, 12, NONE,
     "Kramatorsk", "low=12;high=15"},
    {"a range with 'to'", "12 to 15 people were killed in the attack on Kramatorsk.", D, 1, 0, 12, NONE,
     "Kramatorsk", "low=12;high=15"},
    {"more than", "More than 20 people were injured in a blast in Kabul.", D, 1, 0, NONE, 20, "Kabul",
     "qual=more than;type=explosion"},
    {"nouns that count", "An elderly father and his son were killed in a glide bomb attack on the village of Yarova.",
     D, 1, 0, 2, NONE, "Yarova", "type=glide bomb"},
    {"a woman", "A woman was injured when shrapnel hit her car in Nikopol.", D, 1, 0, NONE, 1, "Nikopol", ""},
    {"children and their mother", "Two children and their mother were killed in a drone strike on Sumy.", D, 1, 0,
     3, NONE, "Sumy", ""},
    {"including a child", "A Russian strike on Dnipro killed four people, including a child.", D, 1, 0, 4, NONE,
     "Dnipro", ""},
    {"killed and wounded others", "The attack on Odesa killed two and wounded 10 others.", D, 1, 0, 2, 10, "Odesa",
     ""},
    {"died", "Three people died after a missile hit a shopping centre in Kharkiv.", D, 1, 0, 3, NONE, "Kharkiv", ""},
    {"no one was hurt", "A drone attack on Odesa damaged a port, but no one was hurt.", D, 1, 0, ANY, 0, "Odesa", ""},
    {"both", "Two men were attacked in Peoria on Sunday. Both were pronounced dead at the scene.", D, 1, 0, 2, ANY,
     "Peoria", ""},
    /* updates and repetition */
    {"the death toll rose",
     "A strike on Kramatorsk killed eight people on Thursday. Rescuers searched the rubble overnight. "
     "The death toll rose to 11 on Friday.",
     D, 1, 0, 11, NONE, "Kramatorsk", ""},
    {"the shot who died are not injured",
     "Four people were shot outside a bar in Springfield, Illinois. One of them died at the scene.", D, 1, 0, 1, 3,
     "Springfield", "prec=1;type=shooting"},
    {"a headline and a lead are one incident",
     "Two dead, three hurt in Peoria shooting\n\nTwo men were killed and three people were wounded in a shooting "
     "in Peoria on Sunday, police said.",
     D, 1, 0, 2, 3, "Peoria", ""},
    {"a detail sentence joins the incident",
     "Two people were killed and three wounded in a shooting in Springfield, Illinois. The wounded were taken to a "
     "hospital in Peoria, where one was in critical condition.",
     D, 1, 0, 2, 3, "Springfield", ""},
    {"a separate attack is another incident",
     "Shelling killed a woman in Kostiantynivka. In a separate attack, two men were wounded in Kherson.", D, 2, 1,
     NONE, 2, "Kherson", ""},
    {"two towns far apart are two incidents",
     "A drone killed two people in Sumy. A missile injured five people in Odesa.", D, 2, 1, NONE, 5, "Odesa", ""},
    {"related links are other stories",
     "A man was wounded in a shooting in Peoria on Sunday.\n\nRELATED: Three killed in Chicago shooting", D, 1, 0,
     NONE, 1, "Peoria", ""},
    {"a day's count 'since the beginning of the day'",
     "Three servicemen have died since the beginning of the day in battles near Avdiivka.", D, 1, 0, 3, NONE,
     "Avdiivka", ""},
    {"'including' without commas", "Five civilians including two children died in Sumy, officials said.", D, 1, 0, 5,
     NONE, "Sumy", ""},
    {"a hyphenated word between the count and the verb",
     "More than 50 self-defense fighters killed during airstrike in Kramatorsk", D, 1, 0, 50, NONE, "Kramatorsk",
     "qual=more than"},
    {"an attack kills a militiaman", "An attack kills militiaman near Horlivka", D, 1, 0, 1, NONE, "Horlivka", ""},
    {"a military report's 'destroyed' soldiers", "The army destroyed more than 40 soldiers and four tanks near Kherson.",
     D, 1, 0, 40, NONE, "Kherson", "qual=more than"},
    {"destroyed equipment is no casualty", "The army destroyed two howitzers near Kherson.", D, 0, 0, ANY, ANY, NULL, ""},
    {"a name in brackets", "The victim (Timothy Echols Jr.) died from his injuries at a hospital in Corpus Christi.",
     D, 1, 0, 1, NONE, "Corpus Christi", ""},
    {"her death", "He fired one shot which struck his wife in the neck, resulting in her death, in Goldsboro.", D, 1, 0,
     1, ANY, "Goldsboro", ""},
    {"a video playlist is other stories",
     "A man was wounded in a shooting in Fresno on Sunday.\n0:47 Driver shot to death on Blackstone Avenue", D, 1, 0,
     NONE, 1, "Fresno", ""},
    {"two streets named like states",
     "Gunfire broke out again in Los Angeles on Wednesday. A teenager and a man were shot in their car in the area "
     "of Vermont and Manchester avenues.",
     D, 1, 0, NONE, 2, "Los Angeles", ""},
    {"a town's name inside a street's",
     "Five people were wounded in a drive-by shooting at a gas station on South Orange Blossom Trail, Orlando "
     "police said.",
     D, 1, 0, NONE, 5, "Orlando", ""},
    {"where the officials speak is not where it happened",
     "KRAMATORSK - A missile strike killed two people on Tuesday, officials in Kyiv said. Kyiv has asked for more "
     "air defence.",
     D, 1, 0, 2, NONE, "Kramatorsk", ""},
    {"a neighbourhood's dateline, resolved to a doubtful town far away, yields to the article's city",
     "ROSELAND - A man was shot and wounded on Tuesday night, police said. Chicago police are investigating the "
     "shooting, the third in Chicago this week.",
     D, 1, 0, NONE, 1, "Chicago", ""},
    {"a doubtful dateline the text repeats stays the place, against a sure name said once",
     "SANTA ANA - Two men were wounded in a shooting in Santa Ana on Thursday night. Santa Ana police said the men "
     "sat in a parked Toyota Camry when two gunmen walked up.",
     D, 1, 0, NONE, 2, "Santa Ana", ""},
    {"a neighbourhood named like a far town is a part of the article's city",
     "A boy was shot and wounded on Tuesday in the Washington Heights neighborhood on the Far South Side. "
     "Washington Heights has seen three shootings this month, Chicago police said.",
     D, 1, 0, NONE, 1, "Chicago", ""},
    {"'the city's Westside' is a part of the city",
     "JACKSONVILLE, Fla. - The sheriff's office is investigating a shooting. A man was shot and wounded on Saturday "
     "at a home on the city's Westside, police said.",
     D, 1, 0, NONE, 1, "Jacksonville", ""},
    {"'shot, killed during': one cue for the dead", "Man shot, killed during card game in Nashville", D, 1, 0, 1, NONE,
     "Nashville", ""},
    {"a shooting death is one dead",
     "Deputies are investigating an accidental shooting death that occurred on Thursday night near Cadott.", D, 1, 0,
     1, NONE, "Cadott", ""},
    {"the stabbing death of someone is one dead",
     "Police in Cadott are investigating the stabbing death of a teenager on Thursday night.", D, 1, 0, 1, NONE,
     "Cadott", ""},
    {"a count with an aside between dashes",
     "2 people - including a 16-year-old girl - were shot dead in a car in Miami Gardens on Friday.", D, 1, 0, 2, NONE,
     "Miami Gardens", ""},
    {"a count with an aside between em dashes",
     "2 people \u2014including a 16-year-old girl \u2014 were shot dead in a car in Miami Gardens on Friday.", D, 1, 0,
     2, NONE, "Miami Gardens", ""},
    {"a fatal victim is one dead", "Fatal victim identified, 3 others injured in Dayton shooting", D, 1, 0, 1, 3,
     "Dayton", ""},
    {"deputies found a deceased man",
     "Upon arrival, deputies in Rayville located a deceased man with a gunshot wound to the head.", D, 1, 0, 1, NONE,
     "Rayville", ""},
    {"a double homicide is two dead", "A man accused of a double homicide at a house party in Bakersfield appeared in "
     "court on Tuesday.", D, 1, 0, 2, NONE, "Bakersfield", ""},
    {"'quintuple murders' are five dead", "Police in Dayton charged a teenager in the quintuple murders on Elm Street.",
     D, 1, 0, 5, NONE, "Dayton", ""},
    {"a triple murder is three dead", "Police in Dayton are investigating a triple murder on Main Street.", D, 1, 0, 3,
     NONE, "Dayton", ""},
    {"killings with a count before them", "Person of interest in four Platte County killings charged in car theft",
     D, 1, 0, 4, NONE, "Platte County", ""},
    {"killings without a count are no statement",
     "Police say the feud has caused more than a dozen shootings and several slayings since March in Dayton.", D, 0, 0,
     ANY, ANY, NULL, ""},
    {"a deceased relative is no incident", "She inherited the house in Dayton from a deceased aunt.", D, 0, 0, ANY, ANY,
     NULL, ""},
    {"a headline's 'Four shot at' a named place", "Four shot at Haw River sports bar", D, 1, 0, NONE, 4, "Haw River", ""},
    {"'10 people shot at' a named building", "10 people shot at Dayton armory on Friday", D, 1, 0, NONE, 10, "Dayton", ""},
    {"gunmen who shot at a house hit nobody",
     "Two gunmen shot at a house in Dayton on Friday, but nobody was hurt, police said.", D, 1, 0, NONE, 0, "Dayton", ""},
    {"'fatally wounded' are the dead",
     "A student shot and fatally wounded four friends in the school cafeteria in Marysville on Friday.", D, 1, 0, 4,
     NONE, "Marysville", ""},
    {"a headline's number before a capitalised verb is its subject", "Two Dead, Two Injured After Shooting in Bristol",
     D, 1, 0, 2, 2, "Bristol", ""},
    {"a headline's number before a capitalised verb, with digits", "3 Injured In Bristol Shooting", D, 1, 0, NONE, 3,
     "Bristol", ""},
    {"a date's day before the verb is no subject",
     "The shots fired in Pittsburgh on July 4 wounded four people, including a woman.", D, 1, 0, NONE, 4, "Pittsburgh",
     ""},
    {"a list with possessives and a bare noun",
     "A teenager was killed and the baby's mother, grandmother and a family friend were critically wounded in Memphis.",
     D, 1, 0, 1, 3, "Memphis", ""},
    {"an age as a person in a list", "A six-year-old and three adults were shot in Atlanta on Sunday.", D, 1, 0, NONE,
     4, "Atlanta", ""},
    {"'put three women into the hospital'", "The home invasion in Memphis put three women into the hospital.", D, 1, 0,
     NONE, 3, "Memphis", ""},
    {"'ended with five people in the hospital'",
     "A shooting at a bar in Memphis ended with five people in the hospital.", D, 1, 0, NONE, 5, "Memphis", ""},
    {"'sends seven to hospital'", "Night club shooting in Louisville sends seven to hospital", D, 1, 0, NONE, 7,
     "Louisville", ""},
    {"'N others with gunshot wounds' after the dead",
     "Officers found two men dead and three others with gunshot wounds in Killeen on Sunday.", D, 1, 0, 2, 3,
     "Killeen", ""},
    {"'victims with gunshot wounds' counts all who were hit",
     "One man died in the shooting in Tampa. When deputies arrived, they found four victims with gunshot wounds.", D,
     1, 0, 1, 3, "Tampa", ""},
    {"'a teenager wounded in a shooting on Friday has died': the participle's person died",
     "Police in Hazard say a teenager wounded in a shooting on Friday has died.", D, 1, 0, 1, NONE, "Hazard", ""},
    {"'police found Marcus Hale shot to death': a named person found",
     "Police in Jacksonville found Marcus Hale shot to death in an alley.", D, 1, 0, 1, NONE, "Jacksonville", ""},
    {"an event compared with, told with its year, is no update",
     "Nine people are dead after a gunman opened fire at an office in Fresno. The shooting is the worst loss of life in the "
     "city since a plane crashed into a school in 1978, killing 40.", D, 1, 0, 9, NONE, "Fresno", ""},
    {"'four adults and an unborn child' counts the four", "Four adults and an unborn child were killed in Macon.", D,
     1, 0, 4, NONE, "Macon", ""},
    {"'killed Thursday': a weekday after the verb is no named victim",
     "The three deputies killed Tuesday in Macon were buried today.", D, 1, 0, 3, NONE, "Macon", ""},
    {"two named people joined by 'and'", "Police in Macon said Ortega and Blaine were pronounced dead at the scene.",
     D, 1, 0, 2, NONE, "Macon", ""},
    {"'was still hospitalized'", "His brother, the other victim, was still hospitalized in Welch on Sunday.", D, 1, 0, NONE,
     1, "Welch", ""},
    {"'one teenager is dead and his cousin is in the hospital' are two clauses",
     "Deputies in Welch say one teenager is dead and his cousin is in the hospital.", D, 1, 0, 1, 1, "Welch", ""},
    {"'N of its parishioners were killed'", "At a church in Greenville, six of its parishioners were killed by a gunman.",
     D, 1, 0, 6, NONE, "Greenville", ""},
    {"'a young couple' is two", "Deputies say a gunman entered a farmhouse near Macon and killed an elderly couple.", D, 1, 0, 2,
     NONE, "Macon", ""},
    {"'his daughters, ages 6 and 9' are as many as their ages", "A man shot and killed his daughters, ages 6 and 9, in Macon.",
     D, 1, 0, 2, NONE, "Macon", ""},
    {"a list of ages, an article or not", "The shooting in Macon killed an 18-year-old, 19-year-old and a 20-year-old.",
     D, 1, 0, 3, NONE, "Macon", ""},
    {"named people with their ages between commas",
     "A drive-by shooting in Macon killed Ana Lopez, 21, and Dario Fuller, 22, last Thursday.", D, 1, 0, 2, NONE,
     "Macon", ""},
    {"'Name, 22 was shot': an age missing its comma, not 22 people",
     "Police in Pine Bluff said Dale Okoro, 22 was shot in the hip.", D, 1, 0, NONE, 1, "Pine Bluff", ""},
    {"a headline's 'Man shot, teen killed' tells two people", "Man shot, teen killed in Valdosta", D, 1, 0, 1, 1,
     "Valdosta", ""},
    {"'Father shot, young son killed'", "Father shot, young son killed in Valdosta", D, 1, 0, 1, 1,
     "Valdosta", ""},
    {"but 'Two men shot, one killed' tells a part of those shot", "Two men shot, one killed in Valdosta", D, 1, 0, 1,
     1, "Valdosta", ""},
    {"'found a man suffering from a gunshot wound'",
     "Deputies in Lakeland found a man suffering from a gunshot wound on Friday night.", D, 1, 0, NONE, 1, "Lakeland",
     ""},
    {"'another man suffering from gunshot wounds' is one more",
     "Two women were found shot to death in Macon. Officers later found another man suffering from gunshot wounds "
     "near a gas station.", D, 1, 0, 2, 1, "Macon", ""},
    {"'injuries incompatible with life' are a death",
     "Enemy forces opened fire near Avdiivka five times; one soldier sustained injuries incompatible with life.", D, 1,
     0, 1, NONE, "Avdiivka", ""},
    {"'military' as people, as official translations write it",
     "Ten Kiev military killed in an attempt to attack positions near Donetsk, the command said.", D, 1, 0, 10, NONE,
     "Donetsk", ""},
    {"military vehicles are no people", "Three military vehicles were destroyed near Donetsk on Monday.", D, 0, 0, ANY,
     ANY, NULL, ""},
    {"a cross street named like a country",
     "DETROIT - A 9-year-old boy was shot and killed on Monday night, police said.\n\nHis stepfather said the boy had "
     "been shot in the face on Roxbury Street near Britain. Officers rushed the boy to a hospital, where he was "
     "pronounced dead.",
     D, 1, 0, 1, ANY, "Detroit", ""},
    {"a town near a street stays the place", "A man was shot and wounded on Main Street near Dayton on Monday.", D, 1, 0,
     NONE, 1, "Dayton", ""},
    {"'was found with a gunshot wound'",
     "LEXINGTON, Ky. - Police are investigating after a juvenile was found with a gunshot wound on Monday.", D, 1, 0,
     NONE, 1, "Lexington", ""},
    {"a list with ages between commas", "Two children, ages 3 and 5, and their mother were found dead in New Orleans.",
     D, 1, 0, 3, NONE, "New Orleans", ""},
    {"a list with a comma before 'and'", "A man, a woman, and a child were killed in Dayton on Friday.", D, 1, 0, 3, NONE,
     "Dayton", ""},
    {"ages as the people killed", "The shooting in Jacksonville killed an 18-year-old and a 19-year-old.", D, 1, 0, 2,
     NONE, "Jacksonville", ""},
    {"an aside before ', and' is not one more",
     "Police confirmed four fatalities, including the shooter, and one injured in Menasha.", D, 1, 0, 4, 1, "Menasha",
     ""},
    {"'shooting three relatives to death' are the dead",
     "The man charged with shooting three relatives to death on Saturday night in Kingsport appeared in court.", D, 1,
     0, 3, ANY, "Kingsport", ""},
    {"a crash is no incident", "A child was hurt during a rollover in Mercer County on Sunday.", D, 0, 0, ANY, ANY, NULL,
     ""},
    {"a shooting that ends in a crash is one", "A teenager shot a woman in Dayton, then crashed into a home.", D, 1, 0,
     NONE, 1, "Dayton", ""},
    {"a hunting accident is a shooting", "An 11-year-old girl has died after a hunting accident in Georgetown County.", D,
     1, 0, 1, NONE, "Georgetown County", ""},
    {"'were taken to the hospital with gunshot wounds'",
     "Two men were taken to the hospital with gunshot wounds after a shooting in Dayton.", D, 1, 0, NONE, 2, "Dayton",
     ""},
    {"taken to the hospital where he died is no one hurt",
     "A man was shot in Dayton on Friday. He was taken to the hospital, where he died.", D, 1, 0, 1, ANY, "Dayton", ""},
    {"'suffered non-life-threatening injuries'",
     "Two teens suffered non-life-threatening injuries in a shooting in Dayton on Friday.", D, 1, 0, NONE, 2, "Dayton",
     ""},
    {"a local paper's dateline: a far town with no state named is a neighbourhood",
     "CHICAGO - A shooting in Austin killed a man and wounded two others on Friday night, police said.", D, 1, 0, 1, 2,
     "Chicago", ""},
    {"a wire's dateline: the far town stays the place",
     "WASHINGTON (AP) - A shooting in Austin killed a man and wounded two others on Friday night, police said.", D, 1,
     0, 1, 2, "Austin", ""},
    {"a headline's list opening with a bare noun", "Teen, 3 adults shot at Westwood home", D, 1, 0, NONE, 4, "Westwood",
     ""},
    {"a headline's 'X dead from gunshot wound'", "Juvenile dead from gunshot wound in Hummelstown", D, 1, 0, 1, NONE,
     "Hummelstown", ""},
    {"headlines under 'Related Stories:' are other stories",
     "A man was shot and killed in Louisville on Friday night, police said.\n\nRelated Stories:\n\n"
     "Two teenagers killed and three hurt in Louisville in two days\n\nCopyright 2016 by a station.",
     D, 1, 0, 1, NONE, "Louisville", ""},
    {"a heading that is not a list of links keeps its lines",
     "A man was shot and killed in Louisville on Friday night, police said.\n\nOther shooting victims include:\n\n"
     "Three men shot and wounded at a park in Jeffersontown on Saturday",
     D, 2, 1, NONE, 3, "Jeffersontown", ""},
    {"a bigger number far down the story, with no place and no update, is background",
     "A gunman killed two people at a church in Charleston on Wednesday. Police said he fled on foot. The church "
     "was founded in 1816. Its first building burned in 1822. Members rebuilt it twice. It now seats 2,500. "
     "Tourists visit it every day. After a revolt that year, authorities executed 35 men.",
     D, 1, 0, 2, NONE, "Charleston", ""},
    {"a city's gun violence over a weekend is a roundup",
     "A boy, 7, was shot in the leg on Sunday in Chicago. He was among 70 people wounded in gun violence over the "
     "holiday weekend.",
     D, 1, 0, NONE, 1, "Chicago", ""},
    {"treated at a hospital", "A girl was killed in a shooting in Dayton on Tuesday. Three other people were "
     "treated at a hospital and released, police said.", D, 1, 0, 1, 3, "Dayton", ""},
    {"received injuries", "A girl was killed in a shooting in Dayton on Tuesday. Three men received "
     "life-threatening injuries.", D, 1, 0, 1, 3, "Dayton", ""},
    {"suffered gunshot wounds", "Two men suffered gunshot wounds in a shooting in Dayton on Tuesday.", D, 1, 0, NONE, 2,
     "Dayton", ""},
    {"gunshot victims", "Two men were killed in a shooting in Dayton on Tuesday. Two other gunshot victims arrived "
     "at the hospital.", D, 1, 0, 2, 2, "Dayton", ""},
    {"also shot is one more", "A teen was killed in a shooting in Dayton on Tuesday. His friend, an 18-year-old man, "
     "was also shot.", D, 1, 0, 1, 1, "Dayton", ""},
    {"suffered something else", "A man suffered a broken arm in a car crash in Dayton on Tuesday.", D, 0, 0, NONE, NONE,
     NULL, ""},
    {"a motel named after a place",
     "MYRTLE BEACH, S.C. (AP) - Three people were killed in a shooting at the Bermuda Sands motel on Saturday.", D, 1,
     0, 3, NONE, "Myrtle Beach", ""},
    {"apartments named after a city",
     "JACKSONVILLE, Fla. - Two women and a baby were killed in a shooting near Cleveland Arms apartments on Sunday.",
     D, 1, 0, 3, NONE, "Jacksonville", ""},
    {"found shot to death", "Three people were found shot to death in a car parked by a road near Naples on Monday.",
     D, 1, 0, 3, NONE, "Naples", ""},
    {"a murder-suicide is two dead at least", "Police are investigating a murder-suicide at a home in Katy on Monday.",
     D, 1, 0, 2, NONE, "Katy", ""},
    {"a murder-suicide involving a list",
     "Deputies investigate a murder-suicide involving two adults and two children at a home in Katy.", D, 1, 0, 4, NONE,
     "Katy", ""},
    {"an attempted murder-suicide", "Deputies are investigating an attempted murder-suicide in Lexington.", D, 0, 0,
     NONE, NONE, NULL, ""},
    {"a police dog is not a count", "Deputies said a K-9 was killed in a shootout in Anderson, South Carolina.", D, 1,
     0, NONE, NONE, "Anderson", ""},
    /* not incidents */
    {"a war-wide total", "More than 10,000 civilians have been killed in Ukraine since 2022, the United Nations said.",
     D, 0, 0, ANY, ANY, NULL, ""},
    {"drones shot down", "Air defences shot down 12 drones over the Kyiv region overnight.", D, 0, 0, ANY, ANY, NULL,
     ""},
    {"damaged buildings", "The strike damaged 90 buildings in Kharkiv.", D, 0, 0, ANY, ANY, NULL, ""},
    {"a threat", "A new strike could kill hundreds of people in Kyiv, officials warned.", D, 0, 0, ANY, ANY, NULL, ""},
    {"diplomacy", "Foreign ministers met in Geneva on Tuesday to discuss a ceasefire and the exchange of 90 prisoners.",
     D, 0, 0, ANY, ANY, NULL, ""},
    {"economy", "Exports from Odesa rose by 12 percent in March, and 300 ships left the port.", D, 0, 0, ANY, ANY,
     NULL, ""},
    {"a tally this year", "Officials said 72 soldiers were killed in the region this year.", D, 0, 0, ANY, ANY, NULL,
     ""},
    {"someone's own dead 'last year' are one event, no tally",
     "In Tyler, Texas, a man pleaded guilty to killing his three cousins and wounding his neighbour last year.", NULL, 1,
     0, 3, 1, "Tyler", ""},
    {"two named people, each with an age before the name",
     "Police said 40-year-old Darnell Ruiz and 44-year-old Kevin Olsen died after the shooting in Brooklyn.", D, 1, 0, 2,
     NONE, "Brooklyn", ""},
    {"a kinship list with an adjective", "His mom and younger brother were found dead in their home in Dayton.", D, 1, 0,
     2, NONE, "Dayton", ""},
    {"a count with the names beside it between commas",
     "Police said two of those men, 23-year-old Pedro Ruiz and 24 year old Dan Olsen, died after the shooting in Tulsa.",
     D, 1, 0, 2, NONE, "Tulsa", ""},
    {"'this year' before the cue is not a tally",
     "The deadliest strike on Kyiv this year killed 12 civilians and wounded 90 more.", D, 1, 0, 12, 90, "Kyiv", ""},
    {"KIA and WIA", "One KIA, six WIA near Avdiivka in the past day, the army said.", D, 1, 0, 1, 6, NULL, ""},
    {"a count with a phrase before the verb", "Four servicemen of the brigade died in battles near Bakhmut.", D, 1, 0,
     4, NONE, "Bakhmut", ""},
    {"a list of counts", "Twelve civilians and three soldiers were killed in Kherson.", D, 1, 0, 15, NONE, "Kherson",
     ""},
    {"one of several", "One of five victims of the Peoria shooting died on Sunday.", D, 1, 0, 1, ANY, "Peoria", ""},
    {"N fatally", "Four people were shot, one fatally, in Peoria on Sunday.", D, 1, 0, 1, 3, "Peoria", ""},
    {"a fatal shooting", "Police are investigating a fatal shooting in Decatur, Illinois.", D, 1, 0, 1, NONE,
     "Decatur", ""},
    {"a time is not a count", "The shooting happened at 8:30 p.m. in Peoria; one man was wounded.", D, 1, 0, NONE, 1,
     "Peoria", ""},
    {"a date is not a count", "A teenager shot in Peoria on March 18 died on Thursday.", D, 1, 0, 1, ANY, "Peoria",
     ""},
    /* places */
    {"an offset from a town", "A drone hit a house 20 km north of Kharkiv, injuring two people.", D, 1, 0, NONE, 2,
     "Kharkiv", "prec=2;lat>50.1"},
    {"an offset in miles", "Shelling killed two people 10 miles south-east of Donetsk.", D, 1, 0, 2, NONE, "Donetsk",
     "prec=2;lat<47.95"},
    {"near a town", "A missile struck near Kramatorsk, killing one person.", D, 1, 0, 1, NONE, "Kramatorsk",
     "prec=2"},
    {"a dateline", "KHARKIV, Ukraine — A missile killed two people overnight.", D, 1, 0, 2, NONE, "Kharkiv", ""},
    {"only the region", "Russian forces shelled the Donetsk region on Monday. Two people were killed, officials said.",
     D, 1, 0, 2, NONE, "Donetsk", "prec=3"},
    {"a victim's home town is not the place",
     "Maria Lopez, 31, of Decatur, was killed in a shooting in Springfield, Illinois.", D, 1, 0, 1, NONE,
     "Springfield", ""},
    {"a street after 'block of South' is not the place, the police's city is",
     "A boy shot himself in the 2800 block of South Central Park, according to Chicago Police.", D, 1, 0, NONE, 1,
     "Chicago", ""},
    {"a county, and the town inside it the article names",
     "Two people were killed in a shooting in Dillon County, South Carolina, on Saturday. Police in Latta said the "
     "suspect fled.",
     D, 1, 0, 2, NONE, "Latta", "prec=2"},
    {"a battle without numbers", "Ukrainian troops repelled an attack near Bakhmut on Monday.", D, 1, 0, NONE, NONE,
     "Bakhmut", "prec=2"},
    {"an attack without numbers still has a place", "Police are investigating a shooting in Decatur, Illinois.", D,
     1, 0, NONE, NONE, "Decatur", "type=shooting"},
    /* dates */
    {"a weekday", "A drone strike on Sumy killed two people on Thursday.", D, 1, 0, 2, NONE, "Sumy",
     "date=2025-04-24"},
    {"yesterday", "A drone strike on Sumy killed two people yesterday.", D, 1, 0, 2, NONE, "Sumy",
     "date=2025-04-24;dprec=1"},
    {"last week", "A drone strike on Sumy killed two people last week.", D, 1, 0, 2, NONE, "Sumy",
     "date=2025-04-18;dprec=2"},
    {"no day in the text", "A drone strike on Sumy killed two people.", D, 1, 0, 2, NONE, "Sumy",
     "date=2025-04-25;dprec=2"},
    {"overnight is the document's date", "A drone strike on Sumy killed two people overnight.", D, 1, 0, 2, NONE,
     "Sumy", "date=2025-04-25"},
    {"no document date", "A drone strike on Sumy killed two people on Thursday.", NULL, 1, 0, 2, NONE, "Sumy",
     "date=-;dprec=0"},
    /* shootings */
    {"shot and killed", "A 16-year-old boy was shot and killed in Peoria on Saturday.", D, 1, 0, 1, NONE, "Peoria",
     "date=2025-04-19"},
    {"a headline without the auxiliary", "Teenager shot and killed by his brother in Peoria", D, 1, 0, 1, NONE,
     "Peoria", ""},
    {"shot himself", "Police said a man shot himself in Decatur on Friday.", D, 1, 0, NONE, 1, "Decatur", ""},
    {"struck by a stray bullet", "A bystander was struck in the arm by a stray bullet in Chicago.", D, 1, 0, NONE, 1,
     "Chicago", ""},
    {"in critical condition", "A 2-year-old is in critical condition after being shot in Peoria.", D, 1, 0, NONE, 1,
     "Peoria", ""},
    {"firing into a crowd, hitting people",
     "A teenager is accused of firing into a crowd outside a school in Peoria on Tuesday, hitting five people.", D, 1,
     0, NONE, 5, "Peoria", ""},
    {"'and wound five others' after 'kill'",
     "Police said drugs drove an ex-convict to shoot and kill one person and wound five others in Peoria on Monday.", D,
     1, 0, 1, 5, "Peoria", ""},
    {"a wound is no count", "A girl came to the police station in Peoria with a wound to her toe after a shooting.", D,
     1, 0, NONE, NONE, "Peoria", ""},
    {"a city's count over a span of hours is no incident's",
     "The shooting in Peoria killed two people and wounded two others. It came during a violent weekend that saw 20 "
     "people shot over a span of 80 hours.",
     D, 1, 0, 2, 2, "Peoria", ""},
    {"... but a span told far from the cue leaves the incident's count",
     "A man broke into a home in Peoria, killed a young couple and shot two others, a scene that brought to 20 the "
     "number of people shot in the city in a span of 80 hours.",
     D, 1, 0, 2, 2, "Peoria", ""},
    {"the same count told again with a city 40 km away is the same incident",
     "Detectives are asking the public for help. Two people were shot dead at a house in Homestead on Monday. The two "
     "people killed in the Miami shooting were brothers, police said.",
     D, 1, 0, 2, NONE, "Homestead", ""},
    {"'in an unrelated case' is another incident",
     "A man was killed in a shooting in Homestead on Sunday. In an unrelated case, a man was killed in Miami on Monday.",
     D, 2, 1, 1, NONE, "Miami", ""},
    {"an effort to kill oneself is no death",
     "A caller in Peoria said he took a box of pills in an effort to kill himself and was taken to a hospital.", D, 0,
     0, NONE, NONE, NULL, ""},
    {"a plea that nobody die is no death",
     "A man was shot in the chest in Peoria on Tuesday. His mother said: \"Please don't let my son die.\"", D, 1, 0,
     NONE, 1, "Peoria", ""},
    {"what a victim feared is no death",
     "A man was shot in the arm in Peoria on Tuesday. \"I thought I was gonna die,\" he said.", D, 1, 0, NONE, 1,
     "Peoria", ""},
    {"the fatal shooting of", "Police are investigating the fatal shooting of a woman in Springfield, Illinois.", D, 1,
     0, 1, NONE, "Springfield", ""},
    {"a link list's heading run into its first link",
     "A man was shot dead in Dayton on Friday.\n\nRelated stories Two killed, 14 hurt in Toledo bar shooting", D, 1,
     0, 1, NONE, "Dayton", ""},
    {"a headline's count before an adverb", "Two Dead, Two Critically Injured After Shooting in Memphis", D, 1, 0, 2,
     2, "Memphis", ""},
    {"a list of bare nouns", "Shots were fired at a park in Dayton on Sunday. A man, woman and child were rushed to "
     "a hospital.", D, 1, 0, NONE, 3, "Dayton", ""},
    {"'so far' of another clause is no period", "Four people were wounded in a shooting in Ozark on Sunday and, so "
     "far, three of them have left the hospital.", D, 1, 0, NONE, 4, "Ozark", ""},
    {"gunshot victims are all who were hit", "Officers arriving at a bar in Rockford on Tuesday found 4 gunshot "
     "victims. Two men are dead and two others are hurt.", D, 1, 0, 2, 2, "Rockford", ""},
    {"a Title Case preposition after the verb is no name", "Two Men Killed By Police In Dayton", D, 1, 0, 2, NONE,
     "Dayton", ""},
    {"'also' adds its people", "10-Year-Old Girl Hurt, 2 Men Also Wounded In West Side Shooting in Dayton", D, 1, 0,
     NONE, 3, "Dayton", ""},
    {"a death toll far from its number", "Death toll in the shelling of the Nikitovsky district of the city of "
     "Horlivka by artillery rises to five", D, 1, 0, 5, NONE, "Horlivka", ""},
    {"two tolls that rose: the higher", "The death toll from the shelling of Horlivka rose to five on Monday. Earlier, "
     "the mayor said the death toll from the shelling of Horlivka had risen to three.", D, 1, 0, 5, NONE, "Horlivka",
     ""},
    {"'shot at least four people' is a count, not a target", "A man shot at least four people in Dayton on Friday.",
     D, 1, 0, NONE, 4, "Dayton", ""},
    {"the one killed by police is not among those he shot",
     "A teen who shot four people in Dayton was killed by police on Thursday.", D, 1, 0, 1, 4, "Dayton", ""},
    {"'and another injured': one more", "A shooting in Dayton left one man dead and another critically injured.", D,
     1, 0, 1, 1, "Dayton", ""},
    {"'and a third was wounded': one more", "Two men were shot dead and a third was wounded in Dayton.", D, 1, 0, 2, 1,
     "Dayton", ""},
    {"'a family of four'", "A missile attack on Zaporizhzhia killed a family of four.", D, 1, 0, 4, NONE,
     "Zaporizhzhya", ""},
    {"a headline's capitalised adverb is no name", "Woman Fatally Shot In Dayton", D, 1, 0, 1, NONE, "Dayton", ""},
    {"... nor its capitalised preposition after 'fatally shot'", "Woman Fatally Shot By Ex-Boyfriend In Dayton", D, 1,
     0, 1, NONE, "Dayton", ""},
    {"'Dies After Being Shot': one person", "Man Dies After Being Shot In Dayton", D, 1, 0, 1, 0, "Dayton", ""},
    {"'Critical After Being Shot': the subject before the preposition",
     "20-Year-Old Critical After Being Shot In Dayton", D, 1, 0, NONE, 1, "Dayton", ""},
    {"an aside ', most of them women,' between the count and the verb",
     "Nine civilians, most of them women, were killed in an airstrike in Idlib.", D, 1, 0, 9, NONE, "Idlib", ""},
    {"'six members of one family': one family is no count",
     "Six members of one family were killed when a shell hit their home in Donetsk.", D, 1, 0, 6, NONE, "Donetsk", ""},
    {"twin brothers are two", "Twin brothers were shot and killed in Dayton on Friday.", D, 1, 0, 2, NONE, "Dayton",
     ""},
    {"an intruder is a person", "Dayton police say a homeowner shot and killed an intruder early Tuesday.", D, 1, 0, 1,
     NONE, "Dayton", ""},
    {"'two U.S. soldiers and an interpreter': the initials' stops end no list",
     "A roadside bomb killed two U.S. soldiers and an interpreter in Kandahar province.", D, 1, 0, 3, NONE, "Kandahar",
     ""},
    {"... nor a list before a passive verb", "Two U.S. soldiers and an interpreter were killed by a roadside bomb in "
     "Kandahar province.", D, 1, 0, 3, NONE, "Kandahar", ""},
    {"'a father of three' is one person", "A father of three was shot to death in his Dayton home.", D, 1, 0, 1, NONE,
     "Dayton", ""},
    {"... in a headline too", "Father Of Three Shot Dead In Dayton", D, 1, 0, 1, NONE, "Dayton", ""},
    {"'shot dead' then its object: the count after", "Gunmen shot dead two policemen in Quetta on Friday.", D, 1, 0,
     2, NONE, "Quetta", ""},
    {"... and a list of people after it", "Gunmen on motorcycles shot dead a local official and his bodyguard in "
     "Quetta.", D, 1, 0, 2, NONE, "Quetta", ""},
    {"... but a passive 'shot dead' counts before it", "Two policemen were shot dead in Quetta on Friday.", D, 1, 0, 2,
     NONE, "Quetta", ""},
    {"'wounded another 14': the number after 'another'", "The attack in Quetta killed six people, among them two "
     "women, and wounded another 14.", D, 1, 0, 6, 14, "Quetta", ""},
    {"... and after 'a further'", "A car bomb in Quetta killed six and wounded a further 14.", D, 1, 0, 6, 14,
     "Quetta", ""},
    {"a demonym is an adjective inside a list", "Two Estonian volunteers and three Lithuanian medics were killed in "
     "shelling near Donetsk.", D, 1, 0, 5, NONE, "Donetsk", ""},
    {"'both victims' are two", "Gunfire broke out in Dayton on Friday. Both victims were taken to a hospital and "
     "treated for their injuries.", D, 1, 0, NONE, 2, "Dayton", ""},
    {"... and 'both of them'", "Both of them were shot and killed outside a bar in Dayton.", D, 1, 0, 2, NONE, "Dayton",
     ""},
    {"a later 'no one was hit' denies no one another sentence counts hurt", "A teen accidentally shot himself in "
     "the leg in Dayton on Monday. The gun went off again. No one was hit by that shot.", D, 1, 0, NONE, 1, "Dayton",
     ""},
    {"... nor does an earlier one", "Nobody was hurt when the first shots hit a car in Dayton on Monday. Minutes "
     "later a man was shot in the arm.", D, 1, 0, NONE, 1, "Dayton", ""},
    {"'a third person has died', told alone: three dead", "A third person has died after a shooting in Dayton on "
     "Monday.", D, 1, 0, 3, NONE, "Dayton", ""},
    {"'so far' with one attack is its toll, not a tally over time", "So far, 12 people have died in the attack on "
     "the market in Kramatorsk.", D, 1, 0, 12, NONE, "Kramatorsk", ""},
    {"... and 'in total' too", "In total, 12 people were killed in the missile strike on Kramatorsk.", D, 1, 0, 12,
     NONE, "Kramatorsk", ""},
    {"... but 'so far this year' over many shootings is a tally", "So far this year, 40 people have been killed in "
     "shootings in Dayton.", D, 0, 0, ANY, ANY, NULL, ""},
    {"'the five people shot and killed Friday': the count before the pair", "Police named the five people shot and "
     "killed Friday at a bar in Dayton.", D, 1, 0, 5, NONE, "Dayton", ""},
    {"a name's age before 'who' is no count", "Darnell Hughes, 34 who was killed Friday at a home in Dayton, was a "
     "barber.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"'lost their lives': the count before the verb", "Two people lost their lives in the attack on a market in "
     "Kherson.", D, 1, 0, 2, NONE, "Kherson", ""},
    {"'claimed the lives of' a count", "The strike claimed the lives of 12 civilians in Kherson.", D, 1, 0, 12, NONE,
     "Kherson", ""},
    {"'claimed two lives'", "The blast in Kherson claimed two lives.", D, 1, 0, 2, NONE, "Kherson", ""},
    {"... but saved lives are no dead", "Firefighters in Dayton saved two lives on Friday.", D, 0, 0, ANY, ANY, NULL,
     ""},
    {"... nor the lives days of clashes claimed", "Ten days of clashes near Ramallah have claimed the lives of 67 "
     "people.", D, 1, 0, NONE, NONE, "Ramallah", ""},
    {"a sentence with no violence after a mishap is of the mishap", "A flash flood swept through Grantham on Monday. "
     "Twelve people died.", D, 0, 0, ANY, ANY, NULL, ""},
    {"... and an overturned ruling is no mishap", "A judge overturned the ruling on Friday. Two guards were killed by "
     "inmates at a prison in Dayton.", D, 1, 0, 2, NONE, "Dayton", ""},
    {"'wounded a third': one more person", "The gunman killed two people in Dayton and wounded a third before "
     "fleeing.", D, 1, 0, 2, 1, "Dayton", ""},
    {"an aside that says who the people are: 'three people, two men and a woman,'", "Three people, two men and a "
     "woman, were found shot to death in a car in Dayton.", D, 1, 0, 3, NONE, "Dayton", ""},
    {"'police shot him dead': one dead", "A man opened fire on a crowd in Dayton, wounding seven people before "
     "police shot him dead.", D, 1, 0, 1, 7, "Dayton", ""},
    {"'no officers were injured': none", "Officers in Dayton returned fire, killing the suspect. No officers were "
     "injured.", D, 1, 0, 1, 0, "Dayton", ""},
    {"extremists are people", "Sixteen extremists and two soldiers were killed in fighting near Kherson.", D, 1, 0,
     18, NONE, "Kherson", ""},
    {"'a large number of' is no count of one", "Air strikes near Kherson killed a large number of soldiers and "
     "wounded 16 civilians.", D, 1, 0, NONE, 16, "Kherson", ""},
    {"a headline's 'found' before the participle", "Man found shot to death in Dayton", D, 1, 0, 1, NONE, "Dayton",
     ""},
    {"a couple is two", "Elderly couple found shot to death in Dayton home", D, 1, 0, 2, NONE, "Dayton", ""},
    {"... and 'was found murdered' one", "A 64-year-old shopkeeper was found murdered in his home in Dayton on "
     "Friday.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"'a slain friend' is someone of another event when the sentence counts its own dead", "Three men leaving "
     "a vigil for a slain friend were shot, one fatally, in Dayton on Friday.", D, 1, 0, 1, ANY, "Dayton", ""},
    {"... but alone it is the dead of the sentence", "Police in Dayton identified the slain man on Friday.", D, 1,
     0, 1, NONE, "Dayton", ""},
    {"a trade names a person", "Gunmen killed a shepherd and a butcher near Kherson on Monday.", D, 1, 0, 2, NONE,
     "Kherson", ""},
    {"... and so do an elder and traders", "Gunmen killed a village elder and two traders near Kherson on Monday.", D,
     1, 0, 3, NONE, "Kherson", ""},
    {"an aside 'three of them teenagers' is a part of the count", "Four people - three of them teenagers - were "
     "shot late on Tuesday in Dayton.", D, 1, 0, NONE, 4, "Dayton", ""},
    {"a headline's list closed by a comma", "Five troops, 19 civilians, killed in Kherson blast", D, 1, 0, 24, NONE,
     "Kherson", ""},
    {"'its' before a person", "A drone strike on a car near Kherson killed its driver and a passenger.", D, 1, 0, 2,
     NONE, "Kherson", ""},
    {"an article, an age and a person, then more of the list", "A stray bullet in Dayton injured a 5-year-old boy "
     "and a 20-year-old woman on Friday.", D, 1, 0, NONE, 2, "Dayton", ""},
    {"a headline's list of people without 'and'", "Suspect held in Dayton shooting that killed man, toddler", D, 1, 0,
     2, NONE, "Dayton", ""},
    {"a death to avenge is an earlier one", "A car bomb exploded in Kherson on Monday as the group vowed to avenge "
     "the slaying of his brother.", D, 0, 0, ANY, ANY, NULL, ""},
    {"'police shot dead' with a count after: the police fire", "Police shot dead four suspected extremists near "
     "Kherson on Monday.", D, 1, 0, 4, NONE, "Kherson", ""},
    {"the victims' ages between commas count them", "The victims, ages 19 and 21, were pronounced dead at the "
     "scene in Dayton.", D, 1, 0, 2, NONE, "Dayton", ""},
    {"'another is fighting for his life': one hurt", "A man is dead and another is fighting for his life after a "
     "shooting in Dayton.", D, 1, 0, 1, 1, "Dayton", ""},
    {"... not a political life", "The mayor of Dayton is battling for his political life.", D, 0, 0, ANY, ANY, NULL,
     ""},
    {"a count of many shot in 'disputes' is a city's night, not one incident", "Police in Dayton said 14 people "
     "were shot on Monday night in what they called family disputes.", D, 1, 0, NONE, NONE, "Dayton", ""},
    {"'since Tuesday morning' is a span of days", "At least 13 people were shot in Dayton since Tuesday morning, "
     "police said.", D, 1, 0, NONE, NONE, "Dayton", ""},
    {"'in the first 41 days of the year' is a tally", "Ninety people have been shot in Dayton in the first 41 days "
     "of the year, 20 of them fatally.", D, 1, 0, NONE, NONE, "Dayton", ""},
    {"... but 'in seven days' is a weekly report's toll", "Two soldiers died and one was wounded near Kherson in "
     "seven days, the command said.", D, 1, 0, 2, 1, "Kherson", ""},
    {"', both 40, and' goes on with the list", "Police found the bodies of a man and a woman, both 40, and their "
     "two sons in Dayton.", D, 1, 0, 4, NONE, "Dayton", ""},
    {"the people after 'who shot' are its object, not those killed", "A man who shot three people was killed by "
     "police in Dayton.", D, 1, 0, 1, 3, "Dayton", ""},
    {"... in a headline too", "Man who shot 3 people is killed by police in Dayton", D, 1, 0, 1, 3, "Dayton", ""},
    {"... and the aside after them is theirs", "Teen who shot 4, including 2 deputies, is killed by police in Dayton",
     D, 1, 0, 1, ANY, "Dayton", ""},
    {"'two others were taken to the hospital' after a death in the same sentence", "One person died and two "
     "others were taken to the hospital after a shooting at a party in Dayton early Sunday.", D, 1, 0, 1, 2,
     "Dayton", ""},
    {"'died after he was stabbed' is one person", "A 17-year-old boy died after he was stabbed outside a school in "
     "Dayton on Monday.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"'caused no casualties': none dead, none hurt", "A drone attack on an oil depot near Kherson caused no "
     "casualties.", D, 1, 0, 0, 0, "Kherson", ""},
    {"... and 'no casualties were reported' after a strike", "No casualties were reported after the missile struck "
     "an industrial site in Kherson.", D, 1, 0, 0, 0, "Kherson", ""},
    {"'hacked to death' is a death", "A woman was hacked to death by unidentified assailants near Kherson on "
     "Friday.", D, 1, 0, 1, NONE, "Kherson", ""},
    {"... and 'beat a man to death' one", "A mob beat a man to death in Dayton on Friday.", D, 1, 0, 1, NONE,
     "Dayton", ""},
    {"a chief is a person", "Unknown gunmen shot dead a local chief and his son near Kherson on Sunday.", D, 1, 0, 2,
     NONE, "Kherson", ""},
    {"a calling before a name is no second person", "Police officer John Smith was also killed in clashes in "
     "Dayton.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"... but a kinship word after 'and' is the next person", "His mother Rita Lane, 65, and daughter Mia, 12, were "
     "found murdered at their house in Dayton.", D, 1, 0, 2, NONE, "Dayton", ""},
    {"'lightly wounded', 'moderately injured'", "Two soldiers were lightly wounded and one was moderately injured "
     "near Kherson.", D, 1, 0, NONE, 3, "Kherson", ""},
    {"a headline's 'Takes Own Life' is a death", "Student Takes Own Life In School Parking Lot In Dayton", D, 1, 0, 1,
     ANY, "Dayton", ""},
    {"'turned out to be a suicide': one dead", "A report of a shooting in Dayton turned out to be a suicide early "
     "Wednesday.", D, 1, 0, 1, NONE, "Dayton", ""},
    {"... 'both men committed suicide' two", "Police in Dayton said both men committed suicide.", D, 1, 0, 2, NONE,
     "Dayton", ""},
    {"... but a suicide bomber's dead are the count", "A suicide bomber killed 12 people at a market in Kherson.", D,
     1, 0, 12, NONE, "Kherson", ""},
    {"... and an attempted suicide is no death", "A man attempted suicide in Dayton on Friday.", D, 0, 0, ANY, ANY,
     NULL, ""},
    {"a death 'ruled homicide' is one dead", "Update: Dayton death ruled homicide by gunshot wound", D, 1, 0, 1, NONE,
     "Dayton", ""},
    {"'one of two people injured' tells the two", "Teenager one of two people injured in shooting near parade route "
     "in Dayton", D, 1, 0, NONE, 2, "Dayton", ""},
    {"... but 'one of five victims died' the one", "One of five victims died at a hospital in Dayton on Friday.", D,
     1, 0, 1, ANY, "Dayton", ""},
    {"'three others are being treated for injuries'", "One person is dead and three others are being treated for "
     "injuries after a shooting in Dayton.", D, 1, 0, 1, 3, "Dayton", ""},
    {"... and those treated after a count of those shot are some of them", "Police say four people were shot in "
     "Dayton and two are being treated at a local hospital.", D, 1, 0, NONE, 4, "Dayton", ""},
    {"a group's ages are no count", "Gunfire broke out in Dayton on Friday. Three other people ranging in age "
     "from 16 to 22 were treated at a hospital.", D, 1, 0, NONE, 3, "Dayton", ""},
    {"... between the ages of", "Gunfire broke out in Dayton on Friday. Three men between the ages of 18 and 23 "
     "received serious injuries.", D, 1, 0, NONE, 3, "Dayton", ""},
    {"taken to area hospitals", "Gunfire broke out at a block party in Dayton on Friday. Five victims were taken to "
     "area hospitals.", D, 1, 0, NONE, 5, "Dayton", ""},
    {"the shooting of: those shot", "Detectives in Dayton are looking into the shooting of three teenagers on Friday.",
     D, 1, 0, NONE, 3, "Dayton", ""},
    {"... the dead among them", "A gunman is charged in the shooting of four members of a family in Flint. One of "
     "them, a boy of 12, died.", D, 1, 0, 1, 3, "Flint", ""},
    {"killed and another shot are different people", "A father was killed and his son was shot in Detroit.", D, 1,
     0, 1, 1, "Detroit", ""},
    {"another victim", "A teen was killed in a shooting in Peoria on Friday. Another teen was shot in the foot.", D,
     1, 0, 1, 1, "Peoria", ""},
    {"shot and later died", "A man was shot and later died in Detroit.", D, 1, 0, 1, 0, "Detroit", ""},
    {"shot to death, in a headline", "Teen shot to death in Roswell apartment complex", D, 1, 0, 1, NONE, "Roswell",
     ""},
    {"fatally shot someone", "A Detroit man fatally shot his roommate in an argument, police said.", D, 1, 0, 1, NONE,
     "Detroit", ""},
    {"killed a 20-year-old man", "An Allentown man shot and killed a 20-year-old man in Allentown.", D, 1, 0, 1, NONE,
     "Allentown", ""},
    {"the death of a 17 year old", "Police reported the accidental death of a 17 year old male in Juneau.", D, 1, 0, 1,
     NONE, "Juneau", ""},
    {"adjectives before a noun are one person", "The male juvenile was shot and killed in Salinas.", D, 1, 0, 1,
     NONE, "Salinas", ""},
    {"a deadly shooting", "Police identified the suspect in Sunday's deadly west Houston shooting.", D, 1, 0, 1, NONE,
     "Houston", ""},
    {"an aside between the count and the verb",
     "One person was killed and another two, including a baby, were hospitalized in Gainesville.", D, 1, 0, 1, 2,
     "Gainesville", ""},
    {"remains in the hospital", "A girl has died and her mother remains in the hospital after a shooting in Dallas.", D,
     1, 0, 1, 1, "Dallas", ""},
    {"his two daughters", "A man shot his two daughters in Queens on Saturday.", D, 1, 0, NONE, 2, "Queens", ""},
    {"a list of victims after the verb", "A man fatally shot his teenage brother and his girlfriend in Pittsburgh.", D,
     1, 0, 2, NONE, "Pittsburgh", ""},
    {"her and another woman", "A man opened fire in Peoria, killing her and another woman.", D, 1, 0, 2, NONE, "Peoria",
     ""},
    {"parents and siblings", "A teenager is accused of fatally shooting his parents and three younger siblings in Albuquerque.",
     D, 1, 0, 5, NONE, "Albuquerque", ""},
    {"shoots 4, killing 1", "An employee shoots 4 colleagues, killing 1, at a store in Peoria.", D, 1, 0, 1, 3,
     "Peoria", ""},
    {"the bodies of N people", "The bodies of three people were found in a burned house in Topeka on Sunday.", D, 1,
     0, 3, NONE, "Topeka", ""},
    {"the deaths of a mother and her young daughter",
     "Police in Tulsa ruled the deaths of a mother and her young daughter a murder-suicide.", D, 1, 0, 2, NONE, "Tulsa",
     ""},
    {"succumbed", "A man who was shot outside a bar in Reno succumbed to his wounds on Tuesday.", D, 1, 0, 1, ANY,
     "Reno", ""},
    {"a fifth victim died", "Four shoppers were killed at a mall in Spokane. A fifth victim, a man, died in hospital.",
     D, 1, 0, 5, NONE, "Spokane", ""},
    {"'showed up at the hospital with gunshot wounds'",
     "Police say two people showed up at the hospital with gunshot wounds after a shooting in Dayton.", D, 1, 0, NONE,
     2, "Dayton", ""},
    {"'a second man was injured' after one man counted hurt: two",
     "Police in Wichita say a second man was injured in the shooting on Friday. One man had suffered a gunshot "
     "wound to the arm.",
     D, 1, 0, NONE, 2, "Wichita", ""},
    {"... but not after one shot who may be the dead",
     "A man was shot dead in Wichita on Friday. Police say a second man was injured in the shooting.", D, 1, 0, 1, 1,
     "Wichita", ""},
    {"'3 wounded' beside 'at least four people were shot' and two dead: three",
     "2 dead, 3 wounded in Dayton shooting\n\nPolice said at least four people were shot on a porch in Dayton late on "
     "Sunday.",
     D, 1, 0, 2, 3, "Dayton", ""},
    {"a headline's 'soldier reported killed'", "Ukrainian soldier reported killed near Avdiivka", D, 1, 0, 1, NONE,
     "Avdiivka", ""},
    {"a third person hurt is not a third death", "Two men were shot dead in Dayton. A third man was wounded.", D, 1, 0,
     2, 1, "Dayton", ""},
    {"were shot at a nightclub", "Four people were shot at a nightclub in Tulsa late on Wednesday.", D, 1, 0, NONE, 4,
     "Tulsa", ""},
    {"were shot at (fired on)", "Two deputies were shot at during a chase in Dayton, but nobody was hurt.", D, 1, 0,
     NONE, 0, "Dayton", ""},
    {"a tally over years", "In two and a half years there were 40 such shootings in Ohio, with 25 children wounded and nine killed.",
     D, 0, 0, NONE, NONE, NULL, ""},
    {"a tally since a date", "Since January 2014, 120 children have been killed in accidental shootings in Texas.", D, 0,
     0, NONE, NONE, NULL, ""},
    {"a tally of separate incidents", "At least 11 people were wounded in separate incidents across Denver over the weekend.",
     D, 0, 0, NONE, NONE, NULL, ""},
    {"for two years is no tally", "For two years the family waited for the trial of the man who killed two people in Fresno.",
     D, 1, 0, 2, NONE, "Fresno", ""},
    {"a man who shot four people", "Police arrested a man who shot four people in a bar in Hartford.", D, 1, 0, NONE, 4,
     "Hartford", ""},
    {"suspected of shooting 4", "Man suspected of shooting 4 at Toledo bar arrested", D, 1, 0, NONE, 4, "Toledo", ""},
    {"accidentally shoots himself", "Boise teen accidentally shoots himself in the hand", D, 1, 0, NONE, 1, "Boise", ""},
    {"accidentally shoots friend", "Woman accidentally shoots friend while cleaning a gun in Omaha", D, 1, 0, NONE, 1,
     "Omaha", ""},
    {"sent five people to the hospital", "A shooting in Providence late on Tuesday sent five people to the hospital.", D,
     1, 0, NONE, 5, "Providence", ""},
    {"died after he and four others were shot",
     "A man died on Tuesday night after he and four others were shot outside a home in Hyattsville.", D, 1, 0, 1, 4,
     "Hyattsville", ""},
    {"one of two girls has died", "Police: One of two girls, 7 and 5, shot on Wednesday in Austin has died.", D, 1, 0, 1,
     ANY, "Austin", ""},
    {"a weekday is no person", "Two teenagers were hospitalized Thursday in Flint after being shot.", D, 1, 0, NONE, 2,
     "Flint", ""},
    {"an earlier event recalled is not this article's incident",
     "Two men were shot dead outside a bar in Tacoma on Friday. Last month, a gunman killed three people at a mall in Seattle.",
     D, 1, 0, 2, NONE, "Tacoma", ""},
    {"an article's own event dated by its year stays, dated by its month",
     "A gunman killed two people in Fresno in October 2014, police said on Friday.", D, 1, 0, 2, NONE, "Fresno",
     "date=2014-10-01;dprec=3"},
    {"a list with commas, then the gunman himself",
     "A man shot and killed his wife, son and daughter before killing himself in Tulsa on Friday.", D, 1, 0, 4, NONE,
     "Tulsa", ""},
    {"an apposition is no list", "Police charged a man in the death of Jamal Brooks, his neighbour's son, in Tulsa.", D, 1,
     0, 1, NONE, "Tulsa", ""},
    {"'a Houston-area home' yields to the dateline",
     "KATY, Texas - Police say a man shot and killed two people in a Houston-area home.", D, 1, 0, 2, NONE, "Katy", ""},
    {"a station's masthead is not the place",
     "Girl shot in Lunenburg County - WXYZ 12 Richmond, VA News, Weather, Sports\n\nA girl was shot at a home in Lunenburg County on Monday.",
     D, 1, 0, NONE, 1, "Lunenburg County", ""},
    {"a woman and her son after the verb", "A gunman killed a woman and her son in Fresno on Friday.", D, 1, 0, 2, NONE,
     "Fresno", ""},
    {"her five-year-old son", "He is accused of killing his wife and her five-year-old son in Fresno.", D, 1, 0, 2, NONE,
     "Fresno", ""},
    {"two died and two died", "Two victims died at the scene in Tulsa and two died on the way to the hospital.", D, 1, 0,
     4, NONE, "Tulsa", ""},
    {"the fallen", "The three fallen officers killed in Tulsa were remembered on Friday.", D, 1, 0, 3, NONE, "Tulsa",
     ""},
    {"the unborn are left out", "A gunman killed three adults and an unborn child in Tulsa.", D, 1, 0, 3, NONE, "Tulsa",
     ""},
    {"a relative clause ends the list", "Officers shot and killed a man who attacked them and a neighbour in Tulsa.", D, 1, 0,
     1, NONE, "Tulsa", ""},
    {"a teenage boy is one person", "A teenage boy was killed in a shooting in Atlanta.", D, 1, 0, 1, NONE, "Atlanta",
     ""},
    {"a headline and its lead in two places", "Gunman kills three near Surprise\n\nA gunman killed three relatives in a house near Bristol, Tennessee, on Sunday. Deputies said the house lies in Bristol.",
     D, 1, 0, 3, NONE, "Bristol", ""},
    /* victims told again, with a place of their own */
    {"a victim's home town is the same incident",
     "Two women were killed and a boy was wounded in a shooting in Covina on Sunday.\n\nHis aunt, 70-year-old Lena Marsh, and his friend, 23-year-old Nora Quill of Azusa, were pronounced dead at the scene of the shooting, police said.",
     D, 1, 0, 2, 1, "Covina", ""},
    {"the hospital a victim died in is the same incident",
     "A gunman killed three people and wounded two at a bar in Fort Worth on Friday.\n\nOne of them died later at a hospital in Arlington, police said.",
     D, 1, 0, 3, 2, "Fort Worth", ""},
    {"a new attack nearby is another incident",
     "A drone strike killed three people in Pavlohrad overnight.\n\nTwo people were killed when a missile hit a house in Ternivka.",
     D, 2, 1, 2, NONE, "Ternivka", ""},
    /* sums over several incidents */
    {"three shootings are no one incident",
     "Three separate shootings left six people wounded in Englewood on Tuesday night, police said.\n\nThe latest happened at 10 p.m., when two men were shot on a porch in Englewood.",
     D, 1, 0, NONE, 2, "Englewood", ""},
    {"weekend shootings across the city",
     "Five people were killed and 20 wounded in weekend shootings across Chicago.\n\nOn Saturday, a man was shot and killed on a porch in Chicago.",
     D, 1, 0, 1, NONE, "Chicago", ""},
    {"a city's roundup of shootings is no incident",
     "10 dead, 23 others wounded in Chicago shootings\n\nOn Sunday, a man was shot and killed on a porch in Chicago.", D,
     1, 0, 1, NONE, "Chicago", ""},
    {"the shootings of one spree stay one incident",
     "Four people have been wounded in early morning shootings in Kalamazoo, police said.", D, 1, 0, NONE, 4,
     "Kalamazoo", ""},
    /* ages and the attacker */
    {"a name's age is no count",
     "A gunman opened fire at a bar in Fort Wayne, killing three men.\n\nDana Holt, 30; Levi Cross, 21; and Jon Pike, 31 all died of gunshot wounds, the coroner said.",
     D, 1, 0, 3, NONE, "Fort Wayne", ""},
    {"killed two, then turned the gun on himself",
     "A man shot and killed his wife and her mother and then turned the gun on himself in Springfield, Illinois.", D, 1,
     0, 3, NONE, "Springfield", ""},
    {"the attacker's suicide told apart adds no guess",
     "A gunman killed two people in Springfield, Illinois, on Sunday. He later took his own life.", D, 1, 0, 2, NONE,
     "Springfield", ""},
    {"only the attacker died", "The gunman killed himself after firing at police in Springfield, Illinois.", D, 1, 0, 1,
     NONE, "Springfield", ""},
    {"the attacker counted among the dead",
     "Three people, including the gunman, were killed in a shooting in Springfield, Illinois. The gunman killed himself.",
     D, 1, 0, 3, NONE, "Springfield", ""},
    {"'two of them' is a part of the five", "Five people were shot at a home in Newark, and two of them have serious injuries.",
     D, 1, 0, NONE, 5, "Newark", ""},
    {"'and one' after the dead is the rest of those shot, not one more",
     "Six people were shot outside a bar in Newark; five of them died and one is in critical condition.", D, 1, 0, 5, 1,
     "Newark", ""},
    {"the rest of those shot, told as injured",
     "Four men were shot on a porch in Camden; three men died and one was injured.", D, 1, 0, 3, 1, "Camden", ""},
    {"'wounded another' is one more", "The gunman killed two coworkers and wounded another in Tulsa on Monday.", D, 1, 0, 2,
     1, "Tulsa", ""},
    /* deaths of no violent incident */
    {"deaths from a disease", "The flu epidemic has killed 12 people in Nairobi this month.", D, 0, 0, NONE, NONE, NULL,
     ""},
    {"a story about an illness: its deaths without the illness's name are of it too",
     "Doctors in Lagos confirmed an outbreak of Lassa fever on Monday. The ministry said 40 people had died in Lagos "
     "and 15 more in Ibadan. The disease spreads through contact with rats.",
     D, 0, 0, NONE, NONE, NULL, ""},
    {"a natural disaster", "A landslide buried a village in Sichuan on Tuesday, and an earthquake killed 40 people in Van.", D,
     0, 0, NONE, NONE, NULL, ""},
    {"dead animals", "Officials found 300 dead ducks near a lake outside Izmir.", D, 0, 0, NONE, NONE, NULL, ""},
    {"cattle raiders kill people", "Cattle raiders killed nine people near Bor on Sunday.", D, 1, 0, 9, NONE, "Bor", ""},
    {"old age", "The former mayor of Tulsa died in Tulsa on Monday at the age of 88.", D, 0, 0, NONE, NONE, NULL, ""},
    {"shot at an old age", "A man was shot dead in Tulsa at the age of 70.", D, 1, 0, 1, NONE, "Tulsa", ""},
    {"a flu shot is no shooting", "Officials in Tulsa urged residents to get a flu shot.", D, 0, 0, NONE, NONE, NULL, ""},
    {"fighting an illness is no clash", "A charity in Nairobi has been fighting AIDS for twenty years.", D, 0, 0, NONE, NONE,
     NULL, ""},
    {"fighting that kills", "Heavy fighting near Bakhmut killed 12 soldiers on Monday.", D, 1, 0, 12, NONE, "Bakhmut", ""},
    {"years of a life are no count", "Jon Dahl (born 1898 - died 1970) was a poet from Tromso.", D, 0, 0, NONE, NONE, NULL,
     ""},
    {"what a poison could do", "He bought a poison with the potential to kill about 1,400 people in Leeds.", D, 0, 0, NONE,
     NONE, NULL, ""},
    {"what explosives were meant to do", "He carried enough explosives to kill 200 people in Leeds.", D, 0, 0, NONE, NONE,
     NULL, ""},
    {"a threat", "He threatened to kill 20 people at a school in Leeds.", D, 0, 0, NONE, NONE, NULL, ""},
    {"'went on to kill' did happen", "The gunman went on to kill three people in Leeds.", D, 1, 0, 3, NONE, "Leeds", ""},
    {"an event of an earlier year, told first, has no date", "In 2019, two tourists were killed by a gunman in Tbilisi.",
     D, 1, 0, 2, NONE, "Tbilisi", "date=-"},
    {"an event of the middle ages", "In 1837 raiders attacked a village near Kuching, killing 200 men. On Friday a man was "
     "stabbed in Kuching.", D, 1, 0, NONE, 1, "Kuching", "date=2025-04-25"},
    {"an event of an earlier year, told after this one",
     "Two men were shot dead in Dayton on Friday. In 2021 a man was shot in the same street.", D, 1, 0, 2, NONE,
     "Dayton", ""},
    {"this year is no earlier year", "Two men were shot dead in Dayton in April 2025.", D, 1, 0, 2, NONE, "Dayton", ""},
    {"a plural no list has", "Two climbers were killed by a gunman near Tbilisi on Friday.", D, 1, 0, 2, NONE,
     "Tbilisi", ""},
    {"another plural no list has", "Three hikers were shot near Tbilisi on Friday.", D, 1, 0, NONE, 3, "Tbilisi", ""},
    {"run over", "An 80-year-old man died after being run over in a parking lot in Latrobe.", D, 0, 0, NONE, NONE, NULL,
     ""},
    {"a car that hit a pedestrian on purpose is an attack",
     "A driver rammed his car into a crowd in Latrobe, killing two people in what police called an attack.", D, 1, 0, 2,
     NONE, "Latrobe", ""},
    {"history, without a date", "The county is named after a general who was killed near Quebec in 1775, leading an "
     "attack.", NULL, 0, 0, NONE, NONE, NULL, ""},
    {"history told first, then today's incident",
     "In 1837 raiders attacked a village near Kuching, killing 200 men. On Friday a man was shot in Kuching.", NULL, 1,
     0, NONE, 1, "Kuching", ""},
    {"an address is no year", "Two men were shot in the 1500 block of West Main Street in Tulsa.", NULL, 1, 0, NONE, 2,
     "Tulsa", ""},
    {"an abbreviated block is no year", "A boy was shot and killed in 1800 blk of Elm in Wichita.", NULL, 1, 0, 1, NONE,
     "Wichita", ""},
    {"a street number is no year", "A man was shot dead in 1200 Grand Avenue in Wichita on Friday.", NULL, 1, 0, 1, NONE,
     "Wichita", ""},
    {"a named battle of history is no clash", "Alma in Quebec is named after the Battle of Alma, fought in the Crimea.",
     NULL, 0, 0, NONE, NONE, NULL, ""},
    {"a title is no shooting", "Scenes of the film \"Slap Shot\" were filmed at the arena in Utica.", NULL, 0, 0, NONE,
     NONE, NULL, ""},
    {"a headline's capitals are", "Man Shot Outside Bar In Utica", NULL, 1, 0, NONE, 1, "Utica", ""},
    {"what dies down is no one", "The lumber trade in Rochester died down after 1900.", NULL, 0, 0, NONE, NONE, NULL, ""},
    {"an overturned lorry", "An army lorry overturned on a bridge near Bastogne, killing two soldiers.", NULL, 0, 0, NONE,
     NONE, NULL, ""},
    {"the toll includes those who died since", "The death toll from the car bombing in Peshawar has risen to 52 after "
     "three more people died in hospital.", D, 1, 0, 52, NONE, "Peshawar", ""},
    {"counts in a list add up", "Twelve civilians and three soldiers were killed in Kharkiv.", D, 1, 0, 15, NONE,
     "Kharkiv", ""},
    {"not killed", "Two men were shot in Aleppo but were not killed.", D, 1, 0, NONE, 2, "Aleppo", ""},
    {"not being killed", "Residents say they are not being killed by the shelling in Aleppo any more.", D, 1, 0, NONE,
     NONE, "Aleppo", "type=shelling"},
    {"a headline's list ending in a bare noun", "Three militants, civilian killed near Avdiivka", D, 1, 0, 4, NONE,
     "Avdiivka", ""},
    {"a headline's list joined by 'and'", "Two soldiers and civilian wounded in shelling near Avdiivka", D, 1, 0, NONE, 3,
     "Avdiivka", ""},
    {"a list item after a possessive", "His wife and their three children were killed in Albuquerque.", D, 1, 0, 4, NONE,
     "Albuquerque", ""},
    {"a list of a person, a possessive and a count", "A man, his wife and three children were killed in Albuquerque.", D,
     1, 0, 5, NONE, "Albuquerque", ""},
    {"a list of three kinds", "A woman, her mother and two neighbors were wounded in Albuquerque.", D, 1, 0, NONE, 4,
     "Albuquerque", ""},
    {"an age range is no count", "Four other teenagers, between the ages of 16-18, were also injured in Trenton.", D, 1,
     0, NONE, 4, "Trenton", ""},
    {"an event of an earlier month is not counted again",
     "A man was killed and three others were injured in a shooting in Trenton on Wednesday. It happened near where a drive-by shooting injured a dozen others in March.",
     D, 1, 0, 1, 3, "Trenton", ""},
    /* a neighbourhood the gazetteer lacks, resolved to a namesake far from the article's city */
    {"a neighbourhood's namesake far away yields to the dateline",
     "PHILADELPHIA (AP) — A 6-year-old girl was wounded in a shooting in East Germantown on Tuesday.", D, 1, 0, NONE,
     1, "Philadelphia", "lat>39.8;lat<40.2"},
    {"a town far from a wire dateline stays the place",
     "KYIV, Ukraine (AP) — A Russian missile strike killed three people in Pavlohrad on Friday.", D, 1, 0, 3, NONE,
     "Pavlohrad", ""},
    {"a town far away whose state the text names stays the place",
     "PHILADELPHIA (AP) — A man was wounded in a shooting in Germantown, Maryland, on Tuesday.", D, 1, 0, NONE, 1,
     "Germantown", ""},
    /* lists of people */
    {"a list with ages and adjectives adds up", "Police said a 15-year-old girl, two women and a man were shot in Tulsa.",
     D, 1, 0, NONE, 4, "Tulsa", ""},
    {"'two young children and an adult'", "Two young children and an adult were shot Saturday night in Tulsa.", D, 1, 0,
     NONE, 3, "Tulsa", ""},
    {"an age in words is no count", "A ten year old boy and two adults were wounded in a shooting in Tulsa.", D, 1, 0,
     NONE, 3, "Tulsa", ""},
    {"the dead of a list are not among the injured",
     "Officers found two deceased victims and two injured men inside a home in Tulsa.", D, 1, 0, ANY, 2, "Tulsa", ""},
    {"'6 others shot' leaves the dead out already", "13-year-old boy killed, 6 others shot in Tulsa", D, 1, 0, 1, 6,
     "Tulsa", ""},
    {"'a boy and six other people were shot', then the boy died",
     "A 13-year-old boy and six other people were shot Friday in Tulsa, police said. The boy died.", D, 1, 0, 1, 6,
     "Tulsa", ""},
    {"'no one else was hurt' leaves the one hurt",
     "A girl was wounded by a stray bullet in Tulsa on Thursday. No one else was injured.", D, 1, 0, NONE, 1, "Tulsa",
     ""},
    {"'could have killed her' did not happen",
     "A girl was wounded by a stray bullet in Tulsa. Doctors say it could have hit her heart and killed her.", D, 1, 0,
     NONE, 1, "Tulsa", ""},
    {"a victim's own words are no count",
     "A girl was wounded by a stray bullet in Tulsa. \"They shot me,\" she told her father.", D, 1, 0, NONE, 1, "Tulsa",
     ""},
    /* updates */
    {"the death toll from a long subject rose", "The death toll from the shelling of Horlivka rose to five on Friday.", D,
     1, 0, 5, NONE, "Horlivka", "type=shelling"},
    {"the number of people killed has risen", "The number of people killed in the shelling of Donetsk has risen to seven.",
     D, 1, 0, 7, NONE, "Donetsk", ""},
    {"the number of injured increased", "The number of people injured in the shelling of the market in Donetsk increased to four.",
     D, 1, 0, NONE, 4, "Donetsk", ""},
    {"an update replaces the first count", "A strike on Donetsk killed two people. The death toll later rose to five.", D,
     1, 0, 5, NONE, "Donetsk", ""},
    /* a part of a country */
    {"'eastern Ukraine' is the east of the country", "Shelling killed three civilians in eastern Ukraine on Friday.", D,
     1, 0, 3, NONE, "Eastern Ukraine", "prec=3;lat>47.5"},
    {"'southern Lebanon'", "Air strikes on southern Lebanon killed four people.", D, 1, 0, 4, NONE, "Southern Lebanon",
     "lat<33.6"},
    {"'Ukraine's east'", "Shelling killed three civilians in Ukraine's east on Friday.", D, 1, 0, 3, NONE,
     "Eastern Ukraine", "lat>47.5"},
    {"'the east of Ukraine'", "Two soldiers were killed in the east of Ukraine.", D, 1, 0, 2, NONE, "Eastern Ukraine",
     ""},
    {"a country alone stays the country", "Shelling killed three civilians in Ukraine on Friday.", D, 1, 0, 3, NONE,
     "Ukraine", ""},
    {"'three wounded' told as such are not less those shot dead",
     "1 killed, 3 wounded in Tulsa shooting\n\nOne man was shot in the chest and was pronounced dead. A second man was shot in the leg, and two men were grazed by bullets.",
     D, 1, 0, 1, 3, "Tulsa", ""},
    {"'the other three people shot' leaves the dead out",
     "A teenager was killed in a shooting in Tulsa. One of the other three people shot was unresponsive.", D, 1, 0, 1, 3,
     "Tulsa", ""},
    {"digits after 'a' are a thing", "A man was shot dead in Tulsa. The song they filmed is called \"a 50 shot\".", D, 1,
     0, 1, NONE, "Tulsa", ""},
    {"'and another was wounded' is one more", "Two people were killed and another was wounded in Tulsa.", D, 1, 0, 2, 1,
     "Tulsa", ""},
    {"a quadruple shooting is four shot", "Oakland police investigate a quadruple shooting", D, 1, 0, NONE, 4, "Oakland",
     ""},
    {"a quadruple shooting that left three dead",
     "A man was arrested in a quadruple shooting that left three people dead in Olympia.", D, 1, 0, 3, 1, "Olympia", ""},
    {"shot himself in the leg", "Teen shoots himself in the leg in Bluffton", D, 1, 0, NONE, 1, "Bluffton", ""},
    {"'his wife, two children and his mother'", "A man killed his wife, two children and his mother in Sanford.", D, 1,
     0, 4, NONE, "Sanford", ""},
    {"a name's age after a comma is no list", "A man killed his wife, 45, in Sanford.", D, 1, 0, 1, NONE, "Sanford", ""},
    {"a new clause after a comma is no list",
     "The shooting killed Johnson, two others were wounded, police in Sanford said.", D, 1, 0, 1, 2, "Sanford", ""},
    {"a side of the war is not where it happened",
     "Three civilians were killed in Horlivka in shelling by Kiev's forces, the DPR said.", D, 1, 0, 3, NONE, "Horlivka",
     ""},
    {"'Kiev's forces' alone leaves the region told", "Three DPR civilians killed, nine injured in shelling by Kiev's forces",
     D, 1, 0, 3, 9, "Donetsk", "prec=3;lat<49"},
    {"tried to kill himself is no death", "A man tried to kill himself after a standoff in Springfield, Illinois.", D,
     0, 0, NONE, NONE, NULL, ""},
    /* evidence */
    {"an incident told again far on shows its first telling",
     "A missile strike on Kharkiv killed three people on Monday. The city council met on Tuesday to discuss "
     "repairs. Schools stayed closed for the rest of the week. Engineers checked the bridges over the river. "
     "Volunteers handed out blankets and water. The mayor thanked the emergency crews. Heating was restored to "
     "most homes by Thursday. Officials said the three people killed in the strike on Kharkiv were all "
     "residents of the same street.",
     D, 1, 0, 3, NONE, "Kharkiv", "evlen<60"},
    {"an incident told in two sentences in a row shows both",
     "A missile strike on Kharkiv killed three people on Monday. The death toll rose to five on Tuesday.", D, 1, 0, 5,
     NONE, "Kharkiv", "evlen>90"},
    {"shot himself in the leg is an injury", "A man shot himself in the leg while cleaning a gun in Decatur on Friday.",
     D, 1, 0, NONE, 1, "Decatur", ""},
};

static bool condition(const gm_incident *inc, const char *cond, char *why, size_t cap)
{
    const char *v = strpbrk(cond, "=<>");
    if (!v)
        return snprintf(why, cap, "bad condition"), false;
    size_t klen = (size_t)(v - cond);
    char op = *v++;
    if (klen == 3 && strncmp(cond, "low", 3) == 0) {
        if (inc->killed_low != atol(v))
            return snprintf(why, cap, "killed_low %ld", inc->killed_low), false;
    } else if (klen == 4 && strncmp(cond, "high", 4) == 0) {
        if (inc->killed_high != atol(v))
            return snprintf(why, cap, "killed_high %ld", inc->killed_high), false;
    } else if (klen == 4 && strncmp(cond, "qual", 4) == 0) {
        if (!inc->qualifier || strcmp(inc->qualifier, v) != 0)
            return snprintf(why, cap, "qualifier %s", inc->qualifier ? inc->qualifier : "(none)"), false;
    } else if (klen == 4 && strncmp(cond, "date", 4) == 0) {
        if (strcmp(inc->date, strcmp(v, "-") == 0 ? "" : v) != 0)
            return snprintf(why, cap, "date '%s'", inc->date), false;
    } else if (klen == 5 && strncmp(cond, "dprec", 5) == 0) {
        if (inc->date_precision != atoi(v))
            return snprintf(why, cap, "date_precision %d", inc->date_precision), false;
    } else if (klen == 4 && strncmp(cond, "prec", 4) == 0) {
        if (inc->geo_precision != atoi(v))
            return snprintf(why, cap, "geo_precision %d", inc->geo_precision), false;
    } else if (klen == 4 && strncmp(cond, "type", 4) == 0) {
        if (!inc->event_type || strcmp(inc->event_type, v) != 0)
            return snprintf(why, cap, "event_type %s", inc->event_type ? inc->event_type : "(none)"), false;
    } else if (klen == 5 && strncmp(cond, "evlen", 5) == 0) {
        size_t len = inc->end - inc->start, want = (size_t)atol(v);
        if (op == '>' ? !(len > want) : !(len < want))
            return snprintf(why, cap, "evidence of %zu bytes", inc->end - inc->start), false;
    } else if (klen == 3 && strncmp(cond, "lat", 3) == 0) {
        double want = atof(v);
        if (!inc->resolved || (op == '>' ? !(inc->place.lat > want) : !(inc->place.lat < want)))
            return snprintf(why, cap, "latitude %.4f", inc->place.lat), false;
    } else {
        return snprintf(why, cap, "bad condition"), false;
    }
    return true;
}

static void run_case(gm_gazetteer *g, const incident_case *c)
{
    gm_options opt;
    gm_options_init(&opt);
    opt.date = c->date;
    gm_doc *d = NULL;
    gm_error err;
    if (gm_extract(g, c->text, strlen(c->text), &opt, &d, &err) != GM_OK) {
        CHECK_MSG(false, "%s: extract failed: %s", c->rule, err.message);
        return;
    }
    size_t n = gm_doc_incident_count(d);
    CHECK_MSG(n == (size_t)c->count, "%s: %zu incidents, expected %d, in \"%s\"", c->rule, n, c->count, c->text);
    if (c->count > 0 && (size_t)c->nth < n) {
        const gm_incident *inc = gm_doc_incident(d, (size_t)c->nth);
        if (c->killed != ANY)
            CHECK_MSG(inc->killed == c->killed, "%s: killed %ld, expected %ld", c->rule, inc->killed, c->killed);
        if (c->injured != ANY)
            CHECK_MSG(inc->injured == c->injured, "%s: injured %ld, expected %ld", c->rule, inc->injured, c->injured);
        if (c->place)
            CHECK_MSG(inc->resolved && inc->place.name && strcmp(inc->place.name, c->place) == 0,
                      "%s: place %s, expected %s", c->rule, inc->resolved ? inc->place.name : "(none)", c->place);
        char conds[160];
        snprintf(conds, sizeof conds, "%s", c->expect);
        for (char *save = NULL, *cond = strtok_r(conds, ";", &save); cond; cond = strtok_r(NULL, ";", &save)) {
            char why[96] = "";
            CHECK_MSG(condition(inc, cond, why, sizeof why), "%s: wanted %s, got %s", c->rule, cond, why);
        }
    }
    gm_doc_free(d);
}

/* Paragraphs without casualties (one per line, # comments): no incident with people killed or
 * injured, and at most two mapped as an event without numbers. */
static void run_negatives(gm_gazetteer *g, const char *path)
{
    FILE *f = fopen(path, "r");
    CHECK_MSG(f != NULL, "cannot read %s", path);
    if (!f)
        return;
    char line[2048];
    int lines = 0, uncounted = 0;
    while (fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        if (len == 0 || line[0] == '#')
            continue;
        lines++;
        gm_doc *d = NULL;
        gm_error err;
        if (gm_extract(g, line, len, NULL, &d, &err) != GM_OK) {
            CHECK_MSG(false, "extract failed: %s", err.message);
            continue;
        }
        /* a false alarm is an incident with people killed or injured; a battle without numbers
         * ("fighting continued near Pokrovsk") may be mapped */
        for (size_t i = 0; i < gm_doc_incident_count(d); i++) {
            const gm_incident *inc = gm_doc_incident(d, i);
            CHECK_MSG(inc->killed <= 0 && inc->injured <= 0, "false alarm (killed %ld, injured %ld): %.*s",
                      inc->killed, inc->injured, (int)len, line);
            if (inc->killed == GM_COUNT_NONE && inc->injured == GM_COUNT_NONE)
                uncounted++;
        }
        gm_doc_free(d);
    }
    fclose(f);
    CHECK_MSG(lines >= 20, "only %d negative paragraphs in %s", lines, path);
    CHECK_MSG(uncounted <= 2, "%d of %d paragraphs without an incident gave an incident without numbers", uncounted,
              lines);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_incidents GAZETTEER.sqlite\n");
        return 2;
    }
    gm_gazetteer *g;
    gm_error err;
    if (gm_gazetteer_open(argv[1], &g, &err) != GM_OK) {
        fprintf(stderr, "cannot open %s: %s\n", argv[1], err.message);
        return 1;
    }
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        run_case(g, &CASES[i]);
    if (argc > 2)
        run_negatives(g, argv[2]);
    gm_gazetteer_free(g);
    return check_done("test_incidents");
}
