//! Root lists of the P&C cycle: budget lines, P&C documents and amendments.

use async_graphql::{ID, InputObject};
use entity::*;
use sea_orm::{ColumnTrait, Condition};

use super::filter::Conditions;
use super::lists::root_lists;
use super::order::order_input;
use crate::graphql::enums::{AmendmentType, BudgetKind, PncDocumentStatus, PncPhase};
use crate::graphql::types::{
    Area, BudgetAmendment, BudgetLine, Cluster, Neighbourhood, PncDocument, Product,
};

/// Which budget lines to list.
#[derive(InputObject, Default)]
pub struct BudgetLineFilter {
    /// Of this cluster.
    pub cluster_id: Option<ID>,
    /// Of this product.
    pub product_id: Option<ID>,
    /// For this budget year.
    pub year: Option<i32>,
    /// For this area as a whole.
    pub area_id: Option<ID>,
    /// For this neighbourhood.
    pub neighbourhood_id: Option<ID>,
    /// City-wide lines only (true) or area and neighbourhood lines only (false).
    pub city_wide: Option<bool>,
    /// Expenses or income.
    pub kind: Option<BudgetKind>,
    /// Created or changed at or after this moment, as the audit trail records every change
    /// made through the API: poll with the time of your previous poll.
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
}

order_input!(
    /// Fields budget lines sort by.
    BudgetLineOrder, BudgetLineOrderField, budget_line {
        /// Budget year.
        Year => Year,
        /// Cluster.
        Cluster => ClusterId,
        /// Product.
        Product => ProductId,
    }
);

order_input!(
    /// Fields pnc documents sort by.
    PncDocumentOrder, PncDocumentOrderField, pnc_document {
        /// Budget year.
        Year => Year,
        /// Phase.
        Phase => Phase,
        /// Status.
        Status => Status,
    }
);

/// Which P&C documents to list.
#[derive(InputObject, Default)]
pub struct PncDocumentFilter {
    /// For this budget year.
    pub year: Option<i32>,
    /// Of this phase.
    pub phase: Option<PncPhase>,
    /// In this status.
    pub status: Option<PncDocumentStatus>,
}

order_input!(
    /// Fields budget amendments sort by.
    BudgetAmendmentOrder, BudgetAmendmentOrderField, budget_amendment {
        /// When it was made.
        CreatedAt => CreatedAt,
        /// The change in euros.
        Delta => DeltaCents,
    }
);

/// Which amendments to list.
#[derive(InputObject, Default)]
pub struct BudgetAmendmentFilter {
    /// Made in this P&C document.
    pub pnc_document_id: Option<ID>,
    /// Of this budget line.
    pub budget_line_id: Option<ID>,
    /// Of this type.
    pub amendment_type: Option<AmendmentType>,
}

root_lists! {
    /// Root lists of the P&C cycle.
    BudgetQuery {
        /// Budget lines (begrotingsregels).
        budget_lines: BudgetLine of budget_line where BudgetLineFilter sorted BudgetLineOrder
            => |_ctx, filter, _order_by| {
            let is_city_wide = || {
                Condition::all()
                    .add(budget_line::Column::AreaId.is_null())
                    .add(budget_line::Column::NeighbourhoodId.is_null())
            };
            Ok(Conditions::new()
                .id(budget_line::Column::ClusterId, Cluster::TYPE_NAME, "filter.clusterId", filter.cluster_id.as_ref())?
                .id(budget_line::Column::ProductId, Product::TYPE_NAME, "filter.productId", filter.product_id.as_ref())?
                .eq(budget_line::Column::Year, filter.year)
                .id(budget_line::Column::AreaId, Area::TYPE_NAME, "filter.areaId", filter.area_id.as_ref())?
                .id(
                    budget_line::Column::NeighbourhoodId,
                    Neighbourhood::TYPE_NAME,
                    "filter.neighbourhoodId",
                    filter.neighbourhood_id.as_ref(),
                )?
                .eq(budget_line::Column::Kind, filter.kind.map(entity::enums::BudgetKind::from))
                .when(filter.city_wide, |city_wide| if city_wide { is_city_wide() } else { is_city_wide().not() })
                .changed_since::<budget_line::Entity>(filter.updated_since))
        },
        /// P&C documents per budget year and phase.
        pnc_documents: PncDocument of pnc_document where PncDocumentFilter sorted PncDocumentOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .eq(pnc_document::Column::Year, filter.year)
                .eq(pnc_document::Column::Phase, filter.phase.map(entity::enums::PncPhase::from))
                .eq(pnc_document::Column::Status, filter.status.map(entity::enums::PncDocumentStatus::from)))
        },
        /// Budget amendments (bijstellingen).
        budget_amendments: BudgetAmendment of budget_amendment where BudgetAmendmentFilter sorted BudgetAmendmentOrder
            => |_ctx, filter, _order_by| {
            Ok(Conditions::new()
                .id(
                    budget_amendment::Column::PncDocumentId,
                    PncDocument::TYPE_NAME,
                    "filter.pncDocumentId",
                    filter.pnc_document_id.as_ref(),
                )?
                .id(
                    budget_amendment::Column::BudgetLineId,
                    BudgetLine::TYPE_NAME,
                    "filter.budgetLineId",
                    filter.budget_line_id.as_ref(),
                )?
                .eq(budget_amendment::Column::AmendmentType, filter.amendment_type.map(entity::enums::AmendmentType::from)))
        },
    }
}
