//! A staff member; teams refer to people through dated memberships.

use sea_orm::entity::prelude::*;

/// A staff member; teams refer to people through dated memberships.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "person")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// The identity provider's subject (`sub`), when known.
    #[sea_orm(unique)]
    pub subject: Option<String>,
    /// The person agreed to be named to the public (a neighbourhood manager as point of
    /// contact); nobody else's name is public.
    pub public: bool,
}

/// Foreign keys.
#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
