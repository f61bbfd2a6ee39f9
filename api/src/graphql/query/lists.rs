//! The one piece behind the root lists: the Relay arguments, the typed `filter` and the
//! `orderBy` terms in, one page of the caller's visible rows out
//! ([`list`](crate::graphql::connection::list)). `priorities` alone writes its resolver
//! by hand: without an `orderBy` it sorts by plan before the natural order.

/// Declares root lists as fields of a small query object. Each line names the field, the
/// node type, its entity, the filter input and the order input (none for a list offered
/// in its natural order only), then how the filter becomes a condition: a closure over the
/// request context, the filter (its default when none is given) and the sort terms, which
/// returns the [`Conditions`](super::filter::Conditions) it built and may refuse the
/// request (`BAD_USER_INPUT` naming the filter field):
///
/// ```ignore
/// root_lists! {
///     /// Root lists of the organisation.
///     OrganisationLists {
///         /// The city's areas (gebieden).
///         areas: Area of area where AreaFilter sorted AreaOrder => |_ctx, filter, _order| {
///             Ok(Conditions::new().eq(area::Column::Code, filter.code))
///         },
///     }
/// }
/// ```
macro_rules! root_lists {
    (@order_type $order:ident) => { $order };
    (@order_type) => { () };
    (@terms $order_by:ident $order:ident) => { $order::terms(&$order_by) };
    (@terms $order_by:ident) => { Vec::new() };
    (@sorted $order_by:ident $order:ident) => { $order_by.unwrap_or_default() };
    (@sorted) => { Vec::new() };
    ($(#[doc = $sdoc:literal])* $lists:ident {
        $(
            $(#[doc = $doc:literal])*
            $field:ident: $node:ident of $module:ident where $filter:ident $(sorted $order:ident)?
                => |$ctx:ident, $f:ident, $o:ident| $body:block
        ),* $(,)?
    }) => {
        $(#[doc = $sdoc])*
        #[derive(Default)]
        pub struct $lists;

        #[async_graphql::Object]
        impl $lists {
            $(
                $(#[doc = $doc])*
                #[allow(clippy::too_many_arguments)]
                async fn $field(
                    &self,
                    ctx: &async_graphql::Context<'_>,
                    filter: Option<$filter>,
                    $(order_by: Option<Vec<$order>>,)?
                    first: Option<i32>,
                    after: Option<String>,
                    last: Option<i32>,
                    before: Option<String>,
                ) -> async_graphql::Result<crate::graphql::connection::Conn<$node>> {
                    let sorted: Vec<crate::graphql::query::lists::root_lists!(@order_type $($order)?)> =
                        crate::graphql::query::lists::root_lists!(@sorted $(order_by $order)?);
                    let condition = |$ctx: &async_graphql::Context<'_>,
                                     $f: $filter,
                                     $o: &[crate::graphql::query::lists::root_lists!(@order_type $($order)?)]|
                     -> async_graphql::Result<crate::graphql::query::filter::Conditions> { $body };
                    let criteria: crate::access::Criteria = condition(ctx, filter.unwrap_or_default(), &sorted)?.into();
                    crate::graphql::connection::list::<entity::$module::Entity, _>(
                        ctx,
                        criteria,
                        &crate::graphql::query::lists::root_lists!(@terms sorted $($order)?),
                        crate::graphql::connection::PageArgs::new(first, after, last, before),
                    )
                    .await
                }
            )*
        }
    };
}
pub(crate) use root_lists;
