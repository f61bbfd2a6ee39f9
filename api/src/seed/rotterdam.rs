//! Rotterdam's 14 areas (gebieden) and their neighbourhoods with CBS codes, as the city
//! publishes them for 2016 (seed quality, not an authoritative code list).

/// An area: CBS wijk code, name, and its neighbourhoods as (CBS buurt code, name).
pub struct AreaSeed {
    /// CBS wijk code.
    pub code: &'static str,
    /// Name.
    pub name: &'static str,
    /// Neighbourhoods.
    pub neighbourhoods: &'static [(&'static str, &'static str)],
}

/// The neighbourhoods of the 2016 pilot: 2 in Overschie, 1 in Hillegersberg-Schiebroek and
/// 7 in Feijenoord. The report does not name them; this choice follows the research note.
pub const PILOT_2016: [&str; 10] = [
    "BU05990451", // Kleinpolder
    "BU05990456", // Overschie
    "BU05990660", // Schiebroek
    "BU05991086", // Afrikaanderwijk
    "BU05991081", // Bloemhof
    "BU05991087", // Feijenoord
    "BU05991082", // Hillesluis
    "BU05991085", // Katendrecht
    "BU05991080", // Vreewijk
    "BU05991079", // Kop van Zuid-Entrepot
];

/// All 14 areas.
pub const AREAS: [AreaSeed; 14] = [
    AreaSeed {
        code: "WK059901",
        name: "Centrum",
        neighbourhoods: &[
            ("BU05990110", "Stadsdriehoek"),
            ("BU05990111", "Oude Westen"),
            ("BU05990112", "Cool"),
            ("BU05990113", "CS-kwartier"),
            ("BU05990118", "Nieuwe Werk"),
            ("BU05990119", "Dijkzigt"),
        ],
    },
    AreaSeed {
        code: "WK059903",
        name: "Delfshaven",
        neighbourhoods: &[
            ("BU05990320", "Delfshaven"),
            ("BU05990321", "Bospolder"),
            ("BU05990322", "Tussendijken"),
            ("BU05990323", "Spangen"),
            ("BU05990324", "Nieuwe Westen"),
            ("BU05990325", "Middelland"),
            ("BU05990327", "Oud-Mathenesse"),
            ("BU05990328", "Witte Dorp"),
            ("BU05990329", "Schiemond"),
        ],
    },
    AreaSeed {
        code: "WK059904",
        name: "Overschie",
        neighbourhoods: &[
            ("BU05990451", "Kleinpolder"),
            ("BU05990452", "Noord-Kethel"),
            ("BU05990454", "Schieveen"),
            ("BU05990455", "Zestienhoven"),
            ("BU05990456", "Overschie"),
        ],
    },
    AreaSeed {
        code: "WK059905",
        name: "Noord",
        neighbourhoods: &[
            ("BU05990515", "Agniesebuurt"),
            ("BU05990516", "Provenierswijk"),
            ("BU05990531", "Bergpolder"),
            ("BU05990532", "Blijdorp"),
            ("BU05990534", "Liskwartier"),
            ("BU05990535", "Oude Noorden"),
            ("BU05990558", "Blijdorpsepolder"),
        ],
    },
    AreaSeed {
        code: "WK059906",
        name: "Hillegersberg-Schiebroek",
        neighbourhoods: &[
            ("BU05990660", "Schiebroek"),
            ("BU05990661", "Hillegersberg-Zuid"),
            ("BU05990662", "Hillegersberg-Noord"),
            ("BU05990664", "Terbregge"),
            ("BU05990665", "Molenlaankwartier"),
        ],
    },
    AreaSeed {
        code: "WK059908",
        name: "Kralingen-Crooswijk",
        neighbourhoods: &[
            ("BU05990814", "Rubroek"),
            ("BU05990836", "Nieuw Crooswijk"),
            ("BU05990837", "Oud Crooswijk"),
            ("BU05990841", "Kralingen-West"),
            ("BU05990842", "Kralingen-Oost"),
            ("BU05990843", "Kralingse Bos"),
            ("BU05990845", "De Esch"),
            ("BU05990847", "Struisenburg"),
        ],
    },
    AreaSeed {
        code: "WK059910",
        name: "Feijenoord",
        neighbourhoods: &[
            ("BU05991079", "Kop van Zuid-Entrepot"),
            ("BU05991080", "Vreewijk"),
            ("BU05991081", "Bloemhof"),
            ("BU05991082", "Hillesluis"),
            ("BU05991085", "Katendrecht"),
            ("BU05991086", "Afrikaanderwijk"),
            ("BU05991087", "Feijenoord"),
            ("BU05991088", "Noordereiland"),
        ],
    },
    AreaSeed {
        code: "WK059912",
        name: "IJsselmonde",
        neighbourhoods: &[
            ("BU05991283", "Oud-IJsselmonde"),
            ("BU05991284", "Lombardijen"),
            ("BU05991289", "Groot-IJsselmonde"),
            ("BU05991290", "Beverwaard"),
        ],
    },
    AreaSeed {
        code: "WK059913",
        name: "Pernis",
        neighbourhoods: &[("BU05991391", "Pernis")],
    },
    AreaSeed {
        code: "WK059914",
        name: "Prins Alexander",
        neighbourhoods: &[
            ("BU05991444", "'s-Gravenland"),
            ("BU05991446", "Kralingseveer"),
            ("BU05991448", "Prinsenland"),
            ("BU05991449", "Het Lage Land"),
            ("BU05991463", "Ommoord"),
            ("BU05991466", "Zevenkamp"),
            ("BU05991467", "Oosterflank"),
            ("BU05991468", "Nesselande"),
        ],
    },
    AreaSeed {
        code: "WK059915",
        name: "Charlois",
        neighbourhoods: &[
            ("BU05991570", "Charlois Zuidrand"),
            ("BU05991571", "Tarwewijk"),
            ("BU05991572", "Carnisse"),
            ("BU05991573", "Zuidwijk"),
            ("BU05991574", "Oud-Charlois"),
            ("BU05991575", "Wielewaal"),
            ("BU05991576", "Zuidplein"),
            ("BU05991577", "Pendrecht"),
            ("BU05991578", "Zuiderpark en Zuidrand"),
            ("BU05991593", "Heijplaat"),
        ],
    },
    AreaSeed {
        code: "WK059916",
        name: "Hoogvliet",
        neighbourhoods: &[
            ("BU05991692", "Hoogvliet-Noord"),
            ("BU05991699", "Hoogvliet-Zuid"),
        ],
    },
    AreaSeed {
        code: "WK059917",
        name: "Hoek van Holland",
        neighbourhoods: &[
            ("BU05991701", "Strand en Duin"),
            ("BU05991702", "Dorp"),
            ("BU05991703", "Rijnpoort"),
        ],
    },
    AreaSeed {
        code: "WK059927",
        name: "Rozenburg",
        neighbourhoods: &[("BU05992704", "Rozenburg")],
    },
];

/// The clusters: code and name.
pub const CLUSTERS: [(&str, &str); 7] = [
    ("MO", "Maatschappelijke Ontwikkeling"),
    ("SO", "Stadsontwikkeling"),
    ("SB", "Stadsbeheer"),
    ("WI", "Werk en Inkomen"),
    ("DV", "Dienstverlening"),
    ("BCO", "Bestuurs- en Concernondersteuning"),
    ("VEI", "Directie Veiligheid"),
];

/// Products: code, cluster code, name, BBV taakveld.
pub const PRODUCTS: [(&str, &str, &str, &str); 10] = [
    ("MO-VRW", "MO", "Vraagwijzer", "6.2"),
    ("MO-HVW", "MO", "Huizen van de Wijk", "6.1"),
    ("MO-JGW", "MO", "Jongerenwerk en sportregie", "5.1"),
    ("SB-REI", "SB", "Reiniging", "7.3"),
    ("SB-GRN", "SB", "Groenonderhoud", "5.7"),
    ("SO-BTR", "SO", "Herinrichting buitenruimte", "2.1"),
    ("VEI-WVL", "VEI", "Wijkveiligheid", "1.2"),
    (
        "WI-REI",
        "WI",
        "Werkgeversdienstverlening en re-integratie",
        "6.5",
    ),
    ("BCO-BWI", "BCO", "Bewonersinitiatieven", "0.1"),
    ("DV-LOK", "DV", "Wijkloket", "0.2"),
];

/// City programmes: cluster code, name, description.
pub const CITY_PROGRAMMES: [(&str, &str, &str); 7] = [
    (
        "MO",
        "Kansen voor Jeugd",
        "Talentontwikkeling en een kansrijke start voor jonge Rotterdammers.",
    ),
    (
        "MO",
        "Zelfredzaamheid en armoedebestrijding",
        "Minder kwetsbare huishoudens, schuldhulp dichtbij.",
    ),
    (
        "SB",
        "Schoon, heel en groen",
        "Een schone en hele buitenruimte in alle wijken.",
    ),
    (
        "VEI",
        "Veilig@Rotterdam",
        "Het stedelijke veiligheidsprogramma.",
    ),
    ("WI", "Aan de slag", "Meer Rotterdammers aan het werk."),
    (
        "MO",
        "Nationaal Programma Rotterdam Zuid (NPRZ)",
        "Rijk, stad en partners: Zuid op het niveau van de vier grote steden, in school, werk en wonen.",
    ),
    (
        "VEI",
        "Stadsmariniers",
        "Een stadsmarinier pakt per gebied de hardnekkigste veiligheidsproblemen aan, over de clusters heen.",
    ),
];
