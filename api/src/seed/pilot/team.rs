//! The neighbourhood teams: invented names handed out in a fixed sequence, and each
//! team's manager and cluster representatives.

use entity::enums::*;
use entity::*;
use sea_orm::{DatabaseTransaction, DbErr};

use crate::seed::pilot_data::{FIRST_NAMES, LAST_NAMES, TEAM, TURNOVER};
use crate::seed::{Reference, add, date};

/// Hands out invented names in a fixed sequence.
pub(super) struct People {
    pub(super) next: usize,
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

/// A neighbourhood's team: the manager's name and the cluster representatives' names.
pub(super) struct Team {
    pub(super) manager: String,
    representatives: Vec<(&'static str, String)>,
}

impl Team {
    pub(super) fn representative(&self, cluster: &str) -> String {
        self.representatives
            .iter()
            .find(|(code, _)| *code == cluster)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| self.manager.clone())
    }
}

/// A team as in [`TEAM`]; in every third team the [`TURNOVER`] cluster's representative
/// changed on 1 June.
pub(super) async fn team(
    txn: &DatabaseTransaction,
    reference: &Reference,
    people: &mut People,
    neighbourhood_id: i32,
    index: usize,
) -> Result<Team, DbErr> {
    let start = date(2016, 1, 1)?;
    let mut team = Team {
        manager: String::new(),
        representatives: Vec::new(),
    };
    for (role, cluster, kind) in TEAM {
        let cluster_id = cluster.map(|code| reference.cluster(code)).transpose()?;
        let seat = |person_id, from, to| team_membership::Model {
            id: 0,
            neighbourhood_id,
            person_id,
            role,
            cluster_id,
            kind,
            valid_from: from,
            valid_to: to,
        };
        let mut from = start;
        if role == TeamRole::ClusterRepresentative
            && cluster == Some(TURNOVER)
            && index.is_multiple_of(3)
        {
            let former = people.add(txn, false).await?;
            add::<team_membership::ActiveModel>(
                txn,
                seat(former.id, start, Some(date(2016, 5, 31)?)),
            )
            .await?;
            from = date(2016, 6, 1)?;
        }
        let person = people
            .add(txn, role == TeamRole::NeighbourhoodManager)
            .await?;
        add::<team_membership::ActiveModel>(txn, seat(person.id, from, None)).await?;
        match (role, cluster) {
            (TeamRole::NeighbourhoodManager, _) => team.manager = person.name,
            (TeamRole::ClusterRepresentative, Some(code)) => {
                team.representatives.push((code, person.name));
            }
            _ => {}
        }
    }
    Ok(team)
}
