//! `connections!`: an object type's connection fields, declared a line each.

/// Declares the has-many connection fields of an object type: each line names the field,
/// the node type and the child entity's column that points at the parent. Lists reached
/// through a link table follow in a `through` block: the field, the node type, the child
/// entity, and the link table's columns holding the child's and the parent's ids. The
/// fields land in a small object (`<Type>Connections`, holding the parent's id) that the
/// type flattens into itself with `#[graphql(flatten)]`:
///
/// ```ignore
/// connections! {
///     ClusterConnections of Cluster {
///         /// Commitments asked of or given by this cluster.
///         commitments: Commitment by commitment::ClusterId,
///     }
/// }
/// connections! {
///     AreaConnections of Area {}
///     through representative_body_coverage {
///         /// Residents' bodies covering this area.
///         representative_bodies: RepresentativeBody of representative_body by BodyId from AreaId,
///     }
/// }
/// ```
macro_rules! connections {
    ($holder:ident of $parent:ident {
        $($(#[doc = $doc:literal])* $field:ident: $node:ident by $module:ident::$column:ident),* $(,)?
    } $(through $link:ident {
        $($(#[doc = $ldoc:literal])* $lfield:ident: $lnode:ident of $lmodule:ident by $child:ident from $from:ident),* $(,)?
    })?) => {
        #[doc = concat!("The has-many connection fields of [`", stringify!($parent), "`], by its id.")]
        #[derive(Clone, Copy)]
        pub struct $holder(pub i32);

        #[async_graphql::Object]
        impl $holder {
            $(
                $(#[doc = $doc])*
                async fn $field(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    first: Option<i32>,
                    after: Option<String>,
                    last: Option<i32>,
                    before: Option<String>,
                ) -> async_graphql::Result<crate::graphql::connection::Conn<$node>> {
                    crate::graphql::connection::children::<entity::$module::Entity, $node>(
                        ctx,
                        entity::$module::Column::$column,
                        self.0,
                        crate::graphql::connection::PageArgs::new(first, after, last, before),
                    )
                    .await
                }
            )*
            $($(
                $(#[doc = $ldoc])*
                async fn $lfield(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    first: Option<i32>,
                    after: Option<String>,
                    last: Option<i32>,
                    before: Option<String>,
                ) -> async_graphql::Result<crate::graphql::connection::Conn<$lnode>> {
                    crate::graphql::connection::through::<
                        entity::$lmodule::Entity,
                        entity::$link::Entity,
                        $lnode,
                    >(
                        ctx,
                        entity::$link::Column::$child,
                        entity::$link::Column::$from,
                        self.0,
                        crate::graphql::connection::PageArgs::new(first, after, last, before),
                    )
                    .await
                }
            )*)?
        }
    };
}
pub(crate) use connections;
