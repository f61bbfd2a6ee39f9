//! The 2016 pilot itself: area plans, ten adopted neighbourhood action plans with five
//! priorities and fifteen actions each, teams, commitments in every status, the 2016 P&C
//! cycle, an open escalation, an overdue request, residents' input, and a draft for 2017.

use chrono::Duration;
use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use super::rotterdam::PILOT_2016;
use super::{Reference, add, at, date};

/// One theme of an area's five 2016 priorities, with its three actions as
/// (what, lead cluster, measurable target).
struct Theme {
    title: &'static str,
    programme: Option<usize>,
    alignment: CityAlignment,
    actions: [(&'static str, &'static str, &'static str); 3],
}

const OVERSCHIE: [Theme; 5] = [
    Theme {
        title: "Luchtkwaliteit",
        programme: None,
        alignment: CityAlignment::NeedsCityTradeOff,
        actions: [
            (
                "Meetpunten luchtkwaliteit langs de A13 uitbreiden en resultaten delen",
                "SO",
                "3 extra meetpunten, kwartaalrapportage",
            ),
            (
                "Groene buffer aanleggen langs de Delftweg",
                "SB",
                "400 m groenstrook aangeplant",
            ),
            (
                "Schoolpleinen vergroenen bij drukke wegen",
                "SB",
                "2 schoolpleinen vergroend",
            ),
        ],
    },
    Theme {
        title: "Voorzieningen",
        programme: Some(1),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Huis van de Wijk langer open in de avond",
                "MO",
                "3 avonden per week open",
            ),
            (
                "Spreekuur Vraagwijzer in de wijk",
                "MO",
                "wekelijks spreekuur, 200 bezoekers",
            ),
            ("Wijkloket op zaterdag", "DV", "26 zaterdagen open"),
        ],
    },
    Theme {
        title: "Cultuur",
        programme: None,
        alignment: CityAlignment::ShortVsLongTerm,
        actions: [
            (
                "Zomerprogramma op het dorpsplein",
                "MO",
                "6 activiteiten, 1.500 bezoekers",
            ),
            (
                "Bewonersinitiatieven cultuur ondersteunen",
                "BCO",
                "10 initiatieven gehonoreerd",
            ),
            (
                "Jongeren betrekken bij het cultuurprogramma",
                "MO",
                "50 jongeren actief",
            ),
        ],
    },
    Theme {
        title: "Armoede en schulden",
        programme: Some(1),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Vroegsignalering schulden met woningcorporaties",
                "WI",
                "80 huishoudens vroeg bereikt",
            ),
            (
                "Formulierenbrigade in het Huis van de Wijk",
                "MO",
                "300 huishoudens geholpen",
            ),
            (
                "Werkgeversbenadering voor wijkbewoners",
                "WI",
                "25 bewoners aan het werk",
            ),
        ],
    },
    Theme {
        title: "Veiligheid en buitenruimte",
        programme: Some(3),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Hotspotaanpak woninginbraak",
                "VEI",
                "woninginbraken -15% t.o.v. 2015",
            ),
            (
                "Verlichting in de onderdoorgangen vervangen",
                "SO",
                "5 onderdoorgangen verlicht",
            ),
            (
                "Extra reiniging rond winkelcentrum",
                "SB",
                "2x per week extra, schoonscore 7",
            ),
        ],
    },
];

const HILLEGERSBERG_SCHIEBROEK: [Theme; 5] = [
    Theme {
        title: "Minder kwetsbare bewoners",
        programme: Some(1),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Huisbezoeken aan alleenstaande 75-plussers",
                "MO",
                "250 huisbezoeken",
            ),
            ("Mantelzorgcafé in de wijk", "MO", "10 bijeenkomsten"),
            (
                "Jongeren met schulden begeleiden naar werk",
                "WI",
                "30 jongeren begeleid",
            ),
        ],
    },
    Theme {
        title: "Voorzieningen behouden",
        programme: None,
        alignment: CityAlignment::NeedsCityTradeOff,
        actions: [
            (
                "Buurthuis Peppelweg openhouden met bewonersbeheer",
                "MO",
                "buurthuis 5 dagen open",
            ),
            (
                "Spreekuur Vraagwijzer in de bibliotheek",
                "MO",
                "wekelijks spreekuur",
            ),
            ("Wijkloket Schiebroek behouden", "DV", "loket 3 dagen open"),
        ],
    },
    Theme {
        title: "Betere woningvoorraad",
        programme: None,
        alignment: CityAlignment::ShortVsLongTerm,
        actions: [
            (
                "Verduurzamingsadvies voor eigenaar-bewoners",
                "SO",
                "150 adviezen",
            ),
            (
                "Aanpak achterstallig onderhoud portiekflats",
                "SO",
                "4 VvE's begeleid",
            ),
            (
                "Bewonersinitiatieven voor gevelgroen",
                "BCO",
                "8 initiatieven",
            ),
        ],
    },
    Theme {
        title: "Buitenruimte",
        programme: Some(2),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Speelplekken opknappen in Schiebroek-Zuid",
                "SB",
                "3 speelplekken vernieuwd",
            ),
            (
                "Bladkorven en extra veegrondes in het najaar",
                "SB",
                "40 bladkorven",
            ),
            (
                "Hondenuitlaatplaatsen herzien",
                "SB",
                "nieuw plan vastgesteld",
            ),
        ],
    },
    Theme {
        title: "Verkeersoverlast",
        programme: None,
        alignment: CityAlignment::Conflict,
        actions: [
            (
                "Snelheidsremmende maatregelen Peppelweg",
                "SO",
                "gemiddelde snelheid onder 30 km/u",
            ),
            (
                "Handhaving parkeren rond scholen",
                "VEI",
                "20 handhavingsacties",
            ),
            ("Schoolzones inrichten", "SO", "3 schoolzones"),
        ],
    },
];

const FEIJENOORD: [Theme; 5] = [
    Theme {
        title: "Schoon en heel",
        programme: Some(2),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Extra reiniging rond het marktplein, 2x per week",
                "SB",
                "schoonscore minimaal 7",
            ),
            ("Grofvuilacties met bewoners", "SB", "6 acties per jaar"),
            (
                "Groenonderhoud binnenterreinen",
                "SB",
                "alle binnenterreinen 4x per jaar",
            ),
        ],
    },
    Theme {
        title: "Veilig thuis in de wijk",
        programme: Some(3),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Buurtpreventieteam opzetten",
                "VEI",
                "1 team van 15 vrijwilligers",
            ),
            (
                "Aanpak overlast rond de hangplekken",
                "VEI",
                "meldingen -20%",
            ),
            (
                "Verlichting in de portieken verbeteren",
                "SO",
                "60 portieken",
            ),
        ],
    },
    Theme {
        title: "Armoede en schulden",
        programme: Some(1),
        alignment: CityAlignment::NeedsCityTradeOff,
        actions: [
            (
                "Schuldhulp dichtbij in het Huis van de Wijk",
                "MO",
                "200 huishoudens geholpen",
            ),
            (
                "Vraagwijzer-spreekuur in de wijk",
                "MO",
                "wekelijks spreekuur",
            ),
            (
                "Bewoners naar werk via wijkgerichte werkgeversaanpak",
                "WI",
                "40 plaatsingen",
            ),
        ],
    },
    Theme {
        title: "Talent en jeugd",
        programme: Some(0),
        alignment: CityAlignment::Aligned,
        actions: [
            (
                "Naschoolse sport op de pleinen",
                "MO",
                "120 kinderen wekelijks",
            ),
            ("Jongerenwerk in de avond", "MO", "4 avonden per week"),
            ("Stageplekken bij wijkondernemers", "WI", "25 stageplekken"),
        ],
    },
    Theme {
        title: "Werk en meedoen",
        programme: Some(4),
        alignment: CityAlignment::ShortVsLongTerm,
        actions: [
            ("Taalcafé voor nieuwkomers", "MO", "60 deelnemers"),
            (
                "Vrijwilligerswerk als opstap naar werk",
                "WI",
                "50 vrijwilligers",
            ),
            (
                "Bewonersinitiatieven ondersteunen",
                "BCO",
                "12 initiatieven gehonoreerd",
            ),
        ],
    },
];

/// The product a cluster's commitments draw on in the pilot.
fn product_of(cluster: &str) -> &'static str {
    match cluster {
        "MO" => "MO-HVW",
        "SB" => "SB-REI",
        "SO" => "SO-BTR",
        "VEI" => "VEI-WVL",
        "WI" => "WI-REI",
        "BCO" => "BCO-BWI",
        _ => "DV-LOK",
    }
}

const FIRST_NAMES: [&str; 24] = [
    "Anouk", "Bram", "Chantal", "Dennis", "Esra", "Fatima", "Gijs", "Hanneke", "Ismail", "Joyce",
    "Koen", "Latifa", "Mark", "Naima", "Orlando", "Petra", "Rachid", "Sanne", "Tim", "Umut",
    "Vera", "Wouter", "Yara", "Zeynep",
];
const LAST_NAMES: [&str; 20] = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Dijk",
    "Kaya",
    "El Amrani",
    "Öztürk",
    "Pinas",
    "Tahiri",
    "Verhoeven",
];

/// The pilot areas and their themes.
fn themes_of(area_code: &str) -> &'static [Theme; 5] {
    match area_code {
        "WK059904" => &OVERSCHIE,
        "WK059906" => &HILLEGERSBERG_SCHIEBROEK,
        _ => &FEIJENOORD,
    }
}

/// Commitment numbers (in pilot order) with a special fate.
const REJECTED: [usize; 2] = [7, 52];
const RESERVATION: usize = 23;
const OVERDUE: usize = 88;
const WITHDRAWN: usize = 101;
/// The rejected commitment escalated to the area director of Feijenoord.
const ESCALATED: usize = 52;

/// Writes the pilot.
pub(super) async fn write(txn: &DatabaseTransaction, reference: &Reference) -> Result<(), DbErr> {
    let budget = super::pilot_budget::write(txn, reference).await?;
    let mut people = People { next: 0 };
    let mut area_plans = std::collections::HashMap::new();
    for (code, name) in [
        ("WK059904", "Overschie"),
        ("WK059906", "Hillegersberg-Schiebroek"),
        ("WK059910", "Feijenoord"),
    ] {
        let plan = add::<plan::ActiveModel>(
            txn,
            plan::Model {
                id: 0,
                kind: PlanKind::AreaPlan,
                title: format!("Gebiedsplan {name} 2014-2018"),
                area_id: reference.areas[code],
                neighbourhood_id: None,
                cluster_id: None,
                year_from: 2014,
                year_to: 2018,
                status: PlanStatus::Adopted,
                parent_plan_id: None,
                superseded_by_id: None,
                adopted_at: Some(at(2014, 10, 30, 12)),
                version: 1,
                created_at: at(2014, 6, 1, 9),
                updated_at: at(2014, 10, 30, 12),
            },
        )
        .await?;
        // The area plan's themes, where residents' input can land too.
        for (rank, theme) in ["Veilig", "Schoon en heel", "Talent en jeugd"]
            .iter()
            .enumerate()
        {
            add::<priority::ActiveModel>(
                txn,
                priority::Model {
                    id: 0,
                    plan_id: plan.id,
                    rank: Some(rank as i32 + 1),
                    title: (*theme).to_owned(),
                    description: format!("{theme} in {name}, 2014-2018."),
                    theme: Some((*theme).to_owned()),
                    city_programme_id: None,
                    city_alignment: CityAlignment::Aligned,
                    dropped_at: None,
                    drop_reason: None,
                    version: 1,
                    created_at: at(2014, 6, 1, 9),
                    updated_at: at(2014, 10, 30, 12),
                },
            )
            .await?;
        }
        area_plans.insert(code, plan.id);
    }

    let mut number = 0usize;
    for (index, code) in PILOT_2016.iter().enumerate() {
        let (neighbourhood_id, area_id) = reference.neighbourhoods[code];
        let area_code = reference
            .areas
            .iter()
            .find(|(_, id)| **id == area_id)
            .map(|(code, _)| *code)
            .unwrap_or_default();
        let name = super::AREAS
            .iter()
            .flat_map(|area| area.neighbourhoods.iter())
            .find(|(c, _)| c == code)
            .map(|(_, n)| *n)
            .unwrap_or_default();
        let team = team(txn, reference, &mut people, neighbourhood_id, index).await?;
        let plan = add::<plan::ActiveModel>(
            txn,
            plan::Model {
                id: 0,
                kind: PlanKind::NeighbourhoodActionPlan,
                title: format!("Wijkactieplan {name} 2016"),
                area_id,
                neighbourhood_id: Some(neighbourhood_id),
                cluster_id: None,
                year_from: 2016,
                year_to: 2016,
                status: PlanStatus::Adopted,
                parent_plan_id: area_plans.get(area_code).copied(),
                superseded_by_id: None,
                adopted_at: Some(at(2016, 3, 1, 12)),
                version: 3,
                created_at: at(2016, 1, 11, 9),
                updated_at: at(2016, 3, 1, 12),
            },
        )
        .await?;
        let mut first_priority = None;
        let mut first_action = None;
        for (rank, theme) in themes_of(area_code).iter().enumerate() {
            let priority = add::<priority::ActiveModel>(
                txn,
                priority::Model {
                    id: 0,
                    plan_id: plan.id,
                    rank: Some(rank as i32 + 1),
                    title: theme.title.to_owned(),
                    description: format!(
                        "{} in {name}: prioriteit {} van het wijkactieplan 2016.",
                        theme.title,
                        rank + 1
                    ),
                    theme: Some(theme.title.to_owned()),
                    city_programme_id: theme
                        .programme
                        .and_then(|i| reference.programmes.get(i))
                        .map(|(_, id)| *id),
                    city_alignment: theme.alignment,
                    dropped_at: None,
                    drop_reason: None,
                    version: 1,
                    created_at: at(2016, 1, 18, 9),
                    updated_at: at(2016, 3, 1, 12),
                },
            )
            .await?;
            first_priority.get_or_insert(priority.id);
            for (what, lead, target) in &theme.actions {
                let action = action(
                    txn,
                    reference,
                    &team,
                    priority.id,
                    number,
                    what,
                    lead,
                    target,
                )
                .await?;
                first_action.get_or_insert(action);
                commitment(
                    txn, reference, &budget, &team, action, area_code, number, lead,
                )
                .await?;
                number += 1;
            }
        }
        residents(txn, neighbourhood_id, index, first_priority, first_action).await?;
    }
    draft_2017(txn, reference).await?;
    super::consultation::write(txn, reference).await?;
    Ok(())
}

/// Hands out invented names in a fixed sequence.
struct People {
    next: usize,
}

impl People {
    /// A new person; `public` ones (the neighbourhood managers, residents' point of
    /// contact) are named to the public.
    async fn add(
        &mut self,
        txn: &DatabaseTransaction,
        public: bool,
    ) -> Result<person::Model, DbErr> {
        let i = self.next;
        self.next += 1;
        add::<person::ActiveModel>(
            txn,
            person::Model {
                id: 0,
                name: format!(
                    "{} {}",
                    FIRST_NAMES[i % FIRST_NAMES.len()],
                    LAST_NAMES[(i * 7 + i / 20) % LAST_NAMES.len()]
                ),
                subject: None,
                public,
            },
        )
        .await
    }
}

/// A neighbourhood's team: (cluster code, representative name), manager first.
struct Team {
    manager: String,
    representatives: Vec<(&'static str, String)>,
}

impl Team {
    fn representative(&self, cluster: &str) -> String {
        self.representatives
            .iter()
            .find(|(code, _)| *code == cluster)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| self.manager.clone())
    }
}

async fn team(
    txn: &DatabaseTransaction,
    reference: &Reference,
    people: &mut People,
    neighbourhood_id: i32,
    index: usize,
) -> Result<Team, DbErr> {
    let start = date(2016, 1, 1);
    let manager = people.add(txn, true).await?;
    membership(
        txn,
        neighbourhood_id,
        manager.id,
        TeamRole::NeighbourhoodManager,
        None,
        MembershipKind::Core,
        start,
        None,
    )
    .await?;
    let mut representatives = Vec::new();
    for (code, kind) in [
        ("MO", MembershipKind::Core),
        ("SO", MembershipKind::Core),
        ("SB", MembershipKind::Core),
        ("WI", MembershipKind::Core),
        ("VEI", MembershipKind::Core),
        ("BCO", MembershipKind::Occasional),
        ("DV", MembershipKind::Occasional),
    ] {
        let cluster_id = Some(reference.clusters[code]);
        // Staff turnover: in every third team the SB representative changed on 1 June.
        if code == "SB" && index.is_multiple_of(3) {
            let former = people.add(txn, false).await?;
            membership(
                txn,
                neighbourhood_id,
                former.id,
                TeamRole::ClusterRepresentative,
                cluster_id,
                kind,
                start,
                Some(date(2016, 5, 31)),
            )
            .await?;
            let current = people.add(txn, false).await?;
            membership(
                txn,
                neighbourhood_id,
                current.id,
                TeamRole::ClusterRepresentative,
                cluster_id,
                kind,
                date(2016, 6, 1),
                None,
            )
            .await?;
            representatives.push((code, current.name));
            continue;
        }
        let member = people.add(txn, false).await?;
        membership(
            txn,
            neighbourhood_id,
            member.id,
            TeamRole::ClusterRepresentative,
            cluster_id,
            kind,
            start,
            None,
        )
        .await?;
        representatives.push((code, member.name));
    }
    Ok(Team {
        manager: manager.name,
        representatives,
    })
}

#[allow(clippy::too_many_arguments)]
async fn membership(
    txn: &DatabaseTransaction,
    neighbourhood_id: i32,
    person_id: i32,
    role: TeamRole,
    cluster_id: Option<i32>,
    kind: MembershipKind,
    valid_from: chrono::NaiveDate,
    valid_to: Option<chrono::NaiveDate>,
) -> Result<(), DbErr> {
    add::<team_membership::ActiveModel>(
        txn,
        team_membership::Model {
            id: 0,
            neighbourhood_id,
            person_id,
            role,
            cluster_id,
            kind,
            valid_from,
            valid_to,
        },
    )
    .await?;
    Ok(())
}

/// Progress at the year end, by action number: (status, percent, light).
fn year_end(number: usize) -> (ActionStatus, i32, TrafficLight) {
    if REJECTED.contains(&number) {
        return (ActionStatus::NotRealised, 0, TrafficLight::Red);
    }
    match number % 6 {
        0 | 1 => (ActionStatus::Realised, 100, TrafficLight::Green),
        2 => (ActionStatus::PartlyRealised, 70, TrafficLight::Amber),
        3 => (ActionStatus::InProgress, 80, TrafficLight::Green),
        4 => (ActionStatus::CarriedOver, 40, TrafficLight::Amber),
        _ => (ActionStatus::Realised, 100, TrafficLight::Green),
    }
}

#[allow(clippy::too_many_arguments)]
async fn action(
    txn: &DatabaseTransaction,
    reference: &Reference,
    team: &Team,
    priority_id: i32,
    number: usize,
    what: &str,
    lead: &str,
    target: &str,
) -> Result<i32, DbErr> {
    let (status, percent, light) = year_end(number);
    let action = add::<action::ActiveModel>(
        txn,
        action::Model {
            id: 0,
            priority_id,
            description: what.to_owned(),
            lead_cluster_id: Some(reference.clusters[lead]),
            responsible_person: Some(team.representative(lead)),
            measurable_target: Some(target.to_owned()),
            deadline: Some(date(2016, 12, 31)),
            status,
            progress_percent: percent,
            traffic_light: light,
            proposed_by_cluster_id: None,
            lead_position: None,
            dropped_at: None,
            drop_reason: None,
            version: 3,
            created_at: at(2016, 1, 25, 9),
            updated_at: at(2016, 12, 15, 16),
        },
    )
    .await?;
    let (mid_status, mid_light) = if status == ActionStatus::NotRealised {
        (ActionStatus::NotStarted, TrafficLight::Red)
    } else {
        (ActionStatus::InProgress, TrafficLight::Green)
    };
    for (reported_at, percent, status, light, note, public) in [
        (
            at(2016, 6, 30, 16),
            percent / 2,
            mid_status,
            mid_light,
            "Halfjaarrapportage aan het wijkactieteam.",
            false,
        ),
        (
            at(2016, 12, 15, 16),
            percent,
            status,
            light,
            "Jaareinde: resultaat op straat.",
            true,
        ),
    ] {
        add::<progress_update::ActiveModel>(
            txn,
            progress_update::Model {
                id: 0,
                action_id: action.id,
                reported_at,
                reported_by: team.representative(lead),
                percent,
                status,
                traffic_light: light,
                note: note.to_owned(),
                public,
            },
        )
        .await?;
    }
    Ok(action.id)
}

#[allow(clippy::too_many_arguments)]
async fn commitment(
    txn: &DatabaseTransaction,
    reference: &Reference,
    budget: &super::pilot_budget::Lines,
    team: &Team,
    action_id: i32,
    area_code: &str,
    number: usize,
    lead: &str,
) -> Result<(), DbErr> {
    let requested_at = at(2016, 2, 1, 9) + Duration::days((number % 20) as i64);
    let answered_at = requested_at + Duration::hours(20);
    let hours = (40 + (number % 5) as i64 * 20) * 100;
    let amount = ((number % 7) as i64 + 1) * 250_000;
    let line = budget.area_line(product_of(lead), area_code);
    let (status, reason, answered, committed) = if REJECTED.contains(&number) {
        (
            CommitmentStatus::Rejected,
            Some(
                "Geen capaciteit: de inzet past niet binnen het stedelijke programma van dit jaar.",
            ),
            true,
            false,
        )
    } else if number == RESERVATION {
        (
            CommitmentStatus::AcceptedWithReservation,
            Some(
                "Voorbehoud: het cluster is niet tijdig betrokken bij het opstellen van het wijkactieplan.",
            ),
            true,
            true,
        )
    } else if number == OVERDUE {
        (CommitmentStatus::Requested, None, false, false)
    } else if number == WITHDRAWN {
        (
            CommitmentStatus::Withdrawn,
            Some("Ingetrokken: de actie is ondergebracht bij het stedelijke programma."),
            true,
            false,
        )
    } else if number % 4 == 1 {
        (CommitmentStatus::Delivered, None, true, true)
    } else {
        (CommitmentStatus::Accepted, None, true, true)
    };
    let commitment = add::<commitment::ActiveModel>(
        txn,
        commitment::Model {
            id: 0,
            action_id,
            cluster_id: reference.clusters[lead],
            status,
            kind: if number.is_multiple_of(3) {
                CommitmentKind::New
            } else {
                CommitmentKind::Continuation
            },
            hours_centi: committed.then_some(hours),
            amount_cents: committed.then_some(amount),
            budget_line_id: if committed { line } else { None },
            reason: reason.map(str::to_owned),
            response_deadline: requested_at + Duration::hours(24),
            requested_by: team.manager.clone(),
            requested_at,
            answered_by: answered.then(|| team.representative(lead)),
            answered_at: answered.then_some(answered_at),
            version: if answered { 2 } else { 1 },
            updated_at: if answered { answered_at } else { requested_at },
            question: None,
            hours_asked_centi: None,
            amount_asked_cents: None,
        },
    )
    .await?;
    if number == ESCALATED {
        escalation(txn, reference, team, commitment).await?;
    }
    Ok(())
}

/// The open escalation: a rejected key action, moved up from the team to the area director.
async fn escalation(
    txn: &DatabaseTransaction,
    reference: &Reference,
    team: &Team,
    commitment: commitment::Model,
) -> Result<(), DbErr> {
    let neighbourhood_id = reference.neighbourhoods["BU05991086"].0;
    let escalation = add::<escalation::ActiveModel>(
        txn,
        escalation::Model {
            id: 0,
            subject: EscalationSubject::RejectedCommitment,
            neighbourhood_id,
            cluster_id: Some(commitment.cluster_id),
            commitment_id: Some(commitment.id),
            action_id: Some(commitment.action_id),
            priority_id: None,
            reason: "Sleutelactie afgewezen; zonder deze inzet haalt de wijk prioriteit 3 niet."
                .to_owned(),
            level: EscalationLevel::Area,
            owner: "area_director:WK059910".to_owned(),
            status: EscalationStatus::Open,
            resolution: None,
            raised_by: team.manager.clone(),
            raised_at: at(2016, 3, 10, 10),
            closed_at: None,
            settled_by_revision_id: None,
            version: 3,
        },
    )
    .await?;
    for (occurred_at, level, note) in [
        (
            at(2016, 3, 10, 10),
            EscalationLevel::Team,
            "Besproken in het wijkactieteam; geen oplossing.",
        ),
        (
            at(2016, 3, 17, 10),
            EscalationLevel::Cluster,
            "Voorgelegd aan de clusterdirectie.",
        ),
        (
            at(2016, 4, 1, 10),
            EscalationLevel::Area,
            "Voorgelegd aan de gebiedsdirecteur Feijenoord.",
        ),
    ] {
        add::<escalation_event::ActiveModel>(
            txn,
            escalation_event::Model {
                id: 0,
                escalation_id: escalation.id,
                occurred_at,
                actor: team.manager.clone(),
                level,
                status: EscalationStatus::Open,
                note: note.to_owned(),
            },
        )
        .await?;
    }
    Ok(())
}

async fn residents(
    txn: &DatabaseTransaction,
    neighbourhood_id: i32,
    index: usize,
    priority_id: Option<i32>,
    action_id: Option<i32>,
) -> Result<(), DbErr> {
    let entries = [
        (
            ResidentInputSource::NeighbourhoodTable,
            date(2015, 11, 12),
            "Bewoners willen een schonere en veiligere buitenruimte rond de scholen.",
            ResidentInputOutcome::Incorporated,
            None,
            priority_id,
            action_id,
        ),
        (
            ResidentInputSource::Survey,
            date(2015, 12, 3),
            "Een nieuw zwembad in de wijk.",
            ResidentInputOutcome::NotIncorporated,
            Some(
                "Zwembaden vallen onder het stedelijke sportaccommodatiebeleid; doorgegeven aan cluster MO.",
            ),
            None,
            None,
        ),
    ];
    for (source, received_on, summary, outcome, reason, priority_id, action_id) in entries {
        add::<resident_input::ActiveModel>(
            txn,
            resident_input::Model {
                id: 0,
                neighbourhood_id,
                reference: None,
                source,
                received_on,
                summary: summary.to_owned(),
                outcome,
                reason: reason.map(str::to_owned),
                priority_id,
                action_id,
                version: 1,
            },
        )
        .await?;
    }
    if index == 3 {
        add::<resident_input::ActiveModel>(
            txn,
            resident_input::Model {
                id: 0,
                neighbourhood_id,
                reference: None,
                source: ResidentInputSource::DigitalPoll,
                received_on: date(2016, 11, 20),
                summary: "Meer speelplekken voor tieners op het Afrikaanderplein.".to_owned(),
                outcome: ResidentInputOutcome::Pending,
                reason: None,
                priority_id: None,
                action_id: None,
                version: 1,
            },
        )
        .await?;
    }
    Ok(())
}

/// The 2017 draft for Afrikaanderwijk: incomplete, with SMART gaps still to fill.
async fn draft_2017(txn: &DatabaseTransaction, reference: &Reference) -> Result<(), DbErr> {
    let (neighbourhood_id, area_id) = reference.neighbourhoods["BU05991086"];
    let plan = add::<plan::ActiveModel>(
        txn,
        plan::Model {
            id: 0,
            kind: PlanKind::NeighbourhoodActionPlan,
            title: "Wijkactieplan Afrikaanderwijk 2017".to_owned(),
            area_id,
            neighbourhood_id: Some(neighbourhood_id),
            cluster_id: None,
            year_from: 2017,
            year_to: 2017,
            status: PlanStatus::Draft,
            parent_plan_id: None,
            superseded_by_id: None,
            adopted_at: None,
            version: 1,
            created_at: at(2016, 11, 28, 9),
            updated_at: at(2016, 11, 28, 9),
        },
    )
    .await?;
    for (rank, title, lead, target) in [
        (1, "Schoon en heel", "SB", Some("schoonscore minimaal 7")),
        (2, "Talent en jeugd", "MO", None),
    ] {
        let priority = add::<priority::ActiveModel>(
            txn,
            priority::Model {
                id: 0,
                plan_id: plan.id,
                rank: Some(rank),
                title: title.to_owned(),
                description: format!("{title}: concept voor 2017."),
                theme: Some(title.to_owned()),
                city_programme_id: None,
                city_alignment: CityAlignment::Unassessed,
                dropped_at: None,
                drop_reason: None,
                version: 1,
                created_at: at(2016, 11, 28, 9),
                updated_at: at(2016, 11, 28, 9),
            },
        )
        .await?;
        add::<action::ActiveModel>(
            txn,
            action::Model {
                id: 0,
                priority_id: priority.id,
                description: format!("{title}: uitwerken met het wijkactieteam"),
                lead_cluster_id: Some(reference.clusters[lead]),
                responsible_person: None,
                measurable_target: target.map(str::to_owned),
                deadline: None,
                status: ActionStatus::NotStarted,
                progress_percent: 0,
                traffic_light: TrafficLight::Grey,
                proposed_by_cluster_id: None,
                lead_position: None,
                dropped_at: None,
                drop_reason: None,
                version: 1,
                created_at: at(2016, 11, 28, 9),
                updated_at: at(2016, 11, 28, 9),
            },
        )
        .await?;
    }
    Ok(())
}
