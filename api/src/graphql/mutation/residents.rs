//! Residents' input (bewonersinbreng): recorded, linked to where it landed, or closed with
//! the reason residents read.

use async_graphql::{Context, ID, InputObject, Object, OneofObject, Result, SimpleObject};

use crate::domain::resident::{self, Landing};
use crate::graphql::enums::ResidentInputSource;
use crate::graphql::relay::id_of;
use crate::graphql::scalars::NaiveDate;
use crate::graphql::types::{Action, Neighbourhood, Priority, ResidentInput};
use crate::value::{Long, Reason};

/// Record residents' input.
#[derive(InputObject, Debug)]
pub struct RecordResidentInputInput {
    /// The neighbourhood it concerns.
    pub neighbourhood_id: ID,
    /// Where it came from.
    pub source: ResidentInputSource,
    /// When it was received.
    pub received_on: NaiveDate,
    /// What residents said, summarised.
    pub summary: String,
    /// Makes the request safe to repeat: the same key and input return the first result
    /// and create nothing new; the same key with another input is refused.
    pub idempotency_key: Option<String>,
}

/// Where input landed: exactly one.
#[derive(OneofObject, Debug)]
pub enum LandingInput {
    /// A priority.
    PriorityId(ID),
    /// An action.
    ActionId(ID),
}

/// Link input to where it landed.
#[derive(InputObject, Debug)]
pub struct LinkResidentInputInput {
    /// The input.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Where it landed.
    pub landed_in: LandingInput,
}

/// Close input that was not incorporated.
#[derive(InputObject, Debug)]
pub struct CloseResidentInputInput {
    /// The input.
    pub id: ID,
    /// The version you saw.
    pub expected_version: i32,
    /// Why it was not incorporated; residents read this.
    pub reason: String,
}

/// The input after the change.
#[derive(SimpleObject)]
pub struct ResidentInputPayload {
    /// The input.
    pub resident_input: ResidentInput,
}

/// Residents' input mutations.
#[derive(Default)]
pub struct ResidentMutation;

#[Object]
impl ResidentMutation {
    /// Record residents' input (pending until it lands or is closed).
    async fn record_resident_input(
        &self,
        ctx: &Context<'_>,
        input: RecordResidentInputInput,
    ) -> Result<ResidentInputPayload> {
        let once = super::Once::of(&input)?;
        let neighbourhood_id = id_of(
            Neighbourhood::TYPE_NAME,
            "input.neighbourhoodId",
            &input.neighbourhood_id,
        )?;
        let summary = super::at("input.summary", Long::parse(&input.summary))?;
        let row = super::create_once!(
            ctx,
            once,
            "recordResidentInput",
            entity::resident_input::Entity,
            |change| {
                resident::record(
                    change,
                    neighbourhood_id,
                    input.source.into(),
                    input.received_on.0,
                    summary,
                )
            }
        );
        Ok(ResidentInputPayload {
            resident_input: row.into(),
        })
    }

    /// Link residents' input to the priority or action where it landed.
    async fn link_resident_input(
        &self,
        ctx: &Context<'_>,
        input: LinkResidentInputInput,
    ) -> Result<ResidentInputPayload> {
        let id = id_of(ResidentInput::TYPE_NAME, "input.id", &input.id)?;
        let landing = match &input.landed_in {
            LandingInput::PriorityId(id) => {
                Landing::Priority(id_of(Priority::TYPE_NAME, "input.landedIn.priorityId", id)?)
            }
            LandingInput::ActionId(id) => {
                Landing::Action(id_of(Action::TYPE_NAME, "input.landedIn.actionId", id)?)
            }
        };
        let row = super::transact!(ctx, |change| resident::link(
            change,
            id,
            input.expected_version,
            landing
        ));
        Ok(ResidentInputPayload {
            resident_input: row.into(),
        })
    }

    /// Close residents' input that was not incorporated, with the reason.
    async fn close_resident_input(
        &self,
        ctx: &Context<'_>,
        input: CloseResidentInputInput,
    ) -> Result<ResidentInputPayload> {
        let id = id_of(ResidentInput::TYPE_NAME, "input.id", &input.id)?;
        let reason = super::at("input.reason", Reason::parse(&input.reason))?;
        let row = super::transact!(ctx, |change| resident::close(
            change,
            id,
            input.expected_version,
            reason
        ));
        Ok(ResidentInputPayload {
            resident_input: row.into(),
        })
    }
}
