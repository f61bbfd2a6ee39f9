//! Root list of residents' input.

use async_graphql::{Context, ID, InputObject, Object, Result};
use entity::*;
use sea_orm::Condition;

use super::filter::Conditions;
use super::lists::root_lists;
use super::order::order_input;
use crate::graphql::enums::{ResidentInputOutcome, ResidentInputSource};
use crate::graphql::types::{Neighbourhood, ResidentInput};

order_input!(
    /// Fields resident inputs sort by.
    ResidentInputOrder, ResidentInputOrderField, resident_input {
        /// When it was received.
        ReceivedOn => ReceivedOn,
        /// Outcome.
        Outcome => Outcome,
    }
);

/// Which residents' input to list.
#[derive(InputObject, Default)]
pub struct ResidentInputFilter {
    /// For this neighbourhood.
    pub neighbourhood_id: Option<ID>,
    /// From this source.
    pub source: Option<ResidentInputSource>,
    /// With this outcome.
    pub outcome: Option<ResidentInputOutcome>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

/// Root fields of residents' input.
#[derive(Default)]
pub struct ResidentQuery;

#[Object]
impl ResidentQuery {
    /// Residents' input by its public reference (e.g. `RI-2016-0042`), with every place it
    /// landed (`landings`) and that action's public progress, or why it was not taken up;
    /// null when there is none.
    async fn resident_input(
        &self,
        ctx: &Context<'_>,
        #[graphql(validator(custom = "super::FilterText"))] reference: String,
    ) -> Result<Option<ResidentInput>> {
        use sea_orm::ColumnTrait;
        let condition = Condition::all()
            .add(resident_input::Column::Reference.eq(reference.trim().to_uppercase()));
        let found = crate::graphql::context::scope(ctx)?
            .reader
            .find_one::<resident_input::Entity>(condition)
            .await?;
        Ok(found.map(ResidentInput::from))
    }
}

root_lists! {
    /// Root lists of residents' input.
    ResidentLists {
        /// Residents' input and where it landed, or why not.
        resident_inputs: ResidentInput of resident_input where ResidentInputFilter sorted ResidentInputOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .id(
                    resident_input::Column::NeighbourhoodId,
                    Neighbourhood::TYPE_NAME,
                    "filter.neighbourhoodId",
                    filter.neighbourhood_id.as_ref(),
                )?
                .eq(resident_input::Column::Source, filter.source.map(entity::enums::ResidentInputSource::from))
                .eq(resident_input::Column::Outcome, filter.outcome.map(entity::enums::ResidentInputOutcome::from))
                .changed_since::<resident_input::Entity>(filter.updated_since))
        },
    }
}
