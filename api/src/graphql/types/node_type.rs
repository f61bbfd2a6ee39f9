//! `node_type!`: an object type over one entity row, its belongs-to fields and the
//! columns its fields read.

/// Declares a GraphQL object type wrapping one entity row, with its Relay type name, and
/// its belongs-to fields: each line names the field, the linked node type, the linked
/// entity and the row's key column. The fields land in a small object (`<holder>`, holding
/// the keys) that the type flattens into itself with `#[graphql(flatten)]`; a list of the
/// type reads the links its query selects a level at a time ([`crate::graphql::links`]).
///
/// A type whose entity decodes partial rows (`decoded by` in `access::scope`) may add a
/// `reads` block: each GraphQL field (as GraphQL spells it) and the columns it reads
/// besides the id. A list whose nodes select only declared fields reads only those
/// columns; any other field makes it read whole rows. A test reads every field alone and
/// with all the others and compares.
///
/// ```ignore
/// node_type!(
///     /// A commitment.
///     Commitment wraps commitment links CommitmentLinks {
///         /// The cluster asked to commit.
///         cluster: Cluster by cluster from cluster_id,
///     } reads {
///         id: [],
///         overdue: [Status, ResponseDeadline],
///         cluster: [ClusterId],
///     }
/// );
/// ```
macro_rules! node_type {
    ($(#[$doc:meta])* $name:ident wraps $module:ident) => {
        crate::graphql::types::node_type!(@row $(#[$doc])* $name wraps $module);

        impl crate::graphql::links::Linked for $name {
            type Model = entity::$module::Model;
            fn links() -> &'static [crate::graphql::links::LinkSpec<entity::$module::Model>] {
                &[]
            }
        }
    };
    ($(#[$doc:meta])* $name:ident wraps $module:ident links $holder:ident {
        $($(#[doc = $ldoc:literal])* $field:ident: $node:ident by $target:ident from $key:ident),* $(,)?
    } $(reads {
        $($read:ident: [$($column:ident),*]),* $(,)?
    })?) => {
        crate::graphql::types::node_type!(@row $(#[$doc])* $name wraps $module);

        impl crate::graphql::links::Linked for $name {
            type Model = entity::$module::Model;
            fn links() -> &'static [crate::graphql::links::LinkSpec<entity::$module::Model>] {
                const LINKS: &[crate::graphql::links::LinkSpec<entity::$module::Model>] = &[$(
                    crate::graphql::links::LinkSpec {
                        field: stringify!($field),
                        key: |row: &entity::$module::Model| {
                            crate::graphql::links::LinkKey::link_key(&row.$key)
                        },
                        load: crate::graphql::links::load_into::<entity::$target::Entity, $node>,
                        below: crate::graphql::links::wanted::<$node>,
                    }
                ),*];
                LINKS
            }
            $(
                fn reads(field: &str) -> Option<&'static [entity::$module::Column]> {
                    match field {
                        $(stringify!($read) => Some(&[$(entity::$module::Column::$column),*]),)*
                        _ => None,
                    }
                }
            )?
        }

        #[doc = concat!("The belongs-to fields of [`", stringify!($name), "`], by the keys its row holds.")]
        pub struct $holder {
            $($field: Option<i32>,)*
        }

        impl $holder {
            /// The keys of `row`.
            pub fn of(row: &entity::$module::Model) -> Self {
                Self {
                    $($field: crate::graphql::links::LinkKey::link_key(&row.$key),)*
                }
            }
        }

        #[async_graphql::Object]
        impl $holder {
            $(
                $(#[doc = $ldoc])*
                async fn $field(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                ) -> async_graphql::Result<Option<crate::graphql::lean::Lean<$node>>> {
                    Ok(crate::graphql::context::one::<entity::$target::Entity, $node>(ctx, self.$field)
                        .await?
                        .map(crate::graphql::lean::Lean))
                }
            )*
        }
    };
    (@row $(#[$doc:meta])* $name:ident wraps $module:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(pub entity::$module::Model);

        impl $name {
            /// The GraphQL type name, the prefix of its global ids.
            pub const TYPE_NAME: &'static str = stringify!($name);

            /// The Relay global id of this object.
            pub fn global_id(&self) -> async_graphql::ID {
                crate::graphql::relay::encode_id(Self::TYPE_NAME, self.0.id)
            }
        }

        impl From<entity::$module::Model> for $name {
            fn from(row: entity::$module::Model) -> Self {
                Self(row)
            }
        }
    };
}
pub(crate) use node_type;
