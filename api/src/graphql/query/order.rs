//! `orderBy` inputs: a field enum and a direction per entity.

use async_graphql::Enum;

/// Sort direction.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq, Default)]
pub enum OrderDirection {
    /// Smallest first.
    #[default]
    Asc,
    /// Largest first.
    Desc,
}

impl From<OrderDirection> for sea_orm::Order {
    fn from(direction: OrderDirection) -> Self {
        match direction {
            OrderDirection::Asc => sea_orm::Order::Asc,
            OrderDirection::Desc => sea_orm::Order::Desc,
        }
    }
}

/// Declares `<Name>Order { field, direction }` and `<Name>OrderField` for an entity, and
/// the conversion of a list of them into sea-orm order terms.
macro_rules! order_input {
    ($(#[$doc:meta])* $input:ident, $field:ident, $module:ident { $($(#[$vdoc:meta])* $variant:ident => $column:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(async_graphql::Enum, Copy, Clone, Debug, PartialEq, Eq)]
        pub enum $field {
            $($(#[$vdoc])* $variant,)*
        }

        /// One sort term.
        #[derive(async_graphql::InputObject, Clone, Debug)]
        pub struct $input {
            /// What to sort by.
            pub field: $field,
            /// Which way.
            #[graphql(default)]
            pub direction: crate::graphql::query::order::OrderDirection,
        }

        impl $input {
            /// The sea-orm order terms for a list of sort terms, in the order given.
            pub fn terms(order_by: &[Self]) -> Vec<(entity::$module::Column, sea_orm::Order)> {
                order_by
                    .iter()
                    .map(|term| {
                        let column = match term.field {
                            $($field::$variant => entity::$module::Column::$column,)*
                        };
                        (column, term.direction.into())
                    })
                    .collect()
            }
        }
    };
}
pub(crate) use order_input;
