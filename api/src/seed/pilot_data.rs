//! The 2016 pilot as data: each of the ten neighbourhoods' action plan (five priorities of
//! three actions, each with its lead cluster and measurable target, and how the lead
//! cluster answered the request), the residents' input each neighbourhood gave, the team
//! every plan was made by, the merge of two draft plans and the escalation the report
//! describes; the 2016 P&C cycle's budgets, amendments and documents; the 2017 plan in
//! consultation. `pilot.rs`, `pilot_budget.rs` and `consultation.rs` write these tables;
//! nothing here is code.
//!
//! The cases are the evaluation report's own: two key measures refused in one plan, one
//! for lack of budget and one for lack of capacity (§3.2.4, §3.2.7); a reservation because
//! the cluster was consulted too late (§3.2.4); two draft plans reduced to one when the
//! neighbourhood boundaries changed, with five priorities dropped or combined (§3.2.4);
//! teams of eight core and four occasional members whose composition is "never final"
//! (§3.2.2). Names of people are invented.

use entity::enums::{
    AmendmentType, CityAlignment, ClusterPosition, EscalationLevel, MembershipKind, PncPhase,
    ResidentInputSource, TeamRole,
};

/// A neighbourhood's 2016 action plan and the input its residents gave.
pub(super) struct Wap {
    /// CBS code of the neighbourhood.
    pub neighbourhood: &'static str,
    /// Priorities in rank order.
    pub priorities: [Priority; 5],
    /// Residents' input, in the order it was received.
    pub inputs: &'static [Input],
}

/// One priority of a plan.
pub(super) struct Priority {
    pub title: &'static str,
    /// The city programme it serves, by name (`rotterdam::CITY_PROGRAMMES`).
    pub programme: Option<&'static str>,
    pub alignment: CityAlignment,
    pub actions: [Action; 3],
}

/// One action: what, the lead cluster's code, the measurable target, and the answer.
pub(super) struct Action {
    pub what: &'static str,
    pub lead: &'static str,
    pub target: &'static str,
    pub answer: Answer,
}

/// How the lead cluster answered the request for the action.
#[derive(Clone, Copy)]
pub(super) enum Answer {
    /// Accepted (some delivered by the year end).
    Yes,
    /// Refused, with the cluster's reason.
    Refused(&'static str),
    /// Refused, and escalated by the team (see [`ESCALATION`]).
    RefusedAndEscalated(&'static str),
    /// Accepted with a reservation, with its reason.
    Reservation(&'static str),
    /// Withdrawn after acceptance, with the reason.
    Withdrawn(&'static str),
    /// Asked late in the year and not answered: the overdue request.
    Unanswered,
}

/// One residents' input: how and when it came in, what it said, and where it landed.
pub(super) struct Input {
    pub source: ResidentInputSource,
    pub received: Day,
    pub summary: &'static str,
    pub landing: Landing,
}

/// Where an input landed.
pub(super) enum Landing {
    /// A priority of the neighbourhood's plan, by rank.
    Priority(usize),
    /// An action of the neighbourhood's plan: priority rank, action number (1–3).
    Action(usize, usize),
    /// A theme of the area plan, by rank.
    AreaTheme(usize),
    /// Not taken up, with the reason given to the resident.
    NotTaken(&'static str),
    /// Not yet weighed.
    Pending,
}

const fn act(what: &'static str, lead: &'static str, target: &'static str) -> Action {
    Action {
        what,
        lead,
        target,
        answer: Answer::Yes,
    }
}

const fn answered(
    what: &'static str,
    lead: &'static str,
    target: &'static str,
    answer: Answer,
) -> Action {
    Action {
        what,
        lead,
        target,
        answer,
    }
}

const fn priority(
    title: &'static str,
    programme: Option<&'static str>,
    alignment: CityAlignment,
    actions: [Action; 3],
) -> Priority {
    Priority {
        title,
        programme,
        alignment,
        actions,
    }
}

const fn input(
    source: ResidentInputSource,
    received: (i32, u32, u32),
    summary: &'static str,
    landing: Landing,
) -> Input {
    Input {
        source,
        received,
        summary,
        landing,
    }
}

// The city programmes, by name.
const JEUGD: Option<&str> = Some("Kansen voor Jeugd");
const ARMOEDE: Option<&str> = Some("Zelfredzaamheid en armoedebestrijding");
const SCHOON: Option<&str> = Some("Schoon, heel en groen");
const VEILIG: Option<&str> = Some("Veilig@Rotterdam");
const WERK: Option<&str> = Some("Aan de slag");
const NPRZ: Option<&str> = Some("Nationaal Programma Rotterdam Zuid (NPRZ)");
const MARINIERS: Option<&str> = Some("Stadsmariniers");

use CityAlignment::{
    Aligned, Conflict, NeedsCityTradeOff as TradeOff, ShortVsLongTerm as ShortLong,
};
use Landing::{Action as AtAction, AreaTheme, NotTaken, Pending, Priority as AtPriority};
use ResidentInputSource::{DigitalPoll as Poll, NeighbourhoodTable as Table, Survey};

/// The two refusals of the merged plan (§3.2.4: "twee belangrijke maatregelen die een
/// 'nee' hebben gekregen"), in the words of §3.2.7.
const NO_BUDGET: &str = "MO voert een vergelijkbare prioriteit al elders in Feijenoord uit en heeft geen budget om die ook in deze wijk te doen.";
const NO_CAPACITY: &str = "Capaciteitsprobleem: de reinigingsploeg van Feijenoord is dit jaar volledig ingezet; er is geen ruimte voor extra rondes.";
/// §3.2.4: a reservation "als er niet tijdig met de clusters is overlegd".
const LATE: &str =
    "Voorbehoud: het cluster is niet tijdig betrokken bij het opstellen van het wijkactieplan.";

/// The ten plans, in the order of `rotterdam::PILOT_2016`.
#[rustfmt::skip]
pub(super) const WAPS: [Wap; 10] = [
    Wap {
        neighbourhood: "BU05990451", // Kleinpolder
        priorities: [
            priority("Lucht en geluid langs A13 en A20", None, TradeOff, [
                act("Meetpunten luchtkwaliteit langs de A13 en het Kleinpolderplein uitbreiden", "SO", "3 extra meetpunten, kwartaalrapportage"),
                act("Onderzoek naar een geluidsscherm bij het Kleinpolderplein met Rijkswaterstaat", "SO", "onderzoek gereed op 1 oktober"),
                act("Bomenrij langs de Burgemeester Baumannlaan planten", "SB", "60 bomen geplant"),
            ]),
            priority("Wonen in de naoorlogse flats", None, ShortLong, [
                act("Vocht en schimmel in portiekflats aanpakken met de corporatie", "SO", "120 woningen aangepakt"),
                act("Woonfraude en overbewoning opsporen", "VEI", "40 adressen gecontroleerd"),
                act("Onderhoudsmeldingen in de buitenruimte sneller oplossen", "SB", "meldingen binnen 5 werkdagen opgelost"),
            ]),
            priority("Jeugd en sport", JEUGD, Aligned, [
                act("Sportplein Kleinpolder bemensen na schooltijd", "MO", "4 middagen per week, 80 kinderen"),
                act("Jongerenwerk op straat in de avond", "MO", "3 avonden per week"),
                act("Stageplekken bij bedrijven in de Spaanse Polder", "WI", "20 stageplekken"),
            ]),
            priority("Veilig rond het winkelcentrum", VEILIG, Aligned, [
                act("Toezicht rond het winkelcentrum in de avond", "VEI", "overlastmeldingen -20%"),
                act("Verlichting in de onderdoorgangen onder de A20 vervangen", "SO", "5 onderdoorgangen verlicht"),
                act("Buurtpreventie-app met bewoners opzetten", "VEI", "150 deelnemers"),
            ]),
            priority("Meedoen en ontmoeten", ARMOEDE, Aligned, [
                act("Ochtendprogramma voor ouderen in het Huis van de Wijk", "MO", "3 ochtenden per week"),
                act("Formulierenhulp en Vraagwijzer-spreekuur", "MO", "250 huishoudens geholpen"),
                act("Bewonersinitiatieven voor ontmoeting ondersteunen", "BCO", "8 initiatieven gehonoreerd"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 10), "Het verkeerslawaai van het Kleinpolderplein houdt ons 's nachts wakker.", AtAction(1, 2)),
            input(Survey, (2015, 12, 1), "Een overdekte markt in de wijk.", NotTaken("Een markt vraagt een ondernemer en een vergunning; de vraag is doorgegeven aan de gebiedsadviseur economie.")),
        ],
    },
    Wap {
        neighbourhood: "BU05990456", // Overschie
        priorities: [
            priority("Een levendig dorpshart", None, ShortLong, [
                act("Gevels van de winkels in de Overschiese Dorpsstraat verbeteren", "SO", "15 gevels opgeknapt"),
                act("Ondernemers helpen een weekmarkt te beginnen", "WI", "weekmarkt 40 weken per jaar"),
                act("Extra reiniging in de winkelstraat", "SB", "schoonscore minimaal 7"),
            ]),
            priority("Ouderen en eenzaamheid", ARMOEDE, Aligned, [
                act("Huisbezoeken aan alleenstaande 75-plussers", "MO", "200 huisbezoeken"),
                act("Maaltijdproject in het Huis van de Wijk", "MO", "2 maaltijden per week, 40 gasten"),
                act("Vraagwijzer-spreekuur in de bibliotheek", "MO", "wekelijks spreekuur"),
            ]),
            priority("Vliegtuig- en verkeershinder", None, Conflict, [
                act("Bewonersoverleg over vlieghinder met de luchthaven", "BCO", "4 overleggen, verslag openbaar"),
                act("Vrachtwagenverbod in de oude kern handhaven", "VEI", "12 controles"),
                act("Veilige oversteken op de Delftweg bij de scholen", "SO", "2 oversteken aangepast"),
            ]),
            priority("Groen langs de Schie", SCHOON, Aligned, [
                act("Oevers langs de Schie herstellen", "SB", "800 m oever hersteld"),
                act("Wandelroute langs de Schie en door de polder bewegwijzeren", "SO", "route van 6 km"),
                act("Bewoners adopteren boomspiegels", "BCO", "50 boomspiegels geadopteerd"),
            ]),
            priority("Cultuur en verenigingen", None, ShortLong, [
                act("Zomerprogramma in de oude kern", "MO", "6 activiteiten, 1.500 bezoekers"),
                act("Verenigingen delen accommodaties", "MO", "5 verenigingen in gedeelde ruimte"),
                act("Wijkloket op zaterdag", "DV", "26 zaterdagen open"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 17), "De winkels in de Dorpsstraat lopen leeg; doe iets aan de uitstraling.", AtAction(1, 1)),
            input(Poll, (2015, 12, 8), "Stop de uitbreiding van het vliegveld.", NotTaken("Over de luchthaven beslissen het Rijk en de provincie; de zorg is doorgegeven aan het college.")),
        ],
    },
    Wap {
        neighbourhood: "BU05990660", // Schiebroek
        priorities: [
            priority("Minder kwetsbare bewoners", ARMOEDE, Aligned, [
                act("Huisbezoeken aan alleenstaande 75-plussers", "MO", "250 huisbezoeken"),
                act("Mantelzorgcafé in de wijk", "MO", "10 bijeenkomsten"),
                act("Jongeren met schulden begeleiden naar werk", "WI", "30 jongeren begeleid"),
            ]),
            priority("Voorzieningen behouden", None, TradeOff, [
                act("Buurthuis Peppelweg openhouden met bewonersbeheer", "MO", "buurthuis 5 dagen open"),
                act("Spreekuur Vraagwijzer in de bibliotheek", "MO", "wekelijks spreekuur"),
                act("Wijkloket Schiebroek behouden", "DV", "loket 3 dagen open"),
            ]),
            priority("Betere woningvoorraad", None, ShortLong, [
                act("Verduurzamingsadvies voor eigenaar-bewoners", "SO", "150 adviezen"),
                act("Achterstallig onderhoud van portiekflats aanpakken", "SO", "4 VvE's begeleid"),
                act("Bewonersinitiatieven voor gevelgroen", "BCO", "8 initiatieven"),
            ]),
            priority("Buitenruimte", SCHOON, Aligned, [
                act("Speelplekken opknappen in Schiebroek-Zuid", "SB", "3 speelplekken vernieuwd"),
                act("Bladkorven en extra veegrondes in het najaar", "SB", "40 bladkorven"),
                act("Hondenuitlaatplaatsen herzien", "SB", "nieuw plan vastgesteld"),
            ]),
            priority("Verkeersoverlast", None, Conflict, [
                act("Snelheidsremmende maatregelen op de Peppelweg", "SO", "gemiddelde snelheid onder 30 km/u"),
                act("Handhaving parkeren rond scholen", "VEI", "20 handhavingsacties"),
                act("Schoolzones inrichten", "SO", "3 schoolzones"),
            ]),
        ],
        inputs: &[
            input(Survey, (2015, 11, 24), "Het buurthuis aan de Peppelweg moet open blijven.", AtAction(2, 1)),
            input(Table, (2015, 12, 2), "Er wordt te hard gereden op de Peppelweg.", AtAction(5, 1)),
            input(Poll, (2015, 12, 9), "Een extra tramhalte aan de Wildersweg.", NotTaken("Het openbaar vervoer is aan de RET en de Metropoolregio; de vraag is daar neergelegd.")),
        ],
    },
    Wap {
        neighbourhood: "BU05991086", // Afrikaanderwijk
        priorities: [
            priority("Schoon rond de Afrikaandermarkt", SCHOON, Aligned, [
                act("De markt schoon opleveren op woensdag en zaterdag", "SB", "schoonscore 7 binnen 2 uur na de markt"),
                act("Grofvuilacties met bewoners", "SB", "6 acties per jaar"),
                act("Afvalcoaches in de portieken", "BCO", "10 afvalcoaches actief"),
            ]),
            priority("Armoede en schulden", ARMOEDE, TradeOff, [
                act("Schuldhulp dichtbij in het Huis van de Wijk", "MO", "200 huishoudens geholpen"),
                act("Vraagwijzer-spreekuur in het buurthuis en de moskee", "MO", "2 spreekuren per week"),
                act("Huurachterstanden vroeg signaleren met de corporaties", "WI", "80 huishoudens vroeg bereikt"),
            ]),
            priority("Taal en werk", NPRZ, Aligned, [
                act("Taalcafé voor nieuwkomers", "MO", "60 deelnemers"),
                act("Werkgeversaanpak met de ondernemers van de markt", "WI", "30 bewoners aan het werk"),
                act("Hulp bij digitale formulieren aan het wijkloket", "DV", "400 bezoekers geholpen"),
            ]),
            priority("Jeugd op het Afrikaanderplein", JEUGD, Aligned, [
                act("Naschoolse sport op het Afrikaanderplein", "MO", "120 kinderen wekelijks"),
                act("Jongerenwerk in de avond", "MO", "4 avonden per week"),
                act("Speelplek voor tieners in het park", "SO", "1 speelplek ingericht"),
            ]),
            priority("Woonoverlast", MARINIERS, ShortLong, [
                act("Huisjesmelkers aanpakken met adrescontroles", "VEI", "60 adressen gecontroleerd"),
                act("Meldingen van overbewoning opvolgen", "VEI", "binnen 10 werkdagen opgevolgd"),
                act("Portiekgesprekken met bewoners", "BCO", "40 portieken"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 12), "Na de markt ligt het plein vol afval.", AtAction(1, 1)),
            input(Survey, (2015, 12, 3), "Een nieuw zwembad in de wijk.", NotTaken("Zwembaden vallen onder het stedelijke sportaccommodatiebeleid; doorgegeven aan cluster MO.")),
            input(Poll, (2016, 11, 20), "Meer speelplekken voor tieners op het Afrikaanderplein.", Pending),
        ],
    },
    Wap {
        neighbourhood: "BU05991081", // Bloemhof
        priorities: [
            priority("Veilig in de straat", MARINIERS, Aligned, [
                act("Drugsoverlast rond de hotspots aanpakken met de stadsmarinier", "VEI", "meldingen -25%"),
                answered("Cameratoezicht op twee hotspots", "VEI", "2 camera's actief", Answer::Unanswered),
                act("Verlichting in de brandgangen", "SO", "30 brandgangen verlicht"),
            ]),
            priority("School en talent", NPRZ, Aligned, [
                act("Verlengde schooldag op drie basisscholen", "MO", "3 scholen, 450 leerlingen"),
                act("Huiswerkbegeleiding in het Huis van de Wijk", "MO", "80 leerlingen"),
                act("Loopbaanoriëntatie met bedrijven uit de haven", "WI", "100 leerlingen bereikt"),
            ]),
            priority("Schulden", ARMOEDE, TradeOff, [
                act("Schuldhulpmaatjes voor gezinnen", "MO", "60 gezinnen begeleid"),
                act("Budgetcursus in de wijk", "MO", "4 cursussen, 60 deelnemers"),
                act("Energieschulden vroeg signaleren", "WI", "50 huishoudens bereikt"),
            ]),
            priority("Woningen en portieken", NPRZ, ShortLong, [
                act("Portiekflats verbeteren met de eigenaren", "SO", "3 blokken aangepakt"),
                act("Adrescontroles op woonfraude", "VEI", "80 adressen"),
                act("Portieken schoonmaken met bewoners", "SB", "40 portieken schoon"),
            ]),
            priority("Schone straten", SCHOON, Aligned, [
                act("Zwerfafval op zaterdag extra vegen", "SB", "52 zaterdagen"),
                act("Ondergrondse containers vaker legen", "SB", "bijplaatsingen -30%"),
                act("Handhaving op bijplaatsingen", "VEI", "150 controles"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 19), "Er wordt gedeald in de brandgangen achter onze woningen.", AtAction(1, 1)),
            input(Survey, (2015, 12, 5), "Gratis parkeren voor bewoners.", NotTaken("Parkeertarieven zijn stedelijk beleid; doorgegeven aan cluster SO.")),
            input(Table, (2015, 12, 12), "Zwerfvuil op de looproutes naar het Zuiderpark.", AreaTheme(2)),
        ],
    },
    Wap {
        neighbourhood: "BU05991087", // Feijenoord
        priorities: [
            priority("Samen in de wijk", ARMOEDE, Aligned, [
                act("Huis van de Wijk elke werkdag open", "MO", "5 dagen open, 300 bezoekers per week"),
                act("Buurtmoeders bereiken geïsoleerde vrouwen", "MO", "80 vrouwen bereikt"),
                act("Bewonersinitiatieven voor ontmoeting ondersteunen", "BCO", "10 initiatieven gehonoreerd"),
            ]),
            priority("Kansen voor jongeren", JEUGD, Aligned, [
                act("Sportmiddagen op de pleinen", "MO", "3 middagen per week"),
                act("Jongeren naar een startkwalificatie", "WI", "40 jongeren"),
                act("Stageplekken bij wijkondernemers", "WI", "25 stageplekken"),
            ]),
            priority("Schoon en heel", SCHOON, Aligned, [
                act("Groenonderhoud van de binnenterreinen", "SB", "alle binnenterreinen 4x per jaar"),
                act("Extra reiniging rond de Nassauhaven", "SB", "schoonscore minimaal 7"),
                act("Graffiti binnen 48 uur verwijderen", "SB", "90% binnen 48 uur"),
            ]),
            priority("Veilig aan het water", VEILIG, Aligned, [
                act("Kades langs de Nassauhaven verlichten", "SO", "600 m kade verlicht"),
                act("Toezicht op de kades en woonboten", "VEI", "12 controles"),
                act("Reddingsboeien aan de kades", "SO", "20 reddingsboeien geplaatst"),
            ]),
            priority("Werk en meedoen", WERK, ShortLong, [
                act("Vrijwilligerswerk als opstap naar werk", "WI", "50 vrijwilligers"),
                act("Werkgeversontbijt met bedrijven uit de haven", "WI", "4 ontbijten, 40 bedrijven"),
                act("Wijkloket op dinsdagavond", "DV", "40 avonden open"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 26), "De kades zijn 's avonds donker en onveilig.", AtAction(4, 1)),
            input(Survey, (2015, 12, 10), "Een fietsbrug naar het Noordereiland.", NotTaken("Een brug is een stedelijke investering; de wens is meegenomen in de verkenning van het college.")),
        ],
    },
    Wap {
        neighbourhood: "BU05991082", // Hillesluis
        priorities: [
            priority("Winkelstraat Beijerlandselaan", None, ShortLong, [
                act("Ondernemersfonds opzetten met de winkeliers", "WI", "fonds met 120 deelnemers"),
                act("Beijerlandselaan reinigen na de koopavond", "SB", "schoonscore minimaal 7"),
                act("Handhaving op laden en lossen", "VEI", "30 acties"),
            ]),
            priority("Wonen zonder overlast", MARINIERS, Aligned, [
                act("Huisjesmelkers in de zijstraten van de Groene Hilledijk aanpakken", "VEI", "50 panden gecontroleerd"),
                act("Inschrijvingen controleren bij overbewoning", "DV", "200 adressen onderzocht"),
                act("Bewonerscommissies ondersteunen", "BCO", "5 commissies actief"),
            ]),
            priority("Opgroeien in Hillesluis", NPRZ, Aligned, [
                act("Huiswerkbegeleiding in buurthuis De Put", "MO", "60 leerlingen"),
                act("Voorschoolplaatsen uitbreiden", "MO", "40 extra peuters"),
                act("Ouderkamers op de basisscholen", "MO", "3 scholen"),
            ]),
            priority("Schulden en armoede", ARMOEDE, TradeOff, [
                act("Vraagwijzer-spreekuur in De Put", "MO", "wekelijks spreekuur"),
                act("Vrijwillige thuisadministratie bij schulden", "MO", "70 huishoudens"),
                act("Jongeren met schulden naar werk", "WI", "30 jongeren"),
            ]),
            priority("Groen en spelen", SCHOON, Aligned, [
                act("Speeltuin aan de Hillevliet vernieuwen", "SO", "1 speeltuin vernieuwd"),
                act("Boomspiegels beplanten met bewoners", "SB", "80 boomspiegels"),
                act("Bladkorven in het najaar", "SB", "30 bladkorven"),
            ]),
        ],
        inputs: &[
            input(Poll, (2015, 11, 30), "Laat de winkels op de Beijerlandselaan er verzorgd uitzien.", AtAction(1, 2)),
            input(Table, (2015, 12, 7), "Huiswerkhulp voor onze kinderen dichtbij.", AtAction(3, 1)),
            input(Survey, (2015, 12, 14), "Meer politie op straat.", NotTaken("De inzet van de politie bepaalt de driehoek; doorgegeven aan de wijkagent en de Directie Veiligheid.")),
        ],
    },
    Wap {
        neighbourhood: "BU05991085", // Katendrecht
        priorities: [
            priority("Oud en nieuw Katendrecht samen", None, Aligned, [
                act("Ontmoetingsprogramma op het Deliplein", "MO", "4 activiteiten, 1.000 bezoekers"),
                act("Bewonersinitiatieven die oude en nieuwe bewoners verbinden", "BCO", "10 initiatieven"),
                act("Huis van de Wijk programmeert met nieuwe bewoners", "MO", "2 activiteiten per week"),
            ]),
            priority("Horeca en nachtrust", VEILIG, Conflict, [
                act("Afspraken met de horeca op het Deliplein", "VEI", "convenant met 12 zaken"),
                act("Handhaving op nachtelijk geluid", "VEI", "meldingen -20%"),
                act("Fietsparkeren rond het Deliplein", "SO", "150 extra plekken"),
            ]),
            priority("Parkeren en verkeer", None, ShortLong, [
                answered("Parkeeronderzoek na de nieuwbouw", "SO", "onderzoek gereed, bewoners gehoord", Answer::Reservation(LATE)),
                act("Veilige schoolroute over de Rijnhavenbrug", "SO", "route aangepast"),
                act("Handhaving op foutparkeren", "VEI", "40 acties"),
            ]),
            priority("Jongeren op de Kaap", JEUGD, Aligned, [
                act("Jongerenwerk op de Kaap", "MO", "3 avonden per week"),
                act("Watersportlessen voor jongeren", "MO", "60 jongeren"),
                act("Bijbaantjes bij de nieuwe ondernemers", "WI", "30 bijbaantjes"),
            ]),
            priority("Groen en water", SCHOON, Aligned, [
                act("Groenstrook langs de Rijnhaven", "SB", "500 m² groen"),
                act("Drijfvuil uit de havenbekkens halen", "SB", "maandelijks"),
                act("Schoonmaak na evenementen", "SB", "binnen 12 uur schoon"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 18), "Geluidsoverlast van terrassen tot diep in de nacht.", AtAction(2, 2)),
            input(Survey, (2015, 12, 9), "Geen nieuwe hoogbouw meer op de Kaap.", NotTaken("Bouwplannen volgen het bestemmingsplan; de zorg is doorgegeven aan cluster SO.")),
        ],
    },
    Wap {
        neighbourhood: "BU05991080", // Vreewijk
        priorities: [
            priority("Een groen tuindorp", SCHOON, Aligned, [
                act("Hagen en plantsoenen in tuindorpstijl onderhouden", "SB", "3x per jaar"),
                act("Zieke bomen vervangen", "SB", "45 bomen"),
                act("Bewoners adopteren plantsoenen", "BCO", "20 adoptieplekken"),
            ]),
            priority("Renovatie met bewoners", None, ShortLong, [
                act("Bewoners begeleiden tijdens de renovatie van de corporatie", "SO", "250 huishoudens"),
                act("Ouderen helpen bij de tijdelijke verhuizing", "MO", "60 ouderen"),
                act("Afval rond de bouwplaatsen opruimen", "SB", "geen bijplaatsingen bij bouwplaatsen"),
            ]),
            priority("Ouder worden in Vreewijk", ARMOEDE, Aligned, [
                act("Huisbezoeken aan 75-plussers", "MO", "300 huisbezoeken"),
                act("Cursus valpreventie", "MO", "8 cursussen"),
                act("Vraagwijzer aan huis", "MO", "100 huisbezoeken"),
            ]),
            priority("Veilig wonen", VEILIG, Aligned, [
                answered("Hotspotaanpak woninginbraak", "VEI", "woninginbraken -15% t.o.v. 2015", Answer::Withdrawn("Ingetrokken: de actie is ondergebracht bij het stedelijke programma Veilig@Rotterdam.")),
                act("Achterpaden verlichten", "SO", "40 paden"),
                act("Buurtpreventieteam opzetten", "VEI", "1 team van 15 vrijwilligers"),
            ]),
            priority("Voorzieningen dichtbij", None, TradeOff, [
                act("Winkelcentrum aan de Lange Hilleweg versterken", "WI", "5 nieuwe ondernemers"),
                act("Wijkloket in de bibliotheek", "DV", "2 dagen per week"),
                act("Bibliotheekpunt in het Huis van de Wijk", "MO", "3 dagdelen per week"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 23), "De hagen worden niet meer geknipt; het tuindorp verloedert.", AtAction(1, 1)),
            input(Survey, (2015, 12, 11), "Een huisarts terug in de wijk.", NotTaken("Huisartsenzorg is niet aan de gemeente; doorgegeven aan de zorgverzekeraar.")),
        ],
    },
    Wap {
        neighbourhood: "BU05991079", // Kop van Zuid-Entrepot: the merged plan
        priorities: [
            priority("Kop van Zuid en Entrepot verbinden", None, Aligned, [
                answered("Ontmoetingsprogramma voor oude en nieuwe bewoners in het Huis van de Wijk", "MO", "2 activiteiten per week", Answer::RefusedAndEscalated(NO_BUDGET)),
                act("Bewonersinitiatieven over de Laan op Zuid heen", "BCO", "8 initiatieven"),
                act("Buurtbemiddeling bij burenconflicten", "VEI", "40 zaken"),
            ]),
            priority("Spelen en bewegen", JEUGD, Aligned, [
                act("Speelplekken in de binnenhoven van het Entrepot", "SO", "2 speelplekken"),
                act("Sportaanbod op de pleinen", "MO", "3 middagen per week"),
                act("Speeltuin beheren met vrijwilligers", "BCO", "1 speeltuin"),
            ]),
            priority("Schoon en heel langs het water", SCHOON, Aligned, [
                answered("Extra reiniging rond de Erasmusbrug in het toeristenseizoen", "SB", "schoonscore minimaal 7", Answer::Refused(NO_CAPACITY)),
                act("Graffiti binnen 48 uur verwijderen", "SB", "90% binnen 48 uur"),
                act("Afvalbakken met grotere capaciteit", "SB", "30 bakken vervangen"),
            ]),
            priority("Veilig in het Entrepot", VEILIG, Aligned, [
                act("Toezicht in de passages van het Entrepot", "VEI", "overlastmeldingen -20%"),
                act("Verlichting in de passages", "SO", "6 passages verlicht"),
                act("Portiekgesprekken met bewoners", "BCO", "30 portieken"),
            ]),
            priority("Werk voor bewoners van het Entrepot", WERK, Aligned, [
                act("Banen bij de hotels en kantoren op de Kop", "WI", "40 bewoners aan het werk"),
                act("Taal op de werkvloer", "MO", "30 deelnemers"),
                act("Spreekuur werk en inkomen aan het wijkloket", "DV", "1 dag per week"),
            ]),
        ],
        inputs: &[
            input(Table, (2015, 11, 16), "Bewoners van het Entrepot en van de Kop kennen elkaar niet.", AtPriority(1)),
            input(Survey, (2015, 12, 4), "Touringcars parkeren in onze straat.", NotTaken("Het touringcarbeleid is stedelijk; doorgegeven aan cluster SO.")),
        ],
    },
];

/// The merge of §3.2.4: the neighbourhood boundaries changed, and the draft plans of Kop
/// van Zuid and Entrepot had to become one plan, with five of their ten priorities dropped
/// or combined.
pub(super) struct Merge {
    pub neighbourhood: &'static str,
    /// Title of the draft that was merged away (the Entrepot draft).
    pub merged_title: &'static str,
    /// Ranks, in the merged plan, of the priorities that came from the Entrepot draft.
    pub moved: [usize; 2],
    /// The Entrepot draft's priorities that were dropped, with the reason.
    pub dropped_from_merged: [(&'static str, &'static str); 3],
    /// The Kop van Zuid draft's priorities that were dropped before the merge.
    pub dropped_from_surviving: [(&'static str, &'static str); 2],
    /// The day of the merge.
    pub on: Day,
}

#[rustfmt::skip]
pub(super) const MERGE: Merge = Merge {
    neighbourhood: "BU05991079",
    merged_title: "Wijkactieplan Entrepot 2016",
    moved: [4, 5],
    dropped_from_merged: [
        ("Parkeren in het Entrepot", "Samengevoegd met Kop van Zuid: parkeren is stedelijk beleid en geen prioriteit van de wijk."),
        ("Groen in de binnenhoven", "Samengevoegd met Kop van Zuid: ondergebracht bij 'Spelen en bewegen'."),
        ("Schone binnenhoven", "Samengevoegd met Kop van Zuid: ondergebracht bij 'Schoon en heel langs het water'."),
    ],
    dropped_from_surviving: [
        ("Toerisme en overlast", "Samengevoegd met Entrepot: ondergebracht bij 'Schoon en heel langs het water'."),
        ("Ontmoeten op de Kop", "Samengevoegd met Entrepot: ondergebracht bij 'Kop van Zuid en Entrepot verbinden'."),
    ],
    on: (2016, 2, 5),
};

/// A calendar day: year, month, day.
pub(super) type Day = (i32, u32, u32);

/// One escalation step: the day, the level it reached, who took it, and the note.
pub(super) type Step = (Day, EscalationLevel, Actor, &'static str);

/// Who took an escalation step, as the API would record it.
pub(super) enum Actor {
    /// The neighbourhood's manager (by name).
    NeighbourhoodManager,
    /// A role grant, as an owner is named.
    Grant(&'static str),
}

/// The escalation of the refusal for lack of budget, step by step as the API allows: the
/// neighbourhood manager raises it at the team level and, as its owner, moves it to the
/// cluster; the area director takes it over while MO's cluster management has not decided.
#[rustfmt::skip]
pub(super) const ESCALATION: [Step; 3] = [
    ((2016, 3, 10), EscalationLevel::Team, Actor::NeighbourhoodManager, "Sleutelactie afgewezen; zonder deze inzet komt de prioriteit 'Kop van Zuid en Entrepot verbinden' niet van de grond."),
    ((2016, 3, 17), EscalationLevel::Cluster, Actor::NeighbourhoodManager, "Geen oplossing in het wijkactieteam; voorgelegd aan de clusterdirectie MO."),
    ((2016, 4, 1), EscalationLevel::Area, Actor::Grant("area_director:WK059910"), "De gebiedsdirecteur Feijenoord neemt de escalatie over."),
];

/// A wijkactieteam: eight core members (the neighbourhood manager and one person from
/// each cluster) and four who do not come to every meeting (§3.2.2).
#[rustfmt::skip]
pub(super) const TEAM: [(TeamRole, Option<&str>, MembershipKind); 12] = [
    (TeamRole::NeighbourhoodManager, None, MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("MO"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("SO"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("SB"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("WI"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("VEI"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("DV"), MembershipKind::Core),
    (TeamRole::ClusterRepresentative, Some("BCO"), MembershipKind::Core),
    (TeamRole::AccountHolder, Some("MO"), MembershipKind::Occasional),
    (TeamRole::AccountHolder, Some("SO"), MembershipKind::Occasional),
    (TeamRole::AccountHolder, Some("SB"), MembershipKind::Occasional),
    (TeamRole::Other, Some("VEI"), MembershipKind::Occasional),
];

/// The cluster whose representative changed on 1 June in every third team.
pub(super) const TURNOVER: &str = "SB";

/// The themes of each pilot area's plan for 2014–2018, where residents' input can land too.
pub(super) const AREA_THEMES: [&str; 3] = ["Veilig", "Schoon en heel", "Talent en jeugd"];

/// Base budget per product for one pilot area, in euros, and the year's amendments; the
/// P&C documents of 2016.
/// Base budget per product for one pilot area, in euros.
pub(super) const AREA_BUDGET: [(&str, i64, i64); 10] = [
    // product, euros, capacity hours
    ("MO-VRW", 1_250_000, 9_000),
    ("MO-HVW", 640_000, 4_200),
    ("MO-JGW", 380_000, 3_100),
    ("SB-REI", 910_000, 7_500),
    ("SB-GRN", 520_000, 4_000),
    ("SO-BTR", 700_000, 1_800),
    ("VEI-WVL", 300_000, 2_400),
    ("WI-REI", 450_000, 3_600),
    ("BCO-BWI", 470_000, 2_400),
    ("DV-LOK", 260_000, 2_900),
];

/// The year's amendments: phase, product, area, type, euros, rationale.
pub(super) const AMENDMENTS: [(PncPhase, &str, &str, AmendmentType, i64, &str); 3] = [
    (
        PncPhase::SpringRevision,
        "MO-VRW",
        "WK059912",
        AmendmentType::Intensification,
        150_000,
        "Extra Vraagwijzer-capaciteit voor IJsselmonde (voorjaarsnota).",
    ),
    (
        PncPhase::AutumnRevision,
        "SB-GRN",
        "WK059904",
        AmendmentType::Savings,
        -40_000,
        "Taakstelling groenonderhoud Overschie (tweede herziening).",
    ),
    (
        PncPhase::TenMonthReport,
        "SO-BTR",
        "WK059910",
        AmendmentType::CashShift,
        -80_000,
        "Kasschuif herinrichting Feijenoord naar 2017.",
    ),
];

/// The 2016 P&C documents: phase, title, day and hour of adoption by the council.
#[rustfmt::skip]
pub(super) const DOCUMENTS: [(PncPhase, &str, Day, u32); 5] = [
    (PncPhase::Budget, "Begroting 2016", (2015, 11, 12), 20),
    (PncPhase::SpringRevision, "Voorjaarsnota 2016 en eerste herziening", (2016, 7, 7), 20),
    (PncPhase::AutumnRevision, "Tweede herziening 2016", (2016, 11, 10), 20),
    (PncPhase::TenMonthReport, "10-maandsrapportage 2016", (2016, 12, 15), 20),
    (PncPhase::AnnualAccounts, "Jaarstukken 2016", (2017, 7, 6), 20),
];

/// One drafted action of Hillesluis's 2017 plan (in consultation): priority title, description, lead cluster, proposed by its lead,
/// and the lead cluster's positions in order (position, reason, who, day in November).
pub(super) type Drafted = (
    &'static str,
    &'static str,
    &'static str,
    bool,
    &'static [(ClusterPosition, Option<&'static str>, &'static str, u32)],
);

pub(super) const CONSULTATION: [Drafted; 3] = [
    (
        "Schone straten",
        "Grofvuil binnen 48 uur opgehaald in de Hillevliet en omliggende straten",
        "SB",
        false,
        &[(
            ClusterPosition::SupportWithReservation,
            Some("Alleen op werkdagen; in weekenden blijft de ophaaltermijn 72 uur."),
            "cluster_member:SB",
            30,
        )],
    ),
    (
        "Opgroeien in Hillesluis",
        "Huiswerkbegeleiding in buurthuis De Put voor groep 7 en 8",
        "MO",
        false,
        &[
            (
                ClusterPosition::Object,
                Some("Geen capaciteit voor alle scholen in de wijk."),
                "cluster_member:MO",
                29,
            ),
            (ClusterPosition::Support, None, "cluster_manager:MO", 30),
        ],
    ),
    (
        "Werk voor jongeren",
        "Werkgeversontbijt met tien bedrijven uit Hillesluis per kwartaal",
        "WI",
        true,
        &[],
    ),
];

/// Invented first names, handed out in sequence.
#[rustfmt::skip]
pub(super) const FIRST_NAMES: [&str; 24] = [
    "Anouk", "Bram", "Chantal", "Dennis", "Esra", "Fatima", "Gijs", "Hanneke", "Ismail", "Joyce",
    "Koen", "Latifa", "Mark", "Naima", "Orlando", "Petra", "Rachid", "Sanne", "Tim", "Umut",
    "Vera", "Wouter", "Yara", "Zeynep",
];

/// Invented last names, handed out in a fixed stride.
#[rustfmt::skip]
pub(super) const LAST_NAMES: [&str; 20] = [
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Dijk", "Kaya", "El Amrani", "Öztürk", "Pinas",
    "Tahiri", "Verhoeven",
];

#[cfg(test)]
mod tests;
