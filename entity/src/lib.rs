//! wijkgraph's sea-orm entities: one module per table, plus the stored enums.
//!
//! No business rules live here; `api/src/domain` owns them and `migration` builds the
//! tables from these definitions.

#![allow(missing_docs)] // derive macros generate undocumented items (Column, ActiveModel, ...)

pub mod action;
pub mod action_position;
pub mod adoption_waiver;
pub mod area;
pub mod audit_event;
pub mod budget_amendment;
pub mod budget_line;
pub mod budget_line_amount;
pub mod city_programme;
pub mod cluster;
pub mod commitment;
pub mod committee_advice;
pub mod deadline_notice;
pub mod enums;
pub mod escalation;
pub mod escalation_event;
pub mod idempotency_key;
pub mod input_landing;
pub mod neighbourhood;
pub mod person;
pub mod plan;
pub mod plan_revision;
pub mod pnc_document;
pub mod priority;
pub mod product;
pub mod progress_update;
pub mod representative_body;
pub mod representative_body_coverage;
pub mod resident_input;
pub mod team_membership;
