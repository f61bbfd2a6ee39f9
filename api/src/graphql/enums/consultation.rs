//! The consultation of a plan: the area committee's advice and the clusters' positions.

use async_graphql::Enum;

/// The area director's response to the area committee's advice.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::AdviceResponse")]
pub enum AdviceResponse {
    /// The advice was followed.
    Followed,
    /// Partly followed (the reason says which part not).
    PartlyFollowed,
    /// Not followed (the reason says why).
    NotFollowed,
}

/// A cluster's position on an action it is asked to lead.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::ClusterPosition")]
pub enum ClusterPosition {
    /// The cluster supports the action and will lead it.
    Support,
    /// The cluster supports it with a reservation (the reason says which).
    SupportWithReservation,
    /// The cluster objects (the reason says why).
    Object,
}

/// Traffic light of an action's progress (stoplicht).
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::TrafficLight")]
pub enum TrafficLight {
    /// On track (groen).
    Green,
    /// At risk (oranje).
    Amber,
    /// Off track (rood).
    Red,
    /// No data (grijs).
    Grey,
}

/// Tension between a neighbourhood priority and city policy.
#[derive(Enum, Copy, Clone, Debug, PartialEq, Eq)]
#[graphql(remote = "entity::enums::CityAlignment")]
pub enum CityAlignment {
    /// Not assessed yet.
    Unassessed,
    /// Aligned with the city programme.
    Aligned,
    /// Needs a city-wide trade-off (the wish-list risk).
    NeedsCityTradeOff,
    /// Short-term neighbourhood need against long-term city aim.
    ShortVsLongTerm,
    /// Conflicts with city policy.
    Conflict,
}
